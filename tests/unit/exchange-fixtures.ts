/**
 * Builders and fast-check arbitraries shared by the exchange, merge, sync and
 * fuzz tests. Records are built by hand (not copied from the app) so that the
 * tests check the code against the schema, not against itself.
 */
import fc from 'fast-check';
import { Annotation, type Verdict } from '../../lib/annotations/schema';
import type { ExportContext } from '../../lib/exchange/context';

let counter = 0;

/** A valid v4-shaped UUID that differs for each n. */
export function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

export function makeAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  counter += 1;
  const quote = overrides.quote ?? `quoted text ${counter}`;
  const base: Annotation = {
    id: uuidFor(counter + 0x10000),
    url: 'https://www.elfaro.net/es/2025/03/cecot?utm_source=x',
    canonicalUrl: 'https://www.elfaro.net/es/2025/03/cecot',
    title: 'CECOT: la cárcel',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: 100, end: 100 + quote.length },
    },
    quote,
    color: 'yellow',
    note: '',
    tags: [],
    verdict: null,
    claims: [],
    createdAt: '2025-03-20T10:00:00.000Z',
    updatedAt: '2025-03-20T10:00:00.000Z',
    revision: 1,
    deviceId: 'device-a',
    deletedAt: null,
  };
  const merged = { ...base, ...overrides };
  if (overrides.quote !== undefined && overrides.selectors === undefined) {
    merged.selectors = { ...base.selectors, quote: { ...base.selectors.quote, exact: overrides.quote } };
  }
  return Annotation.parse(merged);
}

export const ctx: ExportContext = {
  exportedAt: '2025-04-01T12:00:00.000Z',
  generator: { name: 'cecot-lens', version: '0.1.0' },
  dataset: { id: 'cecot-2025', version: '2025.03.30' },
  claims: (id) =>
    id === 'cecot.capacity.40000'
      ? { statement: 'CECOT can hold 40,000 inmates.', claimant: { type: 'organisation', name: 'Government of El Salvador' }, date: '2023-02-01' }
      : id === 'deportees.march'
        ? { statement: 'The US sent 238 Venezuelans to CECOT in March 2025.', claimant: { type: 'article' }, date: 'March 2025' }
        : undefined,
  pages: (url) => (url === 'https://example.org/untitled' ? { title: 'Looked-up title', published: '2025-03-18' } : undefined),
};

// ---- arbitraries -------------------------------------------------------------

const isoArb = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) })
  .map((t) => new Date(t).toISOString());

/** Text with the characters that break naive exporters: quotes, commas, newlines, Markdown, formulas, astral chars. */
export const trickyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    'a, b',
    'say "hi"',
    'line1\nline2',
    'cr\r\nlf',
    '=HYPERLINK("http://evil")',
    '+1',
    '-2',
    '@SUM(A1)',
    '# not a heading',
    '> not a quote',
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '*bold* _it_ `code`',
    '1. not a list',
    'ñandú — «comillas» 🇸🇻 𝄞',
    '&amp; &#65;',
    '\t tab',
  ),
);

const nonEmpty = trickyText.filter((s) => s.length > 0);
const tagArb = nonEmpty.filter((s) => s.length <= 100 && s.trim() !== '');
const hostArb = fc.constantFrom('www.elfaro.net', 'elfaro.net', 'news.example.org', 'prensa.sv', 'apnews.com');
const urlArb = fc
  .tuple(hostArb, fc.constantFrom('/a', '/es/2025/03/cecot', '/story?id=7', '/p/ñ', '/x/(1)'))
  .map(([h, p]) => new URL(`https://${h}${p}`).href);

export interface AnnotationArbOptions {
  ids?: fc.Arbitrary<string>;
  deleted?: boolean;
}

export function annotationArb(options: AnnotationArbOptions = {}): fc.Arbitrary<Annotation> {
  return fc
    .record({
      id: options.ids ?? fc.uuid({ version: 4 }),
      url: urlArb,
      canonicalUrl: urlArb,
      title: trickyText,
      exact: nonEmpty,
      prefix: fc.option(trickyText, { nil: undefined }),
      suffix: fc.option(trickyText, { nil: undefined }),
      position: fc.option(
        fc.tuple(fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 5000 })).map(([s, l]) => ({ start: s, end: s + l })),
        { nil: undefined },
      ),
      color: fc.constantFrom('yellow', 'green', 'blue', 'pink', 'purple' as const),
      note: trickyText,
      language: fc.option(fc.constantFrom('en', 'es', 'es-419', 'en-US'), { nil: undefined }),
      tags: fc.array(tagArb, { maxLength: 4 }),
      verdict: fc.constantFrom<Verdict | null>(null, 'accurate', 'inaccurate', 'misleading', 'unverified', 'disputed'),
      claims: fc.array(
        fc.record({
          claimId: fc.constantFrom('cecot.capacity.40000', 'deportees.march', 'unknown.claim'),
          relation: fc.option(fc.constantFrom('agrees', 'conflicts', 'related' as const), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      createdAt: isoArb,
      updatedAt: isoArb,
      revision: fc.integer({ min: 1, max: 20 }),
      deviceId: fc.constantFrom('device-a', 'device-b', 'laptop-ñ'),
      deletedAt: options.deleted === false ? fc.constant(null) : fc.option(isoArb, { nil: null }),
    })
    .map((r) =>
      Annotation.parse({
        id: r.id,
        url: r.url,
        canonicalUrl: r.canonicalUrl,
        title: r.title,
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact: r.exact,
            ...(r.prefix !== undefined ? { prefix: r.prefix } : {}),
            ...(r.suffix !== undefined ? { suffix: r.suffix } : {}),
          },
          ...(r.position !== undefined ? { position: { type: 'TextPositionSelector', ...r.position } } : {}),
        },
        quote: r.exact,
        color: r.color,
        note: r.note,
        // A language says what the note is written in: there is none to declare without a note.
        ...(r.language !== undefined && r.note !== '' ? { language: r.language } : {}),
        tags: r.tags,
        verdict: r.verdict,
        claims: r.claims.map((c) => (c.relation === undefined ? { claimId: c.claimId } : c)),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        revision: r.revision,
        deviceId: r.deviceId,
        deletedAt: r.deletedAt,
      }),
    );
}

/** Annotations with distinct ids. */
export function annotationListArb(maxLength = 12, options: AnnotationArbOptions = {}): fc.Arbitrary<Annotation[]> {
  return fc.uniqueArray(annotationArb(options), { selector: (a) => a.id, maxLength });
}
