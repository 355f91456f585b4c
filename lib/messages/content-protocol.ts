import { z } from '../schema/zod';

/** Messages the background and the sidebar send to a tab's content script. */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/scroll-to'), claimKey: z.string().optional(), annotationId: z.string().optional() }),
  z.object({ type: z.literal('content/annotations-changed') }),
  z.object({ type: z.literal('content/annotate-selection'), purpose: z.enum(['annotate', 'dataset']).default('annotate') }),
  z.object({ type: z.literal('content/open-frame'), tabId: z.number().int() }),
  z.object({ type: z.literal('content/reanalyze') }),
  /** The sidebar closed the editor of this tab's draft: the page clears the selection (saved) or restores it (cancelled), and takes focus back. */
  z.object({ type: z.literal('content/draft-closed'), saved: z.boolean() }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

/** Broadcast from the background to extension pages when a tab's report or draft changed. */
export const TabChanged = z.object({ type: z.literal('tab/changed'), tabId: z.number().int() });
export type TabChanged = z.infer<typeof TabChanged>;

/** Broadcast from the background to extension pages when notes changed: their ids, or null for "any" (an import, a sync). */
export const NotesChanged = z.object({ type: z.literal('library/changed'), ids: z.array(z.string()).nullable() });
export type NotesChanged = z.infer<typeof NotesChanged>;
