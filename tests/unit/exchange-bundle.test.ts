import { versionOf } from '../../lib/merge/versions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Annotation } from '../../lib/annotations/schema';
import { AnnotationBundle, BUNDLE_FORMAT, exportBundleJson, serializeBundle, toBundle } from '../../lib/exchange/bundle';
import { migrateBundle, type BundleMigration } from '../../lib/exchange/bundle-migrations';
import { ImportError, readImportDocument, readImportFile } from '../../lib/exchange/import';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { annotationListArb, ctx, makeAnnotation } from './exchange-fixtures';
import { thrown } from './thrown';

describe('JSON bundle export', () => {
  it('writes the header and every record, tombstones included', () => {
    const live = makeAnnotation({ note: 'n' });
    const gone = makeAnnotation({ deletedAt: '2025-03-21T00:00:00.000Z', revision: 2 });
    const bundle = toBundle([live, gone], ctx, { deviceId: 'laptop' });
    expect(bundle).toMatchObject({
      format: 'cecot-lens-annotations',
      formatVersion: 3,
      exportedAt: ctx.exportedAt,
      generator: { name: 'cecot-lens', version: '0.1.0' },
      dataset: { id: 'cecot-2025', version: '2025.03.30' },
      deviceId: 'laptop',
    });
    expect(bundle.annotations).toEqual([live, gone]);
    expect(AnnotationBundle.safeParse(JSON.parse(serializeBundle(bundle))).success).toBe(true);
  });

  it('puts one record per line so a change diffs as one line', () => {
    const records = [makeAnnotation(), makeAnnotation({ note: 'line\nbreak' })];
    const text = exportBundleJson(records, ctx);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('    {"id"'))).toHaveLength(2);
    expect(JSON.parse(text).annotations).toEqual(records);
  });

  it('an empty bundle is valid and reads back empty', () => {
    const parsed = readImportFile(exportBundleJson([], ctx));
    expect(parsed.annotations).toEqual([]);
    expect(parsed.format).toBe('cecot-lens-bundle');
  });

  it('round-trips any set of records exactly (property)', () => {
    fc.assert(
      fc.property(annotationListArb(15), (records) => {
        const parsed = readImportFile(exportBundleJson(records, ctx));
        expect(parsed.annotations).toEqual(records);
        expect(parsed.annotations.map(canonicalJson)).toEqual(records.map(canonicalJson));
        expect(parsed.formatVersion).toBe(3);
        expect(parsed.header?.dataset).toEqual(ctx.dataset);
      }),
      { numRuns: 150 },
    );
  });
});

describe('JSON bundle format versions', () => {
  it('reads a version-1 file (records without clocks or kept versions) and keeps every record as it was', () => {
    const records = [makeAnnotation({ note: 'old one' }), makeAnnotation({ deletedAt: '2025-03-21T00:00:00.000Z', revision: 2 })];
    const v1 = { ...JSON.parse(exportBundleJson(records, ctx)), formatVersion: 1 };
    const parsed = readImportDocument(v1);
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.header?.formatVersion).toBe(3);
    expect(parsed.annotations).toEqual(records);
  });

  it('a version-2 record keeps its clock and the kept versions of a concurrent edit', () => {
    const base = makeAnnotation({ note: 'winner', revision: 2, clock: { A: 2 } });
    const record = { ...base, conflicts: [{ ...versionOf(makeAnnotation({ note: 'the other device', revision: 2, deviceId: 'B' })), clock: { A: 1, B: 1 } }] };
    const parsed = readImportFile(exportBundleJson([record], ctx));
    expect(parsed.annotations).toEqual([record]);
    expect(parsed.annotations[0]!.conflicts?.[0]?.note).toBe('the other device');
  });
});

describe('JSON bundle import errors', () => {
  const good = () => JSON.parse(exportBundleJson([makeAnnotation(), makeAnnotation(), makeAnnotation()], ctx));

  it('names the record by index and id, and the field path', () => {
    const doc = good();
    doc.annotations[2].selectors.quote.exact = '';
    const error = thrown(ImportError, () => readImportDocument(doc));
    expect(error.recordIndex).toBe(2);
    expect(error.recordId).toBe(doc.annotations[2].id);
    expect(error.path).toEqual(['annotations', 2, 'selectors', 'quote', 'exact']);
    expect(error.message).toContain('annotations[2]');
    expect(error.message).toContain(doc.annotations[2].id);
    expect(error.message).toContain('selectors.quote.exact');
  });

  it('says "no id" when the record has none', () => {
    const doc = good();
    delete doc.annotations[1].id;
    const error = thrown(ImportError, () => readImportDocument(doc));
    expect(error.message).toMatch(/^annotations\[1\] \(no id\): id: /);
  });

  it('reports header problems by field', () => {
    const doc = good();
    doc.exportedAt = 'yesterday';
    expect(thrown(ImportError, () => readImportDocument(doc)).message).toMatch(/^exportedAt: /);
    const doc2 = good();
    doc2.annotations = {};
    expect(thrown(ImportError, () => readImportDocument(doc2)).message).toBe('annotations: expected an array');
  });

  it('refuses a newer format version with a clear message and code', () => {
    const doc = { ...good(), formatVersion: 4 };
    const error = thrown(ImportError, () => readImportDocument(doc));
    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('newer CECOT Lens');
  });

  it('refuses files of another format', () => {
    expect(thrown(ImportError, () => readImportDocument({ format: 'something-else', formatVersion: 1 })).message).toContain('not a CECOT Lens');
    expect(thrown(ImportError, () => readImportDocument({ hello: 1 })).message).toContain('neither');
    expect(thrown(ImportError, () => readImportFile('')).message).toContain('empty');
    expect(thrown(ImportError, () => readImportFile('{"format": ')).message).toContain('not valid JSON');
  });

  it('refuses non-web URLs, which would become javascript: links in the UI', () => {
    const doc = good();
    doc.annotations[0].canonicalUrl = 'javascript:alert(1)';
    const error = thrown(ImportError, () => readImportDocument(doc));
    expect(error.path).toEqual(['annotations', 0, 'canonicalUrl']);
  });

  it('reads a file with a byte-order mark', () => {
    const records = [makeAnnotation()];
    expect(readImportFile('\uFEFF' + exportBundleJson(records, ctx)).annotations).toEqual(records);
  });

  it('merges records that share an id by the merge rule', () => {
    const a = makeAnnotation({ note: 'old' });
    const b = { ...a, note: 'new', revision: 2, updatedAt: '2025-03-21T00:00:00.000Z' };
    const parsed = readImportFile(exportBundleJson([b, a], ctx));
    expect(parsed.annotations).toEqual([b]);
    expect(parsed.duplicatesMerged).toBe(1);
  });
});

describe('bundle migrations', () => {
  // No version before 1 was ever written. This checks the mechanism a v2 will
  // use, with a made-up pre-release shape that had `highlights` and `text`.
  const v0ToV1: BundleMigration = {
    from: 0,
    to: 1,
    migrate: (doc) => ({
      ...doc,
      annotations: (doc['highlights'] as Array<Record<string, unknown>>).map(({ text, ...rest }) => ({ ...rest, quote: text })),
      highlights: undefined,
    }),
  };

  it('runs each step in turn and validates the result with the current schema', () => {
    const record = makeAnnotation();
    const { quote, ...rest } = record;
    const v0 = { ...toBundle([], ctx), formatVersion: 0, highlights: [{ ...rest, text: quote }] } as Record<string, unknown>;
    delete v0['annotations'];
    const migrated = migrateBundle(v0, [v0ToV1], 1, 0);
    expect(migrated['formatVersion']).toBe(1);
    expect(readImportDocument(migrated).annotations).toEqual([record]);
  });

  it('fails clearly when a step is missing', () => {
    expect(() => migrateBundle({ formatVersion: 0 }, [], 1, 0)).toThrow(/no migration from version 0/);
  });

  it('with the built-in list, version 0 is older than anything readable', () => {
    expect(() => migrateBundle({ formatVersion: 0 })).toThrow(ImportError);
  });
});

describe('bundle schema', () => {
  it('rejects a record that is not an Annotation', () => {
    const bundle = toBundle([makeAnnotation()], ctx);
    const broken = JSON.parse(JSON.stringify(bundle));
    broken.annotations[0].revision = 0;
    expect(AnnotationBundle.safeParse(broken).success).toBe(false);
    expect(Annotation.safeParse(bundle.annotations[0]).success).toBe(true);
    expect(bundle.format).toBe(BUNDLE_FORMAT);
  });
});

describe('import errors quote the record id', () => {
  // Found by the fuzz test: an id of ")" made "annotations[0] (id )): id: …", which no one can read.
  it('an id with parentheses, quotes or a line break is shown quoted and cut short', () => {
    for (const id of [')', 'a"b', 'x\ny', 'é'.repeat(200)]) {
      const bundle = JSON.parse(exportBundleJson([makeAnnotation()], ctx));
      bundle.annotations[0].id = id;
      const error = thrown(ImportError, () => readImportFile(JSON.stringify(bundle)));
      const kept = id.length > 80 ? `${id.slice(0, 77)}...` : id;
      expect(error.recordId).toBe(kept);
      expect(error.message.startsWith(`annotations[0] (id ${JSON.stringify(kept)}): id: `)).toBe(true);
    }
  });
});
