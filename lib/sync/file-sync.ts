import type { Annotation } from '../annotations/schema';
import type { LayerChange } from '../dataset/layer-schema';
import { mergeLayerSets, planLayerMerge, sameLayer } from '../dataset/layer-merge';
import { mergeAnnotationSets, type MergeConflict } from '../merge/merge-annotations';
import { exportBundleJson } from '../exchange/bundle';
import type { DatasetRef, GeneratorInfo } from '../exchange/context';
import { ImportError } from '../exchange/import-error';
import { readImportFile } from '../exchange/import';
import { planImport, type ImportPlan } from '../exchange/import-plan';

export interface FileSyncInput {
  /** Every local record, tombstones included. */
  local: readonly Annotation[];
  /** Every local dataset layer record, withdrawn ones included. Left out, the layer is not synced (and a file's section is kept as it is). */
  localLayer?: readonly LayerChange[];
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
  /** Every layer record after the merge (what both sides now hold). */
  mergedLayer: LayerChange[];
  /** The layer records the local store must merge (mergeLayer), in the same transaction as `plan.put`. */
  layerPut: LayerChange[];
}

/**
 * Sync with a file (a shared folder, a USB stick): the same bundle and the same
 * merge as WebDAV sync, without the network. Throws the ImportError of an
 * unreadable file: such a file must never be overwritten.
 */
export function syncWithFile(input: FileSyncInput): FileSyncResult {
  const remote = input.fileText === null ? { annotations: [], datasetLayer: null } : readSyncFile(input.fileText);
  const { annotations: merged, conflicts } = mergeAnnotationSets(input.local, remote.annotations);
  const plan = planImport(input.local, merged);
  const localLayer = input.localLayer ?? [];
  const remoteLayer = remote.datasetLayer ?? [];
  const mergedLayer = mergeLayerSets(localLayer, remoteLayer);
  // The section is written once either side has layer records; a notes-only sync stays notes-only.
  const withLayer = remote.datasetLayer !== null || mergedLayer.length > 0;
  const notesUpToDate = planImport(remote.annotations, merged).put.length === 0 && remote.annotations.length === merged.length;
  const layerUpToDate = !withLayer || (remote.datasetLayer !== null && sameLayer(mergedLayer, remote.datasetLayer));
  const upToDate = input.fileText !== null && notesUpToDate && layerUpToDate;
  return {
    merged,
    plan,
    fileText: upToDate
      ? null
      : exportBundleJson(
          merged,
          { exportedAt: input.exportedAt, generator: input.generator, dataset: input.dataset },
          { deviceId: input.deviceId, ...(withLayer ? { datasetLayer: mergedLayer } : {}) },
        ),
    conflicts,
    mergedLayer,
    layerPut: planLayerMerge(localLayer, remoteLayer).put,
  };
}

function readSyncFile(text: string): { annotations: Annotation[]; datasetLayer: LayerChange[] | null } {
  const parsed = readImportFile(text);
  if (parsed.format !== 'cecot-lens-bundle') {
    throw new ImportError('a sync file must be a CECOT Lens bundle; this is a W3C Web Annotation file (import it instead)');
  }
  return { annotations: parsed.annotations, datasetLayer: parsed.datasetLayer };
}
