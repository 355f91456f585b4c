/**
 * npm run scan -- [--json] [--topic FILE] [--seeds DIR] [--all] [INPUT...]
 *
 * Recognizes the topic of each input, finds its check-worthy claims and
 * compares them with the curated dataset. INPUT is an .html or .txt file or an
 * http(s) URL; with none, the bundled source articles in seeds/sources/ are scanned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzeText, publicAnalysis, type Analysis, type AnalyzeOptions } from '../lib/analyze';
import { extractFromText } from '../lib/extract/extract-main-text';
import type { ReadabilityLike } from '../lib/extract/readability-content';
import { buildMatcher, type Matcher } from '../lib/match/build-matcher';
import { compileTopic, type CompiledTopic } from '../lib/topic/compile-topic';
import { parseTopic } from '../lib/topic/schema';
import { loadPackOverSeeds, loadSeedsFromDir } from './load-seeds';
import { topicWithUserTerms } from '../lib/topic/user-terms';

export const USAGE = `Usage: npm run scan -- [options] [INPUT...]

Recognizes whether each input is about CECOT and the US–El Salvador deportation
deal, lists its check-worthy claims, and compares them with the curated dataset.

INPUT     an .html/.htm or .txt file, or an http(s) URL. With no INPUT, the
          source articles bundled in seeds/sources/ are scanned.

Options:
  --json          print one JSON array, one object per input read:
                  { input, title, language, topic: { onTopic, score, reasons },
                    claims: [ { text, start, end, checkWorthiness, quantities,
                                matches: [ { claimId, statement, statementEs,
                                             relation, score, explanation } ],
                                parts: [ { start, end, text, kind, relation,
                                           claimId, slot?, page?, dataset?,
                                           explanation, detail } ] } ] }
                  relation: agrees | conflicts | related | repeats-error
                  (agrees with a claim the curator flagged as an error)
  --topic FILE    topic definition to use (default seeds/topic.json)
  --seeds DIR     dataset folder to compare with (default seeds)
  --seeds PACK    or a dataset pack (.json, exported from the Dataset page),
                  applied over seeds/ with its recognition terms
  --all           compare claims with the dataset even on off-topic pages
  -h, --help      show this help

Inputs that cannot be read or parsed are reported on stderr, by name; the
others still run, and the exit code is 1 if any failed.`;

export interface ScanContext {
  matcher: Matcher;
  topic: CompiledTopic;
  options: AnalyzeOptions;
}

export interface ScanResult extends Analysis {
  input: string;
  extraction: string;
  /** The main text every claim offset refers to (the evaluation locates labelled evidence in it). */
  text?: string;
}

/** `loadContext`, where `seeds` may also be a dataset pack file (a .json): applied over seeds/, its terms added to the topic. */
export async function loadContextFrom(seeds = 'seeds', topicFile?: string, options: AnalyzeOptions = {}): Promise<ScanContext> {
  if (!seeds.endsWith('.json')) return loadContext(seeds, topicFile, options);
  const topic = parseTopic(JSON.parse(readFileSync(topicFile ?? join('seeds', 'topic.json'), 'utf8')));
  const effective = await loadPackOverSeeds(seeds, topic.id);
  return { matcher: buildMatcher({ claims: effective.activeClaims, subjects: effective.subjects }), topic: compileTopic(topicWithUserTerms(topic, effective.terms)), options };
}

/** Loads the dataset and topic once for many inputs. */
export function loadContext(seedsDir = 'seeds', topicFile = join(seedsDir, 'topic.json'), options: AnalyzeOptions = {}): ScanContext {
  const dataset = loadSeedsFromDir(seedsDir);
  const topic = parseTopic(JSON.parse(readFileSync(topicFile, 'utf8')));
  return { matcher: buildMatcher(dataset), topic: compileTopic(topic), options };
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Reads an input: a URL is fetched, a file read; says whether it is HTML. */
export async function readInput(input: string): Promise<{ body: string; html: boolean; url: string }> {
  if (isUrl(input)) {
    let res: Response;
    try {
      res = await fetch(input, { signal: AbortSignal.timeout(15000), redirect: 'follow' });
    } catch (e) {
      throw new Error(`cannot fetch: ${(e as Error).message}`);
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    const type = res.headers.get('content-type') ?? '';
    const body = await res.text();
    const html = /html|xml/i.test(type) || (!/text\/plain/i.test(type) && /^\s*</.test(body));
    return { body, html, url: res.url || input };
  }
  let body: string;
  try {
    body = readFileSync(input, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? 'no such file' : `cannot read: ${err.message}`);
  }
  const ext = extname(input).toLowerCase();
  const html = ext === '.html' || ext === '.htm' || (ext !== '.txt' && /^\s*</.test(body));
  return { body, html, url: pathToFileURL(resolve(input)).href };
}

/**
 * Analyses one input (file or URL). Throws an Error whose message says what
 * went wrong. `pageUrl` overrides the URL the page is analysed under (the
 * evaluation gives its files the addresses they would have on the web).
 */
export async function scanInput(input: string, ctx: ScanContext, pageUrl?: string): Promise<ScanResult> {
  const read = await readInput(input);
  const { body, html } = read;
  const url = pageUrl ?? read.url;
  if (html) {
    if (!/<[a-z!]/i.test(body)) throw new Error('not HTML: no markup found');
    let doc: Document;
    try {
      doc = parseHTML(body).document as unknown as Document;
    } catch (e) {
      throw new Error(`cannot parse HTML: ${(e as Error).message}`);
    }
    const r = analyzeDocument(doc, url, ctx.matcher, ctx.topic, { ...ctx.options, readability: Readability as unknown as ReadabilityLike });
    return { input, title: r.title, language: r.language, topic: r.topic, claims: r.claims, extraction: r.extraction, text: r.text };
  }
  if (body.includes('\u0000')) throw new Error('not text: binary content');
  const extracted = extractFromText(body);
  const r = analyzeText({ text: extracted.text, title: extracted.title, url, language: extracted.language }, ctx.matcher, ctx.topic, ctx.options);
  return { input, ...r, extraction: extracted.method, text: extracted.text };
}

/** The JSON object for one result: the documented shape, plus quantities, features and each match's subject. */
export function toJson(r: ScanResult): unknown {
  const shown = publicAnalysis(r);
  return {
    input: r.input,
    ...shown,
    claims: shown.claims.map((c, i) => {
      const full = r.claims[i]!;
      return { ...c, quantities: full.quantities, features: full.features, matches: c.matches.map((m, j) => ({ ...m, subject: full.matches[j]?.subject })) };
    }),
  };
}

function cut(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= n ? one.padEnd(n) : `${one.slice(0, n - 1)}…`;
}

/** The readable report for one result. */
export function toText(r: ScanResult): string {
  const lines: string[] = [];
  lines.push(`━━ ${r.input}`);
  lines.push(`title:    ${r.title || '(none)'}`);
  lines.push(`language: ${r.language}   extraction: ${r.extraction}`);
  lines.push(`verdict:  ${r.topic.onTopic ? 'ON TOPIC' : 'off topic'}   score ${r.topic.score.toFixed(3)}`);
  if (r.topic.reasons.length) {
    lines.push('reasons:');
    for (const reason of r.topic.reasons.slice(0, 10)) lines.push(`  · ${reason}`);
  }
  lines.push('');
  if (!r.claims.length) {
    lines.push('no check-worthy claims found');
    return lines.join('\n');
  }
  const counts = { agrees: 0, conflicts: 0, related: 0, 'repeats-error': 0, none: 0 };
  lines.push(`${'#'.padStart(3)}  ${'worth'.padEnd(5)}  ${'relation'.padEnd(14)}  ${'dataset claim'.padEnd(34)}  sentence`);
  lines.push(`${'─'.repeat(3)}  ${'─'.repeat(5)}  ${'─'.repeat(14)}  ${'─'.repeat(34)}  ${'─'.repeat(60)}`);
  r.claims.forEach((c, i) => {
    const worth = c.checkWorthiness.toFixed(2);
    if (!c.matches.length) {
      counts.none++;
      lines.push(`${String(i + 1).padStart(3)}  ${worth.padEnd(5)}  ${'not in dataset'.padEnd(14)}  ${''.padEnd(34)}  ${cut(c.text, 90).trimEnd()}`);
      return;
    }
    c.matches.forEach((m, j) => {
      counts[m.relation]++;
      const head = j === 0 ? `${String(i + 1).padStart(3)}  ${worth.padEnd(5)}` : `${''.padStart(3)}  ${''.padEnd(5)}`;
      const sentence = j === 0 ? cut(c.text, 90).trimEnd() : '';
      lines.push(`${head}  ${m.relation.padEnd(14)}  ${cut(m.claimId, 34)}  ${sentence}`);
      lines.push(`${''.padStart(3)}  ${''.padEnd(5)}  ${''.padEnd(14)}  ${''.padEnd(34)}  ↳ ${cut(m.explanation, 120).trimEnd()}`);
    });
  });
  lines.push('');
  lines.push(
    `${r.claims.length} claims: ${counts.agrees} agree, ${counts.conflicts} conflict, ${counts.related} related, ${counts.none} not in dataset` +
      (counts['repeats-error'] ? `, ${counts['repeats-error']} repeat an error flagged in the dataset` : ''),
  );
  return lines.join('\n');
}

interface Args {
  json: boolean;
  help: boolean;
  all: boolean;
  topic?: string;
  seeds: string;
  inputs: string[];
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, help: false, all: false, seeds: 'seeds', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') args.json = true;
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--all') args.all = true;
    else if (a === '--topic') args.topic = argv[++i];
    else if (a === '--seeds') args.seeds = argv[++i] ?? 'seeds';
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.inputs.push(a);
  }
  return args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`scan: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let ctx: ScanContext;
  try {
    ctx = await loadContextFrom(args.seeds, args.topic, { matchOffTopic: args.all });
  } catch (e) {
    process.stderr.write(`scan: cannot load the dataset or topic: ${(e as Error).message}\n`);
    return 2;
  }
  const inputs = args.inputs.length
    ? args.inputs
    : readdirSync(join(args.seeds.endsWith('.json') ? 'seeds' : args.seeds, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(args.seeds.endsWith('.json') ? 'seeds' : args.seeds, 'sources', f));

  const results: unknown[] = [];
  let failed = 0;
  for (const input of inputs) {
    try {
      const r = await scanInput(input, ctx);
      if (args.json) results.push(toJson(r));
      else process.stdout.write(`${toText(r)}\n\n`);
    } catch (e) {
      failed++;
      process.stderr.write(`scan: ${input}: ${(e as Error).message}\n`);
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (failed) process.stderr.write(`scan: ${failed} of ${inputs.length} input(s) failed\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scan: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
