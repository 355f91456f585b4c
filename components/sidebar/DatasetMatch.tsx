import type { Claim, Source } from '../../lib/dataset/schema';
import type { PageMatch } from '../../lib/page/page-report';
import { RelationBadge } from './RelationBadge';

/** One dataset claim beside a page claim: relation, values, the statement, its article and quote, the curator's note. */
export function DatasetMatch({ match, claim, sources, showRelation }: { match: PageMatch; claim: Claim | undefined; sources: Map<string, Source>; showRelation: boolean }) {
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
        </details>
      )}
    </div>
  );
}
