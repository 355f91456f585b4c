/**
 * `npm run demo`: builds the extension, serves the bundled source articles and
 * the demo pages on 127.0.0.1, opens each in Chromium with the extension, and
 * prints what it found. Headed when there is a display (the browser stays open
 * until Ctrl+C), headless otherwise; screenshots go to demo-output/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { articleHtml } from './shared/article-html';
import { extensionIdOf, launchChromiumWithExtension } from './shared/chromium';
import { startStaticServer } from './shared/static-server';
import { loadSeedsFromDir } from './load-seeds';
import type { TabState } from '../lib/messages/protocol';
import { countByRelation } from '../lib/page/page-report';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'demo-output');
const args = new Set(process.argv.slice(2));
const headed = args.has('--headed') || (!args.has('--headless') && !!process.env.DISPLAY);

if (args.has('--help')) {
  console.log('usage: npm run demo [-- --no-build] [--headed | --headless]');
  process.exit(0);
}

if (!args.has('--no-build')) {
  console.log('Building the Chromium extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const dataset = loadSeedsFromDir(path.join(ROOT, 'seeds'));
const sourcePages = new Map<string, string>(
  dataset.sources.map((s) => [`/sources/${s.id}.html`, articleHtml(s.title, dataset.texts[s.id] ?? '', s.language)] as const),
);
const demoPages = fs.readdirSync(path.join(ROOT, 'demo/pages')).filter((f) => f.endsWith('.html') && f !== 'spa.html');

const server = await startStaticServer(path.join(ROOT, 'demo/pages'), (req, res) => {
  const html = sourcePages.get(req.url ?? '');
  if (!html) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
  return true;
});

fs.mkdirSync(OUT, { recursive: true });
const { context, close } = await launchChromiumWithExtension(path.join(ROOT, '.output/chrome-mv3'), { headless: !headed });
const extensionId = await extensionIdOf(context);

// An extension page to ask the background what it knows, through the same messages the sidebar sends.
const probe = await context.newPage();
await probe.goto(`chrome-extension://${extensionId}/popup.html`);

async function tabState(page: Page): Promise<TabState | null> {
  return probe.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown }> } } }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return null;
    const reply = await api.runtime.sendMessage({ type: 'tab/state', tabId: tab.id });
    return reply.ok ? (reply.data as never) : null;
  }, page.url());
}

async function visit(context: BrowserContext, url: string, name: string) {
  const page = await context.newPage();
  await page.goto(url);
  let state: TabState | null = null;
  for (let i = 0; i < 40 && !state?.report; i++) {
    await page.waitForTimeout(200);
    state = await tabState(page);
  }
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  if (state?.report) {
    const tabId = state.tabId;
    const sidebar = await context.newPage();
    await sidebar.setViewportSize({ width: 400, height: 900 });
    await sidebar.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await sidebar.waitForTimeout(600);
    await sidebar.screenshot({ path: path.join(OUT, `${name}.sidebar.png`) });
    if (!headed) await sidebar.close();
  }
  if (!headed) await page.close();
  return state?.report ?? null;
}

const targets = [
  ...dataset.sources.map((s) => ({ name: `source-${s.id}`, url: `${server.url}/sources/${s.id}.html` })),
  ...demoPages.map((f) => ({ name: `demo-${path.basename(f, '.html')}`, url: `${server.url}/${f}` })),
];

console.log(`\nCECOT Lens demo — ${headed ? 'headed' : 'headless'} Chromium, pages on ${server.url}\n`);
for (const t of targets) {
  const report = await visit(context, t.url, t.name);
  if (!report) {
    console.log(`${t.name}\n  not about CECOT: nothing highlighted\n`);
    continue;
  }
  const c = countByRelation(report.claims);
  console.log(`${t.name}  ${report.title}`);
  console.log(`  ${report.topic.onTopic ? 'ON TOPIC' : 'off topic'} (score ${report.topic.score.toFixed(2)}): ${report.topic.reasons.slice(0, 3).join('; ')}`);
  console.log(`  claims: ${report.claims.length} — ${c.agrees} agree, ${c.conflicts} conflict, ${c.related} related, ${c.unmatched} not in dataset`);
  for (const claim of report.claims.filter((x) => x.relation === 'conflicts')) {
    console.log(`  conflict: "${claim.text.slice(0, 90)}${claim.text.length > 90 ? '…' : ''}"`);
    for (const m of claim.matches.filter((x) => x.relation === 'conflicts')) console.log(`    ${m.explanation}`);
  }
  console.log('');
}
console.log(`Screenshots: ${OUT}`);

if (headed) {
  console.log('The browser stays open: try the sidebar, select text and annotate. Press Ctrl+C to quit.');
  process.on('SIGINT', () => void close().then(() => server.close()).then(() => process.exit(0)));
} else {
  await probe.close();
  await close();
  await server.close();
}
