import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_NOTE_TAG, REPLY_TAG } from '../../lib/exchange/hypothesis-model';
import { ImportError, readImportDocument, readImportFile } from '../../lib/exchange/import';
import { planImport } from '../../lib/exchange/import-plan';
import { exportHypothesisJson, toHypothesisFile } from '../../lib/exchange/to-hypothesis';
import { ctx, makeAnnotation } from './exchange-fixtures';
import { thrown } from './thrown';

const FILE = fs.readFileSync(path.join(__dirname, '../fixtures/hypothesis/client-export.json'), 'utf8');

describe('Hypothesis import (the client export file, written from the h API documentation)', () => {
  it('reads annotations, replies and page notes; none is dropped', () => {
    const parsed = readImportFile(FILE);
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.annotations).toHaveLength(3);
    expect(parsed.kept).toEqual({ replies: 1, pageNotes: 1 });
    const [annotation, reply, pageNote] = ['can hold up to 40,000 inmates', 'Agreed', 'Page note'].map((t) => parsed.annotations.find((a) => a.quote.includes(t) || a.note.includes(t))!);
    expect(annotation).toMatchObject({
      url: 'https://news.example.org/cecot-capacity',
      canonicalUrl: 'https://news.example.org/cecot-capacity',
      title: 'Inside the mega-prison',
      quote: 'can hold up to 40,000 inmates',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'can hold up to 40,000 inmates', prefix: 'the new prison ', suffix: ', officials said' },
        position: { type: 'TextPositionSelector', start: 1204, end: 1233 },
      },
      note: "The prison's stated capacity has never been checked by an outside body.",
      tags: ['CECOT', 'capacity'],
      verdict: 'disputed',
      createdAt: '2025-04-28T14:02:11.123Z',
      updatedAt: '2025-04-28T14:10:40.000Z',
      revision: 1,
    });
    // The reply sits on the quote of the annotation it answers.
    expect(reply).toMatchObject({ quote: 'can hold up to 40,000 inmates', note: 'Agreed; ask the ministry for the design document.', tags: [REPLY_TAG] });
    // The page note has no quote: it is kept on the page's title.
    expect(pageNote).toMatchObject({ quote: 'Inside the mega-prison', tags: ['page', PAGE_NOTE_TAG] });
  });

  it('goes through the same preview and all-or-nothing plan as the other formats', () => {
    const parsed = readImportFile(FILE);
    const plan = planImport([], parsed.annotations);
    expect(plan.preview.counts).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    // A second import of the same file finds the same records.
    expect(planImport(plan.put, readImportFile(FILE).annotations).put).toEqual([]);
  });

  it('an annotation on a PDF or local file is refused with the record named; with keepValid the others come through', () => {
    const doc = JSON.parse(FILE);
    doc.annotations[2].uri = 'urn:x-pdf:3f2a';
    doc.annotations[2].target = [{ source: 'urn:x-pdf:3f2a' }];
    const error = thrown(ImportError, () => readImportDocument(doc));
    expect(error.message).toContain('annotations[2] (id "Zc8sUo3cEe-9aX0dV4sB2y")');
    expect(error.problem).toEqual({ field: 'uri', code: 'not-a-web-page' });
    const partial = readImportDocument(doc, { keepValid: true });
    expect(partial.annotations).toHaveLength(2);
    expect(partial.invalid.map((e) => e.recordIndex)).toEqual([2]);
  });

  it('reads an h API search result and a bare list too', () => {
    const rows = JSON.parse(FILE).annotations;
    expect(readImportDocument({ total: 3, rows }).annotations).toHaveLength(3);
    expect(readImportDocument(rows).format).toBe('hypothesis');
  });
});

describe('Hypothesis export (the file the client imports)', () => {
  const records = [
    makeAnnotation({ note: 'Figure from the government', tags: ['capacity'], verdict: 'misleading', title: 'CECOT' }),
    makeAnnotation({ deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 }),
  ];

  it('has the shape the Hypothesis client reads: an annotations list with target, text, tags, uri, document and user', () => {
    const file = toHypothesisFile(records, ctx);
    expect(Object.keys(file).sort()).toEqual(['annotations', 'client_version', 'export_date', 'export_userid']);
    expect(file.annotations).toHaveLength(1); // no tombstones
    const [a] = file.annotations;
    expect(a).toMatchObject({
      uri: records[0]!.canonicalUrl,
      text: 'Figure from the government',
      tags: ['capacity', 'verdict:misleading'],
      document: { title: ['CECOT'] },
      user: file.export_userid,
      target: [
        {
          source: records[0]!.canonicalUrl,
          selector: [
            { type: 'TextQuoteSelector', exact: records[0]!.quote, prefix: 'before ', suffix: ' after' },
            { type: 'TextPositionSelector', start: 100, end: 100 + records[0]!.quote.length },
          ],
        },
      ],
    });
    expect(a!.created).toMatch(/Z$/);
  });

  it('is re-read by our importer to the same records (verdict included)', () => {
    const parsed = readImportFile(exportHypothesisJson(records, ctx));
    expect(parsed.format).toBe('hypothesis');
    const [back] = parsed.annotations;
    const original = records[0]!;
    expect(back).toMatchObject({
      id: original.id,
      canonicalUrl: original.canonicalUrl,
      quote: original.quote,
      selectors: original.selectors,
      note: original.note,
      tags: original.tags,
      verdict: original.verdict,
      createdAt: original.createdAt,
      updatedAt: original.updatedAt,
    });
  });
});
