import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type Handlers } from '../../lib/messages/route';

const SELF = { id: 'self', origin: 'chrome-extension://self' };
const PAGE = { id: 'self', url: 'chrome-extension://self/options.html', origin: 'chrome-extension://self' };

const status = { id: 'set', version: '2026.01.01', loadedAt: '2026-01-01T00:00:00.000Z', claimCount: 3, sourceCount: 1, subjectCount: 1 };

/** A handler for every request type: `dataset/status` answers `status`, the others echo their request. */
function handlers(): Handlers {
  const made = new Map<string, ReturnType<typeof vi.fn>>();
  return new Proxy({} as Handlers, {
    get(_t, type: string) {
      if (!made.has(type)) made.set(type, vi.fn(async (request: unknown) => (type === 'dataset/status' ? status : request)));
      return made.get(type);
    },
    set(_t, type: string, value) {
      made.set(type, value);
      return true;
    },
  });
}

describe('routeMessage', () => {
  it('dispatches a valid message from this extension', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'dataset/status' }, PAGE, SELF, h)).toEqual({ ok: true, data: status });
    expect(h['dataset/status']).toHaveBeenCalledOnce();
  });

  it('refuses messages from another extension without calling any handler', async () => {
    const h = handlers();
    const reply = await routeMessage({ type: 'dataset/status' }, { id: 'intruder', url: 'chrome-extension://intruder/x.html' }, SELF, h);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    expect(h['dataset/status']).not.toHaveBeenCalled();
  });

  it('names the bad field of a malformed message', async () => {
    const h = handlers();
    const reply = await routeMessage({ type: 'annotations/delete', id: 'not-a-uuid' }, PAGE, SELF, h);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^invalid message: id:/);
    expect(await routeMessage({ type: 'drop/tables' }, PAGE, SELF, h)).toMatchObject({ ok: false });
  });

  it('passes who is calling, and from which tab, to the handler', async () => {
    const h = handlers();
    await routeMessage({ type: 'tab/state', tabId: 7 }, { ...PAGE, url: 'chrome-extension://self/sidepanel.html', tabId: 3 }, SELF, h);
    expect(h['tab/state']).toHaveBeenCalledWith({ type: 'tab/state', tabId: 7 }, { kind: 'extension-page', tabId: 3 });
    await routeMessage({ type: 'tab/focus', claimKey: null }, { id: 'self', url: 'https://news.example/a', tabId: 4, frameId: 0 }, SELF, h);
    expect(h['tab/focus']).toHaveBeenCalledWith({ type: 'tab/focus', claimKey: null, annotationId: null }, { kind: 'content-script', tabId: 4 });
  });

  it('turns handler failures into error replies, with a clear word for a full disk', async () => {
    const h = handlers();
    h['dataset/status'] = async () => {
      const e = new Error('Dexie: QuotaExceededError');
      e.name = 'QuotaExceededError';
      throw e;
    };
    const reply = await routeMessage({ type: 'dataset/status' }, PAGE, SELF, h);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/storage is full/) });
  });
});

describe('request (client side)', () => {
  it('unwraps data, raises the error text, and refuses a missing reply', async () => {
    const { request, RemoteError } = await import('../../lib/messages/client');
    expect(await request(async () => ({ ok: true, data: 5 }), { type: 'dataset/status' })).toBe(5);
    await expect(request(async () => ({ ok: false, error: 'storage is full' }), { type: 'dataset/status' })).rejects.toThrow('storage is full');
    await expect(request(async () => undefined, { type: 'dataset/status' })).rejects.toBeInstanceOf(RemoteError);
  });
});

describe('limits that trim (finding 7)', () => {
  it('cuts an over-long page title with a visible mark instead of refusing the analysis', async () => {
    const { Request, MAX_TITLE, MAX_PAGE_TEXT, TRIM_MARK } = await import('../../lib/messages/protocol');
    const parsed = Request.parse({ type: 'page/analyze', url: 'https://news.example/a', title: 'T'.repeat(2_500), language: 'x'.repeat(40), text: 'y'.repeat(MAX_PAGE_TEXT + 10) });
    expect(parsed.type).toBe('page/analyze');
    if (parsed.type !== 'page/analyze') return;
    expect(parsed.title).toHaveLength(MAX_TITLE);
    expect(parsed.title.endsWith(TRIM_MARK)).toBe(true);
    expect(parsed.language).toBeUndefined();
    expect(parsed.text).toHaveLength(MAX_PAGE_TEXT);
    // Short values pass unchanged.
    const plain = Request.parse({ type: 'page/analyze', url: 'https://news.example/a', title: 'A title', language: 'es', text: 'z' });
    expect(plain).toMatchObject({ title: 'A title', language: 'es', text: 'z' });
  });

  it('cuts a draft title too, but keeps the selection limit (the page says so before sending)', async () => {
    const { AnnotationDraft, MAX_QUOTE } = await import('../../lib/messages/protocol');
    const quote = { type: 'TextQuoteSelector', exact: 'q' };
    const base = { url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', selectors: { quote } };
    expect(AnnotationDraft.parse({ ...base, title: 'T'.repeat(5_000), quote: 'q' }).title.length).toBeLessThanOrEqual(2_000);
    expect(AnnotationDraft.safeParse({ ...base, title: 't', quote: 'q'.repeat(MAX_QUOTE + 1) }).success).toBe(false);
  });
});
