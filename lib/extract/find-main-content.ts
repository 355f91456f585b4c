/**
 * A small main-content finder that works on the live DOM directly: no clone,
 * no library. Used when Readability is not loaded (it is ~90 KB that a content
 * script may not want) and as the fallback when Readability finds nothing.
 *
 * It scores paragraphs by their own text (not links), credits their parent
 * and grandparent, and picks the best-scored container, trusting an explicit
 * `<article>`, `[itemprop=articleBody]` or `<main>` when it holds most of the
 * paragraph text.
 */

/** Class or id words that mark page furniture rather than article text. */
export const BOILERPLATE =
  /(?:^|[\s_-])(?:share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|promo\w*|advert\w*|ad|ads|adslot|sponsor\w*|comment\w*|disqus|byline|author-bio|bio|tags?|breadcrumbs?|nav|navigation|menu|footer|sidebar|widget|popup|modal|cookie\w*|paywall|signup|read-more|more-stories|most-read|trending|outbrain|taboola|banner|masthead|toolbar|skip)(?:$|[\s_-])/i;

const UNLIKELY_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'HEADER', 'MENU', 'DIALOG']);
const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'BLOCKQUOTE', 'LI', 'TD', 'H2', 'H3']);

export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** True for elements whose subtree is furniture: navigation, share bars, related links, comments, ads. */
export function isBoilerplate(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (UNLIKELY_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') return true;
  const names = classAndId(el);
  if (names.length > 1 && BOILERPLATE.test(names)) return true;
  // A list or box that is mostly links ("Related", "Most read") is furniture.
  if (tag === 'UL' || tag === 'OL' || tag === 'DIV' || tag === 'SECTION') {
    const text = el.textContent ?? '';
    const len = text.replace(/\s+/g, ' ').trim().length;
    if (len > 0 && len < 600) {
      let linkLen = 0;
      for (const a of Array.from(el.getElementsByTagName('a'))) linkLen += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      if (linkLen / len > 0.6) return true;
    }
  }
  return false;
}

function ownTextLength(el: Element): number {
  let len = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) len += (c as Text).data.trim().length;
    else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toUpperCase();
      if (tag !== 'A' && !PARAGRAPH_TAGS.has(tag) && tag !== 'SCRIPT' && tag !== 'STYLE') len += ownTextLength(c as Element);
    }
  }
  return len;
}

/** The element most likely to hold the article, or `doc.body` when nothing stands out. */
export function findMainContent(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const scores = new Map<Element, number>();
  const paragraphs: Array<{ el: Element; score: number }> = [];
  let total = 0;
  // Each container's answer once: the paragraphs of a page share their few ancestors.
  const furniture = new Map<Element, boolean>();
  for (const tag of ['p', 'pre', 'blockquote', 'li']) {
    for (const p of Array.from(body.getElementsByTagName(tag))) {
      const len = ownTextLength(p);
      if (len < 40) continue;
      if (hasFurnitureAncestor(p, body, furniture)) continue;
      const text = p.textContent ?? '';
      const score = 1 + Math.min(len / 100, 3) + (text.match(/[,،、]/g)?.length ?? 0) * 0.5;
      total += score;
      paragraphs.push({ el: p, score });
      const parent = p.parentElement;
      if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
      const grand = parent?.parentElement;
      if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
    }
  }
  if (!scores.size) return body;

  // An explicit article container that holds most of the paragraph text wins outright.
  for (const sel of ['[itemprop="articleBody"]', 'article', '[role="main"]', 'main']) {
    const el = doc.querySelector(sel);
    if (el && containedScore(el, paragraphs) >= total * 0.6) return el;
  }

  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const names = classAndId(el);
    let s = score;
    if (/article|body|content|entry|main|post|story|text|nota|cuerpo/i.test(names)) s *= 1.25;
    if (BOILERPLATE.test(names)) s *= 0.3;
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return body;
  // Paragraphs split over sibling containers: climb while the parent gathers clearly more.
  let parent = best.parentElement;
  let inside = containedScore(best, paragraphs);
  while (parent && parent !== body && containedScore(parent, paragraphs) > inside * 1.4) {
    best = parent;
    inside = containedScore(parent, paragraphs);
    parent = parent.parentElement;
  }
  return best;
}

/**
 * Whether an ancestor of `el` below `stop` is furniture. `memo` keeps each ancestor's answer (it or one of its
 * own ancestors is furniture): on a long page, hundreds of paragraphs ask about the same few containers, and in
 * a content script every attribute read costs a call into the page's DOM (the always-on script runs this at
 * DOMContentLoaded, before the browser's first layout, for a passing page's first screen).
 */
function hasFurnitureAncestor(el: Element, stop: Element, memo: Map<Element, boolean>): boolean {
  const a = el.parentElement;
  if (!a || a === stop) return false;
  let known = memo.get(a);
  if (known === undefined) {
    known = isFurnitureContainer(a) || hasFurnitureAncestor(a, stop, memo);
    memo.set(a, known);
  }
  return known;
}

function isFurnitureContainer(a: Element): boolean {
  if (UNLIKELY_TAGS.has(a.tagName.toUpperCase())) return true;
  const names = classAndId(a);
  return names.length > 1 && FURNITURE_CONTAINER.test(names);
}

const FURNITURE_CONTAINER = /(?:^|[\s_-])(?:comment\w*|related|sidebar|footer|nav|menu|recommend\w*|most-read|trending)(?:$|[\s_-])/i;

/** Total score of the scored paragraphs inside `el`. */
function containedScore(el: Element, paragraphs: Array<{ el: Element; score: number }>): number {
  let sum = 0;
  for (const p of paragraphs) if (el.contains(p.el)) sum += p.score;
  return sum;
}
