import { formatNumber } from '../../lib/i18n';
import type { PageReport } from '../../lib/page/page-report';
import { useI18n } from '../i18n';

const SHOWN = 4;

export function TopicVerdict({ report }: { report: PageReport }) {
  const { t, locale } = useI18n();
  const on = report.topic.onTopic;
  const label =
    report.status === 'analyzing' ? t('sidebar.analysing') : report.status === 'error' ? t('sidebar.analysisFailed') : on ? t('sidebar.onTopic') : t('sidebar.offTopic');
  return (
    <section class={`verdict-box ${on ? 'on' : 'off'}`} aria-labelledby="verdict-h" data-testid="topic-verdict">
      <h2 id="verdict-h">{label}</h2>
      {report.error && <p class="error">{report.error}</p>}
      <p class="muted">{t('sidebar.scoreLine', { score: formatNumber(locale, Math.round(report.topic.score * 100) / 100), count: report.claims.length })}</p>
      {report.topic.reasons.length > 0 && (
        // The recognizer words its reasons in English.
        <ul class="reasons" aria-label={t('sidebar.why')} lang="en">
          {report.topic.reasons.slice(0, SHOWN).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {report.topic.reasons.length > SHOWN && (
        <details class="more-reasons">
          <summary>{t('sidebar.moreReasons', { count: report.topic.reasons.length - SHOWN })}</summary>
          <ul class="reasons" lang="en">
            {report.topic.reasons.slice(SHOWN).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
