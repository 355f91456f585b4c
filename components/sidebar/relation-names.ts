import type { MessageKey } from '../../lib/i18n';
import type { ClaimRelation } from '../../lib/page/page-report';

/** The short name of each relation, as the sidebar's filters say it. */
export const RELATION_KEY: Record<ClaimRelation, MessageKey> = {
  agrees: 'sidebar.relationAgrees',
  conflicts: 'sidebar.relationConflicts',
  related: 'sidebar.relationRelated',
  'repeats-error': 'sidebar.relationRepeatsError',
  unmatched: 'sidebar.relationUnmatched',
};
