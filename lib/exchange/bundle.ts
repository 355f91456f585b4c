import { z } from '../schema/zod';
import { Annotation } from '../annotations/schema';
import { LayerChange } from '../dataset/layer-schema';
import type { ExportContext } from './context';

/**
 * The lossless exchange format: every field of every record, tombstones
 * included. Files, WebDAV sync documents and backups all use it.
 *
 * Rule for the future: any change to the shape of a record or of the header
 * bumps `formatVersion` and adds a migration (see bundle-migrations.ts). A
 * reader refuses versions newer than its own, so an old install can never read
 * a newer document, drop the fields it does not know, and write it back.
 */
export const BUNDLE_FORMAT = 'cecot-lens-annotations';
/**
 * 2: records may carry a version `clock` and the kept versions of concurrent
 * edits (`conflicts`). A version-1 reader would drop them and write the file
 * back without them, so version 1 readers must refuse these files.
 */
/**
 * 3: an optional `datasetLayer` section carries the reader's dataset layer
 * (lib/dataset/layer-schema.ts), withdrawn changes included, so that sync moves
 * claims, corrections and retirements with the notes. A version-2 reader would
 * drop the section on a read-merge-write, so it must refuse these files.
 */
export const BUNDLE_FORMAT_VERSION = 3;

const IsoDate = z.iso.datetime({ offset: true });

export const BundleHeaderV1 = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: IsoDate,
  generator: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  dataset: z.object({ id: z.string().min(1), version: z.string().min(1) }),
  /** The device that wrote the document (sync documents set it; it helps when tracing a problem). */
  deviceId: z.string().min(1).optional(),
});
export type BundleHeaderV1 = z.infer<typeof BundleHeaderV1>;

/** Version 2 has the same header; its records may carry `clock` and `conflicts`. */
export const BundleHeaderV2 = BundleHeaderV1.extend({ formatVersion: z.literal(2) });
export type BundleHeaderV2 = z.infer<typeof BundleHeaderV2>;

export const AnnotationBundleV1 = BundleHeaderV1.extend({
  annotations: z.array(Annotation),
});
export type AnnotationBundleV1 = z.infer<typeof AnnotationBundleV1>;

export const AnnotationBundleV2 = BundleHeaderV2.extend({
  annotations: z.array(Annotation),
});
export type AnnotationBundleV2 = z.infer<typeof AnnotationBundleV2>;

/** Version 3 has the same header; the body may add `datasetLayer`. */
export const BundleHeaderV3 = BundleHeaderV1.extend({ formatVersion: z.literal(3) });
export type BundleHeaderV3 = z.infer<typeof BundleHeaderV3>;

export const AnnotationBundleV3 = BundleHeaderV3.extend({
  annotations: z.array(Annotation),
  /** The reader's dataset layer; absent when the writer had none to carry. */
  datasetLayer: z.array(LayerChange).optional(),
});
export type AnnotationBundleV3 = z.infer<typeof AnnotationBundleV3>;

/** The bundle shape this version writes. */
export const BundleHeader = BundleHeaderV3;
export type BundleHeader = BundleHeaderV3;
export const AnnotationBundle = AnnotationBundleV3;
export type AnnotationBundle = AnnotationBundleV3;

export interface BundleOptions {
  deviceId?: string;
  /** Layer records to carry in the `datasetLayer` section; omitted, the bundle has no such section. */
  datasetLayer?: readonly LayerChange[];
}

/** Builds the bundle. Records go in as they are, in the order given. */
export function toBundle(
  annotations: readonly Annotation[],
  ctx: Pick<ExportContext, 'exportedAt' | 'generator' | 'dataset'>,
  options: BundleOptions = {},
): AnnotationBundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: ctx.exportedAt,
    generator: { name: ctx.generator.name, version: ctx.generator.version },
    dataset: { id: ctx.dataset.id, version: ctx.dataset.version },
    ...(options.deviceId !== undefined ? { deviceId: options.deviceId } : {}),
    annotations: [...annotations],
    ...(options.datasetLayer !== undefined ? { datasetLayer: [...options.datasetLayer] } : {}),
  };
}

/**
 * Serialises a bundle with one record per line: readable, and a change to one
 * record shows as a one-line diff in version histories (Nextcloud, git).
 */
export function serializeBundle(bundle: AnnotationBundle): string {
  const { annotations, datasetLayer, ...header } = bundle;
  const head = JSON.stringify(header, null, 2);
  const layer = datasetLayer === undefined ? '' : ',\n  "datasetLayer": ' + oneAline(datasetLayer);
  return head.slice(0, -2) + ',\n  "annotations": ' + oneAline(annotations) + layer + '\n}\n';
}

function oneAline(records: readonly unknown[]): string {
  return records.length === 0 ? '[]' : '[\n' + records.map((r) => '    ' + JSON.stringify(r)).join(',\n') + '\n  ]';
}

/** `toBundle` then `serializeBundle`. */
export function exportBundleJson(
  annotations: readonly Annotation[],
  ctx: Pick<ExportContext, 'exportedAt' | 'generator' | 'dataset'>,
  options: BundleOptions = {},
): string {
  return serializeBundle(toBundle(annotations, ctx, options));
}
