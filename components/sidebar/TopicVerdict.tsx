import type { PageReport } from '../../lib/page/page-report';

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
          {report.topic.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
