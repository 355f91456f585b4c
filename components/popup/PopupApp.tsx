import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../lib/page/page-report';
import { countByRelation } from '../../lib/page/page-report';
import { isSiteDisabled, type Settings } from '../../lib/settings/schema';
import { togglePausedSite } from '../../lib/settings/site-list';
import { activeTab, openBrowserSidebar, type ActiveTab } from '../../platform/active-tab';
import { ask } from '../../platform/messaging';
import { loadSettings, updateSettings } from '../../platform/settings-store';
import { tellTab } from '../../platform/tab-context';
import { RELATION_NAME } from '../sidebar/RelationBadge';

export function PopupApp() {
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
        setError(e instanceof Error ? e.message : String(e));
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
  return (
    <main class="popup">
      <header>
        <h1>CECOT Lens</h1>
      </header>
      {error && <p class="error">{error}</p>}
      <section class="status" data-testid="popup-status" aria-live="polite">
        {!tab?.host ? (
          <p class="muted">Nothing to analyse on this kind of page.</p>
        ) : paused ? (
          <p>
            <strong>Paused on {tab.host}.</strong> Nothing is analysed or highlighted here.
          </p>
        ) : report?.topic.onTopic ? (
          <>
            <p class="verdict on">About CECOT and the US–El Salvador deal</p>
            <ul class="counts" aria-label="Claims on this page">
              {(['conflicts', 'repeats-error', 'agrees', 'related', 'unmatched'] as const).map((r) => (
                <li key={r} class={`count-${r}`}>
                  <span class="n">{counts[r]}</span> {RELATION_NAME[r].toLowerCase()}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="verdict off">Not about CECOT{report && report.anchoring.attached.length + report.anchoring.orphans.length > 0 ? ' · your notes are shown' : ''}</p>
        )}
      </section>
      <div class="buttons">
        <button type="button" class="primary" onClick={openSidebar} disabled={!tab}>
          Open sidebar
        </button>
        {tab?.host && (
          <button type="button" onClick={() => void togglePause()} data-testid="pause-toggle">
            {paused ? `Resume on ${tab.host}` : `Pause on ${tab.host}`}
          </button>
        )}
        <a href="/options.html" target="_blank" class="link">
          Settings and data
        </a>
      </div>
    </main>
  );
}
