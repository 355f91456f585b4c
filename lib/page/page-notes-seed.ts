import type { PackedNoteAnchors } from '../store/note-anchors-packed';

/**
 * The reader's notes on a page, handed to the page session by the background that loads it.
 * The background reads them while it decides to load the session (lib/background/page-notes-prefetch.ts);
 * the session used to ask for them on its first line and wait for the reply: a round trip through the
 * background that began only once the session was in the page, behind the page's own work after
 * DOMContentLoaded, and whose reply then waited for the session's module evaluation (8–23 ms from the
 * session's first line to its notes in `npm run bench -- browser --notes`). Handed over, they are there as
 * the session starts, as a rule. When the read is not done in time, no notes travel and the session's request answers.
 *
 * It travels as JSON text, like the session's start (session-start.ts): Chromium's executeScript drops a null
 * property from its arguments, and the columns hold nulls. The session unpacks it through
 * `unpackNoteAnchors`, which refuses columns that do not line up.
 */
export const PAGE_NOTES_SEED = '__cecotLensPageNotes';
/**
 * The notes are sent in their own injection as soon as they are read, after the key's and the session's (waiting
 * for them held the session's injection back, which could then miss its turn before the page's first frame). If
 * they come after the session has started, the session has asked for them, and left this function for them.
 */
export const PAGE_NOTES_HOOK = '__cecotLensOnPageNotes';

export interface PageNotes {
  /** The key the notes were read under: the session uses them only for the page key it was handed. */
  canonicalUrl: string;
  anchors: PackedNoteAnchors;
}

export function writePageNotes(notes: PageNotes): string {
  return JSON.stringify(notes);
}

/** The seed as the background left it, or null for anything else (the session then asks for its notes). */
export function readPageNotes(value: unknown): PageNotes | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { canonicalUrl, anchors } = parsed as Record<string, unknown>;
    if (typeof canonicalUrl !== 'string' || typeof anchors !== 'object' || anchors === null) return null;
    return { canonicalUrl, anchors: anchors as PackedNoteAnchors };
  } catch {
    return null;
  }
}
