import { describe, expect, it, vi } from 'vitest';
import { CAPABILITIES, classifySender, type SenderInfo } from '../../lib/messages/capabilities';
import { Request, type RequestType } from '../../lib/messages/protocol';
import { routeMessage, type Handlers } from '../../lib/messages/route';
import { CONTENT_ONLY, EXPECTED, EXT_ONLY, messageSamples, type Cell } from '../fixtures/message-samples';

const SELF = { id: 'self-id', origin: 'chrome-extension://self-id' };
const FIREFOX_SELF = { id: 'cecot-lens@cecot-lens.org', origin: 'moz-extension://4b1c7f9e-0d2a-4e8b-9a51-7c3d2e1f0a6b' };

const TAB = 5;
const contentScript: SenderInfo = { id: SELF.id, url: 'https://www.news.example/2026/cecot-story?x=1', origin: 'https://www.news.example', tabId: TAB, frameId: 0 };
const optionsPage: SenderInfo = { id: SELF.id, url: 'chrome-extension://self-id/options.html', origin: SELF.origin };
// The sidebar framed inside a page has a tab, yet it is an extension page.
const framedSidebar: SenderInfo = { ...optionsPage, url: 'chrome-extension://self-id/sidepanel.html?tab=5&embedded=1', tabId: TAB, frameId: 3 };
const otherExtension: SenderInfo = { id: 'other-id', url: 'chrome-extension://other-id/bg.html', origin: 'chrome-extension://other-id' };

function recordingHandlers() {
  const calls: { type: string; caller: unknown }[] = [];
  const h = new Proxy({} as Handlers, {
    get: (_t, type: string) => vi.fn(async (_r: unknown, caller: unknown) => (calls.push({ type, caller }), null)),
  });
  return { h, calls };
}

async function outcome(message: unknown, sender: SenderInfo, self = SELF): Promise<{ cell: Cell; error?: string; caller?: unknown }> {
  const { h, calls } = recordingHandlers();
  const reply = await routeMessage(message, sender, self, h);
  if (reply.ok) {
    expect(calls).toHaveLength(1);
    return { cell: 'ok', caller: calls[0]?.caller };
  }
  expect(calls).toHaveLength(0);
  // A refusal, not a malformed sample: every sample is valid.
  expect(reply.error).toMatch(/^refused:/);
  return { cell: 'refused', error: reply.error };
}

const own = messageSamples('https://news.example', TAB);
const other = messageSamples('https://victim.example', 99);

describe('capabilities: every message type × sender', () => {
  it('has a sample for every message type, and every sample is valid', () => {
    const types = Request.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(types);
    for (const sample of [...Object.values(own), ...Object.values(other)]) expect(Request.safeParse(sample).success, JSON.stringify(sample)).toBe(true);
  });

  for (const type of Object.keys(EXPECTED) as RequestType[]) {
    const row = EXPECTED[type];
    describe(type, () => {
      it(`content script, own tab and site → ${row.ownTab}`, async () => {
        const r = await outcome(own[type], contentScript);
        expect(r.cell).toBe(row.ownTab);
        if (r.cell === 'ok') expect(r.caller).toEqual({ kind: 'content-script', tabId: TAB });
      });
      it(`content script, another site or tab → ${row.otherSite}`, async () => {
        const r = await outcome(other[type], contentScript);
        expect(r.cell).toBe(row.otherSite);
        if (r.cell === 'ok') expect(r.caller).toEqual({ kind: 'content-script', tabId: TAB });
      });
      it(`extension page → ${row.extensionPage} (options page, and the sidebar framed in a tab)`, async () => {
        expect((await outcome(own[type], optionsPage)).cell).toBe(row.extensionPage);
        expect((await outcome(other[type], framedSidebar)).cell).toBe(row.extensionPage);
      });
      it(`another extension → ${row.otherExtension}`, async () => {
        expect((await outcome(own[type], otherExtension)).cell).toBe(row.otherExtension);
      });
    });
  }

  it('a type missing from the table is for extension pages only', () => {
    const unlisted = (Object.keys(EXPECTED) as RequestType[]).filter((t) => !(t in CAPABILITIES));
    expect(unlisted.length).toBeGreaterThan(10);
    for (const t of unlisted) expect(EXPECTED[t]).toEqual(EXT_ONLY);
  });
});

describe('classifySender', () => {
  it('tells our pages from content scripts by the sending document, not by the tab', () => {
    expect(classifySender(optionsPage, SELF)).toEqual({ kind: 'extension-page' });
    expect(classifySender(framedSidebar, SELF)).toEqual({ kind: 'extension-page', tabId: TAB });
    expect(classifySender(contentScript, SELF)).toMatchObject({ kind: 'content-script', tabId: TAB });
  });

  it('works with Firefox senders (moz-extension:// UUID origin, no sender.origin)', () => {
    const page = { id: FIREFOX_SELF.id, url: `${FIREFOX_SELF.origin}/sidepanel.html` };
    expect(classifySender(page, FIREFOX_SELF)).toEqual({ kind: 'extension-page' });
    expect(classifySender({ id: FIREFOX_SELF.id, url: 'https://news.example/a', tabId: 2, frameId: 0 }, FIREFOX_SELF)).toMatchObject({ kind: 'content-script' });
  });

  it('refuses look-alike origins, subframes, non-http pages and senders with neither page nor tab', () => {
    const lookalike = { id: SELF.id, url: 'chrome-extension://self-id.evil/x.html', tabId: 1, frameId: 0 };
    expect(classifySender(lookalike, SELF).kind).toBe('refused');
    // Our URL with another document's origin (Chrome sets both): not ours.
    expect(classifySender({ ...optionsPage, origin: 'https://news.example' }, SELF).kind).not.toBe('extension-page');
    expect(classifySender({ ...contentScript, frameId: 2 }, SELF).kind).toBe('refused');
    expect(classifySender({ ...contentScript, url: 'file:///etc/passwd' }, SELF).kind).toBe('refused');
    expect(classifySender({ id: SELF.id }, SELF).kind).toBe('refused');
    expect(classifySender({ ...contentScript, id: undefined }, SELF).kind).toBe('refused');
  });

  it('lets a content script list the notes of another host of its own site, not of a look-alike', async () => {
    const list = (canonicalUrl: string) => ({ type: 'annotations/anchors', canonicalUrl });
    expect((await outcome(list('https://news.example/a'), contentScript)).cell).toBe('ok');
    expect((await outcome(list('https://amp.news.example/a'), contentScript)).cell).toBe('ok');
    expect((await outcome(list('https://news.example.evil.example/a'), contentScript)).cell).toBe('refused');
    const onWorkers = { ...contentScript, url: 'https://attacker.workers.dev/p' };
    expect((await outcome(list('https://victim.workers.dev/p'), onWorkers)).cell).toBe('refused');
  });

  it("refuses a content script the notes' text, even on its own page", async () => {
    const r = await outcome({ type: 'annotations/list', canonicalUrl: 'https://news.example/a' }, contentScript);
    expect(r.cell).toBe('refused');
    expect(r.error).toMatch(/only for extension pages/);
  });

  it('checks both URLs of page/activate, draft/open and tab/report', async () => {
    const base = own['draft/open'] as unknown as { draft: Record<string, unknown> };
    const mixed = { ...base, draft: { ...base.draft, canonicalUrl: 'https://victim.example/a' } };
    expect((await outcome(mixed, contentScript)).cell).toBe('refused');
    expect((await outcome({ type: 'page/activate', canonicalUrl: 'https://victim.example/a', gatePassed: true }, contentScript)).cell).toBe('refused');
    expect((await outcome({ type: 'page/activate', canonicalUrl: 'https://news.example/a', gatePassed: true }, contentScript)).cell).toBe('ok');
  });
});
