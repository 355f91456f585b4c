/**
 * The first screens of a long page's text, for a first, quick analysis whose
 * claims can be painted while the whole text is analysed: cut at the last
 * paragraph break before `size` characters (else the last space), so no
 * sentence is cut in two. Null when the text is short enough that analysing
 * it whole costs little more than its first part.
 */
export function leadingPart(text: string, size: number): string | null {
  if (text.length < size * 2) return null;
  const paragraph = text.lastIndexOf('\n', size);
  const cut = paragraph > size / 2 ? paragraph : text.lastIndexOf(' ', size);
  return cut > 0 ? text.slice(0, cut) : null;
}
