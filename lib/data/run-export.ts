import type { Annotation } from '../annotations/schema';
import type { Claim } from '../dataset/schema';
import type { LayerChange } from '../dataset/layer-schema';
import {
  claimLookupFromDataset,
  exportBundleJson,
  exportHypothesisJson,
  exportW3CJson,
  filterAnnotations,
  toClaimReviews,
  toCsv,
  toMarkdown,
  type ExportContext,
} from '../exchange';
import { exportFileInfo, type ExportRequest, type ExportResult } from './export-request';

export interface ExportInputs {
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  dataset: { id: string; version: string };
  generator: { name: string; version: string };
  now: Date;
  /** The reader's dataset layer (tombstones included): a full JSON backup carries it, so that restoring brings it back. */
  datasetLayer?: readonly LayerChange[];
}

/** A JSON bundle of everything: not narrowed to a page, to chosen notes or by a filter. */
function isFullBackup(request: ExportRequest): boolean {
  return (
    request.format === 'bundle' &&
    !request.canonicalUrl &&
    !request.ids &&
    !request.hosts.length &&
    !request.tags.length &&
    !request.verdicts.length &&
    !request.from &&
    !request.to
  );
}

/**
 * One export, as a pure function of the stored records and the reader's
 * choices. The JSON bundle keeps tombstones (it is the lossless backup and the
 * sync format); the others show what is there now.
 */
export function runExport(request: ExportRequest, input: ExportInputs): ExportResult {
  const lossless = request.format === 'bundle';
  const only = request.ids ? new Set(request.ids) : null;
  const selected = filterAnnotations(input.annotations, {
    ...(request.hosts.length ? { hosts: request.hosts } : {}),
    ...(request.tags.length ? { tags: request.tags } : {}),
    ...(request.verdicts.length ? { verdicts: request.verdicts } : {}),
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    deleted: lossless ? 'include' : 'exclude',
  }).filter((a) => (!request.canonicalUrl || a.canonicalUrl === request.canonicalUrl) && (!only || only.has(a.id)));
  const ctx: ExportContext = {
    exportedAt: input.now.toISOString(),
    generator: input.generator,
    dataset: input.dataset,
    claims: claimLookupFromDataset(input.claims),
  };
  const { filename, mime } = exportFileInfo(request.format, input.now);
  const live = selected.filter((a) => a.deletedAt === null).length;
  // A filtered export shares some notes; only the full backup also carries the reader's dataset work.
  const layer = isFullBackup(request) && input.datasetLayer?.length ? input.datasetLayer : null;
  // An empty file would look like a successful export: say so instead, and write nothing.
  if ((lossless ? selected.length : live) === 0 && !layer) return { filename, mime, text: '', count: 0, warnings: [], empty: 'nothing-selected' };
  switch (request.format) {
    case 'bundle':
      return {
        filename,
        mime,
        text: exportBundleJson(selected, ctx, layer ? { datasetLayer: layer } : {}),
        count: selected.length,
        warnings: [],
        ...(layer ? { datasetChanges: layer.length } : {}),
      };
    case 'w3c':
      return { filename, mime, text: exportW3CJson(selected, ctx), count: live, warnings: [] };
    case 'hypothesis':
      return { filename, mime, text: exportHypothesisJson(selected, ctx), count: live, warnings: [] };
    case 'csv':
      return {
        filename,
        mime,
        text: toCsv(selected, ctx, { bom: request.bom, ...(request.locale ? { locale: request.locale } : {}), ...(request.timeZone ? { timeZone: safeTimeZone(request.timeZone) } : {}) }),
        count: live,
        warnings: [],
      };
    case 'markdown':
      return { filename, mime, text: toMarkdown(selected, ctx), count: live, warnings: [] };
    case 'claimreview': {
      if (!request.claimReview) throw new Error('ClaimReview needs the review URL and the fact-checker (author) name');
      const { reviews, warnings } = toClaimReviews(selected, ctx, {
        reviewUrl: request.claimReview.reviewUrl,
        author: {
          type: request.claimReview.authorType,
          name: request.claimReview.authorName,
          ...(request.claimReview.authorUrl ? { url: request.claimReview.authorUrl } : {}),
        },
      });
      if (reviews.length === 0) return { filename, mime, text: '', count: 0, warnings: [], empty: 'no-verdicts' };
      return { filename, mime, text: JSON.stringify(reviews, null, 2), count: reviews.length, warnings };
    }
  }
}

/** A time zone the runtime knows, else UTC (the name comes from the options page, but check anyway). */
function safeTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
