import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TabRegistry } from '../../lib/background/tab-registry';
import { buildReport, toPageClaims } from '../../lib/page/build-report';
import { PageReport } from '../../lib/page/page-report';
import { ANALYSIS_GONE, claimNotesOf, reportFromReference } from '../../lib/page/report-ref';
import { makeHandlers, type BackgroundEffects } from '../../lib/background/handlers';
import type { DataService } from '../../lib/background/data-service';
import type { LayerService } from '../../lib/background/dataset-layer-service';
import { freshDbs } from './fresh-db';
import type { PageAnalysis } from '../../lib/messages/protocol';

const analysis: PageAnalysis = {
  title: 'A story',
  language: 'en',
  topic: { onTopic: true, score: 9, reasons: ['names CECOT 2 times'], reasonParts: [] },
  claims: [
    { text: 'The prison holds 40,000.', start: 0, end: 24, checkWorthiness: 0.8, matches: [{ claimId: 'c1', statement: 'Holds 40,000', statementEs: 'Alberga 40.000', relation: 'agrees', score: 0.9, explanation: 'Same figure.' }], parts: [] },
    { text: 'It opened in 2023.', start: 25, end: 43, checkWorthiness: 0.6, matches: [], parts: [] },
  ],
};

function pageReport(claims: ReturnType<typeof toPageClaims>) {
  return buildReport({ url: 'https://news.example/a', canonicalUrl: 'https://news.example/a', title: 'A story', status: 'on-topic', analysis, claims, attached: ['n1'], orphans: [], now: new Date('2026-12-01T00:00:00Z') });
}

describe('a report by reference to the analysis the background kept', () => {
  it('comes out the same as the report the page would have sent whole', () => {
    const claims = toPageClaims(analysis);
    (claims[0] as (typeof claims)[number]).annotationIds = ['n1', 'n2'];
    const whole = pageReport(claims);
    const notes = claimNotesOf(claims);
    expect(notes).toEqual({ '0-24': ['n1', 'n2'] });
    const sent = { ...whole, claims: [] };
    const rebuilt = reportFromReference(PageReport.parse(sent), analysis, notes);
    expect(rebuilt).toEqual(PageReport.parse(whole));
  });

  it('has no claims for an off-topic analysis, as the page shows none', () => {
    const off = { ...analysis, topic: { ...analysis.topic, onTopic: false } };
    expect(reportFromReference(pageReport([]), off, {}).claims).toEqual([]);
  });

  it('ignores note lists for keys no claim has, including inherited names', () => {
    const rebuilt = reportFromReference(pageReport([]), analysis, JSON.parse('{"9-99":["x"],"__proto__":["y"]}') as Record<string, string[]>);
    expect(rebuilt.claims.map((c) => c.annotationIds)).toEqual([[], []]);
  });

  it('the registry keeps one analysis per tab, names it, and forgets it with the tab', async () => {
    const tabs = new TabRegistry();
    const first = tabs.keepAnalysis(3, analysis);
    const second = tabs.keepAnalysis(3, { ...analysis, title: 'Later' });
    expect(first).not.toBe(second);
    expect(tabs.keptAnalysis(3, first)).toBeNull();
    expect(tabs.keptAnalysis(3, second)?.title).toBe('Later');
    // Another tab cannot reach it by name.
    expect(tabs.keptAnalysis(4, second)).toBeNull();
    await tabs.forget(3);
    expect(tabs.keptAnalysis(3, second)).toBeNull();
  });
});

describe('tab/report by reference, through the background handlers', () => {
  const freshDb = freshDbs('report-ref');

  async function setUp() {
    const db = await freshDb();
    const tabs = new TabRegistry();
    const effects = {
      analyze: async () => analysis,
      broadcastTabChanged: () => undefined,
      notesChanged: () => undefined,
      scrollTabToNote: () => undefined,
    } as unknown as BackgroundEffects;
    const layer = { recordVisits: async () => undefined } as unknown as LayerService;
    const handlers = makeHandlers(db, async () => ({}) as never, tabs, effects, {} as DataService, layer);
    return { handlers, tabs };
  }
  const tab = { kind: 'content-script' as const, tabId: 7 };
  const ask = { type: 'page/analyze' as const, url: 'https://news.example/a', title: 'A story', language: 'en', text: 'The prison holds 40,000. It opened in 2023.' };

  it('names the whole analysis it keeps (not a first part), and rebuilds the report from it', async () => {
    const { handlers, tabs } = await setUp();
    expect((await handlers['page/analyze']({ ...ask, part: 'first' }, tab)).analysisId).toBeUndefined();
    const whole = await handlers['page/analyze']({ ...ask, part: 'whole' }, tab);
    expect(whole.analysisId).toBeTruthy();
    const claims = toPageClaims(whole);
    (claims[1] as (typeof claims)[number]).annotationIds = ['n1'];
    const full = PageReport.parse(pageReport(claims));
    await handlers['tab/report']({ type: 'tab/report', report: { ...full, claims: [] }, analysisId: whole.analysisId, claimNotes: claimNotesOf(claims) }, tab);
    expect((await tabs.get(7)).report).toEqual(full);
  });

  it('says the analysis is gone when it no longer holds it, or when another tab names it', async () => {
    const { handlers } = await setUp();
    const whole = await handlers['page/analyze']({ ...ask, part: 'whole' }, tab);
    const report = PageReport.parse(pageReport([]));
    await expect(handlers['tab/report']({ type: 'tab/report', report, analysisId: 'a999' }, tab)).rejects.toThrow(ANALYSIS_GONE);
    await expect(handlers['tab/report']({ type: 'tab/report', report, analysisId: whole.analysisId }, { ...tab, tabId: 8 })).rejects.toThrow(ANALYSIS_GONE);
  });
});
