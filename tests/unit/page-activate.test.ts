import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TabRegistry } from '../../lib/background/tab-registry';
import { makeHandlers, type BackgroundEffects } from '../../lib/background/handlers';
import type { DataService } from '../../lib/background/data-service';
import type { LayerService } from '../../lib/background/dataset-layer-service';
import type { PageKey } from '../../lib/page/page-key';
import { freshDbs } from './fresh-db';
import { readSessionStart, writeSessionStart } from '../../lib/page/session-start';
import { readPageNotes } from '../../lib/page/page-notes-seed';
import { unpackNoteAnchors } from '../../lib/store/note-anchors-packed';
import { putAnnotations } from '../../lib/store/annotations-repo';
import { numberedNote } from './note-anchors-fixtures';

/**
 * The always-on script asks for its session the moment the gate passes, before its own storage read
 * (with the reader's switched-off sites) is in: the background refuses a switched-off site itself.
 */
describe('page/activate', () => {
  const freshDb = freshDbs('page-activate');

  async function setUp(disabledHosts: string[], sessionStart?: () => Promise<string>) {
    const db = await freshDb();
    const injected: Array<{ tabId: number; key?: PageKey; start?: string }> = [];
    // The notes handed over with the key, apart (the tests below that are not about them see the rest).
    const notes: Array<string | undefined> = [];
    const effects = {
      injectSession: async (tabId: number, key?: PageKey, start?: string, handed?: Promise<string | undefined>) => {
        injected.push({ tabId, key, ...(start === undefined ? {} : { start }) });
        notes.push(await handed);
      },
      siteDisabled: async (url: string) => disabledHosts.includes(new URL(url).hostname),
      ...(sessionStart ? { sessionStart } : {}),
    } as unknown as BackgroundEffects;
    const handlers = makeHandlers(db, async () => ({}) as never, new TabRegistry(), effects, {} as DataService, {} as LayerService);
    return { db, handlers, injected, notes };
  }
  const tab = { kind: 'content-script' as const, tabId: 3 };
  const ask = { type: 'page/activate' as const, url: 'https://news.example/a', canonicalHref: null, gatePassed: true, selection: false };

  it('injects the session into a page that passed the gate, with its key', async () => {
    const { handlers, injected } = await setUp(['other.example']);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(injected).toEqual([{ tabId: 3, key: { url: ask.url, canonicalHref: null, canonicalUrl: ask.url } }]);
  });

  it("hands the session the page's notes with its key, so that the session asks for none", async () => {
    const { db, handlers, injected, notes } = await setUp([]);
    const other = 'https://news.example/other';
    // The second without prefix, suffix or position: null in the columns.
    const bare = numberedNote(ask.url, 2, { selectors: { quote: { type: 'TextQuoteSelector', exact: 'quoted words 2' } } });
    await putAnnotations(db, [numberedNote(ask.url, 1), bare, numberedNote(other, 3)]);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(injected).toHaveLength(1);
    const handed = readPageNotes(notes[0]);
    expect(handed?.canonicalUrl).toBe(ask.url);
    const drawn = unpackNoteAnchors(handed!.anchors);
    expect(drawn.map((n) => n.id)).toEqual([numberedNote(ask.url, 1).id, numberedNote(ask.url, 2).id]);
    // Null columns survive the trip (JSON text).
    expect(drawn[0]?.selectors).toEqual(numberedNote(ask.url, 1).selectors);
    expect(drawn[1]?.selectors).toEqual(bare.selectors);
    // What was handed over is used up: a later request of the session's reads again (a note saved in between is in it).
    await putAnnotations(db, [numberedNote(ask.url, 4)]);
    const later = unpackNoteAnchors(await handlers['annotations/anchors']({ type: 'annotations/anchors', canonicalUrl: ask.url }, tab));
    expect(later.map((n) => n.id)).toContain(numberedNote(ask.url, 4).id);
  });

  it("issues the session's injection without waiting for a slow read of the notes, which follow it", async () => {
    const db = await freshDb();
    await putAnnotations(db, [numberedNote(ask.url, 1)]);
    // The page's stored anchors take a while to read.
    const get = db.pageAnchors.get.bind(db.pageAnchors);
    (db.pageAnchors as { get: unknown }).get = (key: string) => new Promise((resolve) => setTimeout(resolve, 20)).then(() => get(key));
    const seen: string[] = [];
    const effects = {
      injectSession: async (_tabId: number, _key?: PageKey, _start?: string, handed?: Promise<string | undefined>) => {
        const marker = 'still reading';
        seen.push(await Promise.race([handed, Promise.resolve(marker)]).then((v) => (v === marker ? marker : 'read')));
        seen.push((await handed) ? 'notes followed' : 'no notes');
      },
    } as unknown as BackgroundEffects;
    const handlers = makeHandlers(db, async () => ({}) as never, new TabRegistry(), effects, {} as DataService, {} as LayerService);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(seen).toEqual(['still reading', 'notes followed']);
  });

  it('sends notes read by the time the settings are with the key itself, in the same injection', async () => {
    const db = await freshDb();
    await putAnnotations(db, [numberedNote(ask.url, 1)]);
    const kinds: string[] = [];
    const effects = {
      injectSession: async (_tabId: number, _key?: PageKey, _start?: string, handed?: string | Promise<string | undefined>) => {
        kinds.push(typeof handed === 'string' ? `with the key: ${readPageNotes(handed)?.anchors.ids.length}` : 'later');
      },
      // The settings' read is the slower one here.
      sessionStart: () => new Promise<string>((resolve) => setTimeout(() => resolve(writeSessionStart({ settings: {}, userTerms: [] })), 50)),
    } as unknown as BackgroundEffects;
    const handlers = makeHandlers(db, async () => ({}) as never, new TabRegistry(), effects, {} as DataService, {} as LayerService);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(kinds).toEqual(['with the key: 1']);
  });

  it('hands over an empty list for a page without notes (the session then asks nothing either)', async () => {
    const { handlers, notes } = await setUp([]);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(readPageNotes(notes[0])?.anchors.ids).toEqual([]);
  });

  it('hands the session the settings and terms it read, so that the session starts without a storage read', async () => {
    const start = writeSessionStart({ settings: { language: 'es', showUnmatched: null }, userTerms: [] });
    const { handlers, injected } = await setUp([], async () => start);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(injected).toEqual([{ tabId: 3, key: { url: ask.url, canonicalHref: null, canonicalUrl: ask.url }, start }]);
    // Null values survive the trip (JSON text: executeScript drops a null property from its arguments).
    expect(readSessionStart(injected[0]?.start)).toEqual({ settings: { language: 'es', showUnmatched: null }, userTerms: [] });
  });

  it('still loads the session, without the hand-over, when reading the settings for it fails', async () => {
    const { handlers, injected } = await setUp([], async () => {
      throw new Error('storage unavailable');
    });
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: true });
    expect(injected).toEqual([{ tabId: 3, key: { url: ask.url, canonicalHref: null, canonicalUrl: ask.url } }]);
  });

  it('analyses the first screen sent right behind the activation once the injection is issued, and before it is done', async () => {
    const db = await freshDb();
    const order: string[] = [];
    let finish = () => {};
    const effects = {
      injectSession: () => {
        order.push('injection issued');
        return new Promise<void>((resolve) => {
          finish = () => {
            order.push('injection done');
            resolve();
          };
        });
      },
      // The activation's own reads take a while: the analysis must not run in the meantime.
      siteDisabled: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20)),
      analyze: async (input: { text: string }) => {
        order.push(`analysis of ${input.text}`);
        return { title: '', language: 'en', topic: { onTopic: true, score: 1, reasons: [], reasonParts: [] }, claims: [] };
      },
    } as unknown as BackgroundEffects;
    const handlers = makeHandlers(db, async () => ({}) as never, new TabRegistry(), effects, {} as DataService, {} as LayerService);
    const activated = handlers['page/activate'](ask, tab);
    const first = { type: 'page/analyze' as const, url: ask.url, title: '', language: 'en', text: 'the first screen', part: 'first' as const };
    await handlers['page/analyze'](first, tab);
    expect(order).toEqual(['injection issued', 'analysis of the first screen']);
    finish();
    expect(await activated).toEqual({ activated: true });
    // Once the activation is over, a first part waits for nothing.
    await handlers['page/analyze']({ ...first, text: 'another' }, tab);
    expect(order).toEqual(['injection issued', 'analysis of the first screen', 'injection done', 'analysis of another']);
  });

  it('refuses a site the reader switched off, even when the page passed the gate or text was selected', async () => {
    const { handlers, injected } = await setUp(['news.example']);
    expect(await handlers['page/activate'](ask, tab)).toEqual({ activated: false });
    expect(await handlers['page/activate']({ ...ask, gatePassed: false, selection: true }, tab)).toEqual({ activated: false });
    expect(injected).toEqual([]);
  });
});
