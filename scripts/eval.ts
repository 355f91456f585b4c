/**
 * npm run eval -- [--json] [--verbose]
 *
 * Measures the engine on the labelled pages in tests/fixtures/eval/ (topic
 * recognition, extraction, matching per relation) and on the bundled source
 * articles (does each article's own sentence find its dataset claim?).
 * tests/unit/eval.test.ts holds floors on these figures.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractFromText, extractMainText } from '../lib/extract/extract-main-text';
import type { ReadabilityLike } from '../lib/extract/readability-content';
import type { Relation } from '../lib/match/match-sentence';
import { foldText } from '../lib/text/fold';
import { analyzeText } from '../lib/analyze';
import { loadSeedsFromDir } from './load-seeds';
import { loadContext, scanInput, type ScanContext, type ScanResult } from './scan';

export const EVAL_DIR = 'tests/fixtures/eval';

type Expect = Relation | 'none';

interface SentenceLabel {
  contains: string;
  expect: Expect;
  claimId?: string;
}

interface PageLabel {
  file: string;
  url: string;
  language: 'en' | 'es';
  onTopic: boolean;
  present?: string[];
  absent?: string[];
  sentences?: SentenceLabel[];
}

export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface SentenceOutcome {
  file: string;
  contains: string;
  claimId: string | null;
  expected: Expect;
  predicted: Expect;
  /** The explanation of the predicted match, when there is one. */
  explanation: string | null;
}

export interface EvalReport {
  pages: number;
  recognition: PrecisionRecall & { accuracy: number; errors: Array<{ file: string; expected: boolean; score: number; reasons: string[] }> };
  language: { correct: number; total: number };
  extraction: { passed: number; total: number; failures: string[] };
  matching: Record<Relation, PrecisionRecall> & { overall: PrecisionRecall; labels: number; outcomes: SentenceOutcome[] };
  sources: {
    claims: number;
    quantityClaims: number;
    quantityAgrees: number;
    anyMatch: number;
    agrees: number;
    missed: Array<{ claimId: string; got: string }>;
  };
}

function pr(tp: number, fp: number, fn: number): PrecisionRecall {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

const norm = (s: string): string => foldText(s).replace(/\s+/g, ' ');

/** What the engine says about a labelled sentence. */
function predict(result: ScanResult, label: SentenceLabel): { predicted: Expect; explanation: string | null } {
  const needle = norm(label.contains);
  const claim = result.claims.find((c) => norm(c.text).includes(needle));
  if (!claim) return { predicted: 'none', explanation: null };
  if (label.claimId) {
    const m = claim.matches.find((x) => x.claimId === label.claimId);
    return m ? { predicted: m.relation, explanation: m.explanation } : { predicted: 'none', explanation: null };
  }
  const best = claim.matches[0];
  return best ? { predicted: best.relation, explanation: `${best.claimId}: ${best.explanation}` } : { predicted: 'none', explanation: null };
}

/** Runs the whole evaluation. */
export async function runEval(dir = EVAL_DIR, ctx: ScanContext = loadContext()): Promise<EvalReport> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { pages: PageLabel[] };

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  const recognitionErrors: EvalReport['recognition']['errors'] = [];
  let languageCorrect = 0;
  let extractionPassed = 0;
  let extractionTotal = 0;
  const extractionFailures: string[] = [];
  const outcomes: SentenceOutcome[] = [];

  for (const page of labels.pages) {
    const result = await scanInput(join(dir, page.file), ctx, page.url);
    const on = result.topic.onTopic;
    if (on && page.onTopic) tp++;
    else if (on && !page.onTopic) fp++;
    else if (!on && page.onTopic) fn++;
    if (on === page.onTopic) correct++;
    else recognitionErrors.push({ file: page.file, expected: page.onTopic, score: result.topic.score, reasons: result.topic.reasons });
    if (result.language === page.language) languageCorrect++;

    // Extraction: the article text kept, the furniture dropped.
    const text = page.present || page.absent ? norm(await mainText(join(dir, page.file))) : '';
    for (const p of page.present ?? []) {
      extractionTotal++;
      if (text.includes(norm(p))) extractionPassed++;
      else extractionFailures.push(`${page.file}: missing "${p}"`);
    }
    for (const a of page.absent ?? []) {
      extractionTotal++;
      if (!text.includes(norm(a))) extractionPassed++;
      else extractionFailures.push(`${page.file}: kept "${a}"`);
    }

    for (const label of page.sentences ?? []) {
      const { predicted, explanation } = predict(result, label);
      outcomes.push({ file: page.file, contains: label.contains, claimId: label.claimId ?? null, expected: label.expect, predicted, explanation });
    }
  }

  const relations: Relation[] = ['agrees', 'conflicts', 'related', 'repeats-error'];
  const perRelation = {} as Record<Relation, PrecisionRecall>;
  let ot = 0;
  let of = 0;
  let on = 0;
  for (const r of relations) {
    const t = outcomes.filter((o) => o.expected === r && o.predicted === r).length;
    const f = outcomes.filter((o) => o.predicted === r && o.expected !== r).length;
    const n = outcomes.filter((o) => o.expected === r && o.predicted !== r).length;
    perRelation[r] = pr(t, f, n);
    ot += t;
    of += f;
    on += n;
  }

  return {
    pages: labels.pages.length,
    recognition: { ...pr(tp, fp, fn), accuracy: correct / labels.pages.length, errors: recognitionErrors },
    language: { correct: languageCorrect, total: labels.pages.length },
    extraction: { passed: extractionPassed, total: extractionTotal, failures: extractionFailures },
    matching: { ...perRelation, overall: pr(ot, of, on), labels: outcomes.length, outcomes },
    sources: evalSources(ctx),
  };
}

/** The extracted main text of a labelled page (for the present/absent checks), as `scan` extracts it. */
async function mainText(file: string): Promise<string> {
  const body = readFileSync(file, 'utf8');
  if (!/\.html?$/i.test(file)) return extractFromText(body).text;
  const doc = parseHTML(body).document as unknown as Document;
  return extractMainText(doc, { readability: Readability as unknown as ReadabilityLike }).text;
}

/**
 * Each bundled source article against the dataset built from it: for every
 * claim and every passage it is quoted from, does the analysed sentence there
 * match that claim, and as "agrees"?
 */
export function evalSources(ctx: ScanContext, seedsDir = 'seeds'): EvalReport['sources'] {
  const dataset = loadSeedsFromDir(seedsDir);
  const analyses = new Map<string, ReturnType<typeof analyzeText>>();
  for (const source of dataset.sources) {
    const text = dataset.texts[source.id] ?? '';
    analyses.set(source.id, analyzeText({ text, title: source.title, language: source.language }, ctx.matcher, ctx.topic, ctx.options));
  }
  let quantityClaims = 0;
  let quantityAgrees = 0;
  let anyMatch = 0;
  let agrees = 0;
  const missed: Array<{ claimId: string; got: string }> = [];
  for (const claim of dataset.claims) {
    // Its own article's sentence "agrees" with a claim, unless the curator flagged the claim as an error there.
    const expected: Relation = FLAGGED_STATUSES.has(claim.assessment.status) ? 'repeats-error' : 'agrees';
    let best: Relation | 'none' = 'none';
    for (const span of claim.sources) {
      const analysis = analyses.get(span.sourceId);
      for (const c of analysis?.claims ?? []) {
        if (c.end <= span.position.start || c.start >= span.position.end) continue;
        const m = c.matches.find((x) => x.claimId === claim.id);
        if (m && (best === 'none' || m.relation === expected)) best = m.relation;
      }
    }
    if (claim.quantity) quantityClaims++;
    if (best !== 'none') anyMatch++;
    if (best === expected) {
      agrees++;
      if (claim.quantity) quantityAgrees++;
    } else {
      missed.push({ claimId: claim.id, got: best });
    }
  }
  return { claims: dataset.claims.length, quantityClaims, quantityAgrees, anyMatch, agrees, missed };
}

const FLAGGED_STATUSES = new Set(['erroneous', 'inconsistent']);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport, verbose: boolean): string {
  const lines: string[] = [];
  const row = (name: string, p: PrecisionRecall): string =>
    `  ${name.padEnd(12)} precision ${p.precision.toFixed(3)}   recall ${p.recall.toFixed(3)}   (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
  lines.push(`Labelled pages: ${r.pages} (${EVAL_DIR})`);
  lines.push('');
  lines.push('Topic recognition (positive = on topic)');
  lines.push(row('on topic', r.recognition));
  lines.push(`  accuracy     ${r.recognition.accuracy.toFixed(3)}`);
  for (const e of r.recognition.errors) {
    lines.push(`  ✗ ${e.file}: expected ${e.expected ? 'on' : 'off'} topic, score ${e.score} — ${e.reasons.slice(0, 4).join('; ')}`);
  }
  lines.push(`  language     ${r.language.correct}/${r.language.total}`);
  lines.push('');
  lines.push(`Extraction: ${r.extraction.passed}/${r.extraction.total} present/absent checks pass`);
  for (const f of r.extraction.failures) lines.push(`  ✗ ${f}`);
  lines.push('');
  lines.push(`Matching (${r.matching.labels} labelled sentences)`);
  lines.push(row('agrees', r.matching.agrees));
  lines.push(row('conflicts', r.matching.conflicts));
  lines.push(row('related', r.matching.related));
  lines.push(row('repeats-err', r.matching['repeats-error']));
  lines.push(row('overall', r.matching.overall));
  for (const o of r.matching.outcomes) {
    if (o.expected === o.predicted && !verbose) continue;
    const mark = o.expected === o.predicted ? '✓' : '✗';
    lines.push(`  ${mark} ${o.file}: "${o.contains}" → ${o.claimId ?? '(any)'}: expected ${o.expected}, got ${o.predicted}${o.explanation ? ` — ${o.explanation}` : ''}`);
  }
  lines.push('');
  const s = r.sources;
  lines.push('Bundled source articles, each sentence against its own dataset claims');
  lines.push(`  quantity claims found as expected: ${s.quantityAgrees}/${s.quantityClaims} (${pct(s.quantityAgrees / Math.max(1, s.quantityClaims))})`);
  lines.push(`  all claims found (any relation):   ${s.anyMatch}/${s.claims} (${pct(s.anyMatch / Math.max(1, s.claims))})`);
  lines.push(`  all claims found as "agrees" (or "repeats-error" where flagged): ${s.agrees}/${s.claims} (${pct(s.agrees / Math.max(1, s.claims))})`);
  if (verbose) for (const m of s.missed) lines.push(`  · ${m.claimId}: ${m.got}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: npm run eval -- [--json] [--verbose]\n\nPrecision and recall of topic recognition and dataset matching on tests/fixtures/eval/.\n');
    return 0;
  }
  const report = await runEval();
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report, args.includes('--verbose'))}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`eval: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
