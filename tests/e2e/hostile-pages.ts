// Hostile variants of the demo article, served by the hostile-page suites (Chromium and Firefox).
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ROOT } from './paths';

const REPORT = fs.readFileSync(path.join(ROOT, 'demo/pages/cecot-report.html'), 'utf8');
const OFF_TOPIC = fs.readFileSync(path.join(ROOT, 'demo/pages/off-topic.html'), 'utf8');

/** Page CSS that tries every way we know to hide, move, cover or disable our in-page UI. */
const HOSTILE_CSS = `
cecot-lens-overlay, html > cecot-lens-overlay, cecot-lens-overlay[style], :root cecot-lens-overlay:not(#x):not(#y) {
  all: initial !important; display: none !important; opacity: 0 !important; visibility: hidden !important;
  transform: translate(-5000px, -5000px) scale(0) !important; position: absolute !important; z-index: -1 !important;
  pointer-events: none !important; clip-path: inset(50%) !important; filter: opacity(0) !important; zoom: 0.01 !important;
}
cecot-lens-overlay::before { content: ''; position: fixed; inset: 0; z-index: 2147483647; background: transparent; }
:host { display: none !important; }
@layer evil { cecot-lens-overlay { display: none !important; } }
`;

/** Variants of the demo article, written into the page as a hostile site would. */
export function hostilePage(url: URL): string | null {
  const name = url.pathname.replace(/^\/hostile\//, '');
  const withHead = (html: string, head: string) => html.replace('</head>', `${head}</head>`);
  const withBody = (html: string, body: string) => html.replace('</body>', `${body}</body>`);
  const canonical = url.searchParams.get('canonical');
  switch (name) {
    case 'story':
      return canonical ? REPORT.replace('<link rel="canonical" href="/cecot-report.html">', `<link rel="canonical" href="${canonical}">`) : REPORT;
    case 'listener':
      // Records every window message and every DOM event a page could catch before our scripts run.
      return withHead(REPORT, `<script>window.__seen = []; addEventListener('message', (e) => __seen.push(JSON.stringify(e.data)));</script>`);
    case 'css':
      return withHead(REPORT, `<style>${HOSTILE_CSS}</style>`);
    case 'bait':
      return withBody(
        withHead(REPORT, `<style>${HOSTILE_CSS} #bait { position: fixed; inset: 0; z-index: 2147483647; background: transparent; }</style>`),
        `<div id="bait"></div><script>window.__baitClicks = 0; document.getElementById('bait').addEventListener('mousedown', () => __baitClicks++);</script>`,
      );
    case 'long-title': {
      const long = 'CECOT '.repeat(420);
      return withHead(REPORT.replace(/<title>.*<\/title>/, `<title>${long}</title>`), `<meta property="og:title" content="${long}">`);
    }
    case 'long-text':
      return withBody(REPORT, `<p id="filler">${'A sentence of filler that says nothing in particular. '.repeat(260)}</p>`);
    case 'off-topic':
      return OFF_TOPIC;
    default:
      return null;
  }
}

/** The generated hostile pages, beside the demo pages. */
export function hostileRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!url.pathname.startsWith('/hostile/')) return false;
  const html = hostilePage(url);
  res.writeHead(html === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html ?? 'not found');
  return true;
}
