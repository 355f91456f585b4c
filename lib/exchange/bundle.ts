import { z } from '../schema/zod';
import { Annotation } from '../annotations/schema';
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
export const BUNDLE_FORMAT_VERSION = 2;

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

/** The bundle shape this version writes. */
export const BundleHeader = BundleHeaderV2;
export type BundleHeader = BundleHeaderV2;
export const AnnotationBundle = AnnotationBundleV2;
export type AnnotationBundle = AnnotationBundleV2;

export interface BundleOptions {
  deviceId?: string;
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
  };
}

/**
 * Serialises a bundle with one record per line: readable, and a change to one
 * record shows as a one-line diff in version histories (Nextcloud, git).
 */
export function serializeBundle(bundle: AnnotationBundle): string {
  const { annotations, ...header } = bundle;
  const head = JSON.stringify(header, null, 2);
  const records = annotations.map((a) => '    ' + JSON.stringify(a));
  const body = records.length === 0 ? '[]' : '[\n' + records.join(',\n') + '\n  ]';
  return head.slice(0, -2) + ',\n  "annotations": ' + body + '\n}\n';
}

/** `toBundle` then `serializeBundle`. */
export function exportBundleJson(
  annotations: readonly Annotation[],
  ctx: Pick<ExportContext, 'exportedAt' | 'generator' | 'dataset'>,
  options: BundleOptions = {},
): string {
  return serializeBundle(toBundle(annotations, ctx, options));
}
