import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { pageGate } from '../../lib/topic/page-gate';
import { descriptionMetas, gateDocument, leadingText, urlWords } from '../../lib/topic/gate';
import { GATE_EXPRESSION, GATE_GROUPS, GATE_MAX_CHARS, GATE_NEEDLES } from '../../lib/topic/gate-expression';
import { bundledTopic } from '../../lib/topic/bundled';
import { PhraseSet } from '../../lib/text/phrase-set';
import { foldText } from '../../lib/text/fold';
import { fewestNeedles, gateExpressionModule, gateGroups, GATE_EXPRESSION_FILE, literalCore } from '../../scripts/gate-expression';

const pages = [
  ['cecot', '<title>CECOT</title><p>The prison CECOT holds many.</p>', 'https://a.example/x'],
  ['url only', '<title>News</title><p>Nothing here.</p>', 'https://a.example/el-salvador-deal'],
  ['meta only', '<title>News</title><meta name="description" content="Bukele and the deal"><p>Nothing.</p>', 'https://a.example/x'],
  ['recipe', '<title>Tomatoes</title><p>Roast 40 tomatoes.</p>', 'https://a.example/food'],
  ['spanish', '<title>Noticias</title><article><p>La megacárcel recibió a los deportados.</p></article>', 'https://b.example/'],
] as const;

describe('pageGate (the always-on script) agrees with gateDocument', () => {
  for (const [name, html, url] of pages) {
    it(name, () => {
      const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
      expect(pageGate(document, url)).toBe(gateDocument(document, url, bundledTopic()).pass);
    });
  }
  it('near misses: the literal cores are there, the phrase is not', () => {
    for (const text of ['A mega sale and a jail break.', 'Tren lines de la ciudad; Aragua state.', 'Salvadorean? no: el. salvador', 'terrorism and confinement']) {
      const { document } = parseHTML(`<!doctype html><html><head><title>x</title></head><body><p>${text}</p></body></html>`);
      expect(pageGate(document, 'https://a.example/x')).toBe(gateDocument(document, 'https://a.example/x', bundledTopic()).pass);
    }
  });
  it('on every labelled evaluation page', () => {
    const dir = 'tests/fixtures/eval';
    for (const file of fs.readdirSync(dir).filter((f) => /\.(html|txt)$/.test(f))) {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      const html = file.endsWith('.html') ? raw : `<!doctype html><html><head><title>t</title></head><body><p>${raw.replace(/</g, '&lt;')}</p></body></html>`;
      const { document } = parseHTML(html);
      expect(pageGate(document, `https://a.example/${file}`), file).toBe(gateDocument(document, `https://a.example/${file}`, bundledTopic()).pass);
    }
  });
  it('with the reader\'s own phrases: their page passes, others do not', () => {
    const { document } = parseHTML('<!doctype html><html><head><title>x</title></head><body><p>The Ilopango water plant reopened.</p></body></html>');
    expect(pageGate(document, 'https://a.example/x')).toBe(false);
    expect(pageGate(document, 'https://a.example/x', ['ilopango'])).toBe(true);
    expect(pageGate(document, 'https://a.example/x', ['soyapango'])).toBe(false);
  });
  it('on the e2e pages', () => {
    for (const file of ['cecot-report.html', 'off-topic.html']) {
      const { document } = parseHTML(fs.readFileSync(path.join('demo/pages', file), 'utf8'));
      expect(pageGate(document, `http://127.0.0.1/${file}`)).toBe(gateDocument(document, `http://127.0.0.1/${file}`, bundledTopic()).pass);
    }
  });
});

/**
 * The nodes a read hands over to script: every node a DOM getter or method returns to the read itself
 * while it runs (in a content script, each one is a wrapper object to build, most of the gate's cost).
 * Every member of linkedom's node prototypes is watched, so that their own inner walks are not counted.
 */
function nodesHandedOver(doc: Document, read: () => void): Set<unknown> {
  const seen = new Set<unknown>();
  let depth = 0;
  const call = (run: () => unknown): unknown => {
    depth++;
    try {
      const v = run();
      if (depth === 1) {
        if (v && typeof v === 'object' && 'nodeType' in v) seen.add(v);
        else if (v && typeof v === 'object' && Symbol.iterator in v && typeof v !== 'string') for (const n of v as Iterable<unknown>) seen.add(n);
      }
      return v;
    } finally {
      depth--;
    }
  };
  const restore: Array<() => void> = [];
  const watched = new Set<object>();
  for (const start of [doc, doc.body]) {
    for (let proto = Object.getPrototypeOf(start); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      if (watched.has(proto)) continue;
      watched.add(proto);
      for (const name of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        if (!d?.configurable || name === 'constructor') continue;
        if (d.get) {
          const get = d.get;
          Object.defineProperty(proto, name, { ...d, get(this: unknown) { return call(() => get.call(this)); } });
        } else if (typeof d.value === 'function') {
          const fn = d.value as (...a: unknown[]) => unknown;
          Object.defineProperty(proto, name, { ...d, value(this: unknown, ...args: unknown[]) { return call(() => fn.apply(this, args)); } });
        } else continue;
        restore.push(() => Object.defineProperty(proto, name, d));
      }
    }
  }
  try {
    read();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return seen;
}

describe('what the gate hands over to script (each node a wrapper in a content script)', () => {
  it('reads a paragraph with links and emphasis whole, without handing over the markup inside it', () => {
    const { document } = parseHTML('<!doctype html><html><head></head><body><article><p>One <a href="#">linked</a> and <em>stressed</em> word.</p><p>Two.</p></article></body></html>');
    const article = document.querySelector('article') as unknown as Node;
    let text = '';
    const seen = nodesHandedOver(document as unknown as Document, () => void (text = leadingText(article, 1000)));
    expect(text.replace(/\s+/g, ' ').trim()).toBe('One linked and stressed word. Two.');
    const inline = [...document.querySelectorAll('a, em')];
    expect(inline.filter((n) => seen.has(n))).toEqual([]);
  });

  it("hands over only the head's metas that can be descriptions, not all of them", () => {
    const others = Array.from({ length: 30 }, (_, i) => `<meta property="og:image:${i}" content="x${i}"><meta name="twitter:${i}" content="y${i}">`).join('');
    const { document } = parseHTML(`<!doctype html><html><head><title>t</title>${others}<meta name="description" content="the one"></head><body><p>x</p></body></html>`);
    let metas: string[] = [];
    const seen = nodesHandedOver(document as unknown as Document, () => void (metas = descriptionMetas(document as unknown as Document)));
    expect(metas).toEqual(['the one']);
    expect([...seen].filter((n) => (n as Element).tagName === 'META')).toHaveLength(1);
  });
});

describe('leadingText (what the gate reads of a page)', () => {
  const body = (html: string) => parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body as unknown as Node;

  it('reads text in document order, a space at each element, skipping furniture and scripts', () => {
    const root = body('<div><p>First one.</p><nav>Menu words</nav><script>var x = 1;</script><p>Second <a href="#">link</a> here.</p><aside>Related</aside><p>Third.</p></div>');
    const text = leadingText(root, 1000).replace(/\s+/g, ' ').trim();
    expect(text).toBe('First one. Second link here. Third.');
  });

  it('reads a run of inline markup as the reader sees it ("<b>CE</b>COT" is one word), blocks apart', () => {
    expect(leadingText(body('<p><b>CE</b>COT</p><p>prison</p>'), 100)).toContain('CECOT');
    expect(leadingText(body('<div><p>cecot</p><p>prison</p></div>'), 100)).toMatch(/cecot\s+prison/);
    expect(leadingText(body('<p>line one<br>line two</p>'), 100)).toMatch(/one\s+line/);
  });

  it('stops at the limit, and a furniture element inside inline markup is still skipped', () => {
    const root = body(`<p>${'word '.repeat(50)}</p>`.repeat(200));
    expect(leadingText(root, 600)).toHaveLength(600);
    expect(leadingText(body('<p>Kept <span>text <button>Share</button></span> end</p>'), 200).replace(/\s+/g, ' ').trim()).toBe('Kept text end');
  });
});

describe('the prebuilt gate expression (lib/topic/gate-expression.ts)', () => {
  const gatePhrases = bundledTopic().gate.phrases;
  const set = new PhraseSet(gatePhrases);
  const re = new RegExp(GATE_EXPRESSION);

  it('is the one built from seeds/topic.json now (else run `npx tsx scripts/gate-expression.ts`)', () => {
    expect(GATE_EXPRESSION).toBe(set.source);
    expect(GATE_MAX_CHARS).toBe(bundledTopic().gate.maxChars);
    expect(fs.readFileSync(GATE_EXPRESSION_FILE, 'utf8'), 'stale: run `npx tsx scripts/gate-expression.ts`').toBe(gateExpressionModule(bundledTopic().gate));
  });

  it('matches exactly where the phrase set finds a phrase, on near misses made of the phrases\' own words', () => {
    const words = [...new Set(gatePhrases.flatMap((p) => p.replace(/[*-]/g, ' ').split(/\s+/)))].filter(Boolean);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(...words).map((w) => w.slice(0, Math.max(1, w.length - 2))),
      fc.constantFrom('megaprisons', 'mega-jail', 'Megacárcel', 'Ábrego', 'El  Salvador', 'salvadoreño', 'xsalvador', 'cecots', 'tren', 'de'),
    );
    const sep = fc.constantFrom(' ', '  ', '-', '\n', '', '.', ', ', "'");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 8 }), (parts) => {
        const folded = foldText(parts.map(([w, s]) => w + s).join(''));
        const found = set.findFirst(folded) !== null;
        expect(re.test(folded), folded).toBe(found);
        // The shortcut never turns a page away that the expression would let through.
        if (found) expect(GATE_NEEDLES.some((n) => folded.includes(n)), folded).toBe(true);
        // Nor do the groups the script runs (a needle, and the expression of its phrases): the same answer.
        expect(GATE_GROUPS.some(([n, e]) => folded.includes(n) && new RegExp(e).test(folded)), folded).toBe(found);
      }),
      { numRuns: 3000 },
    );
  });

  it('is cut into groups that cover every phrase once, each under a needle its literal core holds', () => {
    expect(GATE_GROUPS.map(([n]) => n)).toEqual(GATE_NEEDLES);
    for (const phrase of gatePhrases) {
      const holding = GATE_GROUPS.filter(([, e]) => new RegExp(e).test(foldText(phrase.replace(/\*/g, 's'))));
      expect(holding.length, phrase).toBeGreaterThan(0);
      expect(literalCore(phrase).includes(holding[0]![0]), phrase).toBe(true);
    }
    // A phrase without a literal run puts every phrase in one group, under the empty needle (always searched).
    expect(gateGroups(['cecot', '*'])).toHaveLength(1);
    expect(gateGroups(['cecot', '*'])[0]![0]).toBe('');
  });
});

describe('the needles', () => {
  it('a literal core is the longest literal run of a phrase', () => {
    expect(literalCore('tren de aragua')).toBe('aragua');
    expect(literalCore('mega-prison*')).toBe('prison');
    expect(literalCore('Ábrego García')).toBe('abrego');
    expect(literalCore('*')).toBe('');
  });
  it('drop the cores that contain another, and give up (one empty needle) when a phrase has none', () => {
    expect(fewestNeedles(['extranjeros', 'extranjero', 'cecot', 'cecot'])).toEqual(['extranjero', 'cecot']);
    expect(fewestNeedles(['cecot', ''])).toEqual(['']);
  });
});

describe('urlWords', () => {
  // The expressions it used before (the first with the `i` flag): the words must not change.
  const before = (url: string) => {
    let u = url;
    try {
      u = decodeURIComponent(url);
    } catch {
      // as urlWords
    }
    return u.replace(/^[a-z]+:\/\/(www\.)?/i, '').replace(/[/_.?=&+#:%-]+/g, ' ');
  };
  it('gives the same words as the expressions it used before', () => {
    for (const url of ['https://www.example.com/2025/03/el-salvador-cecot', 'HTTPS://WWW.EXAMPLE.COM/A_B', 'http://Www.x.org/?q=bukele&x=1#top', 'https://wwwx.example/a', 'ftp://example/%E2%82%ACuro', 'https://x/%E0%A4%A', 'not a url', '', 'https://ww.example/']) {
      expect(urlWords(url), url).toBe(before(url));
    }
    fc.assert(fc.property(fc.string(), fc.constantFrom('', 'http://', 'HTTP://WWW.', 'https://www.', 'Https://wWw.'), (s, scheme) => urlWords(scheme + s) === before(scheme + s)));
    const urlish = fc.string({ unit: fc.constantFrom('a', 'W', 'w', 'é', '1', ':', '/', '.', '_', '-', '?', '=', '&', '+', '#', '%', '%2F', '%E2', ' ', 'x') });
    fc.assert(fc.property(urlish, (s) => urlWords(s) === before(s)), { numRuns: 5000 });
  });
});

describe('descriptionMetas', () => {
  // What it did before it asked for the head's metas in one query: every child of <head>, else the first 50 of <body>.
  const before = (doc: Document): string[] => {
    const out: string[] = [];
    const scan = (first: Element | null | undefined, limit: number): void => {
      let n = 0;
      for (let el = first ?? null; el && n < limit; el = el.nextElementSibling, n++) {
        if (el.tagName.toUpperCase() !== 'META') continue;
        const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
        const content = el.getAttribute('content');
        if (['description', 'og:title', 'og:description'].includes(key) && content) out.push(content);
      }
    };
    scan(doc.head?.firstElementChild, Infinity);
    if (!out.length) scan(doc.body?.firstElementChild, 50);
    return out;
  };
  const heads = [
    '<title>t</title><meta name="Description" content="one"><script>x</script><meta property="og:title" content="two"><link rel="x"><meta property="og:description" content="">',
    '<meta name="keywords" content="no"><meta property="OG:DESCRIPTION" content="yes"><meta name="og:title" property="other" content="by name">',
    '<title>t</title>',
    '',
  ];
  const bodies = ['<p>x</p>', '<meta name="description" content="late"><p>x</p>', `${'<p>x</p>'.repeat(60)}<meta name="description" content="too late">`];
  it('finds what it found before, in the same order', () => {
    for (const head of heads) {
      for (const body of bodies) {
        const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
        expect(descriptionMetas(document), head + body).toEqual(before(document));
      }
    }
    const { document } = parseHTML('<!doctype html><html><head><meta name="description" content="a"></head><body></body></html>');
    expect(descriptionMetas(document)).toEqual(['a']);
  });
});
