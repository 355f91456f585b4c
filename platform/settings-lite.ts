import { browser } from 'wxt/browser';
import { asNotesIndex, NOTES_INDEX_KEY, type NotesIndex } from '../lib/notes-index/notes-index';
import { USER_TOPIC_KEY } from '../lib/topic/user-terms';
import { TIMELINE_KEY } from './content/timeline';

/** What the always-on script reads from extension storage: one read, no message to the background. */
export interface GateState {
  disabledSites: string[];
  notesIndex: NotesIndex | null;
  /** The reader's own recognition terms (the Dataset page), as gate phrases. */
  userPhrases: string[];
  /** Whether our steps go on the page's performance timeline (platform/content/timeline.ts): off unless a bench or test set it. */
  timeline: boolean;
}

/**
 * The reader's switched-off sites and the index of pages with notes, in one
 * storage read. Read without the settings schema to keep that script small;
 * anything that is not a list of strings counts as an empty list (the options
 * page validates what it writes), and an unreadable index as none.
 */
export async function loadGateState(): Promise<GateState> {
  const raw = await browser.storage.local.get(['settings', NOTES_INDEX_KEY, USER_TOPIC_KEY, TIMELINE_KEY]);
  return {
    disabledSites: disabledSitesOf(raw.settings),
    notesIndex: asNotesIndex(raw[NOTES_INDEX_KEY]),
    userPhrases: userGatePhrasesOf(raw[USER_TOPIC_KEY]),
    timeline: raw[TIMELINE_KEY] === true,
  };
}

function disabledSitesOf(settings: unknown): string[] {
  const sites = (settings as { disabledSites?: unknown } | undefined)?.disabledSites;
  return Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string') : [];
}

/** The index of pages with notes alone (the page session's first question: are there notes to draw here?). */
export async function loadNotesIndex(): Promise<NotesIndex | null> {
  const raw = await browser.storage.local.get(NOTES_INDEX_KEY);
  return asNotesIndex(raw[NOTES_INDEX_KEY]);
}

/** Calls back with the new index whenever the background rewrites it (a note saved elsewhere, an import, a sync). */
export function watchNotesIndex(callback: (index: NotesIndex | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && NOTES_INDEX_KEY in changes) callback(asNotesIndex(changes[NOTES_INDEX_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The reader's recognition terms' phrases, left by the background (lib/topic/user-terms.ts); anything malformed counts as none. */
function userGatePhrasesOf(raw: unknown): string[] {
  const list = (raw as { gatePhrases?: unknown } | undefined)?.gatePhrases;
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 200).slice(0, 2000) : [];
}
