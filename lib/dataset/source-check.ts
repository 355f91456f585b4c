import { anchorAll } from '../anchoring/anchor-many';
import type { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';
import { z } from '../schema/zod';

/** A quote of one of the reader's claims whose source is the page being read. */
export interface PageSourceRef {
  claimId: string;
  statement: string;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Whether the quote is still on its source page: verbatim, only approximately (the page changed), or not at all. */
export const SourceCheck = z.object({
  claimId: z.string().max(200),
  statement: z.string().max(2_000),
  status: z.enum(['found', 'changed', 'missing']),
});
export type SourceCheck = z.infer<typeof SourceCheck>;

/** Re-attaches the claims' quotes on the page's text, like the reader's notes. */
export function checkSources(text: string, refs: readonly PageSourceRef[]): SourceCheck[] {
  if (!refs.length) return [];
  const anchors = anchorAll(
    text,
    refs.map((r) => ({ selectors: { quote: r.quote, position: r.position } })),
  );
  return refs.map((r, i) => {
    const a = anchors[i];
    return { claimId: r.claimId, statement: r.statement.slice(0, 2_000), status: !a ? 'missing' : a.method === 'fuzzy' ? 'changed' : 'found' };
  });
}
