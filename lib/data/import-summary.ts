import type { ImportError, ParsedImport } from '../exchange/import';
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
  /** Hypothesis files: replies and page notes kept as notes. */
  kept: { replies: number; pageNotes: number };
  /** Records that cannot be imported, with what is wrong, as data the interface puts in words. */
  invalid: InvalidRecordSummary[];
  /** Dataset-layer records the file carries (a full backup's `datasetLayer`); 0 when it has none. */
  datasetChanges: number;
  /** After an import: how many of them changed the stored layer (new, or newer than the stored one). */
  datasetChanged?: number;
}

/** A file refused as a whole (not JSON, not a format we read, from a newer version), as data for a message. */
export interface ImportRefusal {
  refused: { reason: 'not-json' | 'not-ours' | 'newer' | 'other'; detail: string };
}

export function refusalOf(error: ImportError): ImportRefusal {
  const code = error.problem?.code;
  const reason = error.code === 'newer-version' ? 'newer' : code === 'not-json' ? 'not-json' : code === 'not-ours' ? 'not-ours' : 'other';
  return { refused: { reason, detail: error.message } };
}

export interface InvalidRecordSummary {
  /** Position in the file, counted from 1 for people. */
  number: number;
  id?: string;
  field: string;
  code: string;
  allowed?: readonly string[];
}

const MAX_INVALID_LISTED = 50;

/** How many records the file holds that cannot be imported (the list above is cut at 50). */
export function invalidCount(parsed: ParsedImport): number {
  return parsed.invalid.length;
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
    kept: parsed.kept,
    datasetChanges: parsed.datasetLayer?.length ?? 0,
    invalid: parsed.invalid.slice(0, MAX_INVALID_LISTED).map((e) => ({
      number: (e.recordIndex ?? 0) + 1,
      ...(e.recordId !== undefined ? { id: e.recordId } : {}),
      field: e.problem?.field ?? 'record',
      code: e.problem?.code ?? 'invalid',
      ...(e.problem?.allowed !== undefined ? { allowed: e.problem.allowed } : {}),
    })),
  };
}
