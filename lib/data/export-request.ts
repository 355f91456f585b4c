import { z } from '../schema/zod';
import { Verdict } from '../annotations/schema';
import type { ClaimReviewWarning } from '../exchange/to-claimreview';

export const ExportFormat = z.enum(['bundle', 'w3c', 'hypothesis', 'csv', 'claimreview', 'markdown']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** What the reader picked in the export form. Dates are plain YYYY-MM-DD from a date input. */
export const ExportRequest = z.object({
  format: ExportFormat,
  /** Only this page's annotations (the sidebar's export). */
  canonicalUrl: z.string().url().optional(),
  /** Only these notes (the library's bulk export). */
  ids: z.array(z.string().uuid()).max(100_000).optional(),
  hosts: z.array(z.string().min(1)).max(200).default([]),
  tags: z.array(z.string().min(1)).max(200).default([]),
  verdicts: z.array(Verdict.nullable()).max(10).default([]),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Spreadsheet programs need a byte-order mark to read UTF-8 CSV. */
  bom: z.boolean().default(true),
  /** CSV: language and time zone of the readable times (the reader's own). */
  locale: z.enum(['en', 'es']).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  claimReview: z
    .object({
      reviewUrl: z.string().url(),
      authorName: z.string().min(1),
      authorType: z.enum(['Organization', 'Person']).default('Organization'),
      authorUrl: z.string().url().optional(),
    })
    .optional(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export interface ExportResult {
  filename: string;
  mime: string;
  text: string;
  count: number;
  /** ClaimReview: what to check before publishing, by page and quote. */
  warnings: ClaimReviewWarning[];
  /** The full JSON backup: how many dataset-layer records it carries. */
  datasetChanges?: number;
  /** Nothing to write: no file is offered, and the reader is told why. */
  empty?: 'nothing-selected' | 'no-verdicts';
}

const EXTENSION: Record<ExportFormat, { ext: string; mime: string; label: string }> = {
  bundle: { ext: 'json', mime: 'application/json', label: 'annotations' },
  w3c: { ext: 'jsonld', mime: 'application/ld+json', label: 'web-annotations' },
  hypothesis: { ext: 'json', mime: 'application/json', label: 'hypothesis' },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', label: 'highlights' },
  claimreview: { ext: 'jsonld', mime: 'application/ld+json', label: 'claimreview' },
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8', label: 'notes' },
};

export function exportFileInfo(format: ExportFormat, exportedAt: Date): { filename: string; mime: string } {
  const e = EXTENSION[format];
  const stamp = exportedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { filename: `cecot-lens-${e.label}-${stamp}.${e.ext}`, mime: e.mime };
}
