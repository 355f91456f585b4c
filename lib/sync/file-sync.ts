import type { Annotation } from '../annotations/schema';
import { mergeAnnotationSets, type MergeConflict } from '../merge/merge-annotations';
import { exportBundleJson } from '../exchange/bundle';
import type { DatasetRef, GeneratorInfo } from '../exchange/context';
import { ImportError } from '../exchange/import-error';
import { readImportFile } from '../exchange/import';
import { planImport, type ImportPlan } from '../exchange/import-plan';

export interface FileSyncInput {
  /** Every local record, tombstones included. */
  local: readonly Annotation[];
  /** The file's current text, or null when there is no file yet. */
  fileText: string | null;
  deviceId: string;
  exportedAt: string;
  generator: GeneratorInfo;
  dataset: DatasetRef;
}

export interface FileSyncResult {
  merged: Annotation[];
  /** What the local store must put, in one transaction. */
  plan: ImportPlan;
  /** The new file content (a bundle of `merged`), or null when the file already holds exactly that. */
  fileText: string | null;
  conflicts: MergeConflict[];
}

/**
 * Sync with a file (a shared folder, a USB stick): the same bundle and the same
 * merge as WebDAV sync, without the network. Throws the ImportError of an
 * unreadable file: such a file must never be overwritten.
 */
export function syncWithFile(input: FileSyncInput): FileSyncResult {
  const remote = input.fileText === null ? [] : readSyncFile(input.fileText);
  const { annotations: merged, conflicts } = mergeAnnotationSets(input.local, remote);
  const plan = planImport(input.local, merged);
  const upToDate = input.fileText !== null && planImport(remote, merged).put.length === 0 && remote.length === merged.length;
  return {
    merged,
    plan,
    fileText: upToDate
      ? null
      : exportBundleJson(merged, { exportedAt: input.exportedAt, generator: input.generator, dataset: input.dataset }, { deviceId: input.deviceId }),
    conflicts,
  };
}

function readSyncFile(text: string): Annotation[] {
  const parsed = readImportFile(text);
  if (parsed.format !== 'cecot-lens-bundle') {
    throw new ImportError('a sync file must be a CECOT Lens bundle; this is a W3C Web Annotation file (import it instead)');
  }
  return parsed.annotations;
}
