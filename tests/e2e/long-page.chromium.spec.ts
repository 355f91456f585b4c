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
