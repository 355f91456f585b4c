import { z } from '../schema/zod';
import { HighlightColor } from '../annotations/schema';
import type { LensDb, StoredAnnotation } from './db';
import { packNoteAnchors, type PackedNoteAnchors } from './note-anchors-packed';
import { listAnchorsForPage, readAnchorsBack } from './note-anchors-repo';

/**
 * The `pageAnchors` table: per canonical page, just what re-attaching its
 * notes needs (ids, colours, quotes with their context, positions; never what
 * the reader wrote), in the columns the page session receives
 * (note-anchors-packed.ts). On the bench's page, reading 1,000 full notes
 * through the `canonicalUrl` index took 20–30 ms of the service worker's
 * thread (IndexedDB hands back 750 KB of structured clones), and their Zod
 * validation another 5–50 ms, both while the page session was being injected
 * by the same thread; this one record reads back in about a millisecond.
 *
 * It is derived data: the notes table stays the source of truth. Every write
 * to the notes goes through `writeNotes`, inside a transaction that holds both
 * tables, so the two never disagree after a commit (db.ts refuses a write to
 * the notes in a transaction without this table). A row that is missing or
 * does not validate is not trusted: the page's notes are read from the notes
 * table instead, and a malformed row is reported.
 */
export interface PageAnchorsRow {
  canonicalUrl: string;
  anchors: PackedNoteAnchors;
}

const Offset = z.number().int().nonnegative();

/** What a stored row must be; the columns must also line up (same length, colours in the palette). */
export const PageAnchorsRow = z.object({
  canonicalUrl: z.string().min(1),
  anchors: z
    .object({
      ids: z.array(z.string().min(1)),
      palette: z.array(HighlightColor),
      colors: z.array(Offset),
      exact: z.array(z.string().min(1)),
      prefix: z.array(z.string().nullable()),
      suffix: z.array(z.string().nullable()),
      start: z.array(Offset.nullable()),
      end: z.array(Offset.nullable()),
      invalid: Offset,
    })
    .refine((a) => [a.colors, a.exact, a.prefix, a.suffix, a.start, a.end].every((column) => column.length === a.ids.length), 'columns of different lengths')
    .refine((a) => a.colors.every((c) => c < a.palette.length), 'a colour outside the palette')
    .refine((a) => a.start.every((s, i) => (s === null) === (a.end[i] === null) && (s === null || (a.end[i] as number) > s)), 'a malformed position'),
});

/** A page's row built from its stored notes (all of them, deleted ones included: they are left out here). */
export function buildPageAnchors(canonicalUrl: string, rows: readonly unknown[]): PageAnchorsRow {
  return { canonicalUrl, anchors: packNoteAnchors(readAnchorsBack(rows)) };
}

/** Rebuilds the rows of these pages from the notes table; a page without any record loses its row. Call inside a transaction holding both. */
export async function refreshPageAnchors(db: LensDb, canonicalUrls: Iterable<string>): Promise<void> {
  for (const url of new Set(canonicalUrls)) {
    const rows = await db.annotations.where('canonicalUrl').equals(url).toArray();
    if (rows.length) await db.pageAnchors.put(buildPageAnchors(url, rows));
    else await db.pageAnchors.delete(url);
  }
}

/**
 * Writes notes and keeps their pages' rows in step, in one transaction (the
 * caller's, when it holds both tables; else one of its own): the pages the
 * records were on before and the pages they are on now are rebuilt.
 */
export async function writeNotes(db: LensDb, records: readonly StoredAnnotation[]): Promise<void> {
  if (!records.length) return;
  await db.transaction('rw', db.annotations, db.pageAnchors, async () => {
    const before = await db.annotations.bulkGet(records.map((r) => r.id));
    const pages = new Set(records.map((r) => r.canonicalUrl));
    for (const row of before) if (row && typeof row.canonicalUrl === 'string') pages.add(row.canonicalUrl);
    await db.annotations.bulkPut([...records]);
    await refreshPageAnchors(db, pages);
  });
}

/** Every page's row, from all the stored notes (records without a page are left to the notes table's own checks). */
export function pageAnchorsFromNotes(rows: readonly unknown[]): PageAnchorsRow[] {
  const byPage = new Map<string, unknown[]>();
  for (const row of rows) {
    const url = (row as Partial<StoredAnnotation> | null)?.canonicalUrl;
    if (typeof url !== 'string') continue;
    const list = byPage.get(url);
    if (list) list.push(row);
    else byPage.set(url, [row]);
  }
  return [...byPage].map(([url, list]) => buildPageAnchors(url, list));
}

/** Times one step (the background's timeline, for `npm run bench`). */
type StepTimer = <T>(step: string, work: () => Promise<T>) => Promise<T>;

/**
 * A page's notes as the page session receives them: its row when there is a
 * valid one, else read from the notes table (a row missing or malformed, which
 * is reported on the console with what is wrong).
 */
export async function readPageAnchors(db: LensDb, canonicalUrl: string, timed: StepTimer = (_step, work) => work(), report: (message: string) => void = (m) => console.error(m)): Promise<PackedNoteAnchors> {
  const row = await timed('notes-read-db', () => db.pageAnchors.get(canonicalUrl));
  const parsed = await timed('notes-read-validate', async () => (row === undefined ? null : PageAnchorsRow.safeParse(row)));
  if (parsed?.success) return parsed.data.anchors;
  if (parsed) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
    report(`[cecot-lens] the stored anchors of ${canonicalUrl} are malformed (${why}); its notes are read from the notes table instead`);
  }
  return packNoteAnchors(await listAnchorsForPage(db, canonicalUrl, (step, work) => timed(`${step}-notes`, work)));
}
