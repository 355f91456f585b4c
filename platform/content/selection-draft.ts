import { describeRange } from '../../lib/anchoring/describe';
import type { AnnotationDraft } from '../../lib/messages/protocol';
import { OffsetLookup } from '../../lib/page/dom-offset';
import { readPageCredit } from '../../lib/page/page-credit';
import type { PageClaim } from '../../lib/page/page-report';
import { renderBody } from './page-text';
import { rangesIntersect } from './text-ranges';

/**
 * The reader's selection as an annotation draft: W3C selectors on the body's
 * rendered text, and the dataset claims matched by page claims it overlaps
 * (offered first as links). Null when nothing usable is selected.
 */
export function draftFromSelection(
  doc: Document,
  page: { url: string; canonicalUrl: string; title: string },
  claims: readonly { claim: PageClaim; range: Range | undefined }[],
): AnnotationDraft | null {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const range = sel.getRangeAt(0);
  const body = renderBody(doc);
  const lookup = new OffsetLookup(body.map);
  const start = lookup.offsetOf(range.startContainer, range.startOffset, 'forward');
  const end = lookup.offsetOf(range.endContainer, range.endOffset, 'backward');
  if (start === null || end === null || end <= start) return null;
  const selectors = describeRange(body.text, start, end);
  const suggested = new Set<string>();
  for (const { claim, range: r } of claims) {
    if (r && rangesIntersect(r, range)) for (const m of claim.matches) suggested.add(m.claimId);
  }
  return { ...page, ...readPageCredit(doc), quote: selectors.quote.exact, selectors, suggestedClaims: [...suggested] };
}
