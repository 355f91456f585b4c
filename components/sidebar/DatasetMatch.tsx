import type { Claim, CrossAssessment, Source } from '../../lib/dataset/schema';
import type { PageMatch } from '../../lib/page/page-report';
import { RelationBadge } from './RelationBadge';

const KIND_LABEL: Record<CrossAssessment['kind'], string> = {
  agreement: 'The articles agree',
  difference: 'The articles differ',
  'only-one-source': 'Only one article says it',
  'internal-inconsistency': 'Inconsistent within an article',
  error: 'Evident error',
};

/** One dataset claim beside a page claim: relation, values, the statement, its article and quote, the curator's note. */
interface Props {
  match: PageMatch;
  claim: Claim | undefined;
  sources: Map<string, Source>;
  /** The curator's notes across articles that concern this claim. */
  assessments: CrossAssessment[];
  showRelation: boolean;
}

export function DatasetMatch({ match, claim, sources, assessments, showRelation }: Props) {
  const span = claim?.sources[0];
  const source = span ? sources.get(span.sourceId) : undefined;
  return (
    <div class="match">
      <div class="match-head">
        {showRelation && <RelationBadge relation={match.relation} />}
        <span class="explanation">{match.explanation}</span>
      </div>
      <p class="statement">{claim?.statement ?? match.statement}</p>
      {span && (
        <figure class="evidence">
          <blockquote>{span.quote.exact}</blockquote>
          <figcaption>— {source ? source.title : span.sourceId}{claim && claim.sources.length > 1 ? ` and ${claim.sources.length - 1} more article` : ''}</figcaption>
        </figure>
      )}
      {claim && (
        <details class="curator">
          <summary>Curator's note · {claim.assessment.status.replace('-', ' ')}</summary>
          <p>{claim.assessment.note}</p>
          {assessments.map((a) => (
            <div key={a.id} class="cross" data-testid="cross-assessment">
              <strong>
                {KIND_LABEL[a.kind]}: {a.title}
              </strong>
              <p>{a.note}</p>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
