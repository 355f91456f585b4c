import type { ClaimRelation } from '../../lib/page/page-report';
import { RELATION_NAME_KEY } from '../../lib/page/card-text';
import { translator } from '../../lib/i18n';
import { useT } from '../i18n';

/** English names, for code outside a component (tests, aria fallbacks). */
export const RELATION_NAME: Record<ClaimRelation, string> = Object.fromEntries(
  Object.entries(RELATION_NAME_KEY).map(([r, key]) => [r, translator('en')(key)]),
) as Record<ClaimRelation, string>;

/** The relation in words and with its own line style, never by colour alone. */
export function RelationBadge({ relation }: { relation: ClaimRelation }) {
  const t = useT();
  return <span class={`badge badge-${relation}`}>{t(RELATION_NAME_KEY[relation])}</span>;
}
