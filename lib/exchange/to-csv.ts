import type { Annotation } from '../annotations/schema';
import type { ExportContext } from './context';
import { pageTitle } from './context';

/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends, fields quoted when they hold
 * a comma, a double quote, CR or LF, quotes doubled inside quoted fields; UTF-8.
 *
 * Formula injection: quotes, notes and titles come from web pages anyone can
 * write. A cell starting with = + - @ (or a tab / CR, which some spreadsheets
 * skip before looking for those) is run as a formula by Excel, LibreOffice and
 * Google Sheets when the file is opened, which can fetch URLs (leaking data)
 * or, with DDE, start programs. With `guardFormulas` (the default) such cells
 * get a leading apostrophe, which spreadsheets read as "this is text". The cost:
 * a program reading the CSV as data sees the apostrophe; turn the guard off for
 * files meant only for scripts.
 */
export interface CsvOptions {
  /** Start the file with a UTF-8 byte-order mark so Excel reads it as UTF-8. Default false. */
  bom?: boolean;
  /** Neutralise cells that a spreadsheet would run as formulas. Default true. */
  guardFormulas?: boolean;
}

export const CSV_COLUMNS = [
  'page_title',
  'url',
  'quote',
  'note',
  'tags',
  'verdict',
  'claim_ids',
  'claim_statements',
  'relations',
  'created',
  'updated',
  'annotation_id',
] as const;

/**
 * Several values in one cell (tags; claims when an annotation links more than
 * one) go one per line, so a row stays one highlight and the claim columns line
 * up line by line.
 */
const MULTI_VALUE_SEPARATOR = '\n';

/** One row per highlight; tombstones are left out. */
export function toCsv(annotations: readonly Annotation[], ctx: Pick<ExportContext, 'claims' | 'pages'>, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const a of annotations) {
    if (a.deletedAt !== null) continue;
    rows.push([
      pageTitle(a, ctx.pages),
      a.canonicalUrl,
      a.quote,
      a.note,
      a.tags.join(MULTI_VALUE_SEPARATOR),
      a.verdict ?? '',
      a.claims.map((c) => c.claimId).join(MULTI_VALUE_SEPARATOR),
      a.claims.map((c) => ctx.claims?.(c.claimId)?.statement ?? '').join(MULTI_VALUE_SEPARATOR),
      a.claims.map((c) => c.relation ?? '').join(MULTI_VALUE_SEPARATOR),
      a.createdAt,
      a.updatedAt,
      a.id,
    ]);
  }
  const text = rows.map((row) => row.map((cell) => csvField(cell, guard)).join(',')).join('\r\n') + '\r\n';
  return options.bom ? '\uFEFF' + text : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string, guardFormulas = true): string {
  const safe = guardFormulas && FORMULA_START.test(value) ? "'" + value : value;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}
