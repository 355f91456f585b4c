import type { ParsedImport } from '../exchange/import';
import type { ImportPreview } from '../exchange/import-plan';

export interface ImportSummary {
  format: ParsedImport['format'];
  formatVersion: number | null;
  total: number;
  counts: ImportPreview['counts'];
  skipped: number;
  duplicatesMerged: number;
  /** A few records per status, for the preview list. */
  examples: { id: string; status: string; quote: string; url: string; conflict: boolean }[];
}

export function summarizeImport(parsed: ParsedImport, preview: ImportPreview, examplesPerStatus = 5): ImportSummary {
  const examples: ImportSummary['examples'] = [];
  const perStatus = new Map<string, number>();
  for (const e of preview.entries) {
    const n = perStatus.get(e.status) ?? 0;
    if (n >= examplesPerStatus) continue;
    perStatus.set(e.status, n + 1);
    examples.push({ id: e.id, status: e.status, quote: e.result.quote.slice(0, 140), url: e.result.canonicalUrl, conflict: e.conflict });
  }
  return {
    format: parsed.format,
    formatVersion: parsed.formatVersion,
    total: parsed.annotations.length,
    counts: preview.counts,
    skipped: parsed.skipped.length,
    duplicatesMerged: parsed.duplicatesMerged,
    examples,
  };
}
