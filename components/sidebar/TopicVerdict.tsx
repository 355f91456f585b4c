import type { MessageKey } from '../../lib/i18n';
import type { PageReport } from '../../lib/page/page-report';
import { reasonText } from '../../lib/topic/reason-text';
import { useI18n } from '../i18n';

const SHOWN = 4;
/** From this score (raw evidence about twice the threshold) the signs are called clear. */
const CLEAR = 0.7;

/**
 * How strongly the page is about the topic, in words: the recognizer's score
 * is a weighing of evidence, which a number would present as a measurement.
 */
function signsKey(onTopic: boolean, score: number, hasReasons: boolean): MessageKey {
  if (onTopic) return score >= CLEAR ? 'sidebar.signsClear' : 'sidebar.signsEnough';
  return hasReasons ? 'sidebar.signsFew' : 'sidebar.signsNone';
}

export function TopicVerdict({ report }: { report: PageReport }) {
  const { t, locale } = useI18n();
  const on = report.topic.onTopic;
  const analysed = report.status === 'on-topic' || report.status === 'off-topic';
  // Reasons as data are worded in the interface language; a report without them (older) has the English words only.
  const parts = report.topic.reasonParts;
  const worded = parts && parts.length === report.topic.reasons.length;
  const reasons = worded ? parts.map((p) => reasonText(p, locale)) : report.topic.reasons;
  const lang = worded ? undefined : 'en';
  const label =
    report.status === 'analyzing' ? t('sidebar.analysing') : report.status === 'error' ? t('sidebar.analysisFailed') : on ? t('sidebar.onTopic') : t('sidebar.offTopic');
  return (
    <section class={`verdict-box ${on ? 'on' : 'off'}`} aria-labelledby="verdict-h" data-testid="topic-verdict">
      <h2 id="verdict-h">{label}</h2>
      {report.error && <p class="error">{report.error}</p>}
      {analysed && <p class="signs">{t(signsKey(on, report.topic.score, reasons.length > 0))}</p>}
      {reasons.length > 0 && (
        <ul class="reasons" aria-label={t('sidebar.why')} lang={lang}>
          {reasons.slice(0, SHOWN).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {reasons.length > SHOWN && (
        <details class="more-reasons">
          <summary>{t('sidebar.moreReasons', { count: reasons.length - SHOWN })}</summary>
          <ul class="reasons" lang={lang}>
            {reasons.slice(SHOWN).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      {analysed && <p class="muted claims-found">{t('sidebar.claimsFound', { count: report.claims.length })}</p>}
    </section>
  );
}
