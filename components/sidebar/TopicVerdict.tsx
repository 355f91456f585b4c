import type { PageReport } from '../../lib/page/page-report';

const SHOWN = 4;

export function TopicVerdict({ report }: { report: PageReport }) {
  const on = report.topic.onTopic;
  const label =
    report.status === 'analyzing' ? 'Analysing…' : report.status === 'error' ? 'Analysis failed' : on ? 'About CECOT and the US–El Salvador deal' : 'Not about CECOT';
  return (
    <section class={`verdict-box ${on ? 'on' : 'off'}`} aria-labelledby="verdict-h" data-testid="topic-verdict">
      <h2 id="verdict-h">{label}</h2>
      {report.error && <p class="error">{report.error}</p>}
      <p class="muted">
        Topic score {report.topic.score.toFixed(2)} · {report.claims.length} claim{report.claims.length === 1 ? '' : 's'} found
      </p>
      {report.topic.reasons.length > 0 && (
        <ul class="reasons" aria-label="Why">
          {report.topic.reasons.slice(0, SHOWN).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {report.topic.reasons.length > SHOWN && (
        <details class="more-reasons">
          <summary>{report.topic.reasons.length - SHOWN} more reasons</summary>
          <ul class="reasons">
            {report.topic.reasons.slice(SHOWN).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
