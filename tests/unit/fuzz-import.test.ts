/**
 * Fuzzing the importer: valid bundles and W3C collections, truncated, with
 * bytes changed, or with a value somewhere in the tree replaced, removed or
 * retyped. Every file must give either a complete, valid import or an
 * ImportError that says where the problem is; nothing else may escape, and a
 * successful import always yields a plan covering every record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Annotation } from '../../lib/annotations/schema';
import { exportBundleJson } from '../../lib/exchange/bundle';
import { ImportError, readImportFile, type ParsedImport } from '../../lib/exchange/import';
import { planImport } from '../../lib/exchange/import-plan';
import { exportW3CJson } from '../../lib/exchange/to-w3c';
import { annotationListArb, ctx, makeAnnotation } from './exchange-fixtures';

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip-char'; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-value'; path: number[]; inRecords: boolean; value: unknown }
  | { kind: 'delete-key'; path: number[]; inRecords: boolean }
  | { kind: 'retype'; path: number[]; inRecords: boolean }
  | { kind: 'duplicate-item'; path: number[]; inRecords: boolean };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip-char' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('{', '}', '[', ']', ',', '"', ':', 'null', '\\u0000', '\uFEFF', '1e999') }),
  // inRecords: start the walk at the list of records, where most of the schema is.
  fc.record({ kind: fc.constant('replace-value' as const), path: fc.array(fc.nat(), { maxLength: 7 }), inRecords: fc.boolean(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete-key' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), inRecords: fc.boolean() }),
  fc.record({ kind: fc.constant('retype' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), inRecords: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicate-item' as const), path: fc.array(fc.nat(), { maxLength: 7 }), inRecords: fc.boolean() }),
);

/** Follows `picks` down the tree; returns the container and key of the last step. */
function locate(root: unknown, picks: number[]): { parent: Record<string, unknown> | unknown[]; key: string | number } | undefined {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = root;
  for (const pick of picks) {
    if (Array.isArray(node)) {
      if (node.length === 0) break;
      parent = node;
      key = pick % node.length;
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string, unknown>;
      key = keys[pick % keys.length]!;
    } else break;
    node = (parent as Record<string | number, unknown>)[key];
  }
  return parent === undefined || key === undefined ? undefined : { parent, key };
}

function retype(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  return Object.values(value as object);
}

function mutate(text: string, m: Mutation): string {
  const at = (f: number) => Math.floor(f * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'flip-char':
      return text.slice(0, at(m.at)) + m.char + text.slice(at(m.at) + 1);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    default: {
      const doc = JSON.parse(text) as Record<string, unknown>;
      const records = (doc['annotations'] ?? (doc['first'] as Record<string, unknown> | undefined)?.['items']) as unknown[] | undefined;
      const spot = m.inRecords && records !== undefined && records.length > 0 ? locate(records, [m.path[0] ?? 0, ...m.path]) : locate(doc, m.path);
      if (spot === undefined) return JSON.stringify(m.kind === 'replace-value' ? m.value : doc);
      const { parent, key } = spot;
      const container = parent as Record<string | number, unknown>;
      if (m.kind === 'replace-value') container[key] = m.value;
      else if (m.kind === 'retype') container[key] = retype(container[key]);
      else if (m.kind === 'delete-key') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete container[key];
      } else if (m.kind === 'duplicate-item') {
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
        else container[`${key}`] = structuredClone(container[key]);
      }
      return JSON.stringify(doc);
    }
  }
}

interface Outcome {
  parsed?: ParsedImport;
  error?: ImportError;
}

function importOrExplain(text: string): Outcome {
  try {
    return { parsed: readImportFile(text) };
  } catch (error) {
    // Anything but an ImportError is a crash of another kind: let it fail the test.
    if (!(error instanceof ImportError)) throw error;
    return { error };
  }
}

const tally = { imported: 0, refused: 0, refusedRecord: 0 };

function checkOutcome(outcome: Outcome): void {
  if (outcome.error !== undefined) {
    tally.refused += 1;
    if (outcome.error.recordIndex !== undefined) tally.refusedRecord += 1;
    const { message, recordIndex, recordId } = outcome.error;
    // Says where: a field path, the record, or that the file is not JSON at all.
    expect(message).toMatch(/^(not valid JSON|\(root\)|[^\s:]+( \((id "(?:[^"\\]|\\.)*"|no id)\))?: )/);
    if (recordIndex !== undefined) expect(message).toMatch(recordId !== undefined ? /\(id / : /\(no id\)/);
    return;
  }
  tally.imported += 1;
  const parsed = outcome.parsed!;
  const ids = new Set<string>();
  for (const record of parsed.annotations) {
    expect(Annotation.safeParse(record).success).toBe(true);
    expect(ids.has(record.id)).toBe(false);
    ids.add(record.id);
  }
  // A complete plan: one entry per record, and the records to put are among them.
  const existing = parsed.annotations.slice(0, 1).map((r) => ({ ...r, revision: r.revision + 1 }));
  const plan = planImport(existing, parsed.annotations);
  expect(plan.preview.entries).toHaveLength(parsed.annotations.length);
  for (const r of plan.put) expect(ids.has(r.id)).toBe(true);
  expect(plan.put.length).toBe(parsed.annotations.length - (existing.length > 0 ? 1 : 0));
}

let seen = 0;

describe('fuzzing the importer', () => {
  it('mutated and truncated bundles: a correct import or a clear ImportError', () => {
    fc.assert(
      fc.property(annotationListArb(5), mutationArb, (records, m) => {
        checkOutcome(importOrExplain(mutate(exportBundleJson(records, ctx), m)));
        seen += 1;
      }),
      { numRuns: 700 },
    );
  });

  it('mutated and truncated W3C collections: a correct import or a clear ImportError', () => {
    fc.assert(
      fc.property(annotationListArb(5, { deleted: false }), mutationArb, (records, m) => {
        checkOutcome(importOrExplain(mutate(exportW3CJson(records, ctx), m)));
        seen += 1;
      }),
      { numRuns: 700 },
    );
  });

  it('every truncation of one bundle and one collection', () => {
    const records = [makeAnnotation({ note: 'n', tags: ['t'], verdict: 'accurate' }), makeAnnotation({ deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 })];
    for (const text of [exportBundleJson(records, ctx), exportW3CJson(records, ctx)]) {
      // A cut that only drops the final line break leaves the whole document.
      for (let cut = 0; cut < text.trimEnd().length; cut += 7) {
        const outcome = importOrExplain(text.slice(0, cut));
        expect(outcome.error).toBeInstanceOf(ImportError);
        checkOutcome(outcome);
        seen += 1;
      }
    }
  });

  it('hostile shapes', () => {
    const hostile = [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"__proto__": {"polluted": true}, "format": "cecot-lens-annotations", "formatVersion": 1}',
      '{"format": "cecot-lens-annotations", "formatVersion": 1e999}',
      '{"format": "cecot-lens-annotations", "formatVersion": 1, "exportedAt": "2025-01-01T00:00:00Z", "generator": {"name":"x","version":"1"}, "dataset": {"id":"d","version":"1"}, "annotations": [null, 1, "x"]}',
      '{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [{"target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}]}}',
      '{"type": "AnnotationPage", "items": {"length": 3}}',
      '{"@graph": [{"type": "Annotation", "target": [null, 1, {"source": "https://e.org", "selector": [null, {"type": ["TextQuoteSelector"], "exact": "x"}]}], "created": "2024-02-30T00:00:00Z"}]}',
      JSON.stringify({ type: 'Annotation', created: '2024-01-01T00:00:00Z', target: { source: 'https://e.org', selector: { type: 'TextQuoteSelector', exact: 'x' } }, body: [{ purpose: 'tagging', value: 'x'.repeat(101) }] }),
      '"just a string"',
      'null',
      '\uFEFF',
    ];
    for (const text of hostile) {
      checkOutcome(importOrExplain(text));
      seen += 1;
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('fed at least 1,000 files, and the mutations hit both outcomes and records', () => {
    expect(seen).toBeGreaterThanOrEqual(1000);
    // A fuzzer whose mutations never break anything (or break everything) tests little.
    expect(tally.refused).toBeGreaterThan(300);
    expect(tally.imported).toBeGreaterThan(100);
    expect(tally.refusedRecord).toBeGreaterThan(100);
  });
});
