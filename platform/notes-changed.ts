import { browser } from 'wxt/browser';
import { NotesChanged } from '../lib/messages/content-protocol';

/** Calls back when the background says notes changed (their ids, or null for any). */
export function watchNotesChanged(onChange: (ids: string[] | null) => void): () => void {
  const listener = (message: unknown) => {
    const parsed = NotesChanged.safeParse(message);
    if (parsed.success) onChange(parsed.data.ids);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
