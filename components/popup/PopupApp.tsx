import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../lib/page/page-report';
import { countByRelation } from '../../lib/page/page-report';
import { isSiteDisabled, type Settings } from '../../lib/settings/schema';
import { togglePausedSite } from '../../lib/settings/site-list';
import { activeTab, openBrowserSidebar, type ActiveTab } from '../../platform/active-tab';
import { ask } from '../../platform/messaging';
import { loadSettings, updateSettings } from '../../platform/settings-store';
import { tellTab } from '../../platform/tab-context';
import { formatNumber } from '../../lib/i18n';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';

export function PopupApp() {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [report, setReport] = useState<PageReport | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const t = await activeTab();
        setTab(t);
        setSettings(await loadSettings());
        if (t) setReport((await ask({ type: 'tab/state', tabId: t.id })).report);
      } catch (e) {
        setError(errorText(t, e));
      }
    })();
  }, []);

  const paused = !!tab?.host && !!settings && isSiteDisabled(tab.host, settings.disabledSites);
  const togglePause = async () => {
    if (!tab?.host) return;
    const next = await updateSettings((s) => ({ ...s, disabledSites: togglePausedSite(s.disabledSites, tab.host) }));
    setSettings(next);
  };
  const openSidebar = () => {
    if (!tab) return;
    // No await before this call: the browser allows it only during the click.
    openBrowserSidebar(tab.id).then(
      () => window.close(),
      () => void tellTab(tab.id, { type: 'content/open-frame', tabId: tab.id }).then(() => window.close()),
    );
  };

  const counts = countByRelation(report?.claims ?? []);
  const notes = (report?.anchoring.attached.length ?? 0) + (report?.anchoring.orphans.length ?? 0);
  return (
    <main class="popup">
      <header>
        <h1>{t('common.appName')}</h1>
      </header>
      {error && <p class="error">{t('common.error', { message: error })}</p>}
      <section class="status" data-testid="popup-status" aria-live="polite">
        {!tab?.host ? (
          <p class="muted">{t('popup.nothingHere')}</p>
        ) : paused ? (
          <p>
            <strong>{t('popup.paused', { host: tab.host })}</strong> {t('popup.pausedDetail')}
          </p>
        ) : report?.topic.onTopic ? (
          <>
            <p class="verdict on">{t('popup.onTopic')}</p>
            <ul class="counts" aria-label={t('popup.countsLabel')}>
              {(['conflicts', 'repeats-error', 'agrees', 'related', 'unmatched'] as const).map((r) => (
                <li key={r} class={`count-${r}`}>
                  {t(`popup.${r}`, { count: counts[r] })
                    .split(formatNumber(locale, counts[r]))
                    .flatMap((part, i) => (i === 0 ? [part] : [<span class="n">{formatNumber(locale, counts[r])}</span>, part]))}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <div class="off-topic" data-testid="popup-off-topic">
            <p class="verdict off">{t('popup.offTopic')}</p>
            <p class="explain">{t('popup.offTopicWhat')}</p>
            <p class="explain">{t('popup.offTopicAnnotate')}</p>
            {notes > 0 && (
              <p class="explain notes">
                {t('popup.yourNotes', { count: notes })}
                {report && report.anchoring.orphans.length > 0 && ` ${t('popup.orphanNotes', { count: report.anchoring.orphans.length })}`}
              </p>
            )}
          </div>
        )}
      </section>
      <div class="buttons">
        <button type="button" class="primary" onClick={openSidebar} disabled={!tab}>
          {t('popup.openSidebar')}
        </button>
        {tab?.host && (
          <button type="button" onClick={() => void togglePause()} data-testid="pause-toggle">
            {paused ? t('popup.resume', { host: tab.host }) : t('popup.pause', { host: tab.host })}
          </button>
        )}
        <div class="links">
          <a href="/library.html" target="_blank" class="link" data-testid="popup-library">
            {t('popup.library')}
          </a>
          <a href="/options.html" target="_blank" class="link">
            {t('popup.settings')}
          </a>
        </div>
      </div>
    </main>
  );
}
