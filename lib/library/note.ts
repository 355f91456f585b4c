import type { Annotation, ClaimLink, KeptVersion, Verdict } from '../annotations/schema';
import { hostOf } from '../store/host-of';

/** Deleted notes stay in the trash this long; older tombstones are kept for sync but not shown. */
export const TRASH_DAYS = 30;
const TRASH_MS = TRASH_DAYS * 86_400_000;

/**
 * A note as the library shows it: what it lists, searches and filters on, and
 * no more (no selectors), so that 10,000 of them cross the message boundary
 * quickly. Built in the background from the validated record.
 */
export interface LibraryNote {
  id: string;
  url: string;
  canonicalUrl: string;
  host: string;
  title: string;
  quote: string;
  note: string;
  /** The note's language, when known (imported W3C notes say it). */
  language?: string;
  tags: string[];
  verdict: Verdict | null;
  color: Annotation['color'];
  /** Links to dataset claims, as the reader made them. */
  claims: ClaimLink[];
  /** The reader linked it to a dataset claim as "conflicts". */
  conflicts: boolean;
  /** Where it starts in the page's text, when known: orders notes within a page. */
  position: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  revision: number;
  /**
   * A deleted note that another device edited without seeing the deletion: the
   * edit, kept inside the tombstone (the latest, when several), which a restore
   * brings back. Such a note stays in the trash past its 30 days.
   */
  editedAfterDeletion?: { note: string; tags: string[]; verdict: Verdict | null; updatedAt: string; deviceId: string };
}

/** The latest concurrent edit a tombstone keeps (an edit made on another device that had not seen the deletion). */
export function keptEditOf(a: Pick<Annotation, 'deletedAt' | 'conflicts'>): KeptVersion | undefined {
  if (a.deletedAt === null) return undefined;
  let latest: KeptVersion | undefined;
  for (const k of a.conflicts ?? []) if (k.deletedAt === null && (!latest || Date.parse(k.updatedAt) > Date.parse(latest.updatedAt))) latest = k;
  return latest;
}

export function toLibraryNote(a: Annotation): LibraryNote {
  const kept = keptEditOf(a);
  return {
    ...(kept ? { editedAfterDeletion: { note: kept.note, tags: kept.tags, verdict: kept.verdict, updatedAt: kept.updatedAt, deviceId: kept.deviceId } } : {}),
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    host: hostOf(a.canonicalUrl),
    title: a.title,
    quote: a.quote,
    note: a.note,
    ...(a.language !== undefined ? { language: a.language } : {}),
    tags: a.tags,
    verdict: a.verdict,
    color: a.color,
    claims: a.claims,
    conflicts: a.claims.some((c) => c.relation === 'conflicts'),
    position: a.selectors.position?.start ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    deletedAt: a.deletedAt,
    revision: a.revision,
  };
}

/** A tombstone the reader can still restore: deleted less than 30 days ago, or holding an edit made elsewhere (nothing typed may vanish). */
export function inTrash(note: Pick<LibraryNote, 'deletedAt' | 'editedAfterDeletion'>, now: Date): boolean {
  if (note.deletedAt === null) return false;
  return note.editedAfterDeletion !== undefined || now.getTime() - Date.parse(note.deletedAt) < TRASH_MS;
}

/** What the library lists: live notes and the trash; tombstones older than the trash stay out. */
export function isListed(note: Pick<LibraryNote, 'deletedAt' | 'editedAfterDeletion'>, now: Date): boolean {
  return note.deletedAt === null || inTrash(note, now);
}

/** Two versions of a note differ for the library (a new revision, a deletion or a restore). */
export function sameVersion(a: Pick<LibraryNote, 'revision' | 'updatedAt' | 'deletedAt'>, b: Pick<LibraryNote, 'revision' | 'updatedAt' | 'deletedAt'>): boolean {
  return a.revision === b.revision && a.updatedAt === b.updatedAt && a.deletedAt === b.deletedAt;
}
