/**
 * npm run bench -- [--quick] [NAME...]   ("browser" names the in-browser figures)
 *
 * Runs every `bench/*.bench.ts` file, or the files and cases named on the
 * command line, and prints medians, ratios to a regex baseline and growth
 * factors (see bench/harness.ts). Exit code 1 if a case misses its target.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_OPTIONS, formatResults, runCase, type BenchCase, type CaseResult } from '../bench/harness';

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
  if (allNames.length && !names.length) return runBrowserBench(quick);
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
  const browser = withBrowser ? runBrowserBench(quick) : 0;
  return missed.length ? 1 : browser;
}

/** The real extension in Chromium: page load to highlights, off-topic cost, script sizes. */
function runBrowserBench(quick: boolean): number {
  const run = spawnSync(process.execPath, [...process.execArgv, 'scripts/bench-browser.ts', ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  return run.status ?? 1;
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
