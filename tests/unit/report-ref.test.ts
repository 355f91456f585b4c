import { describe, expect, it } from 'vitest';
import { TabRegistry } from '../../lib/background/tab-registry';
import { buildReport, toPageClaims } from '../../lib/page/build-report';
import { PageReport } from '../../lib/page/page-report';
import { claimNotesOf, reportFromReference } from '../../lib/page/report-ref';
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
