import type { MessageKey } from '../../lib/i18n';
import type { Claim, CrossAssessment, Source } from '../../lib/dataset/schema';
import { crossAssessmentFor, curatorNoteFor, type LangText } from '../../lib/dataset/localize';
import { explain } from '../../lib/match/explain';
import { PART_KIND_KEY } from '../../lib/page/card-text';
import { nameSources } from '../../lib/page/source-names';
import type { PageMatch, PagePart } from '../../lib/page/page-report';
import { useI18n } from '../i18n';
import { RelationBadge } from './RelationBadge';

const KIND_LABEL: Record<CrossAssessment['kind'], MessageKey> = {
  agreement: 'matching.crossAgreement',
  difference: 'matching.crossDifference',
  'only-one-source': 'matching.crossOnlyOne',
  'internal-inconsistency': 'matching.crossInconsistent',
  error: 'matching.crossError',
};

const STATUS: Record<Claim['assessment']['status'], MessageKey> = {
  corroborated: 'matching.statusCorroborated',
  'single-source': 'matching.statusSingleSource',
  disputed: 'matching.statusDisputed',
  inconsistent: 'matching.statusInconsistent',
  erroneous: 'matching.statusErroneous',
  unattributed: 'matching.statusUnattributed',
};

const RELIABILITY: Record<NonNullable<Source['reliability']>, MessageKey> = {
  low: 'matching.reliabilityLow',
  medium: 'matching.reliabilityMedium',
  high: 'matching.reliabilityHigh',
};

/**
 * One dataset claim beside a page claim (or one part of it): what was
 * compared and how it stands, in a plain sentence; the dataset statement,
 * labelled; the article it comes from, by title and reliability; the
 * curator's verdict, shown openly when the page repeats a flagged error.
 */
interface Props {
  match: PageMatch;
  /** The part of the sentence this match is about, when the sentence has several. */
  part?: PagePart;
  claim: Claim | undefined;
  sources: Map<string, Source>;
  /** The curator's notes across articles that concern this claim. */
  assessments: CrossAssessment[];
  showRelation: boolean;
}

export function DatasetMatch({ match, part, claim, sources, assessments, showRelation }: Props) {
  const { t, locale } = useI18n();
  const span = claim?.sources[0];
  const source = span ? sources.get(span.sourceId) : undefined;
  const relation = part?.relation ?? match.relation;
  const explanation = part ? explain(part.detail, part.relation, locale, part.flagged) : match.explanation;
  const statement = claim ? (locale === 'es' ? claim.statementEs : claim.statement) : match.statement;
  const sourceLine = source
    ? source.reliability
      ? t('matching.sourceWithReliability', { title: source.title, reliability: t(RELIABILITY[source.reliability]) })
      : t('matching.source', { title: source.title })
    : span
      ? t('matching.source', { title: span.sourceId })
      : '';
  const note = claim ? curatorNoteFor(claim, locale) : undefined;
  // Text in another language than the interface's (a pack's English note) is marked, for screen readers.
  const langOf = (x: LangText) => (x.lang === locale ? undefined : x.lang);
  const more = claim && claim.sources.length > 1 ? ` ${t('matching.moreArticles', { count: claim.sources.length - 1 })}` : '';
  return (
    <div class={`match match-${relation}`} data-testid="dataset-match" data-relation={relation}>
      <div class="match-head">
        {part && <span class="part-kind">{t(PART_KIND_KEY[part.kind])}</span>}
        {part && <span class="part-text">{t('matching.partQuote', { text: part.text })}</span>}
        {showRelation && <RelationBadge relation={relation} />}
      </div>
      <p class="explanation">{explanation}</p>
      {relation === 'repeats-error' && claim && (
        <p class="flagged" data-testid="flagged-verdict">
          <strong>{t('matching.curatorVerdict', { status: t(STATUS[claim.assessment.status]) })}.</strong> <span lang={langOf(note!)}>{nameSources(note!.text, sources)}</span>
        </p>
      )}
      <p class="statement">
        <span class="label">{t('matching.datasetSays')}:</span> {statement}
      </p>
      {sourceLine && (
        <p class="source-line">
          {sourceLine}
          {more}
        </p>
      )}
      {claim && (
        <details class="curator">
          <summary>{t('matching.curatorVerdict', { status: t(STATUS[claim.assessment.status]) })}</summary>
          {span && (
            <figure class="evidence">
              <blockquote>{span.quote.exact}</blockquote>
            </figure>
          )}
          {relation !== 'repeats-error' && <p lang={langOf(note!)}>{nameSources(note!.text, sources)}</p>}
          {assessments.map((a) => {
            const text = crossAssessmentFor(a, locale);
            return (
              <div key={a.id} class="cross" data-testid="cross-assessment">
                <strong>
                  {t(KIND_LABEL[a.kind])}: <span lang={langOf(text.title)}>{nameSources(text.title.text, sources)}</span>
                </strong>
                <p lang={langOf(text.note)}>{nameSources(text.note.text, sources)}</p>
              </div>
            );
          })}
        </details>
      )}
    </div>
  );
}
