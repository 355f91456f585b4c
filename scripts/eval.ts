/**
 * npm run eval -- [--json] [--verbose] [--real DIR]
 *
 * Measures the engine on the labelled pages in tests/fixtures/eval/ (topic
 * recognition, extraction, matching per relation), on the bundled source
 * articles (does each article's own sentence find its dataset claim?) and,
 * with --real, on a folder of real pages rebuilt by `npm run real-pages`.
 * Written and real pages are scored apart, per language, with the same
 * fact-level figures (scripts/eval/fact-score.ts).
 * tests/unit/eval.test.ts holds floors on these figures.
 */
import { existsSync, readFileSync } from 'node:fs';
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
import { loadContext, scanInput, toJson, type ScanContext, type ScanResult } from './scan';
import { scorePage, shownUnits, summarize, type Expect as FactExpect, type FactOutcome, type FactSummary, type LabelledFact, type PageScoreInput } from './eval/fact-score';
import { checkEvidence } from './real-pages/evidence';
import { readRegistry } from './real-pages/registry';

export const EVAL_DIR = 'tests/fixtures/eval';

type Expect = Relation | 'none' | 'error-repeated';

interface SentenceLabel {
  contains: string;
  expect: Expect;
  claimId?: string;
  /** More dataset claims any of which is an acceptable match (with `claimId`). */
  claimIds?: string[];
  /** The issue-8 failure kind (1–7) the sentence reproduces. */
  failureKind?: number;
  /** For conflicts and repeated errors: the two values the explanation must name. */
  values?: { page: string; dataset: string };
}

interface PageLabel {
  file: string;
  url: string;
  language: 'en' | 'es';
  onTopic: boolean;
  present?: string[];
  absent?: string[];
  sentences?: SentenceLabel[];
  /**
   * "failure-kinds": pages written to reproduce issue 8's failure kinds. They
   * count in the fact-level figures and per kind, not in the older per-relation
   * matching figures, whose floors describe the original pages.
   */
  suite?: string;
}

/** Fact-level figures for one set of pages, overall and per language. */
export interface FactSetReport {
  dir: string;
  all: FactSummary;
  byLanguage: Record<string, FactSummary>;
  outcomes: FactOutcome[];
  /** Pages or facts that could not be scored, and why (missing text, changed evidence). */
  problems: string[];
  /** Pages whose topic verdict is wrong. */
  topicErrors: Array<{ page: string; expected: boolean; score: number | null; reasons: string[] }>;
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
  /** Fact-level figures on the written pages, and on real pages when asked. */
  facts: { written: FactSetReport; real?: FactSetReport };
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
  const factPages: Array<PageScoreInput & ReturnType<typeof scorePage>> = [];

  for (const page of labels.pages) {
    const result = await scanInput(join(dir, page.file), ctx, page.url);
    const input: PageScoreInput = {
      page: page.file,
      language: page.language,
      expectedOnTopic: page.onTopic,
      gotOnTopic: result.topic.onTopic,
      topicScore: result.topic.score,
      topicReasons: result.topic.reasons,
      units: pageUnits(result),
      facts: (page.sentences ?? []).map((label, i) => writtenFact(page, label, i, result)),
    };
    factPages.push({ ...input, ...scorePage(input) });
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

    if (page.suite === 'failure-kinds') continue;
    for (const label of page.sentences ?? []) {
      const { predicted, explanation } = predict(result, label);
      // Labels name the flagged-error relation "error-repeated"; the engine calls it "repeats-error".
      const expected = label.expect === 'error-repeated' ? 'repeats-error' : label.expect;
      outcomes.push({ file: page.file, contains: label.contains, claimId: label.claimId ?? null, expected, predicted, explanation });
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
    facts: { written: factSet(dir, factPages, []) },
  };
}

/** The rows the reader sees on a page, read from the documented `scan --json` shape. */
function pageUnits(result: ScanResult): ReturnType<typeof shownUnits> {
  const shown = toJson(result) as { claims: Array<Record<string, unknown>> };
  return shown.claims.flatMap((c) => shownUnits(c));
}

/** A written page's label as a fact: its evidence is where `contains` sits in the analysed text. */
function writtenFact(page: PageLabel, label: SentenceLabel, i: number, result: ScanResult): LabelledFact {
  const text = result.text ?? '';
  const needle = foldText(label.contains);
  let at = foldText(text).indexOf(needle);
  let span: [number, number] | null = at >= 0 ? [at, at + needle.length] : null;
  if (!span) {
    // Whitespace may differ from the label; fall back to the claim whose sentence holds it.
    const claim = result.claims.find((c) => norm(c.text).includes(norm(label.contains)));
    if (claim) {
      at = foldText(claim.text).indexOf(needle);
      span = at >= 0 ? [claim.start + at, claim.start + at + needle.length] : [claim.start, claim.end];
    }
  }
  const claimIds = [...(label.claimId ? [label.claimId] : []), ...(label.claimIds ?? [])];
  return {
    id: `${page.file}#${i + 1}`,
    page: page.file,
    language: page.language,
    span,
    expect: label.expect as FactExpect,
    claimIds,
    ...(label.failureKind ? { failureKind: label.failureKind } : {}),
    ...(label.values ? { values: label.values } : {}),
  };
}

function factSet(dir: string, pages: Array<PageScoreInput & ReturnType<typeof scorePage>>, problems: string[]): FactSetReport {
  const languages = [...new Set(pages.map((p) => p.language))].sort();
  const byLanguage: Record<string, FactSummary> = {};
  for (const l of languages) byLanguage[l] = summarize(pages.filter((p) => p.language === l));
  const topicErrors = pages
    .filter((p) => p.expectedOnTopic !== p.gotOnTopic)
    .map((p) => ({ page: p.page, expected: p.expectedOnTopic, score: p.topicScore ?? null, reasons: (p.topicReasons ?? []).slice(0, 4) }));
  return { dir, all: summarize(pages), byLanguage, outcomes: pages.flatMap((p) => p.outcomes), problems, topicErrors };
}

/**
 * Scores the engine on real pages: DIR/registry.json (the committed registry's
 * format) and DIR/pages/<id>.txt, each the page text its facts were labelled
 * on. A missing text file, or a fact whose evidence no longer hashes as
 * labelled, is reported and left out; the rest is still scored.
 */
export function runRealEval(dir: string, ctx: ScanContext = loadContext()): FactSetReport {
  if (!existsSync(join(dir, 'registry.json'))) {
    throw new Error(`no registry.json in ${dir}: build the folder with "npm run real-pages -- rebuild" (README, "Real-page evaluation")`);
  }
  const registry = readRegistry(join(dir, 'registry.json'));
  const problems: string[] = [];
  const pages: Array<PageScoreInput & ReturnType<typeof scorePage>> = [];
  for (const page of registry.pages) {
    const file = join(dir, 'pages', `${page.id}.txt`);
    if (!existsSync(file)) {
      problems.push(`${page.id}: missing ${file} (skipped)`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const facts: LabelledFact[] = [];
    for (const f of page.facts) {
      const check = checkEvidence(text, f);
      if (!check.ok) {
        problems.push(`${page.id} ${f.id}: ${check.reason} (skipped)`);
        continue;
      }
      facts.push({ id: f.id, page: page.id, language: page.language, span: [f.start, f.start + f.length], expect: f.expect, claimIds: f.claimIds, ...(f.failureKind ? { failureKind: f.failureKind } : {}), ...(f.values ? { values: f.values } : {}) });
    }
    const analysis = analyzeText({ text, url: page.url }, ctx.matcher, ctx.topic, ctx.options);
    const result: ScanResult = { input: file, ...analysis, extraction: 'text', text };
    const input: PageScoreInput = { page: page.id, language: page.language, expectedOnTopic: page.onTopic, gotOnTopic: analysis.topic.onTopic, topicScore: analysis.topic.score, topicReasons: analysis.topic.reasons, units: pageUnits(result), facts };
    pages.push({ ...input, ...scorePage(input) });
  }
  return factSet(dir, pages, problems);
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

const KIND_NAMES: Record<string, string> = {
  '1': 'one sentence, several claims',
  '2': 'the group counted',
  '3': 'statements without numbers',
  '4': 'years, dates, titles',
  '5': 'noise',
  '6': 'green on a known error',
  '7': 'explanations',
};

const rate = (r: { n: number; of: number; rate: number }): string => `${r.rate.toFixed(3)} (${r.n}/${r.of})`;

/** The fact-level figures of one set of pages, per language and per failure kind. */
export function formatFacts(name: string, r: FactSetReport, verbose: boolean): string {
  const lines: string[] = [];
  const cols = ['all', ...Object.keys(r.byLanguage)];
  const pick = (c: string): FactSummary => (c === 'all' ? r.all : r.byLanguage[c]!);
  lines.push(`${name}: ${r.all.pages} pages, ${r.all.facts} labelled facts (${r.dir})`);
  const row = (label: string, f: (s: FactSummary) => string): string => `  ${label.padEnd(32)}${cols.map((c) => f(pick(c)).padEnd(22)).join('')}`;
  lines.push(`  ${''.padEnd(32)}${cols.map((c) => c.padEnd(22)).join('')}`);
  lines.push(row('topic precision / recall', (s) => `${s.topic.precision.toFixed(3)} / ${s.topic.recall.toFixed(3)}`));
  lines.push(row('topic F1', (s) => s.topic.f1.toFixed(3)));
  lines.push(row('facts flagged', (s) => rate(s.flagged)));
  lines.push(row('relation shown first right', (s) => rate(s.firstRight)));
  lines.push(row('any relation right', (s) => rate(s.anyRight)));
  lines.push(row('"none" facts left alone', (s) => rate(s.noneLeftAlone)));
  lines.push(row('agreeing shown as conflicts', (s) => rate(s.agreeShownAsConflict)));
  lines.push(row('page errors caught', (s) => rate(s.errorsCaught)));
  lines.push(row('explanations read as sentences', (s) => rate(s.readableExplanations)));
  lines.push(row('precision of "related"', (s) => `${rate(s.relatedPrecision)} +${s.relatedPrecision.unjudged}?`));
  lines.push('  per failure kind (first right / any right / explanation reads as a sentence; then first right per language):');
  for (const [k, v] of Object.entries(r.all.byKind)) {
    const perLanguage = Object.entries(r.byLanguage)
      .map(([l, s]) => (s.byKind[k] ? `${l} ${rate(s.byKind[k]!.firstRight)}` : ''))
      .filter(Boolean)
      .join('  ');
    lines.push(`    ${k} ${(KIND_NAMES[k] ?? '').padEnd(30)} ${rate(v.firstRight).padEnd(20)} ${rate(v.anyRight).padEnd(20)} ${rate(v.readable).padEnd(20)} ${perLanguage}`);
  }
  lines.push('  per expected relation (first right / any right):');
  for (const [k, v] of Object.entries(r.all.byExpect)) lines.push(`    ${k.padEnd(32)} ${rate(v.firstRight).padEnd(20)} ${rate(v.anyRight)}`);
  for (const e of r.topicErrors) lines.push(`  ✗ topic ${e.page}: expected ${e.expected ? 'on' : 'off'} topic, score ${e.score?.toFixed(2) ?? '?'} — ${e.reasons.join('; ')}`);
  for (const p of r.problems) lines.push(`  ! ${p}`);
  if (verbose) {
    for (const o of r.outcomes) {
      if (o.firstRight) continue;
      const got = o.shown ? `${o.shown.relation} ${o.shown.claimId}` : o.flagged ? 'no match' : 'not flagged';
      lines.push(`  ✗ ${o.id} [${o.language}${o.failureKind ? ` k${o.failureKind}` : ''}] expected ${o.expect} ${o.claimIds.join(',') || '(any)'}; shown first: ${got}${o.anyRight ? ' (right one listed lower)' : ''}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      'Usage: npm run eval -- [--json] [--verbose] [--real DIR]\n\n' +
        'Topic recognition and dataset matching on the written pages in tests/fixtures/eval/, and with\n' +
        '--real on DIR/registry.json + DIR/pages/<id>.txt (build it with: npm run real-pages -- rebuild).\n',
    );
    return 0;
  }
  const verbose = args.includes('--verbose');
  const realAt = args.indexOf('--real');
  const realDir = realAt >= 0 ? args[realAt + 1] : undefined;
  if (realAt >= 0 && !realDir) throw new Error('--real needs a folder');
  const ctx = loadContext();
  const report = await runEval(EVAL_DIR, ctx);
  if (realDir) report.facts.real = runRealEval(realDir, ctx);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${formatReport(report, verbose)}\n\n${formatFacts('Written pages', report.facts.written, verbose)}\n`);
  if (report.facts.real) process.stdout.write(`\n${formatFacts('Real pages', report.facts.real, verbose)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const err = e as Error;
      process.stderr.write(`eval: ${process.argv.includes('--verbose') ? (err.stack ?? String(e)) : err.message}\n`);
      process.exitCode = 2;
    },
  );
}
