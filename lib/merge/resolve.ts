import type { Annotation, ClaimLink, KeptVersion } from '../annotations/schema';
import type { AnnotationFields } from '../annotations/edit';
import { unionTags, versionOf } from './versions';

/** The versions the reader chooses among: the record's own, then each kept live one. */
export function liveVersions(record: Annotation): KeptVersion[] {
  if (record.deletedAt !== null) return [];
  return [versionOf(record), ...(record.conflicts ?? []).filter((k) => k.deletedAt === null)];
}

/** True when another device edited (or deleted) this note without seeing this version. */
export function hasEditConflict(record: Annotation): boolean {
  return record.deletedAt === null && (record.conflicts ?? []).length > 0;
}

export type Resolution = { keep: number } | 'all';

/**
 * The fields of the write that resolves a concurrent edit (sent with
 * `resolve: true`). Keeping one version takes its note, verdict, colour and
 * claim links; keeping all joins the notes (each once, in the order shown) and
 * takes the first verdict given. Tags are a set: every version's tags are kept.
 */
export function resolutionFields(record: Annotation, choice: Resolution): AnnotationFields {
  const versions = liveVersions(record);
  if (versions.length === 0) throw new Error('resolutionFields: the note was deleted');
  let tags: string[] = [];
  for (const v of versions) tags = unionTags(tags, v.tags);
  if (choice !== 'all') {
    const v = versions[choice.keep];
    if (v === undefined) throw new RangeError(`resolutionFields: no version ${choice.keep}`);
    return { note: v.note, tags, verdict: v.verdict, color: v.color, claims: v.claims };
  }
  const notes: string[] = [];
  for (const v of versions) if (v.note.trim() !== '' && !notes.includes(v.note)) notes.push(v.note);
  const claims: ClaimLink[] = [];
  for (const v of versions) for (const c of v.claims) if (!claims.some((x) => x.claimId === c.claimId)) claims.push(c);
  return {
    note: notes.join('\n\n'),
    tags,
    verdict: versions.find((v) => v.verdict !== null)?.verdict ?? null,
    color: versions[0]!.color,
    claims,
  };
}
