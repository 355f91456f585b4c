import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, readImportDocument, readImportFile } from '../../lib/exchange/import';
import { nameUuid } from '../../lib/exchange/name-uuid';
import { exportW3CJson, motivationOf, toW3CCollection } from '../../lib/exchange/to-w3c';
import { ANNO_CONTEXT } from '../../lib/exchange/w3c-model';
import { annotationListArb, ctx, makeAnnotation } from './exchange-fixtures';
import { thrown } from './thrown';

describe('W3C Web Annotation export', () => {
  const full = makeAnnotation({
    note: 'The 40,000 figure is the government\u2019s.',
    tags: ['cecot', 'capacity'],
    verdict: 'misleading',
    claims: [{ claimId: 'cecot.capacity.40000', relation: 'conflicts' }],
    color: 'pink',
    updatedAt: '2025-03-21T08:00:00.000Z',
    revision: 3,
  });

  it('writes an AnnotationCollection with the anno.jsonld context and an embedded first page', () => {
    const doc = toW3CCollection([full, makeAnnotation()], ctx);
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    expect(doc.first?.type).toBe('AnnotationPage');
    expect(doc.first?.items).toHaveLength(2);
    expect(doc.generated).toBe(ctx.exportedAt);
  });

  it('maps each part of an annotation to the model', () => {
    const item = toW3CCollection([full], ctx).first!.items[0]!;
    expect(item.id).toBe(`urn:uuid:${full.id}`);
    expect(item.type).toBe('Annotation');
    expect(item.motivation).toBe('assessing');
    expect(item.created).toBe(full.createdAt);
    expect(item.modified).toBe(full.updatedAt);
    expect(item.creator).toEqual({ id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/), type: 'Person' });
    expect(item.body).toEqual([
      { type: 'TextualBody', value: full.note, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'cecot', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'capacity', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'misleading', purpose: 'assessing', format: 'text/plain' },
    ]);
    expect(item.target.type).toBe('SpecificResource');
    expect(item.target.source).toBe(full.canonicalUrl);
    // No code-point offsets were captured for this record: the quote alone goes out.
    expect(item.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: full.quote, prefix: 'before ', suffix: ' after' }]);
    expect(item['lens:utf16Start']).toBe(100);
    expect(item.target.state).toEqual({ type: 'TimeState', sourceDate: full.createdAt });
    expect(item['lens:claims']).toEqual([{ 'lens:claimId': 'cecot.capacity.40000', 'lens:relation': 'conflicts', 'lens:statement': 'CECOT can hold 40,000 inmates.' }]);
  });

  it('chooses the motivation from what the annotation carries', () => {
    expect(motivationOf(makeAnnotation())).toBe('highlighting');
    expect(motivationOf(makeAnnotation({ tags: ['x'] }))).toBe('tagging');
    expect(motivationOf(makeAnnotation({ tags: ['x'], note: 'n' }))).toBe('commenting');
    expect(motivationOf(makeAnnotation({ note: 'n', verdict: 'accurate' }))).toBe('assessing');
    expect(toW3CCollection([makeAnnotation()], ctx).first!.items[0]!.body).toBeUndefined();
  });

  it('leaves tombstones out and omits `first` when empty', () => {
    const doc = toW3CCollection([makeAnnotation({ deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 })], ctx);
    expect(doc.total).toBe(0);
    expect(doc.first).toBeUndefined();
  });

  it('round-trips live records through its own import (property)', () => {
    fc.assert(
      fc.property(annotationListArb(10, { deleted: false }), (records) => {
        const parsed = readImportFile(exportW3CJson(records, ctx));
        expect(parsed.format).toBe('w3c-annotation');
        const byId = new Map(parsed.annotations.map((a) => [a.id, a]));
        for (const r of records) expect(byId.get(r.id)).toEqual(r);
        expect(parsed.annotations).toHaveLength(records.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('W3C import of files from other tools', () => {
  const spec = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno23',
    type: 'Annotation',
    created: '2015-10-13T13:00:00Z',
    modified: '2015-10-14T09:00:00+02:00',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: 'Comment text', format: 'text/html', language: 'en' },
      { type: 'TextualBody', purpose: 'tagging', value: 'love' },
      { type: 'TextualBody', purpose: 'assessing', value: 'Accurate' },
      'http://example.org/linked-resource',
    ],
    target: {
      source: 'http://example.com/page1',
      selector: { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
    },
  };

  it('reads a single annotation with bodies of every purpose', () => {
    const [a] = readImportDocument(spec).annotations;
    expect(a).toMatchObject({
      url: 'http://example.com/page1',
      canonicalUrl: 'http://example.com/page1',
      quote: 'anotation',
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' } },
      note: 'Comment text\n\nhttp://example.org/linked-resource',
      language: 'en',
      tags: ['love'],
      verdict: 'accurate',
      createdAt: '2015-10-13T13:00:00Z',
      updatedAt: '2015-10-14T09:00:00+02:00',
      revision: 1,
      deviceId: 'w3c-import',
      color: 'yellow',
      deletedAt: null,
    });
    expect(a!.selectors.position).toBeUndefined();
  });

  it('keeps the language a note body declares, exports it back, and ignores one that is not a language tag', () => {
    const es = { ...spec, id: 'http://example.org/anno-es', body: [{ type: 'TextualBody', value: 'La cifra es del gobierno.', purpose: 'commenting', language: ['es-419', 'es'] }] };
    const [a] = readImportDocument(es).annotations;
    expect(a).toMatchObject({ note: 'La cifra es del gobierno.', language: 'es-419' });
    // Tags carry no language of their own: only the note's is kept.
    const tagged = { ...spec, id: 'http://example.org/anno-tag', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'cárcel', language: 'es' }, { type: 'TextualBody', value: 'A note', language: 'en-GB' }] };
    expect(readImportDocument(tagged).annotations[0]).toMatchObject({ tags: ['cárcel'], note: 'A note', language: 'en-GB' });
    const out = JSON.parse(exportW3CJson([a!], ctx));
    expect(out.first.items[0].body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: 'La cifra es del gobierno.', language: 'es-419' }));
    expect(readImportFile(exportW3CJson([a!], ctx)).annotations[0]).toMatchObject({ id: a!.id, note: a!.note, language: 'es-419' });
    const bad = { ...spec, id: 'http://example.org/anno-bad', body: [{ type: 'TextualBody', value: 'Kept anyway', language: 'not a tag!' }] };
    const [b] = readImportDocument(bad).annotations;
    expect(b).toMatchObject({ note: 'Kept anyway' });
    expect(b!.language).toBeUndefined();
    // Notes without a declared language export as before, with no language.
    expect(JSON.parse(exportW3CJson([b!], ctx)).first.items[0].body[0]).not.toHaveProperty('language');
  });

  it('gives a foreign annotation a stable UUID derived from its id', () => {
    const first = readImportDocument(spec).annotations[0]!;
    const again = readImportDocument(structuredClone(spec)).annotations[0]!;
    expect(first.id).toBe(nameUuid('http://example.org/anno23'));
    expect(again).toEqual(first);
    const noId = { ...spec } as Record<string, unknown>;
    delete noId['id'];
    expect(readImportDocument(noId).annotations[0]!.id).toBe(readImportDocument(structuredClone(noId)).annotations[0]!.id);
  });

  it('reads pages, collections with items, bare arrays, @graph, target arrays and bodyValue', () => {
    const one = {
      id: 'urn:uuid:3e3b1bd2-2f7a-4b43-8d2c-6a6b8a0e4f11',
      type: ['Annotation'],
      created: '2024-01-02T03:04:05.678Z',
      bodyValue: 'plain comment',
      target: [
        'http://example.com/whole-page',
        {
          source: { id: 'https://example.com/a', title: 'Title from source' },
          selector: [
            { type: 'TextPositionSelector', start: 5, end: 9 },
            { type: 'TextQuoteSelector', exact: 'text' },
          ],
        },
      ],
    };
    for (const doc of [
      { type: 'AnnotationPage', items: [one] },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [one] },
      [one],
      { '@graph': [one] },
    ]) {
      const [a] = readImportDocument(doc).annotations;
      expect(a).toMatchObject({
        id: '3e3b1bd2-2f7a-4b43-8d2c-6a6b8a0e4f11',
        canonicalUrl: 'https://example.com/a',
        title: 'Title from source',
        note: 'plain comment',
        selectors: { position: { type: 'TextPositionSelector', start: 5, end: 9 } },
      });
    }
  });

  it('reads chained embedded pages and refuses a page that lives elsewhere', () => {
    const item = (n: number) => ({ ...spec, id: `http://example.org/a${n}` });
    const doc = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [item(1)], next: { type: 'AnnotationPage', items: [item(2), item(3)] } },
    };
    expect(readImportDocument(doc).annotations).toHaveLength(3);
    const remote = { type: 'AnnotationCollection', first: 'http://example.org/page1' };
    expect(thrown(ImportError, () => readImportDocument(remote)).message).toMatch(/^first: .*separate page/);
  });

  it('reads dates without a zone as UTC', () => {
    const [a] = readImportDocument({ ...spec, created: '2015-10-13T13:00:00', modified: '2015-10-13' }).annotations;
    expect(a!.createdAt).toBe('2015-10-13T13:00:00.000Z');
    expect(a!.updatedAt).toBe('2015-10-13T00:00:00.000Z');
  });

  it('keeps an assessment it cannot map to a verdict as part of the note', () => {
    const doc = { ...spec, body: [{ type: 'TextualBody', purpose: 'assessing', value: 'Mostly false' }] };
    const [a] = readImportDocument(doc).annotations;
    expect(a!.verdict).toBeNull();
    expect(a!.note).toBe('Mostly false');
  });

  it('names the annotation and the field when something is wrong', () => {
    const page = { type: 'AnnotationPage', items: [spec, { ...spec, id: 'http://x/2', target: { source: 'http://example.com', selector: { type: 'TextQuoteSelector', exact: '' } } }] };
    const error = thrown(ImportError, () => readImportDocument(page));
    expect(error.recordIndex).toBe(1);
    expect(error.recordId).toBe('http://x/2');
    expect(error.message).toBe('items[1] (id "http://x/2"): target.selector.exact: expected a non-empty string');

    const badDate = thrown(ImportError, () => readImportDocument({ ...spec, created: 'last tuesday' }));
    expect(badDate.message).toMatch(/\(id "http:\/\/example.org\/anno23"\): created: /);

    const js = thrown(ImportError, () => readImportDocument({ ...spec, target: { ...spec.target, source: 'javascript:alert(1)' } }));
    expect(js.path).toEqual(['target', 'source']);

    const badExt = thrown(ImportError, () => readImportDocument({ ...spec, 'lens:color': 'orange' }));
    expect(badExt.message).toContain('lens:color');
  });

  it('annotations without a text quote: an error by default, skipped on request', () => {
    const page = { type: 'AnnotationPage', items: [spec, { ...spec, id: 'http://x/whole', target: 'http://example.com/whole' }] };
    const error = thrown(ImportError, () => readImportDocument(page));
    expect(error.message).toContain('items[1] (id "http://x/whole")');
    expect(error.message).toContain('TextQuoteSelector');
    const parsed = readImportDocument(page, { skipUnsupported: true });
    expect(parsed.annotations).toHaveLength(1);
    expect(parsed.skipped).toEqual([{ index: 1, path: 'items[1]', id: 'http://x/whole', reason: expect.stringContaining('TextQuoteSelector') }]);
  });
});
