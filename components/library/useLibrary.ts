import { useEffect, useRef, useState } from 'preact/hooks';
import { applyChanges, type NoteSet } from '../../lib/library/changes';
import type { LibraryNote } from '../../lib/library/note';
import { NoteIndex } from '../../lib/library/search-index';
import type { InvalidRecord } from '../../lib/store/annotations-repo';
import { ask } from '../../platform/messaging';
import { watchNotesChanged } from '../../platform/notes-changed';

export interface LibraryData extends NoteSet {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  invalid: InvalidRecord[];
  now: Date;
  /** This install's device id, once the background has answered. */
  thisDevice: string | null;
  /** Bumped when the index changed, so that searches run again. */
  indexVersion: number;
  indexReady: boolean;
  /** False while only the first screen's notes are there. */
  complete: boolean;
}

/** How many of the latest changed notes the first screen asks for (their pages come whole). */
const FIRST_SCREEN = 12;
/** Notes indexed per slice, between which the page stays responsive while the index is first built. */
const INDEX_SLICE = 1_000;

/**
 * The reader's notes as the background holds them, and a search index kept in
 * step: first the first screen's notes, then the whole list, then the index in
 * slices; after that, each change broadcast re-reads only the notes it names.
 */
export function useLibrary(): LibraryData & { index: NoteIndex } {
  const index = useRef(new NoteIndex()).current;
  const [data, setData] = useState<LibraryData>({ status: 'loading', error: null, notes: new Map(), orphans: new Set(), invalid: [], now: new Date(), thisDevice: null, indexVersion: 0, indexReady: false, complete: false });
  const current = useRef<NoteSet>({ notes: new Map(), orphans: new Set() });
  const building = useRef(true);

  useEffect(() => {
    let live = true;
    let queue: Promise<void> = Promise.resolve();
    const refresh = (ids: string[] | null) => {
      // One re-read at a time, in order, so that a late answer never overwrites a newer one.
      queue = queue.then(async () => {
        const list = await ask(ids ? { type: 'library/list', ids } : { type: 'library/list' });
        if (!live) return;
        const next = applyChanges(current.current, list, ids);
        current.current = next;
        if (!building.current) {
          index.remove(next.removed);
          index.upsert(next.upserted);
        }
        setData((d) => ({ ...d, notes: next.notes, orphans: next.orphans, now: new Date(list.now), invalid: ids ? d.invalid : list.invalid, indexVersion: d.indexVersion + 1 }));
      }).catch((e: unknown) => {
        if (live) setData((d) => ({ ...d, error: e instanceof Error ? e.message : String(e) }));
      });
    };
    const stop = watchNotesChanged(refresh);
    void (async () => {
      try {
        // The first screen from a slice (the latest changed notes and the rest of their pages), then everything.
        const asked = performance.now();
        const slice = await ask({ type: 'library/list', first: FIRST_SCREEN });
        performance.measure('cecot-lens:library-first-request', { start: asked, end: performance.now() });
        if (!live) return;
        current.current = { notes: new Map(slice.notes.map((n) => [n.id, n])), orphans: new Set(slice.orphans) };
        setData((d) => ({ ...d, status: 'ready', notes: current.current.notes, orphans: current.current.orphans, invalid: slice.invalid, now: new Date(slice.now), thisDevice: slice.thisDevice }));
        const list = await ask({ type: 'library/list' });
        if (!live) return;
        const whole = applyChanges(current.current, list, null);
        current.current = whole;
        setData((d) => ({ ...d, complete: true, notes: whole.notes, orphans: whole.orphans, invalid: list.invalid, now: new Date(list.now) }));
        // The index after the first screen: slice by slice, yielding to the page between slices.
        const all = [...whole.notes.values()];
        for (let i = 0; i < all.length && live; i += INDEX_SLICE) {
          await new Promise((r) => setTimeout(r, 0));
          index.upsert(all.slice(i, i + INDEX_SLICE));
        }
        // Changes that arrived while building are in `current`: index them too.
        index.upsert([...current.current.notes.values()]);
        index.remove(all.filter((n) => !current.current.notes.has(n.id)).map((n) => n.id));
        building.current = false;
        if (live) setData((d) => ({ ...d, indexReady: true, indexVersion: d.indexVersion + 1 }));
      } catch (e) {
        if (live) setData((d) => ({ ...d, status: d.status === 'loading' ? 'error' : d.status, error: e instanceof Error ? e.message : String(e) }));
      }
    })();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { ...data, index };
}

export type { LibraryNote };
