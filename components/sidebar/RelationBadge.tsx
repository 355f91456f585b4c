import type { ClaimRelation } from '../../lib/page/page-report';

export const RELATION_NAME: Record<ClaimRelation, string> = {
  agrees: 'Agrees',
  conflicts: 'Conflicts',
  related: 'Related',
  'repeats-error': 'Repeats a flagged error',
  unmatched: 'Not in dataset',
};

/** The relation in words and with its own line style, never by colour alone. */
export function RelationBadge({ relation }: { relation: ClaimRelation }) {
  return <span class={`badge badge-${relation}`}>{RELATION_NAME[relation]}</span>;
}
