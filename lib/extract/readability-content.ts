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
  return runSteps(readabilitySteps(doc, Readability));
}

/** A step of work, named by what it did, after which the caller may let the page run (see `readabilitySteps`). */
export type StepName = 'clone' | 'pair' | 'readability-prepare' | 'readability' | 'readability-clean' | 'collect' | 'render';

/** Runs a stepped computation to its end at once. */
export function runSteps<T>(steps: Generator<StepName, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `readabilityChoice` in steps: the clone, its pairing with the page, Readability's run and the mapping back are
 * each a step, named as it ends, so that a caller in a browser can give the page's main thread back between them
 * (the whole is tens of milliseconds on a long page). The clone is taken in the first step, so what Readability
 * reads is the page as it was then, whatever the page does between the steps.
 */
export function* readabilitySteps(doc: Document, Readability: ReadabilityLike): Generator<StepName, ReadabilityChoice | null, void> {
  const clone = doc.cloneNode(true) as Document;
  yield 'clone';
  const pairs = new Map<Node, Text>();
  const paired = yield* pairTextNodes(doc, clone, pairs);
  yield 'pair';
  if (!paired) return null;
  let content: unknown;
  let title: string | null = null;
  let lang: string | null = null;
  try {
    const article = yield* parseSteps(new Readability(clone, { serializer: (node: Node) => node }));
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
  yield 'collect';
  return textNodes.size ? { textNodes, title, lang } : null;
}

/** Readability 0.6's own steps (its `parse()`, which runs them in this order), for running them apart. */
interface ReadabilitySteps {
  _maxElemsToParse?: number;
  _disableJSONLD?: boolean;
  _doc: Document;
  _unwrapNoscriptImages(doc: Document): void;
  _getJSONLD(doc: Document): unknown;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
  _getArticleMetadata(jsonLd: unknown): { title?: string | null };
  _grabArticle(): Element | null;
  _postProcessContent(content: Element): void;
  _metadata?: unknown;
  _articleTitle?: string | null;
  _articleLang?: string | null;
  _serializer(node: Node): unknown;
}

const STEP_METHODS = ['_unwrapNoscriptImages', '_getJSONLD', '_removeScripts', '_prepDocument', '_getArticleMetadata', '_grabArticle', '_postProcessContent', '_serializer'] as const;

/**
 * Readability's `parse()` as three steps with a pause between them: preparing the document (scripts, styles,
 * metadata), choosing the article (most of the time), and cleaning it up. The same calls in the same order as
 * `parse()` in @mozilla/readability 0.6 (what `parse()` adds after them, the article's excerpt and its whole
 * `textContent`, is not read here); any other version's, without these methods, runs `parse()` whole.
 */
function* parseSteps(reader: InstanceType<ReadabilityLike>): Generator<StepName, { title?: string | null; content?: unknown; lang?: string | null } | null, void> {
  const r = reader as unknown as ReadabilitySteps;
  if (!STEP_METHODS.every((m) => typeof r[m] === 'function') || typeof r._doc !== 'object') {
    const article = reader.parse();
    yield 'readability';
    return article;
  }
  if ((r._maxElemsToParse ?? 0) > 0 && r._doc.getElementsByTagName('*').length > (r._maxElemsToParse ?? 0)) throw new Error('Aborting parsing document');
  r._unwrapNoscriptImages(r._doc);
  const jsonLd = r._disableJSONLD ? {} : r._getJSONLD(r._doc);
  r._removeScripts(r._doc);
  r._prepDocument();
  const metadata = r._getArticleMetadata(jsonLd);
  r._metadata = metadata;
  r._articleTitle = metadata.title;
  yield 'readability-prepare';
  const content = r._grabArticle();
  yield 'readability';
  if (!content) return null;
  r._postProcessContent(content);
  yield 'readability-clean';
  return { title: r._articleTitle, lang: r._articleLang, content: r._serializer(content) };
}

/** Nodes paired between pauses. */
const PAIR_STEP_NODES = 8_000;

/** Walks both trees in step; false when they differ (they never should right after cloning). */
function* pairTextNodes(a: Node, b: Node, pairs: Map<Node, Text>): Generator<StepName, boolean, void> {
  const stackA: Node[] = [a];
  const stackB: Node[] = [b];
  let count = 0;
  while (stackA.length) {
    // A pause every so many nodes (some 6 ms of work on a long page).
    if (++count % PAIR_STEP_NODES === 0) yield 'pair';
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
