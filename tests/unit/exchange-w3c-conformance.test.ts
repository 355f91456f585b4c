import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../lib/anchoring/describe';
import { applyEdit } from '../../lib/annotations/edit';
import type { Annotation } from '../../lib/annotations/schema';
import { readImportDocument, readImportFile } from '../../lib/exchange/import';
import { exportW3CJson, toW3CCollection, utc } from '../../lib/exchange/to-w3c';
import { LENS_VOCAB } from '../../lib/exchange/w3c-model';
import { mergeAnnotations } from '../../lib/merge/merge-annotations';
import { ANNO_JSONLD, ANNO_JSONLD_URL } from '../fixtures/w3c/anno-context';
import { ctx, makeAnnotation } from './exchange-fixtures';
import { checkAnnotation, checkCollection, isIri, tally, type Check } from './w3c-conformance';

/** Serves the vendored W3C context and refuses anything else: no network in tests. */
const documentLoader = async (url: string) => {
  if (url === ANNO_JSONLD_URL || url === 'https://www.w3.org/ns/anno.jsonld') return { contextUrl: null, documentUrl: url, document: ANNO_JSONLD };
  throw new Error(`no network in tests: ${url}`);
};

const page = 'Según el gobierno 🇸🇻, el CECOT puede albergar 40,000 reos; 😀 otros lo dudan.';
function recordWithEmoji(): Annotation {
  const quote = '40,000 reos';
  const start = page.indexOf(quote);
  const selectors = describeRange(page, start, start + quote.length);
  return applyEdit(
    null,
    {
      target: { url: 'https://diario.example/cecot?utm_source=x', canonicalUrl: 'https://diario.example/cecot', title: 'El CECOT', quote, selectors },
      fields: { note: 'Capacity claim 🙂', tags: ['capacidad', 'cifras'], verdict: 'disputed', color: 'pink', claims: [{ claimId: 'cecot.capacity.40000', relation: 'agrees' }] },
    },
    { deviceId: 'laptop', now: new Date('2025-04-01T09:00:00.000Z'), newId: () => '6a0c1b2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' },
  );
}

/** A varied set: code points, a kept concurrent version, an offset date from an import, a bare highlight. */
function sample(): Annotation[] {
  const a = recordWithEmoji();
  const onPhone = applyEdit(a, { id: a.id, fields: { note: 'Otra nota', tags: [], verdict: null, color: 'pink', claims: [] } }, { deviceId: 'phone', now: new Date('2025-04-01T10:00:00Z'), newId: () => a.id });
  const onLaptop = applyEdit(a, { id: a.id, fields: { note: 'Revisar', tags: ['x'], verdict: 'accurate', color: 'pink', claims: [] } }, { deviceId: 'laptop', now: new Date('2025-04-01T10:05:00Z'), newId: () => a.id });
  const [merged] = mergeAnnotations([onPhone], [onLaptop]).annotations;
  return [
    merged!,
    makeAnnotation({ updatedAt: '2025-03-21T08:00:00.000+02:00', note: 'n', claims: [{ claimId: 'cecot.capacity.40000', relation: 'conflicts' }] }),
    makeAnnotation(),
  ];
}

function report(checks: Check[]) {
  const failed = checks.filter((c) => !c.pass);
  return { tally: tally(checks), failed: failed.map((c) => `${c.suite} ${c.level} ${c.where}: ${c.name}`) };
}

describe('W3C Web Annotation conformance (checks written from the REC)', () => {
  it('our collection passes every MUST and SHOULD of the annotation, collection and page suites', () => {
    const doc = JSON.parse(exportW3CJson(sample(), ctx));
    const checks = checkCollection(doc);
    const { tally: figures, failed } = report(checks);
    // The figures for the report: assertions passing / total per suite and level.
    console.log('W3C conformance', JSON.stringify(figures));
    expect(failed).toEqual([]);
    for (const suite of ['annotation MUST', 'collection MUST', 'page MUST', 'annotation SHOULD']) expect(figures[suite]?.total ?? 0).toBeGreaterThan(2);
  });

  it('each annotation on its own (with its context) passes too', () => {
    const collection = toW3CCollection(sample(), ctx);
    for (const item of collection.first!.items) {
      const alone = { '@context': collection['@context'], ...item };
      expect(report(checkAnnotation(alone, 'annotation')).failed).toEqual([]);
    }
  });

  it('the checks can fail: the shape this project wrote before is caught', () => {
    const doc = JSON.parse(exportW3CJson(sample(), ctx));
    delete doc.id;
    delete doc.first.id;
    doc.first.items[0].modified = '2025-03-21T08:00:00+02:00';
    doc.first.items[0].target = { source: 'https://example.org/', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] };
    const failed = report(checkCollection(doc)).failed.join('\n');
    expect(failed).toContain('collection MUST collection: has exactly one id, an IRI');
    expect(failed).toContain('page MUST collection.first: has exactly one id, an IRI');
    expect(failed).toContain('end is not before start');
    expect(failed).toContain('modified is in UTC (Z)');
    expect(failed).toContain('typed SpecificResource');
  });

  it('datetimes go out in UTC with Z, whatever offset they came in with', () => {
    const doc = toW3CCollection([makeAnnotation({ createdAt: '2025-03-21T08:00:00.000+02:00', updatedAt: '2025-03-21T09:30:00-06:00' })], ctx);
    const item = doc.first!.items[0]!;
    expect(item.created).toBe('2025-03-21T06:00:00.000Z');
    expect(item.modified).toBe('2025-03-21T15:30:00.000Z');
    expect(item.target.state.sourceDate).toBe('2025-03-21T06:00:00.000Z');
  });

  it('collection and page ids are stable IRIs; the page is part of the collection and is its last', () => {
    const records = sample();
    const a = toW3CCollection(records, ctx);
    const b = toW3CCollection(records, ctx);
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^urn:uuid:/);
    expect(a.first!.id).toMatch(/^urn:uuid:/);
    expect(a.first!.partOf).toBe(a.id);
    expect(a.last).toBe(a.first!.id);
    expect(toW3CCollection(records, ctx, { collectionId: 'https://lens.example/c/1' }).first!.partOf).toBe('https://lens.example/c/1');
  });
});

describe('TextPositionSelector counts code points, on export and on import', () => {
  it('a quote after an emoji and a flag: code points differ from UTF-16 units, and the export uses code points', () => {
    const record = recordWithEmoji();
    const utf16 = page.indexOf('40,000 reos');
    const points = [...page.slice(0, utf16)].length;
    expect(points).toBe(utf16 - 2); // the flag is two astral characters
    expect(record.selectors.codePoints).toEqual({ start: points, end: points + '40,000 reos'.length });
    const selector = toW3CCollection([record], ctx).first!.items[0]!.target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(selector).toEqual({ type: 'TextPositionSelector', start: points, end: points + 11 });
    expect([...page].slice(selector!.start, selector!.end).join('')).toBe('40,000 reos');
  });

  it('a position from another tool is read as code points', () => {
    const [a] = readImportDocument({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://other.example/anno/1',
      type: 'Annotation',
      target: { source: 'https://diario.example/cecot', selector: [{ type: 'TextQuoteSelector', exact: '40,000 reos' }, { type: 'TextPositionSelector', start: 45, end: 56 }] },
    }).annotations;
    expect(a!.selectors.codePoints).toEqual({ start: 45, end: 56 });
    // Re-exported unchanged.
    expect(toW3CCollection([a!], ctx).first!.items[0]!.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 45, end: 56 });
  });

  it('our own file comes back exactly: code points, UTF-16 hint, clock and kept versions', () => {
    const records = sample();
    const parsed = readImportFile(exportW3CJson(records, ctx));
    // Datetimes come back in UTC (the same instants).
    for (const r of records) expect(parsed.annotations.find((p) => p.id === r.id)).toEqual({ ...r, updatedAt: utc(r.updatedAt) });
    // Importing it over the originals finds nothing new and no conflict.
    expect(mergeAnnotations(records, parsed.annotations).conflicts).toEqual([]);
  });
});

describe('W3C import of what other tools write', () => {
  const base = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' };
  it('`created` is optional: no dates at all takes the document date, the same on every import', () => {
    const doc = { ...base, id: 'https://x.example/a/1', target: { source: 'https://x.example/p', selector: { type: 'TextQuoteSelector', exact: 'megacárcel' } } };
    const first = readImportDocument(doc).annotations[0]!;
    const again = readImportDocument(doc).annotations[0]!;
    expect(first).toEqual(again);
    const inCollection = readImportDocument({ '@context': base['@context'], type: 'AnnotationCollection', generated: '2025-05-01T00:00:00Z', first: { type: 'AnnotationPage', items: [doc] } });
    expect(inCollection.annotations[0]!.createdAt).toBe('2025-05-01T00:00:00Z');
  });

  it('a TextQuoteSelector inside refinedBy is found', () => {
    const [a] = readImportDocument({
      ...base,
      id: 'https://x.example/a/2',
      target: {
        source: 'https://x.example/p',
        selector: { type: 'FragmentSelector', value: 'para-4', refinedBy: { type: 'TextQuoteSelector', exact: 'Terrorism Confinement Center', prefix: 'the ' } },
      },
    }).annotations;
    expect(a!.quote).toBe('Terrorism Confinement Center');
    expect(a!.selectors.quote.prefix).toBe('the ');
  });

  it('an HTML body becomes its text, never markup, and nothing in it runs', () => {
    const [a] = readImportDocument({
      ...base,
      id: 'https://x.example/a/3',
      body: {
        type: 'TextualBody',
        format: 'text/html',
        language: 'es',
        value: '<p>Cifra <b>oficial</b> &amp; sin&nbsp;verificar</p><script>alert(1)</script><p>Fuente:<br>ministerio <img src=x onerror=alert(2)></p>',
      },
      target: { source: 'https://x.example/p', selector: { type: 'TextQuoteSelector', exact: '40,000' } },
    }).annotations;
    expect(a!.note).toBe('Cifra oficial & sin\u00a0verificar\nFuente:\nministerio');
    expect(a!.note).not.toMatch(/[<>]|alert/);
  });

  it('a plain-text body keeps its angle brackets as text', () => {
    const [a] = readImportDocument({
      ...base,
      id: 'https://x.example/a/4',
      body: { type: 'TextualBody', format: 'text/plain', value: 'a < b and <b> is not bold' },
      target: { source: 'https://x.example/p', selector: { type: 'TextQuoteSelector', exact: '40,000' } },
    }).annotations;
    expect(a!.note).toBe('a < b and <b> is not bold');
  });
});

/** Every leaf value of a JSON document outside `@context`. */
function leaves(value: unknown, inContext = false): number {
  if (inContext) return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + leaves(v), 0);
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((n: number, [k, v]) => n + leaves(v, k === '@context'), 0);
  return value === null ? 0 : 1;
}

/** Leaves of an expanded document: values, ids and types. */
function expandedLeaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + expandedLeaves(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === '@value') n += 1;
    else if (k === '@id') n += 1;
    else if (k === '@type' && !('@value' in value)) n += Array.isArray(v) ? v.length : 1;
    else if (k !== '@type' && k !== '@language') n += expandedLeaves(v);
  }
  return n;
}

/** Every property and @id in an expanded document: properties absolute IRIs, ids absolute too. */
function relativeIris(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) relativeIris(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (!k.startsWith('@') && !isIri(k)) out.push(`property ${k}`);
      if (k === '@id' && typeof v === 'string' && !isIri(v)) out.push(`id ${v}`);
      if (k === '@type' && !('@value' in value)) for (const t of [v].flat()) if (typeof t === 'string' && !isIri(t)) out.push(`type ${t}`);
      relativeIris(v, out);
    }
  }
  return out;
}

describe('JSON-LD: our context expands every term to a stable IRI', () => {
  it('expand (safe mode), compact, expand again: same graph, no dropped terms, no relative IRIs', async () => {
    const doc = JSON.parse(exportW3CJson(sample(), ctx));
    const expanded = await jsonld.expand(doc, { documentLoader, safe: true, base: null });
    expect(relativeIris(expanded)).toEqual([]);
    // Every value written is still there after expansion (nothing dropped for lack of a term).
    expect(expandedLeaves(expanded)).toBe(leaves(doc));
    const compacted = await jsonld.compact(expanded, doc['@context'], { documentLoader, safe: true, base: null });
    const again = await jsonld.expand(compacted, { documentLoader, safe: true, base: null });
    expect(again).toEqual(expanded);
    // Our extension terms land in our vocabulary, the model's in oa: / as:.
    const text = JSON.stringify(expanded);
    for (const term of ['claimId', 'relation', 'statement', 'datasetId', 'datasetVersion', 'revision', 'deviceId', 'keptVersions', 'clock', 'utf16Start']) {
      expect(text).toContain(JSON.stringify(LENS_VOCAB + term));
    }
    expect(text).toContain('"http://www.w3.org/ns/oa#hasSelector"');
    expect(text).toContain('"http://www.w3.org/ns/activitystreams#partOf"');
  });

  it('the check can fail: an undefined nested term is reported as dropped', async () => {
    const doc = JSON.parse(exportW3CJson(sample(), ctx));
    doc.first.items[1]['lens:claims'][0].claimId = 'x';
    await expect(jsonld.expand(doc, { documentLoader, safe: true, base: null })).rejects.toThrow();
  });
});
