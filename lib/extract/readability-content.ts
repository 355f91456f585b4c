/**
 * Runs Mozilla Readability and maps its choice back to the live document.
 *
 * Readability rewrites the DOM it is given (it renames tags, wraps and drops
 * nodes), so it must work on a clone, and its output cannot be highlighted.
 * On its first pass it does not create text: the Text nodes in its result are
 * the clone's own Text nodes, moved around. So before running it we pair every
 * Text node of the clone with the Text node at the same place in the original
 * (the two trees are identical right after `cloneNode(true)`), and afterwards
 * the Text nodes left in Readability's result tell us exactly which original
 * Text nodes are article text. This is more robust than finding "the same
 * container" in the original: Readability's result is often not one container
 * (it merges siblings, drops share bars inside the article), and pairing by
 * node identity needs no guessing from class names.
 *
 * When a first pass finds too little text, Readability starts again from a
 * copy of the page's HTML, and the Text nodes are new ones. Those are paired
 * by content instead: in document order, each goes to the next original Text
 * node with the same characters, which the re-parse of identical HTML gives.
 *
 * Readability is passed in rather than imported, so a content script that
 * never needs it does not carry it; see `loadReadability`.
 */

/** The subset of `@mozilla/readability`'s class this module uses. */
export interface ReadabilityLike {
  new (doc: Document, options?: { serializer?: (node: Node) => unknown; charThreshold?: number }): {
    parse(): { title?: string | null; content?: unknown; lang?: string | null } | null;
  };
}

export interface ReadabilityChoice {
  /** Original Text nodes that Readability kept as article text. */
  textNodes: Set<Text>;
  title: string | null;
  lang: string | null;
}

/** Loads Readability on demand, so bundlers can keep it out of code that never extracts. */
export async function loadReadability(): Promise<ReadabilityLike> {
  const mod = await import('@mozilla/readability');
  return mod.Readability as unknown as ReadabilityLike;
}

/** Readability's article text as original Text nodes, or null when it finds no article or the clone differs. */
export function readabilityChoice(doc: Document, Readability: ReadabilityLike): ReadabilityChoice | null {
  const clone = doc.cloneNode(true) as Document;
  const pairs = new Map<Node, Text>();
  if (!pairTextNodes(doc, clone, pairs)) return null;
  let content: unknown;
  let title: string | null = null;
  let lang: string | null = null;
  try {
    const article = new Readability(clone, { serializer: (node: Node) => node }).parse();
    if (!article) return null;
    content = article.content;
    title = article.title ?? null;
    lang = article.lang ?? null;
  } catch {
    return null;
  }
  if (!content || typeof content !== 'object' || !('childNodes' in (content as object))) return null;
  const textNodes = new Set<Text>();
  collect(content as Node, pairs, textNodes);
  return textNodes.size ? { textNodes, title, lang } : null;
}

/** Walks both trees in step; false when they differ (they never should right after cloning). */
function pairTextNodes(a: Node, b: Node, pairs: Map<Node, Text>): boolean {
  const stackA: Node[] = [a];
  const stackB: Node[] = [b];
  while (stackA.length) {
    const x = stackA.pop() as Node;
    const y = stackB.pop() as Node;
    if (x.nodeType !== y.nodeType) return false;
    if (x.nodeType === 3) {
      pairs.set(y, x as Text);
      continue;
    }
    const xs = x.childNodes;
    const ys = y.childNodes;
    if (xs.length !== ys.length) return false;
    // Pushed in reverse so nodes are paired, and `pairs` filled, in document order.
    for (let i = xs.length - 1; i >= 0; i--) {
      stackA.push(xs[i] as Node);
      stackB.push(ys[i] as Node);
    }
  }
  return true;
}

/** Original Text nodes for the Text nodes of Readability's result: by identity, else by content in order. */
function collect(node: Node, pairs: Map<Node, Text>, out: Set<Text>): void {
  let originals: Text[] | null = null;
  let order: Map<Text, number> | null = null;
  let next = 0;
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.nodeType !== 3) {
      // Children pushed in reverse so they pop in document order.
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
      continue;
    }
    const data = (n as Text).data;
    const original = pairs.get(n);
    if (!originals) {
      originals = [...new Set(pairs.values())];
      order = new Map(originals.map((t, i) => [t, i] as const));
    }
    if (original) {
      out.add(original);
      next = (order?.get(original) ?? next) + 1;
      continue;
    }
    if (!data.trim()) continue;
    for (let i = next; i < originals.length && i < next + 5000; i++) {
      if (originals[i]?.data === data) {
        out.add(originals[i] as Text);
        next = i + 1;
        break;
      }
    }
  }
}
