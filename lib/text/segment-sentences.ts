/**
 * Sentence boundaries, in English and Spanish, via `Intl.Segmenter`.
 *
 * Two things about `Intl.Segmenter` shape this module:
 * - V8's sentence iterator slows down with the length of the string it walks
 *   (over 100 ms for a 20,000-word string, against ~5 ms for the same text cut
 *   into paragraphs), so text is segmented one paragraph at a time and very
 *   long paragraphs are cut into chunks at a likely boundary first.
 * - ICU breaks after every abbreviation followed by a capital ("Sr. Pérez",
 *   "U.S. Homeland Security", "EE. UU.") and inside quotations ("“What are we?
 *   Backyards?” he asked"); the fix-ups below join those pieces again.
 *
 * Some pages arrive hard-wrapped (plain-text copies, wire copy, forum posts):
 * single line breaks inside sentences ("…que 238\npresuntos miembros…"). A
 * line break that is plainly inside a sentence is read as a space first
 * (`unwrapLines`, which keeps every offset), so the sentence stays whole.
 */

export interface SentenceSpan {
  /** Offset of the first character (never whitespace). */
  start: number;
  /** Offset after the last character (trailing whitespace excluded). */
  end: number;
}

const MAX_CHUNK = 3000;
/** Paragraphs up to this long in all are segmented in one call. */
const BATCH = 1000;
/** A sentence longer than this is not joined further (protects against an unclosed quote). */
const MAX_JOINED = 800;

// Abbreviations that end with a period but rarely end a sentence, folded to lower case.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'drs', 'prof', 'sr', 'sra', 'srta', 'sres', 'st', 'gen', 'gral', 'gov', 'sen', 'rep',
  'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'jr', 'vs', 'no', 'nos', 'núm', 'num', 'art', 'inc', 'corp', 'ltd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ene', 'abr', 'ago', 'dic',
  'approx', 'aprox', 'dept', 'depto', 'est', 'fig', 'lic', 'ing', 'ee', 'uu', 'ee.uu', 'u.s', 'u.k', 'u.n', 'e.u',
  'p', 'pp', 'pág', 'vol', 'ed', 'cf', 'e.g', 'i.e', 'av', 'avda', 'ud', 'uds', 'dña', 'sto', 'sta',
]);

// After these words a new sentence most likely did start, even after "U.S.".
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'in', 'on', 'but', 'and', 'this', 'that', 'these', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her',
  'el', 'la', 'los', 'las', 'en', 'pero', 'este', 'esta', 'estos', 'ellos', 'ella', 'él', 'un', 'una', 'según',
]);

const segmenters = new Map<string, Intl.Segmenter | null>();

function segmenterFor(language: string): Intl.Segmenter | null {
  const lang = language === 'es' ? 'es' : 'en';
  if (!segmenters.has(lang)) {
    segmenters.set(lang, typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(lang, { granularity: 'sentence' }) : null);
  }
  return segmenters.get(lang) ?? null;
}

/** Sentence spans of `text`, in order, never crossing a "\n" (paragraph or block boundary) other than a wrapped line's. */
export function segmentSentences(original: string, language = 'en'): SentenceSpan[] {
  const text = unwrapLines(escapedBreaks(original));
  const segmenter = segmenterFor(language);
  const raw: SentenceSpan[] = [];
  const paragraphs: Array<[number, number]> = [];
  for (let paraStart = 0; paraStart <= text.length; ) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    paragraphs.push([paraStart, paraEnd]);
    paraStart = paraEnd + 1;
  }
  const finish = (pieces: SentenceSpan[]) => {
    const joined: SentenceSpan[] = [];
    joinPieces(text, pieces, joined);
    for (const sp of joined) splitBeforeFigures(text, sp, raw);
  };
  for (let i = 0; i < paragraphs.length; ) {
    const [paraStart, paraEnd] = paragraphs[i] as [number, number];
    if (segmenter && paraEnd - paraStart <= BATCH) {
      // Short paragraphs are segmented together, up to BATCH characters: a call per paragraph costs
      // more than the segmenting. ICU always breaks after a "\n" and looks no further than one, so
      // every paragraph gets the pieces it would get alone (its "\n" is trimmed off).
      let j = i + 1;
      while (j < paragraphs.length && (paragraphs[j] as [number, number])[1] - paraStart <= BATCH) j++;
      const batchEnd = (paragraphs[j - 1] as [number, number])[1];
      const pieces: SentenceSpan[] = [];
      for (const s of segmenter.segment(text.slice(paraStart, batchEnd))) pushTrimmed(text, paraStart + s.index, paraStart + s.index + s.segment.length, pieces);
      let k = 0;
      for (let p = i; p < j; p++) {
        const end = (paragraphs[p] as [number, number])[1];
        const own: SentenceSpan[] = [];
        while (k < pieces.length && (pieces[k] as SentenceSpan).start < end) own.push(pieces[k++] as SentenceSpan);
        finish(own);
      }
      i = j;
      continue;
    }
    const pieces: SentenceSpan[] = [];
    for (const [from, to] of chunks(text, paraStart, paraEnd)) {
      if (segmenter) {
        for (const s of segmenter.segment(text.slice(from, to))) pushTrimmed(text, from + s.index, from + s.index + s.segment.length, pieces);
      } else {
        fallbackSplit(text, from, to, pieces);
      }
    }
    finish(pieces);
    i++;
  }
  return raw;
}

/** A "\\n" written out (a page's text taken from a JSON or script string) as a line break, same length. */
function escapedBreaks(text: string): string {
  return text.includes('\\n') ? text.replace(/\\r\\n|\\n/g, (m) => (m.length === 4 ? '  \n\n' : ' \n')) : text;
}

// Words a sentence does not end on: a line ending in one runs on into the next ("…del\nTerrorismo (Cecot)").
const RUN_ON_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'into', 'for', 'and', 'or', 'by', 'with', 'from', 'at', 'on', 'as', 'than', 'that', 'its', 'their',
  'de', 'del', 'la', 'las', 'el', 'los', 'lo', 'y', 'e', 'o', 'u', 'en', 'con', 'por', 'para', 'que', 'un', 'una', 'unos', 'unas', 'al', 'su', 'sus', 'sin', 'entre',
]);
/** A sentence-ending mark (with any closing quotes or brackets) or a colon at the end of a line. */
const LINE_ENDS_CLAUSE = /[.!?…:]["'”’»)\]]*$/u;
/** A list item: a bullet, a dash, or "1." / "2)" before the text. */
const LIST_ITEM = /^(?:[-*•·–—▪►■◦]|\d{1,3}[.)](?:\s|$))/u;
/** Shortest line taken for a wrapped one: headings, labels and menu entries are shorter. */
const MIN_WRAPPED_LINE = 20;
/** Before a line opening with a figure, a longer line still: a short heading ("La cárcel en cifras") may be followed by one. */
const MIN_WRAPPED_BEFORE_FIGURE = 40;

/**
 * `text` with every line break that falls plainly inside a sentence replaced by
 * a space, same length (offsets into it are offsets into `text`). A break is
 * inside a sentence when the line does not end a clause (no full stop, question
 * or exclamation mark, colon), is long enough to be wrapped prose (three words,
 * MIN_WRAPPED_LINE characters), neither line is a list item or a table row, and
 * the next line carries on: it starts in lower case, or with a figure followed
 * by a lower-case word after a long line ending in a lower-case word, or the line
 * ends on a word no sentence ends on ("the", "de la").
 */
export function unwrapLines(text: string): string {
  // Built from slices, only once a line joins (a character array of a long page cost milliseconds).
  let out = '';
  let copied = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const prevStart = lineStart;
    lineStart = nl + 1;
    const nextEnd = text.indexOf('\n', lineStart);
    if (!joinsNext(text.slice(prevStart, nl), text.slice(lineStart, nextEnd < 0 ? text.length : nextEnd))) continue;
    // "\r\n" becomes two spaces: the text keeps its length, so offsets carry over.
    const cut = nl > prevStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    out += text.slice(copied, cut) + (cut < nl ? '  ' : ' ');
    copied = nl + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** What may close a clause after its stop: quotes and brackets (as in LINE_ENDS_CLAUSE). */
const CLOSERS = `"'”’»)]`;

/** LINE_ENDS_CLAUSE on the trimmed line, read from its end without copying or scanning it. */
function endsClause(line: string): boolean {
  let i = line.length;
  while (i > 0 && /\s/.test(line.charAt(i - 1))) i--;
  while (i > 0 && CLOSERS.includes(line.charAt(i - 1))) i--;
  return i > 0 && '.!?…:'.includes(line.charAt(i - 1));
}

function joinsNext(prevLine: string, nextLine: string): boolean {
  // Most lines end their sentence: that is decided first, from the line's last characters.
  if (endsClause(prevLine)) return false;
  const prev = prevLine.trim();
  const next = nextLine.trim();
  // An indented next line (verse, code, a table cell) is laid out on purpose.
  if (!prev || !next || prev.length < MIN_WRAPPED_LINE || /^\s{2,}/.test(nextLine)) return false;
  if (prev.includes('\t') || next.includes('\t') || prev.includes('|') || next.includes('|')) return false;
  if (LINE_ENDS_CLAUSE.test(prev) || LIST_ITEM.test(next) || LIST_ITEM.test(prev)) return false;
  const words = prev.split(/\s+/);
  if (words.length < 3) return false;
  const lastWord = /([\p{L}\p{N}]+)[,;]?$/u.exec(prev)?.[1] ?? '';
  // A sum's currency sign goes with its figure ("about\n$6 million", "unos\nUS$6 millones").
  const start = /^["'“‘«¿¡(]*((?:(?:US|U\.S\.|RD)?[$€£])?\p{N}[\p{N}.,]*|\p{L}+)(\s+\p{L}+)?/u.exec(next);
  if (!start?.[1]) return false;
  const first = start[1];
  if (/^\p{Ll}/u.test(first)) return true;
  if (/[\p{N}]/u.test(first)) return prev.length >= MIN_WRAPPED_BEFORE_FIGURE && /^\p{Ll}/u.test(lastWord) && /^\s+\p{Ll}/u.test(start[2] ?? '');
  return RUN_ON_WORDS.has(lastWord) && prev.endsWith(lastWord);
}

/** [from, to) pieces of a paragraph, at most MAX_CHUNK long, cut after a sentence-ending mark when possible. */
function chunks(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  while (to - start > MAX_CHUNK) {
    const limit = start + MAX_CHUNK;
    let cut = -1;
    for (let i = limit; i > start + MAX_CHUNK / 2; i--) {
      const c = text.charCodeAt(i - 1);
      // ". ", "? ", "! " followed by a space: the likeliest sentence end.
      if ((c === 46 || c === 63 || c === 33) && text.charCodeAt(i) === 32) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      cut = text.lastIndexOf(' ', limit);
      if (cut <= start) cut = limit;
    }
    out.push([start, cut]);
    start = cut;
  }
  if (to > start) out.push([start, to]);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/** Joins pieces ICU cut too eagerly (abbreviations, quotations, lower-case continuations). */
function joinPieces(text: string, pieces: SentenceSpan[], out: SentenceSpan[]): void {
  let current: SentenceSpan | null = null;
  for (const p of pieces) {
    if (current && current.end - current.start < MAX_JOINED && shouldJoin(text, current, p)) {
      current = { start: current.start, end: p.end };
      continue;
    }
    if (current) out.push(current);
    current = { ...p };
  }
  if (current) out.push(current);
}

function shouldJoin(text: string, prev: SentenceSpan, next: SentenceSpan): boolean {
  const nextWord = /^[\s"'“‘«¿¡(]*([\p{L}\p{N}]+)/u.exec(text.slice(next.start, next.start + 40));
  const first = nextWord?.[1] ?? '';
  // "… Backyards?” he asked": a sentence does not start in lower case.
  if (first && first[0] !== first[0]!.toUpperCase()) return true;
  // A quotation left open is joined only while it closes later in its paragraph: news copy opens a quote
  // that runs on into the next paragraph without closing it here, and its sentences are sentences still.
  if (quoteOpen(text, prev) && closesLater(text, prev.end)) return true;
  const tail = text.slice(Math.max(prev.start, prev.end - 12), prev.end);
  const abbr = /(?:^|[\s(])((?:\p{L}{1,2}\.)*\p{L}+)\.$/u.exec(tail);
  if (!abbr?.[1]) return false;
  const word = abbr[1].toLowerCase();
  // A single capital initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(abbr[1])) return true;
  if (!ABBREVIATIONS.has(word)) return false;
  // "… the U.S. The next day": an abbreviation can end a sentence too.
  return !SENTENCE_STARTERS.has(first.toLowerCase());
}

// A full stop, then a space and a figure: "…sometimes more. 100 square meters in size."
const END_BEFORE_FIGURE = /[.!?]["”’»)]*\s+(?=\d)/g;

/**
 * ICU does not end a sentence before one that starts with a figure when a
 * lower-case word follows it ("…sometimes more. 100 square meters in size."),
 * which lists and fact boxes flattened into one line do all the time; a
 * number after an abbreviation ("No. 5", "Jan. 5", "approx. 300") still continues the sentence.
 */
function splitBeforeFigures(text: string, span: SentenceSpan, out: SentenceSpan[]): void {
  const body = text.slice(span.start, span.end);
  let start = span.start;
  END_BEFORE_FIGURE.lastIndex = 0;
  for (let m = END_BEFORE_FIGURE.exec(body); m; m = END_BEFORE_FIGURE.exec(body)) {
    const at = span.start + m.index;
    const word = /((?:\p{L}{1,2}\.)*[\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(start, at - 12), at))?.[1] ?? '';
    // Too short to be a sentence, an abbreviation, or a single initial: not an end.
    if (!word || ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || countSpaces(text, start, at) < 2) continue;
    const cut = at + m[0].length;
    pushTrimmed(text, start, cut, out);
    start = cut;
  }
  pushTrimmed(text, start, span.end, out);
}

function countSpaces(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** True when the span opens more quotations than it closes. */
function quoteOpen(text: string, span: SentenceSpan): boolean {
  let curly = 0;
  let straight = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab) curly++;
    else if (c === 0x201d || c === 0xbb) curly--;
    else if (c === 34) straight++;
  }
  return curly > 0 || straight % 2 === 1;
}

/** True when a closing quotation mark (or a straight quote) follows `from` in its paragraph, within MAX_JOINED characters. */
function closesLater(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + MAX_JOINED);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 0x201d || c === 0xbb || c === 34) return true;
  }
  return false;
}

/** Used only where `Intl.Segmenter` is missing: ends at . ? ! followed by space and a capital. */
function fallbackSplit(text: string, from: number, to: number, out: SentenceSpan[]): void {
  const re = /[.?!]["'”’»)]*\s+(?=["“«¿¡(]?\p{Lu})/gu;
  const slice = text.slice(from, to);
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const end = m.index + m[0].length;
    pushTrimmed(text, from + start, from + end, out);
    start = end;
  }
  pushTrimmed(text, from + start, to, out);
}
