import type { Handlers } from '../messages/route';
import { requireExtensionPage } from '../messages/route';
import type { PageReport } from '../page/page-report';
import type { LensDb } from '../store/db';
import { getDeviceId } from '../store/device-id';
import { addTagToAnnotations, deleteAnnotations, listLibrary, listLibraryFirst, purgeOldTrash, recordAnchoring, restoreAnnotations } from '../store/library-repo';
import type { TabRegistry } from './tab-registry';

/** What the library's handlers need from the browser. */
export interface LibraryEffects {
  /** Tells extension pages which notes changed (null: any of them). */
  notesChanged(ids: string[] | null): void;
  /** Tells tabs showing these pages to re-read their notes. */
  notifyAnnotationsChanged(tabId: number | undefined, canonicalUrl: string): void;
  /** Brings a tab and its window to the front. */
  showTab(tabId: number): Promise<void>;
  /** Opens a new tab on a page; resolves to its id. */
  openTab(url: string): Promise<number>;
  /** Asks a tab's page session to scroll to a note and flash it. */
  scrollTabToNote(tabId: number, annotationId: string): void;
  now(): Date;
}

type LibraryTypes = 'library/list' | 'library/restore' | 'library/bulk' | 'tab/open-note';

/** The library's messages. Every one is refused unless it comes from the extension's own pages. */
export function makeLibraryHandlers(db: LensDb, tabs: TabRegistry, effects: LibraryEffects): Pick<Handlers, LibraryTypes> {
  const changed = (records: readonly { id: string; canonicalUrl: string }[]) => {
    if (!records.length) return;
    effects.notesChanged(records.map((r) => r.id));
    for (const url of new Set(records.map((r) => r.canonicalUrl))) effects.notifyAnnotationsChanged(undefined, url);
  };
  return {
    'library/list': async ({ ids, first }, sender) => {
      requireExtensionPage(sender);
      const now = effects.now();
      const thisDevice = await getDeviceId(db);
      if (first && !ids) return { ...(await listLibraryFirst(db, now, first)), thisDevice };
      if (!ids) await purgeOldTrash(db, now);
      return { ...(await listLibrary(db, now, ids)), thisDevice };
    },
    'library/restore': async ({ ids }, sender) => {
      requireExtensionPage(sender);
      const restored = await restoreAnnotations(db, ids, await getDeviceId(db), effects.now());
      changed(restored);
      return { restored: restored.length };
    },
    'library/bulk': async ({ ids, action }, sender) => {
      requireExtensionPage(sender);
      const deviceId = await getDeviceId(db);
      const out = action.kind === 'tag' ? await addTagToAnnotations(db, ids, action.tag, deviceId, effects.now()) : await deleteAnnotations(db, ids, deviceId, effects.now());
      changed(out);
      return { changed: out.length };
    },
    'tab/open-note': async ({ id }, sender) => {
      requireExtensionPage(sender);
      const note = await db.annotations.get(id);
      if (!note || note.deletedAt !== null) throw new Error('this note is not there any more (deleted?)');
      const showing = await tabs.tabsShowing(note.canonicalUrl);
      const existing = showing[0];
      // A tab that went away without the registry hearing of it: open a new one instead.
      const shown = existing !== undefined && (await effects.showTab(existing).then(() => true, () => false));
      if (existing !== undefined && !shown) await tabs.forget(existing);
      if (existing !== undefined && shown) {
        const state = await tabs.get(existing);
        // Already anchored there: scroll now. Otherwise wait for the page's next report.
        if (state.report?.anchoring.attached.includes(id)) effects.scrollTabToNote(existing, id);
        else await tabs.setPendingNote(existing, id);
        return { tabId: existing, opened: 'existing' as const };
      }
      const tabId = await effects.openTab(note.url);
      await tabs.setPendingNote(tabId, id);
      return { tabId, opened: 'new' as const };
    },
  };
}

/**
 * After a tab reports: remember which of its page's notes were found, and
 * scroll to the note the library asked for once it is anchored.
 */
export async function afterTabReport(db: LensDb, tabs: TabRegistry, effects: Pick<LibraryEffects, 'scrollTabToNote' | 'notesChanged' | 'now'>, tabId: number, report: PageReport): Promise<void> {
  const pending = await tabs.pendingNote(tabId);
  if (pending && report.anchoring.attached.includes(pending)) {
    effects.scrollTabToNote(tabId, pending);
    await tabs.setPendingNote(tabId, null);
  } else if (pending && report.anchoring.orphans.includes(pending)) {
    // Not on the page any more: the page is shown, there is nothing to scroll to.
    await tabs.setPendingNote(tabId, null);
  }
  try {
    const changed = await recordAnchoring(db, report, effects.now());
    // The library lists orphans: tell it which notes were found missing, or found again.
    if (changed.length) effects.notesChanged(changed);
  } catch (error) {
    console.error('[cecot-lens] anchor status not recorded', error);
  }
}

