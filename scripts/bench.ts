/**
 * npm run bench -- [--quick] [NAME...]   ("browser" names the in-browser figures)
 *
 * Runs every `bench/*.bench.ts` file, or the files and cases named on the
 * command line, and prints medians, ratios to a regex baseline and growth
 * factors (see bench/harness.ts). Exit code 1 if a case misses its target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_OPTIONS, formatResults, growth, runCase, type BenchCase, type CaseResult } from '../bench/harness';

const BENCH_DIR = 'bench';

async function loadCases(file: string): Promise<BenchCase[]> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { cases?: BenchCase[] | (() => BenchCase[] | Promise<BenchCase[]>) };
  const cases = mod.cases;
  if (!cases) throw new Error(`${file} exports no "cases"`);
  return typeof cases === 'function' ? await cases() : cases;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      'Usage: npm run bench -- [--quick] [NAME...]\n\nRuns bench/*.bench.ts (or the files / cases whose names contain NAME).\n--quick: fewer iterations, for a smoke run.\n',
    );
    return 0;
  }
  const quick = args.includes('--quick');
  const allNames = args.filter((a) => !a.startsWith('--'));
  // "browser" names the in-browser figures (scripts/bench-browser.ts), run after the others.
  const withBrowser = !allNames.length || allNames.includes('browser');
  const names = allNames.filter((n) => n !== 'browser');
  if (allNames.length && !names.length) {
    const browser = runBrowserBench(quick);
    process.stdout.write(`\n${speedTable([], browser.figures)}\n`);
    return browser.status;
  }
  const options = quick ? { ...DEFAULT_OPTIONS, warmup: 2, minIterations: 5, minTimeMs: 50 } : DEFAULT_OPTIONS;
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const results: CaseResult[] = [];
  for (const f of files) {
    const fileName = basename(f, '.bench.ts');
    const cases = await loadCases(join(BENCH_DIR, f));
    const wholeFile = !names.length || names.includes(fileName);
    for (const c of cases) {
      if (!wholeFile && !names.some((n) => c.name.includes(n))) continue;
      process.stderr.write(`running ${fileName}: ${c.name}…\n`);
      results.push(runCase(fileName, c, options));
    }
  }
  if (!results.length) {
    process.stderr.write(`bench: nothing matches ${names.join(', ')}\n`);
    return 2;
  }
  process.stdout.write(`${formatResults(results)}\n`);
  const missed = results.filter((r) => r.passed === false);
  if (missed.length) process.stdout.write(`\n${missed.length} case(s) missed their target: ${missed.map((r) => r.name).join(', ')}\n`);
  const browser = withBrowser ? runBrowserBench(quick) : { status: 0, figures: null };
  process.stdout.write(`\n${speedTable(results, browser.figures)}\n`);
  return missed.length ? 1 : browser.status;
}

/** What scripts/bench-browser.ts measured (see its `figures`). */
type BrowserFigures = Record<string, number>;

/**
 * Issue 13's table, printed on every run so that later work cannot quietly
 * give the speed back: each figure against its target, as ratios measured in
 * this run where the target is a ratio.
 */
function speedTable(results: CaseResult[], b: BrowserFigures | null): string {
  const rows: Array<[string, string, string, boolean | null]> = [];
  const fig = (k: string) => (b && typeof b[k] === 'number' ? (b[k] as number) : null);
  const add = (label: string, value: number | null, shown: (v: number) => string, target: string, ok: (v: number) => boolean) =>
    rows.push([label, value === null || Number.isNaN(value) ? 'not run' : shown(value), target, value === null || Number.isNaN(value) ? null : ok(value)]);
  add('unrelated 20,000-word page, load with the extension vs without', fig('offTopicVsWithout'), (v) => `${v.toFixed(2)}×`, '≤ 1.05×', (v) => v <= 1.05);
  add('  the same with a no-op content script of our size at document_start (the browser\'s own cost)', fig('noopVsWithout'), (v) => `${v.toFixed(2)}×`, '(reference)', () => true);
  add('  ours against that no-op (the part that is ours)', fig('offTopicVsNoop'), (v) => `${v.toFixed(2)}×`, '(reference)', () => true);
  add("  on the page's own clock (loadEventEnd): with vs without", fig('offTopicVsWithoutPage'), (v) => `${v.toFixed(2)}×`, '(reference)', () => true);
  add('    paired round by round: with vs without / ours vs no-op', fig('offTopicVsWithoutPaired'), (v) => `${v.toFixed(2)}× / ${(fig('offTopicVsNoopPaired') ?? NaN).toFixed(2)}×`, '(reference)', () => true);
  add("    our script's own main-thread work, share of the load", fig('scriptShareOfLoad'), (v) => `${(100 * v).toFixed(1)} %`, '(reference)', () => true);
  add('    no-op vs without / ours vs no-op', fig('noopVsWithoutPage'), (v) => `${v.toFixed(2)}× / ${(fig('offTopicVsNoopPage') ?? NaN).toFixed(2)}×`, '(reference)', () => true);
  add('the gate inside a real page', fig('gateMs'), (v) => `${v.toFixed(2)} ms`, '< 0.5 ms', (v) => v < 0.5);
  add('  p95 of those loads', fig('gateP95Ms'), (v) => `${v.toFixed(2)} ms`, '(reference)', () => true);
  add('  on a site\'s first page (a fresh page process)', fig('gateFreshMs'), (v) => `${v.toFixed(2)} ms`, '(reference)', () => true);
  add('  on a news-like page (30 metas, links in every paragraph)', fig('gateNewsMs'), (v) => `${v.toFixed(2)} ms`, '(reference)', () => true);
  add('  first run after the browser starts', fig('gateFirstMs'), (v) => `${v.toFixed(2)} ms`, '(reference)', () => true);
  add('messages to the background, off-topic page without notes', fig('offTopicMessagesPerLoad'), (v) => String(v), '0', (v) => v === 0);
  add('page load to highlights, 20,000-word on-topic page', fig('highlightsVsDcl'), (v) => `${v.toFixed(1)}× DOMContentLoaded`, '≤ 2.5×', (v) => v <= 2.5);
  add('1,000 notes re-attached on a 20,000-word page, end to end', fig('notesEndToEndMs'), (v) => `${Math.round(v)} ms`, '< 100 ms', (v) => v < 100);
  add("  from the page session's request for them to the frame drawing them", fig('notesFromAskMs'), (v) => `${Math.round(v)} ms`, '(reference)', () => true);
  const anchorGrowth = growth(results, 'anchorAll edited');
  const at16 = anchorGrowth[anchorGrowth.length - 1];
  add('anchoring with 5% of words edited, 16× the size', at16 === undefined ? null : at16 * 16, (v) => `${v.toFixed(1)}× the time`, '≤ 17×', (v) => v <= 17);
  const work = results.filter((r) => r.group === 'anchorAll edited' && r.work !== undefined).sort((a, b) => (a.size ?? 0) - (b.size ?? 0));
  const workGrowth = work.length > 1 ? ((work[work.length - 1]?.work ?? NaN) / (work[0]?.work ?? NaN)) * ((work[work.length - 1]?.size ?? 1) / (work[0]?.size ?? 1)) : null;
  add('  the same counted in search work (free of the machine\'s load)', workGrowth, (v) => `${v.toFixed(1)}× the work`, '≤ 17×', (v) => v <= 17);
  const w = Math.max(...rows.map((r) => r[0].length));
  const lines = ['Speed on every page (issue 13): this run against the targets'];
  for (const [label, value, target, ok] of rows) lines.push(`  ${label.padEnd(w)}  ${value.padStart(22)}  ${target.padEnd(12)} ${ok === null ? '' : ok ? '✓' : '✗'}`);
  return lines.join('\n');
}

/** The real extension in Chromium: page load to highlights, off-topic cost, script sizes. */
function runBrowserBench(quick: boolean): { status: number; figures: BrowserFigures | null } {
  const dir = mkdtempSync(join(tmpdir(), 'cecot-lens-bench-'));
  const out = join(dir, 'figures.json');
  try {
    const run = spawnSync(process.execPath, [...process.execArgv, 'scripts/bench-browser.ts', ...(quick ? ['--quick'] : []), '--json', out], { stdio: 'inherit' });
    let figures: BrowserFigures | null = null;
    try {
      figures = JSON.parse(readFileSync(out, 'utf8')) as BrowserFigures;
    } catch {
      // The browser bench failed before writing its figures; its own output says why.
    }
    return { status: run.status ?? 1, figures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
