import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { planImport, previewImport } from '../../lib/exchange/import-plan';
import { mergeAnnotationSets } from '../../lib/merge/merge-annotations';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { versionOf } from '../../lib/merge/versions';
import { annotationArb, makeAnnotation, uuidFor } from './exchange-fixtures';

describe('previewImport / planImport', () => {
  const local = makeAnnotation({ id: uuidFor(1), note: 'local', revision: 2, updatedAt: '2025-03-02T00:00:00.000Z', deviceId: 'A' });

  it('added, updated, unchanged and merged (conflict), with the exact records to put', () => {
    const fresh = makeAnnotation({ id: uuidFor(2) });
    const newer = { ...local, note: 'newer', revision: 3, updatedAt: '2025-03-03T00:00:00.000Z' };
    const older = { ...local, note: 'older', revision: 1 };
    const concurrentWins = { ...local, note: 'concurrent', updatedAt: '2025-03-04T00:00:00.000Z', deviceId: 'B' };
    const concurrentLoses = { ...local, note: 'concurrent', updatedAt: '2025-03-01T00:00:00.000Z', deviceId: 'B' };

    const p1 = planImport([local], [fresh, local]);
    expect(p1.preview.entries.map((e) => [e.id, e.status])).toEqual([
      [local.id, 'unchanged'],
      [fresh.id, 'added'],
    ]);
    expect(p1.put).toEqual([fresh]);

    expect(planImport([local], [newer]).preview.entries[0]).toMatchObject({ status: 'updated', conflict: false, kept: 'incoming', result: newer });
    expect(planImport([local], [newer]).put).toEqual([newer]);
    expect(planImport([local], [older]).preview.entries[0]).toMatchObject({ status: 'unchanged', kept: 'local', result: local });
    expect(planImport([local], [older]).put).toEqual([]);

    const win = planImport([local], [concurrentWins]);
    // Either way both versions are kept: the winner as the record, the other in `conflicts`.
    expect(win.preview.entries[0]).toMatchObject({ status: 'merged', conflict: true, kept: 'incoming', result: { ...concurrentWins, conflicts: [versionOf(local)] } });
    expect(win.put).toEqual([{ ...concurrentWins, conflicts: [versionOf(local)] }]);
    const lose = planImport([local], [concurrentLoses]);
    expect(lose.preview.entries[0]).toMatchObject({ status: 'merged', conflict: true, kept: 'local', result: { ...local, conflicts: [versionOf(concurrentLoses)] } });
    expect(lose.put).toEqual([{ ...local, conflicts: [versionOf(concurrentLoses)] }]);
    expect(lose.preview.counts).toEqual({ added: 0, updated: 0, unchanged: 0, merged: 1, conflicts: 1 });
  });

  it('a tombstone in the file deletes a record it is newer than', () => {
    const del = { ...local, revision: 3, deletedAt: '2025-03-05T00:00:00.000Z', updatedAt: '2025-03-05T00:00:00.000Z' };
    expect(planImport([local], [del]).put).toEqual([del]);
  });

  it('applying the plan gives the merge, and a second import changes nothing (property)', () => {
    const ids = fc.constantFrom(uuidFor(1), uuidFor(2), uuidFor(3), uuidFor(4), uuidFor(5));
    const set = fc.uniqueArray(annotationArb({ ids }), { selector: (a) => a.id, maxLength: 5 });
    fc.assert(
      fc.property(set, set, (existing, incoming) => {
        const plan = planImport(existing, incoming);
        const store = new Map<string, Annotation>(existing.map((a) => [a.id, a]));
        for (const r of plan.put) store.set(r.id, r);
        const after = [...store.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(canonicalJson(after)).toBe(canonicalJson(mergeAnnotationSets(existing, incoming).annotations));
        expect(planImport(after, incoming).put).toEqual([]);
        const preview = previewImport(existing, incoming);
        expect(preview.entries.length).toBe(new Set(incoming.map((a) => a.id)).size);
        for (const e of preview.entries) expect(e.result).toEqual(store.get(e.id));
      }),
      { numRuns: 300 },
    );
  });
});
