/**
 * The in-browser figures of `npm run bench`: the real extension in Chromium.
 *
 * - page load to highlights on a long on-topic page (about 20,000 words),
 *   as a ratio to the same page's own load time (DOMContentLoaded) in the same run;
 * - an off-topic page's load time with the extension against the same page in a
 *   browser without it, to show that unrelated pages pay nothing measurable;
 * - 1,000 of the reader's annotations re-attached on a long page, from navigation
 *   to all of them drawn, against the same page's own load time;
 * - the size of the scripts a page receives, gzipped.
 */

/** 1,000 annotations spread over a page's rendered text, as the extension would have saved them. */
function thousandNotes(html: string, pageUrl: string): Annotation[] {
  const { document } = parseHTML(html);
  const { text } = renderText(document.body, () => true, isHidden);
  const notes: Annotation[] = [];
  const step = Math.floor(text.length / 1000);
  for (let i = 0; i < 1000; i++) {
    // A word-aligned span of about 40 characters near every thousandth of the text.
    let start = i * step;
    while (start < text.length && /\S/.test(text[start - 1] ?? ' ')) start++;
    let end = Math.min(text.length, start + 40);
    while (end < text.length && /\S/.test(text[end] ?? ' ')) end++;
    if (end <= start || !text.slice(start, end).trim()) continue;
    const selectors = describeRange(text, start, end);
    const stamp = '2026-11-01T00:00:00.000Z';
    notes.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: pageUrl,
      canonicalUrl: pageUrl,
      title: 'Long page',
      selectors,
      quote: selectors.quote.exact,
      color: 'yellow',
      note: `note ${i}`,
      tags: [],
      verdict: null,
      claims: [],
      createdAt: stamp,
      updatedAt: stamp,
      revision: 1,
      deviceId: 'bench',
      deletedAt: null,
    });
  }
  return notes;
}

async function timeToNotes(page: Page, url: string, expected: number): Promise<{ dcl: number; drawn: number }> {
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const dcl = Date.now() - t0;
  await page.waitForFunction(// Our highlight names are random per page session: the notes page's one yellow layer is its largest highlight.
    (n) => Math.max(0, ...[...CSS.highlights.values()].map((h) => h.size)) >= n, expected, { timeout: 30_000, polling: 10 });
  return { dcl, drawn: Date.now() - t0 };
}
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { longHtml } from '../bench/corpus';
import { chromiumArgs, CHROMIUM_PATH, extensionIdOf, launchChromiumWithExtension } from './shared/chromium';
import { parseHTML } from 'linkedom';
import { describeRange } from '../lib/anchoring/describe';
import { renderText, isHidden } from '../lib/extract/render-text';
import { exportBundleJson } from '../lib/exchange/bundle';
import type { Annotation } from '../lib/annotations/schema';
import { startStaticServer } from './shared/static-server';
import { libraryBrowserRows } from './shared/library-browser-bench';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXT = path.join(ROOT, '.output/chrome-mv3');
const RUNS = process.argv.includes('--quick') ? 3 : 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function gz(file: string): { raw: number; gzip: number } {
  const data = fs.readFileSync(path.join(EXT, file));
  return { raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
}

async function timeToHighlights(page: Page, url: string): Promise<{ dcl: number; highlights: number }> {
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const dcl = Date.now() - t0;
  await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 30_000, polling: 10 });
  return { dcl, highlights: Date.now() - t0 };
}

async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  // Let the content script's own work (gate, one message) finish inside the measured window.
  await page.waitForTimeout(50);
  return Date.now() - t0 - 50;
}

async function main() {
  if (!fs.existsSync(path.join(EXT, 'manifest.json'))) {
    console.error('bench: building the Chromium extension first…');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dir = fs.mkdtempSync(path.join(ROOT, 'node_modules/.bench-pages-'));
  fs.writeFileSync(path.join(dir, 'long-on.html'), longHtml(20_000, true));
  fs.writeFileSync(path.join(dir, 'long-off.html'), longHtml(20_000, false));
  const server = await startStaticServer(dir);
  const withExt = await launchChromiumWithExtension(EXT);
  const plainDir = fs.mkdtempSync(path.join(dir, 'profile-'));
  const plain: BrowserContext = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(EXT).slice(2),
  });
  try {
    const page = await withExt.context.newPage();
    await timeToHighlights(page, `${server.url}/long-on.html?warm`);
    const on = [];
    for (let i = 0; i < RUNS; i++) on.push(await timeToHighlights(page, `${server.url}/long-on.html?run=${i}`));
    const dcl = median(on.map((r) => r.dcl));
    const hl = median(on.map((r) => r.highlights));

    const plainPage = await plain.newPage();
    const offWith: number[] = [];
    const offWithout: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      offWith.push(await loadTime(page, `${server.url}/long-off.html?run=${i}`));
      offWithout.push(await loadTime(plainPage, `${server.url}/long-off.html?run=${i}`));
    }
    offWith.shift();
    offWithout.shift();
    const gateCost = await page.evaluate(() => performance.getEntriesByName('cecot-lens:gate').map((e) => e.duration));

    // 1,000 notes on an off-topic long page: only the reader's notes bring the session there.
    const notesHtml = longHtml(20_000, false);
    fs.writeFileSync(path.join(dir, 'long-notes.html'), notesHtml);
    const notesUrl = `${server.url}/long-notes.html`;
    const notes = thousandNotes(notesHtml, notesUrl);
    const probe = await withExt.context.newPage();
    await probe.goto(`chrome-extension://${await extensionIdOf(withExt.context)}/options.html`);
    const bundle = exportBundleJson(notes, { exportedAt: new Date().toISOString(), generator: { name: 'bench', version: '1' }, dataset: { id: 'bench', version: '1' } });
    const imported = await probe.evaluate(async (text) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
      return api.runtime.sendMessage({ type: 'data/import-apply', text });
    }, bundle);
    if (!imported.ok) throw new Error(`bench: import failed: ${imported.error}`);
    const expected = Math.floor(notes.length * 0.99);
    await timeToNotes(page, `${notesUrl}?warm`, expected).catch(() => null);
    const noteRuns = [];
    for (let i = 0; i < RUNS; i++) noteRuns.push(await timeToNotes(page, notesUrl, expected));
    const attached = await page.evaluate(() => Math.max(0, ...[...CSS.highlights.values()].map((h) => h.size)));
    // The re-attachment step alone (render the page's text, anchor, build ranges), as the session measured it.
    const reattach = await page.evaluate(() => performance.getEntriesByName('cecot-lens:reattach').map((e) => e.duration));
    const notesDrawn = median(noteRuns.map((r) => r.drawn));
    const notesDcl = median(noteRuns.map((r) => r.dcl));

    const libraryRows = await libraryBrowserRows(withExt.context, await extensionIdOf(withExt.context), RUNS);
    const gate = gz('content-scripts/content.js');
    const session = gz('page-session.js');
    const rows = [
      ['page load to highlights, 20,000-word page', `${hl} ms`, `${(hl / Math.max(dcl, 1)).toFixed(1)} × its DOMContentLoaded (${dcl} ms)`],
      ['off-topic 20,000-word page, load with the extension', `${median(offWith)} ms`, `${(median(offWith) / Math.max(median(offWithout), 1)).toFixed(2)} × without it (${median(offWithout)} ms)`],
      ['  of which the gate itself, inside the page', `${gateCost.length ? Math.max(...gateCost).toFixed(2) : NaN} ms`, 'measured inside the always-on script; target < 1 ms'],
      [`${notes.length} annotations re-attached, 20,000-word page (${attached} drawn)`, `${notesDrawn} ms`, `${(notesDrawn / Math.max(notesDcl, 1)).toFixed(1)} × its DOMContentLoaded (${notesDcl} ms)`],
      [`  of which re-attaching (text, anchors, ranges)`, `${reattach.length ? Math.round(Math.min(...reattach)) : NaN} ms`, 'measured inside the page session; target < 200 ms'],
      ...libraryRows,
      ['always-on content script (every page)', `${(gate.gzip / 1024).toFixed(1)} KB gz`, `${(gate.raw / 1024).toFixed(1)} KB raw`],
      ['page session (on-topic or annotated pages only)', `${(session.gzip / 1024).toFixed(1)} KB gz`, `${(session.raw / 1024).toFixed(1)} KB raw`],
    ];
    const w = Math.max(...rows.map((r) => r[0]!.length));
    console.log(`\nIn the browser (Chromium, median of ${RUNS} runs)`);
    for (const [a, b, c] of rows) console.log(`${a!.padEnd(w)}  ${b!.padStart(12)}  ${c}`);
  } finally {
    await plain.close();
    await withExt.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
