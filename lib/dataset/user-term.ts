import { z } from '../schema/zod';

/** A layer record's id: lower-case letters, digits, '.', '_' or '-'. */
export const LayerId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" or "-"').max(200);

/** A recognition term the curator adds: a new name, place or event. */
export const UserTerm = z.object({
  id: LayerId,
  kind: z.enum(['name', 'place', 'event']),
  label: z.string().min(1).max(200),
  phrases: z.array(z.string().trim().min(2).max(200)).min(1).max(50),
  /** Strong: enough alone to put a page on topic; supporting: counts with other terms. */
  strength: z.enum(['strong', 'supporting']).default('supporting'),
});
export type UserTerm = z.infer<typeof UserTerm>;
