import type { OverlayTranslate } from '../../lib/i18n/messages/overlay';
import type { PageClaim } from '../../lib/page/page-report';

export { nextClaim } from '../../lib/page/claim-keys';

const RELATION = {
  agrees: 'overlay.relationAgrees',
  conflicts: 'overlay.relationConflicts',
  related: 'overlay.relationRelated',
  'repeats-error': 'overlay.relationRepeatsError',
  unmatched: 'overlay.relationUnmatched',
} as const;

/** What a screen reader hears on reaching a claim with the keyboard. */
export function announceClaim(t: OverlayTranslate, index: number, count: number, claim: PageClaim): string {
  const text = claim.text.length > 140 ? `${claim.text.slice(0, 140)}…` : claim.text;
  return t('overlay.claimPosition', { index: index + 1, count, relation: t(RELATION[claim.relation]), text });
}

/**
 * After the editor closes, focus comes back to the annotated text rather than
 * falling to the top of the page: to the nearest focusable element around it,
 * else its block, made focusable for that one visit (the attribute goes on blur).
 * The caret is left at the end of the text, so the keyboard goes on from there.
 */
export function focusAfterNote(doc: Document, range: Range): void {
  const el: Element | null = range.endContainer.nodeType === 1 ? (range.endContainer as Element) : range.endContainer.parentElement;
  const focusable = el?.closest('a[href], button, [tabindex]') as HTMLElement | null;
  const target = focusable ?? (el?.closest('p, li, blockquote, h1, h2, h3, h4, h5, h6, td, figcaption, div, article, section') as HTMLElement | null) ?? doc.body;
  if (!target) return;
  if (!focusable && !target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
  try {
    doc.getSelection()?.collapse(range.endContainer, range.endOffset);
  } catch {
    // The text left the page meanwhile: focus is enough.
  }
}
