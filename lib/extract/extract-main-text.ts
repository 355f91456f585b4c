import { detectLanguage, primaryLanguage } from '../text/detect-language';
import { declaredLanguage, furnitureTest, heuristicText, pageTitle, textLanguage } from './heuristic-text';
import { readabilitySteps, runSteps, type ReadabilityLike, type StepName } from './readability-content';
import { isHidden, renderText } from './render-text';
import type { TextMap } from './text-map';

export interface ExtractedText {
  title: string;
  /** The article's text as a reader sees it: collapsed whitespace, "\n" between blocks. */
  text: string;
  /** "en", "es", or another language the page declares. */
  language: string;
  /** Text offsets to DOM positions (see `offsetToDomPoint`); null for plain-text input. */
  map: TextMap | null;
  /** Which method chose the article text. */
  method: 'readability' | 'heuristic' | 'plain-text';
}

export interface ExtractOptions {
  /**
   * `@mozilla/readability`'s `Readability` class (see `loadReadability`). When
   * given, Readability chooses the article text and the built-in heuristic is
   * the fallback; when absent, only the heuristic runs.
   */
  readability?: ReadabilityLike | null;
  /**
   * Only the beginning of the text: rendering stops once it has this many
   * characters (see `renderText`). The text is then the beginning of the
   * unbounded extraction's, offsets and map included.
   */
  maxChars?: number;
}

/**
 * The main text of a document: the article, without navigation, share bars,
 * comments or related-link lists. Every character of `text` that comes from
 * the page is mapped to a Text node of `doc` itself, so the browser can
 * highlight through the map. Works on a browser document and on linkedom's.
 */
export function extractMainText(doc: Document, options: ExtractOptions = {}): ExtractedText {
  return runSteps(extractSteps(doc, options));
}

/**
 * `extractMainText` in steps (see `readabilitySteps`), for a caller that gives the page's main thread back
 * between them: `extractMainTextStepped`. Run at once, it is `extractMainText` itself.
 */
export function* extractSteps(doc: Document, options: ExtractOptions = {}): Generator<StepName, ExtractedText, void> {
  if (options.readability) {
    const declared = declaredLanguage(doc);
    const choice = yield* readabilitySteps(doc, options.readability);
    if (choice) {
      // Between the steps the page may have taken some of the chosen text out of the document: then it is all done
      // again in one go, on the page as it is now (a change of the page brings another pass anyway).
      for (const t of choice.textNodes) if (!t.isConnected) return extractMainText(doc, options);
      const root = commonAncestor(choice.textNodes) ?? doc.body ?? doc.documentElement;
      // Readability keeps some furniture inside articles (share buttons, "related" boxes); drop it here too.
      const furniture = furnitureTest(root);
      const rendered = renderText(root, (t) => choice.textNodes.has(t), (el) => furniture(el) || isHidden(el), options.maxChars);
      if (rendered.text.length >= 200) {
        const title = pageTitle(doc) || choice.title || '';
        return finish(title, rendered.text, rendered.map, declared ?? primaryLanguage(choice.lang), 'readability');
      }
      yield 'render';
    }
  }

  return { ...heuristicText(doc, options.maxChars), method: 'heuristic' };
}

/**
 * `extractMainText` with the page's main thread given back between its steps: `pause` is awaited after each
 * (a browser caller passes a timer of 0 ms, so that input, frames and the page's own tasks run in between), and
 * `step`, when given, is told each step's name with its start and end (for the page's timeline). The same text,
 * map and method as `extractMainText` on the same page.
 */
export async function extractMainTextStepped(
  doc: Document,
  options: ExtractOptions,
  pause: () => Promise<void>,
  step?: (name: StepName, start: number, end: number) => void,
  now: () => number = () => Date.now(),
): Promise<ExtractedText> {
  const steps = extractSteps(doc, options);
  for (;;) {
    const start = now();
    const next = steps.next();
    if (next.done) {
      step?.('render', start, now());
      return next.value;
    }
    step?.(next.value, start, now());
    await pause();
  }
}

/** The deepest node containing every node of the set. */
function commonAncestor(nodes: Set<Text>): Node | null {
  let chain: Node[] | null = null;
  let index = new Map<Node, number>();
  let deepest = 0;
  for (const n of nodes) {
    if (!chain) {
      chain = [];
      for (let a: Node | null = n; a; a = a.parentNode) chain.push(a);
      chain.reverse();
      index = new Map(chain.map((a, i) => [a, i] as const));
      deepest = chain.length - 1;
      continue;
    }
    let a: Node | null = n;
    while (a && !index.has(a)) a = a.parentNode;
    const i = a ? (index.get(a) ?? 0) : 0;
    if (i < deepest) deepest = i;
  }
  return chain ? (chain[deepest] ?? null) : null;
}

function finish(title: string, text: string, map: TextMap, declared: string | null, method: ExtractedText['method']): ExtractedText {
  return { title, text, language: textLanguage(declared, text), map, method };
}

/**
 * Plain text (a .txt file) as the same result: the text unchanged, so offsets
 * stay those of the file; the title is the first line when it looks like one.
 */
export function extractFromText(text: string): ExtractedText {
  const firstLine = /^\s*([^\n]{1,200})\n/.exec(text)?.[1]?.trim() ?? '';
  const title = firstLine && !/[.!?]["”’]?$/.test(firstLine) ? firstLine : '';
  return { title, text, language: detectLanguage(text), map: null, method: 'plain-text' };
}
