/**
 * Length-preserving folding: lower case, accents removed, typographic dashes,
 * quotes and spaces replaced by their ASCII look-alikes, one character for one.
 *
 * Every matcher in the engine (topic terms, subject cues, claim terms, quantity
 * qualifiers) runs its regular expressions on the folded copy, so patterns are
 * plain ASCII and "megacárcel", "MEGACARCEL" and "megacarcel" are the same word.
 * Keeping the length identical means an offset found in the folded copy is
 * the offset in the original text too: no offset map is needed, and the claim
 * spans handed to the browser stay exact.
 */

const MAP: Record<string, string> = {};
function add(chars: string, to: string): void {
  for (const c of chars) MAP[c] = to;
}
add('áàâäãåā', 'a');
add('éèêëē', 'e');
add('íìîïī', 'i');
add('óòôöõō', 'o');
add('úùûüū', 'u');
add('ñ', 'n');
add('ç', 'c');
add('ý', 'y');
add('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-');
add('\u2018\u2019\u201a\u201b\u2032\u00b4`', "'");
add('\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033', '"');
add('\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\t\r\f\v', ' ');

// Tabs and other control whitespace fold to a space; "\n" stays, it separates paragraphs.
const TO_FOLD = /[\t\r\f\v]|[^\x00-\x7f]/g;

/** Folds `text` one character for one; the result has the same length. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // A few characters change length when lower-cased (İ -> i̇); fold those one by one.
  const base = lower.length === text.length ? lower : lowerEach(text);
  return base.replace(TO_FOLD, (c) => MAP[c] ?? c);
}

/** Folds a pattern or short key (same rules, plus trimming and inner whitespace collapsed). */
export function foldKey(text: string): string {
  return foldText(text).trim().replace(/\s+/g, ' ');
}

function lowerEach(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}
