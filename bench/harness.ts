/**
 * A small benchmark harness.
 *
 * Every case is timed the same way: warm-up runs (so the JIT has compiled the
 * code), then at least `minIterations` runs and at least `minTimeMs` of runs,
 * each timed alone; the median is reported. Machines differ, so each figure is
 * also given as a ratio to a baseline measured in the same run on the same
 * input: one pass of `/\d+/g` counting digit runs, about the cheapest thing one
 * can do with a text. A ratio of 20 means "costs as much as 20 such passes".
 *
 * To add benchmarks, create `bench/<name>.bench.ts` exporting
 * `cases: BenchCase[]` (or a function returning them, possibly async);
 * `npm run bench` runs every file, `npm run bench -- <name> [<name>…]` those
 * files or the cases whose names contain one of the words.
 */

export interface BenchCase {
  name: string;
  /** The work to time; its result is kept so the engine cannot skip it. */
  run: () => unknown;
  /** The text the baseline regex pass runs over: the case's input, or a text of the same size. */
  baselineText: string;
  /** Fail the target check above this median, in milliseconds. */
  targetMs?: number;
  /** Cases sharing a group with different `size`s are compared for growth (1×, 4×, 16×). */
  group?: string;
  size?: number;
  /** A note printed under the case (input size, what is measured). */
  note?: string;
  /** A count of work done per unit (say, per note), independent of the machine's speed and load. */
  work?: number;
  /**
   * `run` does this many equal pieces of work (pages) and the figure is the
   * time per piece: small sizes average over several pages so that every size
   * of a growth group is measured on the same number of inputs.
   */
  perRun?: number;
}

export interface BenchOptions {
  warmup: number;
  minIterations: number;
  minTimeMs: number;
  maxIterations: number;
}

export const DEFAULT_OPTIONS: BenchOptions = { warmup: 5, minIterations: 15, minTimeMs: 300, maxIterations: 2000 };

export interface Timing {
  median: number;
  min: number;
  p90: number;
  iterations: number;
}

let sink: unknown;

/** Times `fn`: warm-up, then repeated single runs; returns median, min and 90th percentile in ms. */
export function measure(fn: () => unknown, options: BenchOptions = DEFAULT_OPTIONS): Timing {
  for (let i = 0; i < options.warmup; i++) sink = fn();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < options.minIterations ||
    (performance.now() - started < options.minTimeMs && samples.length < options.maxIterations)
  ) {
    const t0 = performance.now();
    sink = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { median: at(0.5), min: samples[0] ?? 0, p90: at(0.9), iterations: samples.length };
}

/** The baseline: one `/\d+/g` pass over `text`, counting matches. */
export function baselinePass(text: string): number {
  let n = 0;
  const re = /\d+/g;
  while (re.exec(text) !== null) n++;
  return n;
}

export interface CaseResult {
  file: string;
  name: string;
  timing: Timing;
  baseline: Timing;
  ratio: number;
  targetMs?: number;
  passed: boolean | null;
  group?: string;
  size?: number;
  note?: string;
  work?: number;
}

export function runCase(file: string, c: BenchCase, options: BenchOptions = DEFAULT_OPTIONS): CaseResult {
  const baseline = measure(() => baselinePass(c.baselineText), options);
  const whole = measure(c.run, options);
  const per = c.perRun ?? 1;
  const timing: Timing = { ...whole, median: whole.median / per, min: whole.min / per, p90: whole.p90 / per };
  void sink;
  return {
    file,
    name: c.name,
    timing,
    baseline,
    ratio: timing.median / Math.max(baseline.median, 1e-6),
    targetMs: c.targetMs,
    passed: c.targetMs === undefined ? null : timing.median <= c.targetMs,
    group: c.group,
    size: c.size,
    note: c.note,
    work: c.work,
  };
}

const ms = (x: number): string => (x < 0.1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(x < 10 ? 3 : 1)} ms`);

/** The report: one line per case, then growth per group. */
export function formatResults(results: CaseResult[]): string {
  const lines: string[] = [];
  const width = Math.max(...results.map((r) => r.name.length), 20);
  lines.push(`${'case'.padEnd(width)}  ${'median'.padStart(10)}  ${'p90'.padStart(10)}  ${'× baseline'.padStart(11)}  ${'baseline'.padStart(10)}  target`);
  for (const r of results) {
    const target = r.targetMs === undefined ? '' : `${r.passed ? '✓' : '✗'} < ${r.targetMs} ms`;
    lines.push(
      `${r.name.padEnd(width)}  ${ms(r.timing.median).padStart(10)}  ${ms(r.timing.p90).padStart(10)}  ${r.ratio.toFixed(1).padStart(11)}  ${ms(r.baseline.median).padStart(10)}  ${target}`,
    );
    if (r.note) lines.push(`${''.padEnd(width)}  ${r.note}  (${r.timing.iterations} runs)`);
  }
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) if (r.group && r.size) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  for (const [group, members] of groups) {
    members.sort((a, b) => (a.size ?? 0) - (b.size ?? 0));
    const first = members[0];
    if (!first || members.length < 2) continue;
    lines.push('');
    lines.push(`growth of "${group}" (linear: time grows as the size)`);
    for (const r of members.slice(1)) {
      const sizeFactor = (r.size ?? 1) / (first.size ?? 1);
      const timeFactor = r.timing.median / first.timing.median;
      lines.push(`  ${sizeFactor}× size → ${timeFactor.toFixed(2)}× time   (time/size ${(timeFactor / sizeFactor).toFixed(2)}; 1.00 is linear)`);
    }
  }
  return lines.join('\n');
}

/** Growth factors of a group, for tests and scripts: time ratio divided by size ratio, per larger member. */
export function growth(results: CaseResult[], group: string): number[] {
  const members = results.filter((r) => r.group === group && r.size).sort((a, b) => (a.size ?? 0) - (b.size ?? 0));
  const first = members[0];
  if (!first) return [];
  return members.slice(1).map((r) => r.timing.median / first.timing.median / ((r.size ?? 1) / (first.size ?? 1)));
}
