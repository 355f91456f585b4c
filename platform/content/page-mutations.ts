/** Whether a mutation changed the page's text, ignoring our own elements (a page that only restyles costs nothing). */
export function isTextChange(r: MutationRecord): boolean {
  if (r.type === 'characterData') return true;
  const ours = (n: Node) => n.nodeName === 'CECOT-LENS-OVERLAY' || n.nodeName === 'CECOT-LENS-MARK';
  for (const n of r.addedNodes) if (!ours(n) && (n.nodeType === 1 || (n.nodeType === 3 && (n as Text).data.trim()))) return true;
  for (const n of r.removedNodes) if (!ours(n) && (n.nodeType === 1 || n.nodeType === 3)) return true;
  return false;
}
