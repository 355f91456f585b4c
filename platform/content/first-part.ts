import { heuristicText } from '../../lib/extract/heuristic-text';
import { mapHolds, type TextMap } from '../../lib/extract/text-map';
import { MAX_PAGE_TEXT } from '../../lib/messages/limits';
import type { PageAnalysis } from '../../lib/messages/protocol';
import { leadingPart } from '../../lib/page/leading-part';
import { ask } from '../messaging';
import { timed } from './timeline';

/**
 * About the first screen of an article (some 650 words; a 1280×860 window shows 2,500–5,000 characters of
 * article text): analysed first on long pages, and painted while the whole text is analysed. The analysis and
 * its reply (some 12 characters of JSON per character of text) grow with it: at 12,000, they were most of the
 * time from the session's start to its first highlight.
 */
export const FIRST_PART_CHARS = 4_000;

/** A long page's first screen, as the heuristic extraction (no Readability) gives it, with the text it was cut from. */
export interface FirstPart {
  url: string;
  title: string;
  language: string;
  /** The beginning of the heuristic's text (at least twice `head`), and its map into the live DOM. */
  text: string;
  map: TextMap;
  head: string;
}

/**
 * The first part of the page's text, by a walk of only as much of the page as tells it (leadingPart wants
 * twice its size); null when the page is too short to have one (its whole text is analysed at once).
 */
export function firstPartOf(doc: Document, url: string): FirstPart | null {
  const quick = heuristicText(doc, 2 * FIRST_PART_CHARS);
  const head = leadingPart(quick.text.slice(0, MAX_PAGE_TEXT), FIRST_PART_CHARS);
  return head ? { url, ...quick, head } : null;
}

/** Asks the background for the first part's analysis (it costs the tab's rate limit nothing: see handlers.ts). */
export function analyseFirstPart(part: FirstPart): Promise<PageAnalysis | null> {
  return ask({ type: 'page/analyze', url: part.url, title: part.title, language: part.language, text: part.head, part: 'first' }).catch(() => null);
}

/** Kept on the content scripts' own global, which the always-on script and the page session share (not the page's). */
const SLOT = Symbol.for('cecot-lens.first-part');
type Slot = { [SLOT]?: { part: FirstPart; analysis: Promise<PageAnalysis | null> } };

/**
 * Called by the always-on script the moment its gate passes, right after it has asked for the session: the
 * first screen is extracted and sent for analysis now, so that the background analyses it while it loads the
 * session into the tab (some 70 ms on a long page, most of it waiting for the page's main thread), rather than
 * after. The session takes the answer (`takeFirstPart`) and paints it as it starts.
 */
export function sendFirstPart(doc: Document, url: string): void {
  try {
    const part = timed('gate-first-part', () => firstPartOf(doc, url));
    if (!part) return;
    const analysis = analyseFirstPart(part);
    (globalThis as Slot)[SLOT] = { part, analysis };
  } catch {
    // The session extracts the first part itself.
  }
}

/**
 * The first part the always-on script sent for this address, taken once; null when there is none or the
 * page has changed the text since (its map would no longer lead to the same words).
 */
export function takeFirstPart(url: string): { part: FirstPart; analysis: Promise<PageAnalysis | null> } | null {
  const g = globalThis as Slot;
  const sent = g[SLOT];
  delete g[SLOT];
  if (!sent || sent.part.url !== url || !mapHolds(sent.part.text, sent.part.map)) return null;
  return sent;
}
