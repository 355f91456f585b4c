import fs from 'node:fs';
import path from 'node:path';
import { test, expect, ROOT } from './chromium-fixtures';
import { showTimeline } from './helpers';

/**
 * A long on-topic page: its first screens are analysed on their own and painted first, then the
 * whole text's analysis replaces them, so claims far down the page are highlighted too.
 */
function longReport(): string {
  const html = fs.readFileSync(path.join(ROOT, 'demo/pages/cecot-report.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p id="p\d">([^<]*)<\/p>/g)].map((m) => m[1]);
  const body: string[] = [];
  for (let round = 0; round < 60; round++) for (const p of paragraphs) body.push(`<p>${p}</p>`);
  // One claim only at the very end, well past the first part.
  body.push('<p id="last">Last month the Trump administration sent 238 Venezuelan men to the prison under the Alien Enemies Act of 1798.</p>');
  return html.replace(/<article>[\s\S]*<\/article>/, `<article><h1>Long report</h1>${body.join('\n')}</article>`);
}

test('a long page: the first screens are painted first, then every claim down to the last paragraph', async ({ context, baseURL }) => {
  const html = longReport();
  expect(html.length).toBeGreaterThan(40_000);
  await showTimeline(context);
  await context.route(`${baseURL}/long-report.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${baseURL}/long-report.html`);
  // The last paragraph's claim is highlighted once the whole text has been analysed.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const last = document.getElementById('last')!;
          // Our highlight names are random per page session: any highlight counts.
          return [...CSS.highlights.values()].some((h) => [...h].some((r) => last.contains((r as Range).startContainer)));
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
  const steps = await page.evaluate(() => performance.getEntriesByType('measure').map((e) => e.name));
  // Both analyses ran, the first part's first.
  expect(steps).toContain('cecot-lens:paint-first-part');
  expect(steps.indexOf('cecot-lens:paint-first-part')).toBeLessThan(steps.indexOf('cecot-lens:place-claims'));
  // The first screen was extracted and sent by the always-on script as its gate passed, not by the session.
  expect(steps).toContain('cecot-lens:gate-first-part');
  expect(steps).not.toContain('cecot-lens:extract-first-part');
  // Its highlight sheet was adopted then too, before the browser's first style pass, and the session drew with it
  // (one sheet on the page, not a second one restyling it); nor did the session run the gate again, or evaluate
  // Readability, before that first highlight.
  expect(steps).toContain('cecot-lens:gate-sheet');
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  const sessionGate = steps.indexOf('cecot-lens:session-gate');
  expect(sessionGate === -1 || sessionGate > steps.indexOf('cecot-lens:first-highlight')).toBe(true);
  expect(steps.indexOf('cecot-lens:readability-load')).toBeGreaterThan(steps.indexOf('cecot-lens:first-highlight'));
  // The whole text's claims replaced the first screen's: each stretch of text is highlighted once, not once per analysis.
  const marks = await page.evaluate(() => {
    const nodes: Node[] = [];
    const keys = [...CSS.highlights.values()].flatMap((h) =>
      [...h].map((r) => {
        const range = r as Range;
        const at = (n: Node) => (nodes.includes(n) ? nodes.indexOf(n) : nodes.push(n) - 1);
        return `${at(range.startContainer)}:${range.startOffset}-${at(range.endContainer)}:${range.endOffset}`;
      }),
    );
    return { all: keys.length, distinct: new Set(keys).size, first: document.querySelector('article p')?.textContent ?? '' };
  });
  expect(marks.all).toBeGreaterThan(10);
  expect(marks.distinct).toBe(marks.all);
});

test('a long page whose script rewrites its first screen before the session starts: the session extracts the first part itself', async ({ context, baseURL }) => {
  // The first paragraphs are replaced by new nodes (same words) on DOMContentLoaded, right after the gate ran
  // (its listener on window came first): the map the always-on script made no longer leads into the document,
  // so the session must not paint through it.
  const html = longReport().replace(
    '</body>',
    `<script>window.addEventListener('DOMContentLoaded', () => { for (const p of [...document.querySelectorAll('article p')].slice(0, 40)) p.replaceWith(p.cloneNode(true)); });</script></body>`,
  );
  await showTimeline(context);
  await context.route(`${baseURL}/long-rewritten.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${baseURL}/long-rewritten.html`);
  // Once the whole text's claims are painted.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('cecot-lens:paint-claims').length), { timeout: 20_000 }).toBeGreaterThan(0);
  // Every highlight is on text that is in the document.
  const detached = await page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => !(r as Range).startContainer.isConnected).length);
  expect(detached).toBe(0);
  const steps = await page.evaluate(() => performance.getEntriesByType('measure').map((e) => e.name));
  expect(steps).toContain('cecot-lens:gate-first-part');
  // The session saw the stale map and extracted the first part again from the live page.
  expect(steps).toContain('cecot-lens:extract-first-part');
});

test('a page that renders its article on DOMContentLoaded is still recognised: the gate runs after the DOMContentLoaded listeners of the page', async ({ context, baseURL }) => {
  const html = fs.readFileSync(path.join(ROOT, 'demo/pages/cecot-report.html'), 'utf8');
  const article = html.match(/<article>[\s\S]*<\/article>/)![0];
  // The article arrives from a script on DOMContentLoaded; the parsed document holds only a placeholder.
  const late = html
    .replace(article, '<main id="app">Loading…</main>')
    .replace(/<title>[^<]*<\/title>/, '<title>App</title>')
    .replace('</body>', `<script>document.addEventListener('DOMContentLoaded', () => { document.getElementById('app').innerHTML = ${JSON.stringify(article)}; });</script></body>`);
  await context.route(`${baseURL}/late-app.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: late }));
  const page = await context.newPage();
  await page.goto(`${baseURL}/late-app.html`);
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.size > 0), { timeout: 20_000 })
    .toBe(true);
});

test("a long page's main text is extracted in steps: the page's own tasks run between them, and the overlay comes after the first highlight", async ({ context, baseURL }) => {
  // A page task every few milliseconds, timed on the page's clock: one that runs inside the extraction's span
  // shows the extraction gave the main thread back (as one task, nothing of the page's could run inside it).
  // The page's tasks are a chain of messages (not a timer, which the browser clamps to 4 ms and more, so that a
  // quick extraction on a quiet machine could run between two ticks): one is always queued, so any turn the
  // extraction gives back runs one of them.
  const ticker = `<script>
    window.__ticks = [];
    const channel = new MessageChannel();
    const until = performance.now() + 15000;
    channel.port1.onmessage = () => { window.__ticks.push(performance.now()); if (performance.now() < until) channel.port2.postMessage(0); };
    channel.port2.postMessage(0);
  </script>`;
  const html = longReport().replace('</body>', `${ticker}</body>`);
  await showTimeline(context);
  await context.route(`${baseURL}/long-steps.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${baseURL}/long-steps.html`);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('cecot-lens:report').length), { timeout: 20_000 }).toBeGreaterThan(0);
  const seen = await page.evaluate(() => {
    const one = (name: string) => performance.getEntriesByName(`cecot-lens:${name}`)[0] as PerformanceEntry | undefined;
    const steps = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('cecot-lens:extract-'));
    const start = Math.min(...steps.map((e) => e.startTime));
    const end = Math.max(...steps.map((e) => e.startTime + e.duration));
    const ticks = (window as unknown as { __ticks: number[] }).__ticks;
    return {
      steps: steps.map((e) => e.name.slice('cecot-lens:'.length)),
      // Page tasks that ran after the extraction's first step ended and before its last began.
      inside: ticks.filter((t) => t > start && t < end && !steps.some((e) => t >= e.startTime && t <= e.startTime + e.duration)).length,
      overlayAt: one('overlay')?.startTime ?? NaN,
      firstHighlightAt: one('first-highlight')?.startTime ?? NaN,
    };
  });
  expect(seen.steps).toEqual(expect.arrayContaining(['extract-clone', 'extract-pair', 'extract-readability', 'extract-collect', 'extract-render']));
  expect(seen.inside).toBeGreaterThan(0);
  expect(seen.overlayAt).toBeGreaterThan(seen.firstHighlightAt);
});
