import { z } from '../schema/zod';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

export const Verdict = z.enum(['accurate', 'inaccurate', 'misleading', 'unverified', 'disputed']);
export type Verdict = z.infer<typeof Verdict>;

export const Relation = z.enum(['agrees', 'conflicts', 'related']);
export type Relation = z.infer<typeof Relation>;

export const HighlightColor = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
export type HighlightColor = z.infer<typeof HighlightColor>;

/** A link from a reader's annotation to a claim of the curated dataset. */
export const ClaimLink = z.object({
  claimId: z.string().min(1),
  relation: Relation.optional(),
});
export type ClaimLink = z.infer<typeof ClaimLink>;

const IsoDate = z.iso.datetime({ offset: true });
/** Annotations belong to web pages: a `javascript:` or `data:` "page" in an imported file is refused. */
const WebUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address');
const Uuid = z.string().uuid();
/** BCP 47 in its usual shapes ("es", "es-419", "zh-Hant-TW"); not a full grammar, enough to refuse what is not a tag. */
export const LanguageTag = z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "es-419"');

/** [start, end) counted in Unicode code points (W3C TextPositionSelector), captured with the selection. */
export const CodePointPosition = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end > p.start, { message: 'end must be greater than start' });
export type CodePointPosition = z.infer<typeof CodePointPosition>;

/**
 * A causal summary of a write: for each device, how many of its writes the
 * version has seen (the device's own counter included). `a ≤ b` on every device
 * means b was written after seeing a; neither ≤ the other means two devices
 * edited without seeing each other: a concurrent edit, and both are kept.
 */
export const VersionClock = z.record(z.string().min(1).max(200), z.number().int().nonnegative());
export type VersionClock = z.infer<typeof VersionClock>;

/**
 * The reader-editable part of a version that lost a concurrent edit, kept with
 * the record until the reader chooses (see lib/merge). Tombstone versions are
 * kept too (a deletion made on another device) so that merges stay consistent.
 */
export const KeptVersion = z.object({
  note: z.string().default(''),
  tags: z.array(z.string().min(1).max(100)).default([]),
  verdict: Verdict.nullable().default(null),
  color: HighlightColor.default('yellow'),
  claims: z.array(ClaimLink).default([]),
  updatedAt: IsoDate,
  revision: z.number().int().positive(),
  deviceId: z.string().min(1),
  deletedAt: IsoDate.nullable().default(null),
  clock: VersionClock.optional(),
});
export type KeptVersion = z.infer<typeof KeptVersion>;

/** At most this many concurrent versions are kept per record (the most recent writes first). */
export const MAX_KEPT_VERSIONS = 20;

/**
 * A reader's annotation. Every field a sync needs travels with the record:
 * a stable id, a revision that grows with each edit, the time and the device of
 * the last write, and `deletedAt` so that a deletion is itself a record (tombstone)
 * that wins over older edits on other devices.
 */
export const Annotation = z.object({
  id: Uuid,
  /** The URL the annotation was made on, as the browser showed it. */
  url: WebUrl,
  /** The page's canonical URL (canonical link, tracking parameters removed): the key notes are grouped under. */
  canonicalUrl: WebUrl,
  title: z.string().default(''),
  /** The page's publication and byline from its metadata, captured with the selection (for ClaimReview). */
  publisher: z.string().max(200).optional(),
  byline: z.string().max(200).optional(),
  selectors: z.object({
    quote: TextQuoteSelector,
    /** Offsets in UTF-16 code units of the page text (what the browser counts): a hint for re-attaching. */
    position: TextPositionSelector.optional(),
    /** The same offsets in Unicode code points, as the W3C TextPositionSelector counts them. */
    codePoints: CodePointPosition.optional(),
  }),
  /** The highlighted text as the reader saw it (same as selectors.quote.exact). */
  quote: z.string().min(1),
  color: HighlightColor.default('yellow'),
  note: z.string().default(''),
  /** The language the note is written in (a BCP 47 tag such as "es" or "en-US"), when known: W3C files say it on the body. */
  language: LanguageTag.optional(),
  tags: z.array(z.string().min(1).max(100)).default([]),
  verdict: Verdict.nullable().default(null),
  claims: z.array(ClaimLink).default([]),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Starts at 1; every edit adds one. */
  revision: z.number().int().positive(),
  /** The device that made the last write. */
  deviceId: z.string().min(1),
  /** Set when deleted; the record stays as a tombstone so deletions sync. */
  deletedAt: IsoDate.nullable().default(null),
  /** Causal summary of this version (absent on records written before format 2: read as `{"~rev": revision}`). */
  clock: VersionClock.optional(),
  /** Versions from concurrent edits on other devices that this one won over: kept until the reader chooses. */
  conflicts: z.array(KeptVersion).max(MAX_KEPT_VERSIONS).optional(),
});
export type Annotation = z.infer<typeof Annotation>;
export type AnnotationInput = z.input<typeof Annotation>;
