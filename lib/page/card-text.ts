import type { PageClaim } from './page-report';

export const RELATION_LABEL: Record<PageClaim['relation'], string> = {
  agrees: 'Agrees with the dataset',
  conflicts: 'Conflicts with the dataset',
  related: 'Related to the dataset',
  'repeats-error': 'Repeats an error flagged in the dataset',
  unmatched: 'Not in the dataset',
};

export interface CardText {
  label: string;
  lines: { kind: 'values' | 'statement' | 'quote'; text: string }[];
}

/** What the hover card says about a claim: the strongest match first, both values on a conflict. */
export function describeClaimForCard(claim: PageClaim): CardText {
  const best = [...claim.matches].sort((a, b) => rank(a.relation) - rank(b.relation) || b.score - a.score)[0];
  const lines: CardText['lines'] = [];
  if (best) {
    lines.push({ kind: 'values', text: best.explanation });
    lines.push({ kind: 'statement', text: `Dataset: ${best.statement}` });
    const more = claim.matches.length - 1;
    if (more > 0) lines.push({ kind: 'quote', text: `and ${more} more dataset claim${more > 1 ? 's' : ''}` });
  } else {
    lines.push({ kind: 'statement', text: 'A checkable statement the curated dataset does not cover.' });
  }
  return { label: RELATION_LABEL[claim.relation], lines };
}

function rank(relation: string): number {
  return relation === 'conflicts' ? 0 : relation === 'agrees' ? 1 : 2;
}
