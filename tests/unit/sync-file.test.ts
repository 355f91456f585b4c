import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../../lib/exchange/bundle';
import { ImportError, readImportFile } from '../../lib/exchange/import';
import { exportW3CJson } from '../../lib/exchange/to-w3c';
import { syncWithFile, type FileSyncInput } from '../../lib/sync/file-sync';
import { ctx, makeAnnotation, uuidFor } from './exchange-fixtures';

const base: Omit<FileSyncInput, 'local' | 'fileText'> = {
  deviceId: 'usb-laptop',
  exportedAt: ctx.exportedAt,
  generator: ctx.generator,
  dataset: ctx.dataset,
};

describe('syncWithFile', () => {
  const a = makeAnnotation({ id: uuidFor(1) });
  const b = makeAnnotation({ id: uuidFor(2) });

  it('creates the file when there is none, then two machines converge through it', () => {
    const first = syncWithFile({ ...base, local: [a], fileText: null });
    expect(first.fileText).not.toBeNull();
    expect(readImportFile(first.fileText!).annotations).toEqual([a]);

    const editedA = { ...a, note: 'edited elsewhere', revision: 2, updatedAt: '2025-04-01T00:00:00.000Z' };
    const second = syncWithFile({ ...base, local: [editedA, b], fileText: first.fileText });
    expect(second.merged).toEqual([editedA, b]);
    expect(second.plan.put).toEqual([]);

    const third = syncWithFile({ ...base, local: [a], fileText: second.fileText });
    expect(third.plan.put).toEqual([editedA, b]);
    expect(third.fileText).toBeNull();
  });

  it('reports concurrent edits', () => {
    const mine = { ...a, note: 'mine', revision: 2, updatedAt: '2025-04-01T00:00:00.000Z', deviceId: 'A' };
    const theirs = { ...a, note: 'theirs', revision: 2, updatedAt: '2025-04-02T00:00:00.000Z', deviceId: 'B' };
    const result = syncWithFile({ ...base, local: [mine], fileText: exportBundleJson([theirs], ctx) });
    expect(result.conflicts).toHaveLength(1);
    const [conflict] = result.conflicts;
    // The later edit becomes the record; the other is kept with it, not discarded.
    expect(conflict!.kept.note).toBe('theirs');
    expect(conflict!.discarded.note).toBe('mine');
    expect(conflict!.kept.conflicts?.map((k) => k.note)).toEqual(['mine']);
    expect(result.merged[0]!.conflicts?.map((k) => k.note)).toEqual(['mine']);
  });

  it('throws on a file it cannot read, so it is never overwritten', () => {
    expect(() => syncWithFile({ ...base, local: [a], fileText: '{"format":"cecot-lens-annotations"' })).toThrow(ImportError);
    expect(() => syncWithFile({ ...base, local: [a], fileText: exportW3CJson([b], ctx) })).toThrow(/must be a CECOT Lens bundle/);
  });
});
