import { z } from '../schema/zod';
import { AnnotationFields } from '../annotations/edit';

/**
 * What a note said when it was deleted. The tombstone that syncs carries no
 * text (a deletion should not keep spreading the note to other devices); this
 * copy stays on this device only, for the trash's 30 days, so that a restore
 * gives the reader back what they wrote.
 */
export const TrashCopy = z.object({
  id: z.string().uuid(),
  deletedAt: z.string(),
  fields: AnnotationFields,
});
export type TrashCopy = z.infer<typeof TrashCopy>;
