import { canonicalKey } from './canonical-key';
import { sameSite } from './registrable-domain';

export { CanonicalUrlError, canonicalKeyCandidates, type CanonicalUrlErrorReason } from './canonical-key';

/**
 * The key a page's annotations are filed under (see `canonicalKey`), its
 * canonical link accepted only on the page's own site by the Public Suffix List.
 */
export function canonicalUrl(pageUrl: string, canonicalHref?: string | null): string {
  return canonicalKey(pageUrl, canonicalHref, sameSite);
}
