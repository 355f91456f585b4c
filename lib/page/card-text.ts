import type { MessageKey } from '../i18n';
// One area's translator, not the whole catalog: this module is part of the script injected into pages.
import { areaTranslator } from '../i18n/area';
import { matching } from '../i18n/messages/matching';
import type { Locale } from '../i18n/translate';
import { explain } from '../match/explain';
import type { ClaimRelation, PageClaim, PagePart } from './page-report';

type MatchingKey = Extract<MessageKey, `matching.${string}`>;

export const RELATION_LABEL_KEY: Record<ClaimRelation, MatchingKey> = {
  agrees: 'matching.labelAgrees',
  conflicts: 'matching.labelConflicts',
  related: 'matching.labelRelated',
  'repeats-error': 'matching.labelRepeatsError',
  unmatched: 'matching.labelUnmatched',
};

export const RELATION_NAME_KEY: Record<ClaimRelation, MatchingKey> = {
  agrees: 'matching.relAgrees',
  conflicts: 'matching.relConflicts',
  related: 'matching.relRelated',
  'repeats-error': 'matching.relRepeatsError',
  unmatched: 'matching.relUnmatched',
};

export const PART_KIND_KEY: Record<PagePart['kind'], MatchingKey> = {
  count: 'matching.kindCount',
  money: 'matching.kindMoney',
  percent: 'matching.kindPercent',
  duration: 'matching.kindDuration',
  quantity: 'matching.kindQuantity',
  year: 'matching.kindYear',
  date: 'matching.kindDate',
  title: 'matching.kindTitle',
  law: 'matching.kindLaw',
  name: 'matching.kindName',
  event: 'matching.kindEvent',
  statement: 'matching.kindStatement',
};

/** English labels, for code that has no reader locale (exports, logs). */
export const RELATION_LABEL: Record<ClaimRelation, string> = Object.fromEntries(
  Object.entries(RELATION_LABEL_KEY).map(([r, key]) => [r, areaTranslator('matching', matching, 'en')(key)]),
) as Record<ClaimRelation, string>;

export interface CardLine {
  kind: 'part' | 'values' | 'statement' | 'quote';
  text: string;
  /** For part lines: its relation and what was compared ("Year", "Title"). */
  relation?: PagePart['relation'];
  label?: string;
  /** The part is the one under the pointer. */
  focused?: boolean;
}

export interface CardText {
  label: string;
  relation: ClaimRelation;
  lines: CardLine[];
}

/** Conflicts and repeated errors first: what a fact-checker must see before anything else. */
export function relationRank(relation: string): number {
  return relation === 'conflicts' ? 0 : relation === 'repeats-error' ? 1 : relation === 'agrees' ? 2 : 3;
}

/**
 * What the hover card says about a sentence: each thing it claims, with its
 * own relation and a plain explanation (the part under the pointer first),
 * then the dataset claim of that part.
 */
export function describeClaimForCard(claim: PageClaim, locale: Locale = 'en', focusPart: number | null = null): CardText {
  const t = areaTranslator('matching', matching, locale);
  const lines: CardLine[] = [];
  const parts = claim.parts ?? [];
  if (parts.length) {
    const order = parts.map((p, i) => ({ p, i })).sort((a, b) => Number(b.i === focusPart) - Number(a.i === focusPart) || relationRank(a.p.relation) - relationRank(b.p.relation));
    const first = order[0]?.p;
    for (const { p, i } of order) {
      lines.push({ kind: 'part', relation: p.relation, label: `${t(PART_KIND_KEY[p.kind])} · ${t(RELATION_NAME_KEY[p.relation])}`, text: explain(p.detail, p.relation, locale, p.flagged), focused: i === focusPart });
    }
    const match = first && claim.matches.find((m) => m.claimId === first.claimId);
    const statement = match && (locale === 'es' ? (match.statementEs ?? match.statement) : match.statement);
    if (statement) lines.push({ kind: 'statement', text: `${t('matching.datasetSays')}: ${statement}` });
    const focused = focusPart !== null ? parts[focusPart] : undefined;
    return { label: t(RELATION_LABEL_KEY[focused?.relation ?? claim.relation]), relation: focused?.relation ?? claim.relation, lines };
  }
  const best = [...claim.matches].sort((a, b) => relationRank(a.relation) - relationRank(b.relation) || b.score - a.score)[0];
  if (best) {
    lines.push({ kind: 'values', text: best.explanation });
    lines.push({ kind: 'statement', text: `${t('matching.datasetSays')}: ${locale === 'es' ? (best.statementEs ?? best.statement) : best.statement}` });
    const more = claim.matches.length - 1;
    if (more > 0) lines.push({ kind: 'quote', text: t('matching.moreClaims', { count: more }) });
  } else {
    lines.push({ kind: 'statement', text: t('matching.notCovered') });
  }
  return { label: t(RELATION_LABEL_KEY[claim.relation]), relation: claim.relation, lines };
}
