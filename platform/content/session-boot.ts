import { browser } from 'wxt/browser';
import { PAGE_KEY_SEED, readPageKey } from '../../lib/page/page-key';
import { readSessionStart, SESSION_START_SEED } from '../../lib/page/session-start';
import { PAGE_NOTES_HOOK, PAGE_NOTES_SEED, readPageNotes } from '../../lib/page/page-notes-seed';
import { USER_TOPIC_KEY } from '../../lib/topic/user-terms';
import type { NoteAnchor } from '../../lib/store/note-anchors-repo';
import { unpackNoteAnchors } from '../../lib/store/note-anchors-packed';
import { ask } from '../messaging';
import { mark, timedAsync } from './timeline';

/**
 * Imported first by entrypoints/page-session.ts (its own imports are a few small modules), so this runs
 * before the rest of the session is evaluated: from here to `session-start` is the script's evaluation,
 * and before here its injection, in the breakdown of `npm run bench`.
 *
 * The session's first questions go from here, so that they are answered while the script's other modules
 * are built (some 15 ms that hold the page's main thread on a long page), not asked after: its settings and
 * the reader's recognition terms (one storage read, unless the background handed them over), and, when the background left the page's key
 * (platform/inject-session.ts), the reader's notes on the page, unless it handed them over too. The notes are asked for even where the local
 * notes index would have said "none": the message is on its way before the index could be read, and the
 * background's answer is the index's source.
 */
mark('session-eval');

const g = globalThis as Record<string, unknown>;
const given = readSessionStart(g[SESSION_START_SEED]);
delete g[SESSION_START_SEED];

/**
 * What the session starts from: the settings and the reader's terms as the background handed them over with
 * the page's key (lib/page/session-start.ts), already read through their schemas there; else the raw storage
 * values (the terms in their stored form, `{ terms }`), read now, for the session to validate.
 */
export type BootStart = { fromBackground: true; settings: unknown; userTerms: unknown } | { fromBackground: false; settings: unknown; userTopic: unknown };

export const bootStorage: Promise<BootStart> = given
  ? Promise.resolve({ fromBackground: true, settings: given.settings, userTerms: given.userTerms })
  : timedAsync('boot-storage', () => browser.storage.local.get(['settings', USER_TOPIC_KEY])).then((raw) => ({ fromBackground: false, settings: raw.settings, userTopic: raw[USER_TOPIC_KEY] }));
bootStorage.catch(() => undefined);

const seed = readPageKey(g[PAGE_KEY_SEED]);
const handed = readPageNotes(g[PAGE_NOTES_SEED]);
delete g[PAGE_NOTES_SEED];

/**
 * The notes of the page the session was injected into: those the background handed over (lib/page/page-notes-seed.ts),
 * left before this script ran or given to the hook left here if they come while it waits; else the reply to the
 * request sent at once, whichever is first. Null when the background gave no key.
 */
export const bootNotes: { url: string; canonicalUrl: string; list: Promise<NoteAnchor[]> } | null =
  seed && seed.url === location.href ? { url: seed.url, canonicalUrl: seed.canonicalUrl, list: notesFor(seed.canonicalUrl) } : null;
bootNotes?.list.catch(() => undefined);

function notesFor(canonicalUrl: string): Promise<NoteAnchor[]> {
  if (handed?.canonicalUrl === canonicalUrl) return Promise.resolve(handed.anchors).then(unpackNoteAnchors);
  const coming = new Promise<NoteAnchor[]>((resolve, reject) => {
    g[PAGE_NOTES_HOOK] = (text: unknown) => {
      delete g[PAGE_NOTES_HOOK];
      const notes = readPageNotes(text);
      if (notes?.canonicalUrl === canonicalUrl) Promise.resolve(notes.anchors).then(unpackNoteAnchors).then(resolve, reject);
    };
  });
  const asked = ask({ type: 'annotations/anchors', canonicalUrl }).then(unpackNoteAnchors);
  // Whichever comes first; the hook goes once the reply is in.
  void asked.finally(() => delete g[PAGE_NOTES_HOOK]).catch(() => undefined);
  return Promise.race([coming, asked]);
}
