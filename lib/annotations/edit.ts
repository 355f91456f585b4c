import { z } from '../schema/zod';
import { Annotation, ClaimLink, CodePointPosition, HighlightColor, Verdict } from './schema';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';
import { firstClock, stampWrite } from '../merge/versions';

/** What the reader can change on an annotation. */
export const AnnotationFields = z.object({
  note: z.string().max(20_000).default(''),
  tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  verdict: Verdict.nullable().default(null),
  color: HighlightColor.default('yellow'),
  claims: z.array(ClaimLink).max(50).default([]),
});
export type AnnotationFields = z.infer<typeof AnnotationFields>;

/** Where a new annotation sits: captured from the reader's selection. */
export const AnnotationTarget = z.object({
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  title: z.string().default(''),
  publisher: z.string().max(200).optional(),
  byline: z.string().max(200).optional(),
  quote: z.string().min(1),
  selectors: z.object({ quote: TextQuoteSelector, position: TextPositionSelector.optional(), codePoints: CodePointPosition.optional() }),
});
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

/** A create (target, no id) or an update (id) sent by the editor. */
export const AnnotationEdit = z.union([
  /** `resolve`: the reader chose among the versions of a concurrent edit; the kept versions are cleared. */
  z.object({ id: z.string().uuid(), fields: AnnotationFields, resolve: z.boolean().optional() }),
  z.object({ target: AnnotationTarget, fields: AnnotationFields }),
]);
export type AnnotationEdit = z.infer<typeof AnnotationEdit>;

export interface EditContext {
  deviceId: string;
  now: Date;
  newId: () => string;
}

/** Tags are a set: trimmed, de-duplicated case-insensitively, first spelling kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tags) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/**
 * Turns an edit into the record to store. Revision, time and device are set
 * here, never by the caller, so every write is stamped the same way for sync.
 */
export function applyEdit(existing: Annotation | null, edit: AnnotationEdit, ctx: EditContext): Annotation {
  const stamp = ctx.now.toISOString();
  const fields = { ...edit.fields, tags: normaliseTags(edit.fields.tags) };
  if ('id' in edit) {
    if (!existing) throw new Error(`no annotation ${edit.id} to update`);
    if (existing.deletedAt) throw new Error('this annotation was deleted');
    const { conflicts: _kept, ...rest } = existing;
    const write = stampWrite(existing, ctx.deviceId, { resolve: edit.resolve === true });
    return Annotation.parse({ ...rest, ...fields, updatedAt: stamp, deviceId: ctx.deviceId, ...write });
  }
  return Annotation.parse({
    id: ctx.newId(),
    ...edit.target,
    ...fields,
    createdAt: stamp,
    updatedAt: stamp,
    revision: 1,
    clock: firstClock(ctx.deviceId),
    deviceId: ctx.deviceId,
    deletedAt: null,
  });
}
