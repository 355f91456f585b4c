/**
 * The dataset layer in the sync document: the bundle's `datasetLayer` section,
 * its migration from version 2, and two devices converging through file sync.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBundleJson, toBundle, serializeBundle } from '../../lib/exchange/bundle';
import { migrateBundle } from '../../lib/exchange/bundle-migrations';
import { ImportError, readImportDocument, readImportFile } from '../../lib/exchange/import';
import { makeChange, withdrawChange } from '../../lib/dataset/layer-edit';
import { compareLayerWrites } from '../../lib/dataset/layer-merge';
import type { LayerChange } from '../../lib/dataset/layer-schema';
import { syncWithFile, type FileSyncInput } from '../../lib/sync/file-sync';
import { ctx, makeAnnotation, uuidFor } from './exchange-fixtures';
import { guardsSubject, userClaim } from './layer-fixtures';
import { thrown } from './thrown';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const change = (device: string, minute: number) => ({ now: at(minute), deviceId: device, origin: { url: 'https://news.example/story', title: 'A story' }, baseVersion: '2025.03.30' });

const claim = makeChange({ kind: 'claim', claim: userClaim }, change('A', 1));
const subject = makeChange({ kind: 'subject', subject: guardsSubject }, change('A', 1));
const retirement = makeChange({ kind: 'retirement', target: 'c000-capacity-40000', retired: true, reason: 'superseded' }, change('B', 2));
const tombstone = { ...withdrawChange(makeChange({ kind: 'correction', target: 'c001', patch: { statement: 'x' } }, change('A', 3)), { now: at(4), deviceId: 'A' }), revision: 1 };

describe('bundle datasetLayer section', () => {
  it('writes one layer record per line after the notes and reads every one back, tombstones included', () => {
    const note = makeAnnotation();
    const text = exportBundleJson([note], ctx, { datasetLayer: [claim, subject, retirement, tombstone] });
    expect(JSON.parse(text).formatVersion).toBe(3);
    expect(text.split('\n').filter((l) => l.startsWith('    {"id":"claim:') || l.startsWith('    {"id":"correction:'))).toHaveLength(2);
    const parsed = readImportFile(text);
    expect(parsed.annotations).toEqual([note]);
    expect(parsed.datasetLayer).toEqual([claim, subject, retirement, tombstone]);
  });

  it('a bundle without the section reads as "no section", and writes none back', () => {
    const note = makeAnnotation();
    const text = exportBundleJson([note], ctx);
    expect(text).not.toContain('datasetLayer');
    expect(readImportFile(text).datasetLayer).toBeNull();
    expect(toBundle([note], ctx)).not.toHaveProperty('datasetLayer');
  });

  it('migrates a version-2 file to 3 unchanged but for the number, so older files still import', () => {
    const note = makeAnnotation({ note: 'from an older install' });
    const v2 = { ...JSON.parse(exportBundleJson([note], ctx)), formatVersion: 2 };
    expect(migrateBundle(v2)).toEqual({ ...v2, formatVersion: 3 });
    const parsed = readImportDocument(v2);
    expect(parsed.formatVersion).toBe(2);
    expect(parsed.header?.formatVersion).toBe(3);
    expect(parsed.annotations).toEqual([note]);
    expect(parsed.datasetLayer).toBeNull();
    // A version-1 file goes through both steps.
    expect(readImportDocument({ ...v2, formatVersion: 1 }).header?.formatVersion).toBe(3);
  });

  it('refuses a file with a bad layer record, naming it, even when keeping valid notes', () => {
    const doc = JSON.parse(exportBundleJson([makeAnnotation()], ctx, { datasetLayer: [claim] }));
    doc.datasetLayer.push({ ...retirement, revision: -1 });
    const error = thrown(ImportError, () => readImportDocument(doc, { keepValid: true }));
    expect(error.message).toContain('datasetLayer[1]');
    expect(error.message).toContain('revision');
    doc.datasetLayer = 'nope';
    expect(thrown(ImportError, () => readImportDocument(doc)).message).toContain('datasetLayer: expected an array');
  });

  it('two versions of one change in a file keep the later one', () => {
    const later = { ...claim, revision: 1, updatedAt: at(9).toISOString(), claim: { ...claim.claim, statement: 'Later wording.' } };
    const parsed = readImportDocument(JSON.parse(serializeBundle(toBundle([], ctx, { datasetLayer: [later, claim] }))));
    expect(parsed.datasetLayer).toEqual([later]);
  });
});

const base: Omit<FileSyncInput, 'local' | 'fileText'> = { deviceId: 'usb', exportedAt: ctx.exportedAt, generator: ctx.generator, dataset: ctx.dataset };

describe('file sync carries the layer', () => {
  it('a notes-only sync with a notes-only file merges the notes exactly as before and adds no section', () => {
    const a = makeAnnotation({ id: uuidFor(1) });
    const b = makeAnnotation({ id: uuidFor(2) });
    const withLayerApi = syncWithFile({ ...base, local: [a], localLayer: [], fileText: exportBundleJson([b], ctx) });
    const without = syncWithFile({ ...base, local: [a], fileText: exportBundleJson([b], ctx) });
    expect(withLayerApi.merged).toEqual(without.merged);
    expect(withLayerApi.plan).toEqual(without.plan);
    expect(withLayerApi.fileText).toBe(without.fileText);
    expect(withLayerApi.fileText).not.toContain('datasetLayer');
    expect(withLayerApi.layerPut).toEqual([]);
  });

  it('a sync that does not read the layer keeps the file\u2019s section on read-merge-write', () => {
    const file = exportBundleJson([], ctx, { datasetLayer: [claim, tombstone] });
    const result = syncWithFile({ ...base, local: [makeAnnotation({ id: uuidFor(3) })], fileText: file });
    expect(readImportFile(result.fileText!).datasetLayer).toEqual([claim, tombstone]);
  });

  it('a layer change alone makes the file be written; an unchanged one does not', () => {
    const file = exportBundleJson([], ctx, { datasetLayer: [claim] });
    const again = syncWithFile({ ...base, local: [], localLayer: [claim], fileText: file });
    expect(again.fileText).toBeNull();
    expect(again.layerPut).toEqual([]);
    const more = syncWithFile({ ...base, local: [], localLayer: [claim, retirement], fileText: file });
    expect(readImportFile(more.fileText!).datasetLayer).toEqual([claim, retirement]);
  });
});

/** A device's layer, written the way the store writes (revision + 1 over the version replaced). */
class Device {
  layer = new Map<string, LayerChange>();
  minute = 0;
  constructor(readonly name: string, readonly written: LayerChange[]) {}
  private put(record: LayerChange) {
    const prior = this.layer.get(record.id);
    const next = { ...record, revision: prior ? prior.revision + 1 : record.revision, createdAt: prior?.createdAt ?? record.createdAt } as LayerChange;
    this.layer.set(next.id, next);
    this.written.push(next);
  }
  private ctx() {
    this.minute += 1;
    return change(this.name, this.minute);
  }
  act(op: Op) {
    const id = `u-claim-${op.n}`;
    switch (op.kind) {
      case 'add':
        return this.put(makeChange({ kind: 'claim', claim: { ...userClaim, id, statement: `Claim ${op.n} by ${this.name}.` } }, this.ctx()));
      case 'correct':
        return this.put(makeChange({ kind: 'correction', target: `c00${op.n}`, patch: { statement: `Fixed by ${this.name}.` }, reason: this.name }, this.ctx()));
      case 'retire':
        return this.put(makeChange({ kind: 'retirement', target: `c00${op.n}`, retired: op.n % 2 === 0 }, this.ctx()));
      case 'withdraw': {
        const prior = this.layer.get(`claim:${id}`);
        if (prior && prior.deletedAt === null) this.put(withdrawChange(prior, this.ctx()));
      }
    }
  }
  sync(file: string | null): string | null {
    const result = syncWithFile({ ...base, deviceId: this.name, local: [], localLayer: [...this.layer.values()], fileText: file });
    for (const record of result.layerPut) this.layer.set(record.id, record);
    return result.fileText ?? file;
  }
  sorted() {
    return [...this.layer.values()].sort((x, y) => x.id.localeCompare(y.id));
  }
}
type Op = { kind: 'add' | 'correct' | 'retire' | 'withdraw'; n: number };
const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('add', 'correct', 'retire', 'withdraw'), n: fc.integer({ min: 0, max: 4 }) });

describe('two devices converge through a sync file (property)', () => {
  it('both end with the same layer, holding the winner of every write, and a further sync changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), opArb), { maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 }), (ops, syncs) => {
        const written: LayerChange[] = [];
        const a = new Device('A', written);
        const b = new Device('B', written);
        let file: string | null = null;
        // Edits interleaved with syncs at arbitrary points, then a full round.
        ops.forEach(([onA, op], i) => {
          (onA ? a : b).act(op);
          const s = syncs[i];
          if (s === 1) file = a.sync(file);
          if (s === 2) file = b.sync(file);
        });
        file = a.sync(file);
        file = b.sync(file);
        file = a.sync(file);
        expect(a.sorted()).toEqual(b.sorted());
        // Nothing lost: each id holds the greatest of all its written versions.
        const best = new Map<string, LayerChange>();
        for (const w of written) {
          const prior = best.get(w.id);
          if (!prior || compareLayerWrites(w, prior) > 0) best.set(w.id, w);
        }
        expect(a.sorted()).toEqual([...best.values()].sort((x, y) => x.id.localeCompare(y.id)));
        expect(readImportFile(file ?? '{}').datasetLayer ?? []).toEqual(written.length ? a.sorted() : []);
        // Idempotent: syncing again writes nothing and receives nothing.
        const again = syncWithFile({ ...base, local: [], localLayer: a.sorted(), fileText: file });
        expect(again.fileText).toBeNull();
        expect(again.layerPut).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});
