import { foldText } from '../text/fold';
import { compileTopic, type CompiledTopic } from './compile-topic';
import type { Topic } from './schema';

/** What the gate and the recognizer read about a page. */
export interface PageText {
  url?: string;
  title?: string;
  /** The page's text; the gate reads only its beginning. */
  text: string;
}

export interface GateResult {
  /** True when the page may be on topic and deserves the full recognizer. */
  pass: boolean;
  /** The first gate phrase found, as it appears in the page (for logs), or null. */
  hit: string | null;
}

/**
 * The cheap first test, run on every page the browser shows: one search of the
 * gate's phrase set over the title, the URL and the first few KB of text.
 * It is tuned for recall (any mention of El Salvador, Bukele, CECOT…); the
 * recognizer then decides. On an unrelated page it costs one `toLowerCase` and
 * one scan of a few KB, whatever the page's length.
 */
export function gate(page: PageText, topic: Topic | CompiledTopic): GateResult {
  const t = compileTopic(topic);
  const sample = gateSample(page, t.topic.gate.maxChars);
  const folded = foldText(sample);
  const hit = t.gate.findFirst(folded);
  return hit ? { pass: true, hit: sample.slice(hit.start, hit.end) } : { pass: false, hit: null };
}

/**
 * The gate for a live document: reads the title, the description meta tags and
 * the first `gate.maxChars` characters of text of `<article>` or `<main>` when
 * there is one (else of `<body>`), walking text nodes and stopping as soon as
 * it has enough; navigation, headers, footers and asides are skipped on the
 * way, since site menus can fill the first KB. Meta tags are looked for in
 * `<head>` first, so a large page is not searched for them when they are there.
 * Takes the document as a parameter so the same code runs in a content script
 * and under linkedom. (`page-gate.ts` is the same test for the always-on script.)
 */
export function gateDocument(doc: Document, url: string, topic: Topic | CompiledTopic): GateResult {
  const t = compileTopic(topic);
  return gate(documentText(doc, url, t.topic.gate.maxChars), t);
}

/** What the gate reads of a live document: title, description metas, URL and the first `maxChars` of text. */
export function documentText(doc: Document, url: string, maxChars: number): PageText {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body ?? doc.documentElement;
  const text = root ? leadingText(root, maxChars) : '';
  return { url, title: `${doc.title ?? ''}\n${descriptionMetas(doc).join('\n')}`, text };
}

/** The one string the gate's regular expression runs over. */
export function gateSample(page: PageText, maxChars: number): string {
  return `${page.title ?? ''}\n${urlWords(page.url)}\n${page.text.slice(0, maxChars)}`;
}

const META_KEYS = new Set(['description', 'og:title', 'og:description']);

/**
 * The head's metas that can be description metas (`take` below is the rule; this only spares the
 * others): a news page's `<head>` holds dozens of metas, and in a content script every element
 * handed over costs a wrapper. The name is the key when there is one, else the property.
 */
const DESCRIPTION_METAS = `:scope > meta[content]:is(${[...META_KEYS].flatMap((k) => [`[name="${k}" i]`, `:not([name])[property="${k}" i]`]).join(', ')})`;

/**
 * The description and og:title/og:description meta contents: from `<head>`,
 * else from the first children of `<body>` (where some pages and parsers leave
 * them). Never a search of the whole document, which on a huge page would cost
 * more than the rest of the gate.
 */
export function descriptionMetas(doc: Document): string[] {
  const out: string[] = [];
  const take = (el: Element): void => {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (META_KEYS.has(key) && content) out.push(content);
  };
  // In one query, which hands over only the candidates (their rule is checked again by `take`).
  const metas = doc.head?.querySelectorAll(DESCRIPTION_METAS);
  if (metas) for (let i = 0; i < metas.length; i++) take(metas[i] as Element);
  if (out.length) return out;
  let n = 0;
  for (let el = doc.body?.firstElementChild ?? null; el && n < 50; el = el.nextElementSibling, n++) {
    if (el.tagName.toUpperCase() === 'META') take(el);
  }
  return out;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'SELECT', 'BUTTON']);

/**
 * Any element that is not phrasing markup inside a line of text. An element
 * with none of these below it is read with one `textContent`, the way a
 * reader sees "<b>CE</b>COT": one word.
 */
const NOT_INLINE = ':not(a,abbr,b,bdi,bdo,cite,code,data,dfn,em,i,kbd,mark,q,s,samp,small,span,strong,sub,sup,time,u,var)';

/**
 * The first `max` characters of text under `root`, skipping scripts, styles
 * and page furniture, without touching the rest. Every element starts with a
 * space (blocks must not run their words together). It walks forward from
 * node to node and reads runs of inline text whole, so that on a long page it
 * touches only the few nodes it needs: in a content script, each node touched
 * costs a wrapper object, and that, not the text, is most of the gate's time.
 */
export function leadingText(root: Node, max: number): string {
  let out = '';
  let node: Node | null = root;
  while (node && out.length < max) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3) out += (node as Text).data;
    else if (type === 1) {
      const el = node as Element;
      if (node === root) {
        out += ' ';
        descend = node.firstChild !== null;
      } else if (!SKIP.has(el.tagName.toUpperCase())) {
        // (No child element at all is the common case, a plain paragraph: one getter instead of a selector match.
        // A count, not `firstElementChild`, which would wrap a link or emphasis that is then read as text.)
        if (el.childElementCount === 0 || el.querySelector(NOT_INLINE) === null) out += ' ' + (el.textContent ?? '');
        else {
          out += ' ';
          descend = true;
        }
      }
    } else if (type === 9 || type === 11) descend = node.firstChild !== null;
    node = descend ? node.firstChild : nextAfter(node, root);
  }
  return out.slice(0, max);
}

/** The next node in document order after `node` and its subtree, inside `root`; null at the end. */
function nextAfter(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The words of a URL ("/2025/03/el-salvador-cecot-deportees" → "2025 03 el salvador cecot deportees"). */
export function urlWords(url: string | undefined): string {
  if (!url) return '';
  let u = url;
  try {
    u = decodeURIComponent(url);
  } catch {
    // Keep the raw URL when it holds a malformed escape.
  }
  // By hand rather than with regular expressions: in a fresh content script, compiling them cost
  // a sixth of the whole gate. Drops the scheme and a "www.", then turns every run of separators into one space.
  let start = 0;
  while (start < u.length && isAsciiLetter(u.charCodeAt(start))) start++;
  if (start > 0 && u.startsWith('://', start)) {
    start += 3;
    if (isW(u.charCodeAt(start)) && isW(u.charCodeAt(start + 1)) && isW(u.charCodeAt(start + 2)) && u.charAt(start + 3) === '.') start += 4;
  } else start = 0;
  let out = '';
  let from = start;
  for (let i = start; i <= u.length; i++) {
    if (i < u.length && !isUrlSeparator(u.charCodeAt(i))) continue;
    // u[from, i) holds no separator; a run of them becomes one space.
    out += u.slice(from, i);
    if (i === u.length) break;
    out += ' ';
    while (i + 1 < u.length && isUrlSeparator(u.charCodeAt(i + 1))) i++;
    from = i + 1;
  }
  return out;
}

/** One of `/_.?=&+#:%-` (by code: a string search per character was most of this loop's time, uncompiled). */
function isUrlSeparator(c: number): boolean {
  switch (c) {
    case 47: // /
    case 95: // _
    case 46: // .
    case 63: // ?
    case 61: // =
    case 38: // &
    case 43: // +
    case 35: // #
    case 58: // :
    case 37: // %
    case 45: // -
      return true;
    default:
      return false;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isW(c: number): boolean {
  return c === 87 || c === 119;
}
