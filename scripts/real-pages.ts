/**
 * npm run real-pages -- rebuild | verify | label   (-- --help)
 *
 * The real-page evaluation keeps no page text in the repository. The texts
 * are the excerpts the `search` tool's `pages` corpus returned for the
 * registry's queries, saved as that tool's JSON answers under .real-pages/raw/
 * (git-ignored). This script turns those saved answers into one text file per
 * registry page and checks every labelled span against its hash.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkEvidence, excerptHash, locateEvidence, normalizeExcerpt } from './real-pages/evidence';
import { Expectation, REGISTRY_FORMAT, readRegistry, RealPage, SiteKind, type Registry } from './real-pages/registry';
import { z } from '../lib/schema/zod';

export const USAGE = `Usage: npm run real-pages -- <command> [options]

  rebuild   write DIR/pages/<id>.txt and DIR/registry.json from saved search answers, then verify
  verify    check DIR/pages/*.txt against DIR/registry.json (every page hash, every evidence hash)
  label     (curators) turn a local draft with quotes into the committed registry, quotes dropped

Options:
  --raw DIR        saved search answers, one JSON file each (default .real-pages/raw)
  --registry FILE  the registry (default tests/real-pages/registry.json)
  --out DIR        where rebuild writes, and what verify reads (default .real-pages)
  --draft FILE     label: the local draft (default .real-pages/draft.txt)

A saved answer is the JSON the search tool returned for one query on the
"pages" corpus: { "query": "...", "results": [ { "url": "...", "excerpt": "..." }, ... ] }.
Exit code 1 when a page is missing or any hash differs; each problem is named.`;

export interface Problem {
  page: string;
  fact?: string;
  message: string;
}

/** Every excerpt in the saved answers, by URL (a URL seen twice with different text keeps both). */
export function readRawAnswers(dir: string): Map<string, Array<{ excerpt: string; query: string; file: string }>> {
  const byUrl = new Map<string, Array<{ excerpt: string; query: string; file: string }>>();
  if (!existsSync(dir)) throw new Error(`no folder ${dir}: save the search tool's answers there first (see README, "Real-page evaluation")`);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let data: { query?: unknown; results?: unknown };
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      throw new Error(`${join(dir, name)}: not JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(data.results)) throw new Error(`${join(dir, name)}: no "results" array`);
    for (const r of data.results as Array<{ url?: unknown; excerpt?: unknown }>) {
      if (typeof r.url !== 'string' || typeof r.excerpt !== 'string') continue;
      const list = byUrl.get(r.url) ?? [];
      if (!list.some((x) => x.excerpt === r.excerpt)) list.push({ excerpt: r.excerpt, query: String(data.query ?? ''), file: name });
      byUrl.set(r.url, list);
    }
  }
  return byUrl;
}

/** Checks one page text against its registry entry. */
export function verifyPage(page: RealPage, text: string): Problem[] {
  const problems: Problem[] = [];
  if (excerptHash(text) !== page.textSha256) {
    problems.push({ page: page.id, message: `page text differs from the one labelled (hash ${excerptHash(text).slice(0, 12)}…, length ${text.length} vs ${page.textLength}); facts are checked one by one below` });
  }
  for (const f of page.facts) {
    const c = checkEvidence(text, f);
    if (!c.ok) problems.push({ page: page.id, fact: f.id, message: c.reason });
  }
  return problems;
}

/** Writes DIR/pages/<id>.txt for every registry page found in the saved answers. */
export function rebuild(registryFile: string, rawDir: string, outDir: string): { written: number; problems: Problem[] } {
  const registry = readRegistry(registryFile);
  const raw = readRawAnswers(rawDir);
  mkdirSync(join(outDir, 'pages'), { recursive: true });
  copyFileSync(registryFile, join(outDir, 'registry.json'));
  const problems: Problem[] = [];
  let written = 0;
  for (const page of registry.pages) {
    const found = raw.get(page.url);
    if (!found?.length) {
      problems.push({ page: page.id, message: `no saved answer holds ${page.url} (search the pages corpus for: ${page.query})` });
      continue;
    }
    // Prefer the copy that was labelled, when the same URL came back twice.
    const pick = found.find((x) => excerptHash(x.excerpt) === page.textSha256) ?? found[0]!;
    writeFileSync(join(outDir, 'pages', `${page.id}.txt`), pick.excerpt);
    written++;
    problems.push(...verifyPage(page, pick.excerpt));
  }
  return { written, problems };
}

/** Checks DIR/pages/*.txt against DIR/registry.json. */
export function verifyDir(dir: string): { checked: number; problems: Problem[] } {
  const registry = readRegistry(join(dir, 'registry.json'));
  const problems: Problem[] = [];
  let checked = 0;
  for (const page of registry.pages) {
    const file = join(dir, 'pages', `${page.id}.txt`);
    if (!existsSync(file)) {
      problems.push({ page: page.id, message: `missing ${file}` });
      continue;
    }
    checked++;
    problems.push(...verifyPage(page, readFileSync(file, 'utf8')));
  }
  return { checked, problems };
}

/** The curator's local draft: the registry's pages with each fact's quote instead of its span. */
const DraftFact = z.object({
  quote: z.string().min(1),
  occurrence: z.number().int().min(1).optional(),
  expect: Expectation,
  claimIds: z.array(z.string()).default([]),
  failureKind: z.number().int().min(1).max(7).optional(),
  values: z.object({ page: z.string(), dataset: z.string() }).optional(),
  note: z.string().optional(),
});
const DraftPage = z.object({
  id: z.string(),
  url: z.string(),
  language: z.enum(['en', 'es']),
  site: SiteKind,
  onTopic: z.boolean(),
  note: z.string().optional(),
  facts: z.array(DraftFact).default([]),
});
const Draft = z.object({ pages: z.array(DraftPage) });

/**
 * The draft's line format (a JSON draft of the same shape is read too):
 *   @alias = claim-id
 *   ## page-id | url | en|es | site kind | on|off
 *   quote || expect || alias,alias || failure kind || page value=>dataset value || note
 * Empty trailing fields may be left out; lines starting with # are comments.
 */
export function parseDraftText(text: string): unknown {
  const aliases = new Map<string, string>();
  const pages: Array<Record<string, unknown> & { facts: unknown[] }> = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const where = `draft line ${n + 1}`;
    if (!line.trim() || (line.startsWith('#') && !line.startsWith('## '))) return;
    if (line.startsWith('@')) {
      const m = /^@(\S+)\s*=\s*(\S+)\s*$/.exec(line);
      if (!m) throw new Error(`${where}: an alias is "@name = claim-id"`);
      aliases.set(m[1]!, m[2]!);
      return;
    }
    if (line.startsWith('## ')) {
      const [id, url, language, site, on] = line.slice(3).split('|').map((x) => x.trim());
      pages.push({ id, url, language, site, onTopic: on === 'on', facts: [] });
      return;
    }
    const page = pages[pages.length - 1];
    if (!page) throw new Error(`${where}: a fact before any "## page" line`);
    const [quote, expect, ids = '', kind = '', values = '', note = ''] = line.split('||').map((x) => x.trim());
    const claimIds = ids ? ids.split(',').map((a) => aliases.get(a.trim()) ?? a.trim()) : [];
    const fact: Record<string, unknown> = { quote, expect, claimIds };
    if (kind) fact.failureKind = Number(kind);
    if (values) {
      const [pv, dv] = values.split('=>').map((x) => x.trim());
      fact.values = { page: pv, dataset: dv };
    }
    if (note) fact.note = note;
    page.facts.push(fact);
  });
  return { pages };
}

/** Builds the registry from a draft: every quote located in its page's saved text, then dropped. */
export function label(draftFile: string, rawDir: string, knownClaims: Set<string>): { registry: Registry; problems: Problem[] } {
  const body = readFileSync(draftFile, 'utf8');
  const draft = Draft.parse(draftFile.endsWith('.json') ? JSON.parse(body) : parseDraftText(body));
  const raw = readRawAnswers(rawDir);
  const problems: Problem[] = [];
  const pages: RealPage[] = [];
  for (const p of draft.pages) {
    const found = raw.get(p.url)?.[0];
    if (!found) {
      problems.push({ page: p.id, message: `no saved answer holds ${p.url}` });
      continue;
    }
    const text = found.excerpt;
    const facts: RealPage['facts'] = [];
    p.facts.forEach((f, i) => {
      const span = locateEvidence(text, f.quote, f.occurrence ?? 1);
      const id = `${p.id}-f${String(i + 1).padStart(2, '0')}`;
      if (!span) {
        problems.push({ page: p.id, fact: id, message: `quote not found in the page text: "${f.quote.slice(0, 60)}"` });
        return;
      }
      for (const c of f.claimIds) if (!knownClaims.has(c)) problems.push({ page: p.id, fact: id, message: `unknown dataset claim ${c}` });
      facts.push({ id, ...span, expect: f.expect, claimIds: f.claimIds, ...(f.failureKind ? { failureKind: f.failureKind } : {}), ...(f.values ? { values: f.values } : {}), ...(f.note ? { note: f.note } : {}) });
    });
    pages.push({ id: p.id, url: p.url, query: found.query, language: p.language, site: p.site, onTopic: p.onTopic, textSha256: excerptHash(text), textLength: text.length, facts, ...(p.note ? { note: p.note } : {}) });
  }
  const registry: Registry = {
    format: REGISTRY_FORMAT,
    version: 1,
    normalization: 'NFC, then every run of Unicode whitespace to one space, then trimmed (scripts/real-pages/evidence.ts normalizeExcerpt); SHA-256 of its UTF-8 bytes, hex',
    pages,
  };
  return { registry, problems };
}

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

function report(problems: Problem[]): void {
  for (const p of problems) process.stderr.write(`  ✗ ${p.page}${p.fact ? ` ${p.fact}` : ''}: ${p.message}\n`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const cmd = args[0];
  if (!cmd || cmd === '--help' || cmd === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return cmd ? 0 : 2;
  }
  const registryFile = arg(args, '--registry', 'tests/real-pages/registry.json');
  const rawDir = arg(args, '--raw', '.real-pages/raw');
  const outDir = arg(args, '--out', '.real-pages');
  if (cmd === 'rebuild') {
    const { written, problems } = rebuild(registryFile, rawDir, outDir);
    process.stdout.write(`rebuilt ${written} page texts in ${join(outDir, 'pages')}; ${problems.length} problem(s)\n`);
    report(problems);
    return problems.length ? 1 : 0;
  }
  if (cmd === 'verify') {
    const { checked, problems } = verifyDir(args[1] && !args[1].startsWith('--') ? args[1] : outDir);
    process.stdout.write(`checked ${checked} page texts; ${problems.length} problem(s)\n`);
    report(problems);
    return problems.length ? 1 : 0;
  }
  if (cmd === 'label') {
    const claims = JSON.parse(readFileSync('seeds/claims.json', 'utf8')) as { claims: Array<{ id: string }> };
    const { registry, problems } = label(arg(args, '--draft', '.real-pages/draft.txt'), rawDir, new Set(claims.claims.map((c) => c.id)));
    const facts = registry.pages.reduce((n, p) => n + p.facts.length, 0);
    mkdirSync(resolve(registryFile, '..'), { recursive: true });
    writeFileSync(registryFile, `${JSON.stringify(registry, null, 1)}\n`);
    process.stdout.write(`wrote ${registryFile}: ${registry.pages.length} pages, ${facts} facts; ${problems.length} problem(s)\n`);
    report(problems);
    return problems.length ? 1 : 0;
  }
  process.stderr.write(`unknown command ${cmd}\n${USAGE}\n`);
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`real-pages: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}

export { normalizeExcerpt };
