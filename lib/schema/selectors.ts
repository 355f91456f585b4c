import { z } from './zod';

/** W3C Web Annotation TextQuoteSelector: the quoted text with some context either side. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C Web Annotation TextPositionSelector: [start, end) in UTF-16 code units of the text. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end > s.start, { message: 'end must be greater than start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const Selector = z.union([TextQuoteSelector, TextPositionSelector]);
export type Selector = z.infer<typeof Selector>;
