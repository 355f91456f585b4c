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
  /** Language and time zone of the readable times beside the ISO ones. Default English, UTC. */
  locale?: string;
  timeZone?: string;
}

export const CSV_COLUMNS = [
  'page_title',
  'url',
  'quote',
  'note',
  'tags',
  'verdict',
  'linked_claims',
  'relations',
  'claim_ids',
  'created',
  'created_local',
  'updated',
  'updated_local',
  'annotation_id',
] as const;

/**
 * Several values in one cell (tags, claims) are joined with a visible
 * separator, so a cell reads as one line in a spreadsheet; the claim columns
 * line up value by value.
 */
export const MULTI_VALUE_SEPARATOR = ' | ';

/** What a link says when the reader did not choose a relation. */
const UNSPECIFIED_RELATION = 'linked';

/**
 * Rows as a fact-checker reads them: page by page (pages in the order they
 * were first annotated), then in the order the quotes appear on the page,
 * then by time.
 */
export function csvOrder(annotations: readonly Annotation[]): Annotation[] {
  // Keys computed once per row, not in the comparator.
  const rows = annotations.map((a) => ({ a, created: Date.parse(a.createdAt), start: a.selectors.position?.start ?? Number.POSITIVE_INFINITY }));
  const firstNote = new Map<string, number>();
  for (const r of rows) {
    const seen = firstNote.get(r.a.canonicalUrl);
    if (seen === undefined || r.created < seen) firstNote.set(r.a.canonicalUrl, r.created);
  }
  rows.sort((x, y) => {
    const a = x.a;
    const b = y.a;
    if (a.canonicalUrl !== b.canonicalUrl) {
      const d = firstNote.get(a.canonicalUrl)! - firstNote.get(b.canonicalUrl)!;
      return d !== 0 ? d : a.canonicalUrl < b.canonicalUrl ? -1 : 1;
    }
    if (x.start !== y.start) return x.start < y.start ? -1 : 1;
    if (x.created !== y.created) return x.created - y.created;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows.map((r) => r.a);
}

/** One row per highlight; tombstones are left out. */
export function toCsv(annotations: readonly Annotation[], ctx: Pick<ExportContext, 'claims' | 'pages'>, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const readable = new Intl.DateTimeFormat(options.locale ?? 'en', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: options.timeZone ?? 'UTC', timeZoneName: 'short' });
  // The readable time shows minutes: one formatting per minute, however many notes share it.
  const byMinute = new Map<number, string>();
  const local = (iso: string) => {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return '';
    const minute = Math.floor(t / 60_000);
    let text = byMinute.get(minute);
    if (text === undefined) byMinute.set(minute, (text = readable.format(minute * 60_000)));
    return text;
  };
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const a of csvOrder(annotations.filter((x) => x.deletedAt === null))) {
    rows.push([
      pageTitle(a, ctx.pages),
      a.canonicalUrl,
      a.quote,
      a.note,
      a.tags.join(MULTI_VALUE_SEPARATOR),
      a.verdict ?? '',
      // The statement itself, so the sheet reads without the dataset beside it.
      a.claims.map((c) => ctx.claims?.(c.claimId)?.statement ?? c.claimId).join(MULTI_VALUE_SEPARATOR),
      a.claims.map((c) => c.relation ?? UNSPECIFIED_RELATION).join(MULTI_VALUE_SEPARATOR),
      a.claims.map((c) => c.claimId).join(MULTI_VALUE_SEPARATOR),
      a.createdAt,
      local(a.createdAt),
      a.updatedAt,
      local(a.updatedAt),
      a.id,
    ]);
  }
  const text = rows.map((row) => row.map((cell) => csvField(cell, guard)).join(',')).join('\r\n') + '\r\n';
  return options.bom ? '\uFEFF' + text : text;
}

// A leading apostrophe is guarded too: spreadsheets hide it as a text marker, so "'-" would read back as "-".
const FORMULA_START = /^[=+\-@\t\r']/;

export function csvField(value: string, guardFormulas = true): string {
  const safe = guardFormulas && FORMULA_START.test(value) ? "'" + value : value;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}
