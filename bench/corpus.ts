/**
 * Long pages for the benchmarks, made by repeating and varying the project's
 * own labelled pages (tests/fixtures/eval/), so no third-party text is needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gate } from '../lib/topic/gate';
import { parseTopic } from '../lib/topic/schema';

const EVAL_DIR = 'tests/fixtures/eval';

/** The paragraphs of the labelled pages: .txt as written, .html with tags stripped from <p>/<h1>. */
function paragraphs(onTopic: boolean): string[] {
  const out: string[] = [];
  for (const f of readdirSync(EVAL_DIR).sort()) {
    if (f.startsWith('off-') === onTopic) continue;
    const body = readFileSync(join(EVAL_DIR, f), 'utf8');
    if (f.endsWith('.txt')) out.push(...body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean));
    else if (f.endsWith('.html')) {
      for (const m of body.matchAll(/<(p|h1)[^>]*>([\s\S]*?)<\/\1>/g)) out.push((m[2] ?? '').replace(/<[^>]+>/g, '').trim());
    }
  }
  return out.filter((p) => p.length > 0);
}

/**
 * What the corpora are made of: on-topic pages; near misses (the labelled
 * off-topic pages: other prisons, other Salvadoran news, which the cheap gate
 * lets through for the recognizer to turn down); or unrelated text (the
 * off-topic paragraphs that none of the gate's phrases matches: most of the web).
 */
export type Corpus = boolean | 'unrelated';

function corpusParagraphs(kind: Corpus): string[] {
  if (kind !== 'unrelated') return paragraphs(kind);
  const topic = parseTopic(JSON.parse(readFileSync('seeds/topic.json', 'utf8')));
  return paragraphs(false).filter((p) => !gate({ text: p }, topic).pass);
}

/**
 * About `words` words of paragraphs, repeated; from the second round on, every
 * number is shifted so the matcher sees new values rather than a cache of the same ones.
 */
export function longText(words: number, onTopic: Corpus = true): string {
  const paras = corpusParagraphs(onTopic);
  const out: string[] = [];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const p of paras) {
      const varied = round === 0 ? p : p.replace(/\d+/g, (d) => String(Number(d) + round));
      out.push(varied);
      count += varied.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return out.join('\n');
}

/** The same as an HTML article page with navigation, a sidebar and comments around it. */
export function longHtml(words: number, onTopic: Corpus = true): string {
  const body = longText(words, onTopic)
    .split('\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from({ length: 20 }, (_, i) => `<li><a href="/r/${i}">Related story number ${i}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><title>Long page</title></head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>Long page</h1>${body}</article>
<aside class="related"><ul>${related}</ul></aside></main>
<section class="comments"><p>A reader comment with 12,345 numbers in it.</p></section>
<footer>Footer text</footer></body></html>`;
}

/**
 * The unrelated long page as a news site serves it: a head full of meta, link and script
 * elements, and paragraphs with links and emphasis in them (what the gate walks on most pages).
 */
export function newsHtml(words: number): string {
  const metas = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...['og:type', 'og:site_name', 'og:url', 'og:image', 'og:image:width', 'og:image:height', 'og:locale'].map((p) => `<meta property="${p}" content="${p} value">`),
    ...['twitter:card', 'twitter:site', 'twitter:image', 'robots', 'author', 'theme-color', 'referrer', 'format-detection'].map((n) => `<meta name="${n}" content="${n} value">`),
    ...['article:published_time', 'article:modified_time', 'article:section', 'article:author', 'fb:app_id'].map((p) => `<meta property="${p}" content="${p} value">`),
    '<meta property="og:title" content="A long page about other things">',
    '<meta name="description" content="An unrelated story, told at length.">',
  ];
  const links = Array.from({ length: 10 }, (_, i) => `<link rel="preload" href="/asset-${i}.css" as="style">`);
  const scripts = Array.from({ length: 6 }, (_, i) => `<script>window.x${i} = ${i};</script>`);
  let n = 0;
  const body = longText(words, 'unrelated')
    .split('\n')
    .map((p) => {
      const escaped = p.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      // Every paragraph gets a link and an emphasis around two of its words, as article text has.
      const words = escaped.split(' ');
      if (words.length > 8) {
        words[2] = `<a href="/t/${n++}">${words[2]}</a>`;
        words[6] = `<em>${words[6]}</em>`;
      }
      return `<p>${words.join(' ')}</p>`;
    })
    .join('\n');
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><title>Long page</title>${[...metas, ...links, ...scripts].join('\n')}</head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>Long page</h1>${body}</article></main>
<footer>Footer text</footer></body></html>`;
}
