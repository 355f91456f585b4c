/**
 * The extraction snapshot: every HTML page the project keeps (the eval's fixtures, the demo pages, the e2e
 * pages) and the bench's long pages, extracted with Readability run in steps (as the page session runs it,
 * lib/extract/readability-content.ts) and with Readability's own `parse()` in one call (as it ran before the
 * steps), one line per page: the method, the text's length and hash, and whether the two agree (text, map,
 * title, language). Exits 1 when any page differs.
 *
 *   npx tsx scripts/extract-snapshot.ts [more.html ...]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { longHtml, newsHtml } from '../bench/corpus';
import { extractMainText, type ExtractedText } from '../lib/extract/extract-main-text';
import type { ReadabilityLike } from '../lib/extract/readability-content';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Readability behind `parse()` alone: the stepped run finds none of its steps and calls `parse()`, as before. */
class WholeParse {
  private readonly r: InstanceType<typeof Readability>;
  constructor(doc: Document, options?: object) {
    this.r = new Readability(doc, options);
  }
  parse() {
    return this.r.parse();
  }
}

function htmlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : /\.html?$/i.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** What the page session uses of an extraction, the map as text offsets with their nodes' text. */
function digest(x: ExtractedText): string {
  const map = JSON.stringify(x.map, (key, value) => (value && typeof value === 'object' && 'nodeType' in value ? (value as Node).textContent : value));
  return createHash('sha256').update(JSON.stringify([x.title, x.language, x.method, x.text])).update(map ?? '').digest('hex').slice(0, 16);
}

const pages: [string, string][] = [
  ...['tests/fixtures', 'demo/pages', 'tests/e2e'].flatMap((d) => htmlFiles(path.join(ROOT, d)).map((f) => [path.relative(ROOT, f), fs.readFileSync(f, 'utf8')] as [string, string])),
  ...process.argv.slice(2).map((f) => [f, fs.readFileSync(f, 'utf8')] as [string, string]),
  ['bench: long on-topic 20,000 words', longHtml(20_000, true)],
  ['bench: long near-miss 20,000 words', longHtml(20_000, false)],
  ['bench: long unrelated 20,000 words', longHtml(20_000, 'unrelated')],
  ['bench: news-like 20,000 words', newsHtml(20_000)],
];

let differ = 0;
for (const [name, html] of pages) {
  const stepped = extractMainText(parseHTML(html).document as unknown as Document, { readability: Readability as unknown as ReadabilityLike });
  const whole = extractMainText(parseHTML(html).document as unknown as Document, { readability: WholeParse as unknown as ReadabilityLike });
  const [a, b] = [digest(stepped), digest(whole)];
  if (a !== b) differ++;
  console.log(`${a === b ? 'same  ' : 'DIFFER'} ${stepped.method.padEnd(11)} ${String(stepped.text.length).padStart(7)} ${a}  ${name}`);
}
console.log(`${pages.length} pages, ${differ} differ`);
process.exit(differ ? 1 : 0);
