/**
 * Export, import and merge of 10,000 annotations: what a researcher with a
 * large collection pays for a backup, an import, or one sync round.
 * Targets are generous for a 2-core machine; the ratios show where time goes.
 */
import type { Annotation, Verdict } from '../lib/annotations/schema';
import { exportBundleJson } from '../lib/exchange/bundle';
import type { ExportContext } from '../lib/exchange/context';
import { readImportFile } from '../lib/exchange/import';
import { planImport } from '../lib/exchange/import-plan';
import { toClaimReviews } from '../lib/exchange/to-claimreview';
import { toCsv } from '../lib/exchange/to-csv';
import { toMarkdown } from '../lib/exchange/to-markdown';
import { exportW3CJson } from '../lib/exchange/to-w3c';
import { mergeAnnotationSets } from '../lib/merge/merge-annotations';
import type { BenchCase } from './harness';
import { prng } from './prng';


const WORDS = 'el CECOT cárcel prison capacity 40,000 inmates "terrorism" Bukele deportees Venezuelans March 2025 said, according to officials\nreport'.split(' ');
const VERDICTS: Array<Verdict | null> = [null, null, 'accurate', 'inaccurate', 'misleading', 'unverified', 'disputed'];
const HOSTS = ['www.elfaro.net', 'apnews.com', 'www.laprensagrafica.com', 'news.example.org'];

function makeRecords(count: number, seed: number): Annotation[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const records: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const quote = text(5 + Math.floor(random() * 30));
    const start = Math.floor(random() * 50_000);
    const created = Date.UTC(2025, 0, 1) + Math.floor(random() * 1e10);
    const updated = created + Math.floor(random() * 1e8);
    const page = `https://${pick(HOSTS)}/story/${Math.floor(i / 20)}`;
    records.push({
      id: `${(0x10000000 + i).toString(16)}-0000-4000-8000-${(seed * 1_000_000 + i).toString(16).padStart(12, '0')}`,
      url: `${page}?utm_source=feed`,
      canonicalUrl: page,
      title: `Story ${Math.floor(i / 20)}: ${text(6)}`,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: text(4), suffix: text(4) },
        position: { type: 'TextPositionSelector', start, end: start + quote.length },
      },
      quote,
      color: pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const),
      note: random() < 0.5 ? '' : text(10 + Math.floor(random() * 40)),
      tags: random() < 0.5 ? [] : ['cecot', 'numbers', 'deportation'].slice(0, 1 + Math.floor(random() * 3)),
      verdict: pick(VERDICTS),
      claims: random() < 0.3 ? [{ claimId: 'cecot.capacity.40000', relation: 'conflicts' }] : [],
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      revision: 1 + Math.floor(random() * 5),
      deviceId: pick(['laptop', 'phone', 'office']),
      deletedAt: random() < 0.05 ? new Date(updated).toISOString() : null,
    });
  }
  return records;
}

/** Another device's copy: most records the same, some edited later, some edited concurrently, some new. */
function otherDevice(records: readonly Annotation[]): Annotation[] {
  const random = prng(99);
  const out = records.map((r) => {
    const roll = random();
    if (roll < 0.2) return { ...r, note: r.note + ' (edited)', revision: r.revision + 1, updatedAt: new Date(Date.parse(r.updatedAt) + 60_000).toISOString(), deviceId: 'tablet' };
    if (roll < 0.25) return { ...r, note: 'concurrent edit', updatedAt: new Date(Date.parse(r.updatedAt) + 1000).toISOString(), deviceId: 'tablet' };
    return { ...r };
  });
  return [...out, ...makeRecords(500, 7)];
}

const ctx: ExportContext = {
  exportedAt: '2025-06-01T12:00:00.000Z',
  generator: { name: 'cecot-lens', version: 'bench' },
  dataset: { id: 'cecot', version: '2025.06.01' },
  claims: (id) => (id === 'cecot.capacity.40000' ? { statement: 'CECOT can hold 40,000 inmates.', claimant: { type: 'organisation', name: 'Government of El Salvador' }, date: '2023-02-01' } : undefined),
};

export function cases(): BenchCase[] {
  const N = 10_000;
  const records = makeRecords(N, 1);
  const remote = otherDevice(records);
  const bundle = exportBundleJson(records, ctx);
  const w3c = exportW3CJson(records, ctx);
  const size = (s: string) => `${(s.length / 1e6).toFixed(1)} MB of JSON`;

  const list: BenchCase[] = [
    { name: 'export bundle JSON: 10,000 annotations', run: () => exportBundleJson(records, ctx), baselineText: bundle, targetMs: 300, note: size(bundle) },
    { name: 'import bundle JSON (parse + validate): 10,000', run: () => readImportFile(bundle), baselineText: bundle, targetMs: 1500, note: 'Zod validation of every record dominates' },
    { name: 'export W3C JSON-LD: 10,000', run: () => exportW3CJson(records, ctx), baselineText: w3c, targetMs: 300, note: size(w3c) },
    { name: 'import W3C JSON-LD: 10,000', run: () => readImportFile(w3c), baselineText: w3c, targetMs: 1500 },
    { name: 'export CSV: 10,000', run: () => toCsv(records, ctx), baselineText: bundle, targetMs: 300 },
    { name: 'export Markdown: 10,000', run: () => toMarkdown(records, ctx), baselineText: bundle, targetMs: 300 },
    {
      name: 'export ClaimReview: 10,000',
      run: () => toClaimReviews(records, ctx, { reviewUrl: (a) => `https://factcheck.example.org/r/${a.id}`, author: { type: 'Organization', name: 'Example' } }),
      baselineText: bundle,
      targetMs: 300,
    },
    {
      name: 'planImport (preview + records to put): 10,000 into 10,000',
      run: () => planImport(records, remote),
      baselineText: bundle,
      targetMs: 300,
      note: '20% newer, 5% concurrent, 500 new',
    },
  ];
  // Merge at 1× and 4× (2,500 and 10,000 per side) to see it grows linearly.
  for (const factor of [1, 4]) {
    const n = 2500 * factor;
    const local = records.slice(0, n);
    const other = remote.slice(0, n);
    list.push({
      name: `merge two devices: ${n.toLocaleString('en-US')} + ${n.toLocaleString('en-US')}`,
      run: () => mergeAnnotationSets(local, other),
      baselineText: bundle.slice(0, Math.floor((bundle.length * n) / N)),
      targetMs: n === N ? 200 : undefined,
      group: 'merge',
      size: factor,
    });
  }
  return list;
}
