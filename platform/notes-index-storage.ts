import { browser } from 'wxt/browser';
import type { NotesIndexStore } from '../lib/notes-index/keeper';
import { NOTES_INDEX_KEY } from '../lib/notes-index/notes-index';

/** The notes index in `storage.local`, where the every-page script reads it without a message. */
export function notesIndexStorage(): NotesIndexStore {
  return {
    read: async () => (await browser.storage.local.get(NOTES_INDEX_KEY))[NOTES_INDEX_KEY],
    write: (index) => browser.storage.local.set({ [NOTES_INDEX_KEY]: index }),
    newSalt: () => Array.from(crypto.getRandomValues(new Uint32Array(2)), (x) => x.toString(16)).join(''),
  };
}
