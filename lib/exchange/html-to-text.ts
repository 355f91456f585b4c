/**
 * HTML as plain text, for annotation bodies other tools write as `text/html`.
 * A tokenizer, not a DOM: nothing is parsed into live nodes, no script or
 * style content is kept, no attribute is looked at (so no URL is fetched and
 * nothing runs). Block elements and `<br>` become line breaks, entities are
 * decoded, and the result is text for a text node, never markup.
 */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tr', 'ul',
]);
/** Elements whose content is never text a reader wrote. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', iexcl: '¡', iquest: '¿', copy: '©',
  reg: '®', deg: '°', euro: '€', middot: '·', bull: '•',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Uuml: 'Ü',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Out of range, surrogates and NUL become the replacement character, as HTML parsers do.
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[name] ?? whole;
  });
}

export function htmlToText(html: string): string {
  let out = '';
  let dropping: string | null = null;
  let i = 0;
  const breakLine = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (dropping === null && textEnd > i) out += decodeEntities(html.slice(i, textEnd)).replace(/[ \t\r\n\f]+/g, ' ');
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const m = /^<\s*(\/?)\s*([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>/.exec(html.slice(lt, lt + 2000));
    if (m === null) {
      // A lone '<' is text.
      if (dropping === null) out += '<';
      i = lt + 1;
      continue;
    }
    const [tag, closing, rawName] = m;
    const name = rawName!.toLowerCase();
    i = lt + tag.length;
    if (dropping !== null) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (!closing && DROPPED.has(name)) {
      if (!tag.endsWith('/>')) dropping = name;
      continue;
    }
    if (name === 'br') out += '\n';
    else if (BLOCK.has(name)) breakLine();
  }
  return out
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
