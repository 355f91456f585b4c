import { useEffect, useState } from 'preact/hooks';
import type { SyncConfigView, SyncStatus } from '../../lib/data/sync-config';
import { formatDate, type MessageKey, type Translate } from '../../lib/i18n';
import { checkSyncAddress } from '../../lib/sync/sync-address';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';
import { useI18n } from '../i18n';
import { errorText } from '../error-text';
import { takeChosenFile, useWorded } from '../use-worded';

const INTERVALS: { value: number; label: MessageKey }[] = [
  { value: 0, label: 'exchange.intervalManual' },
  { value: 15, label: 'exchange.interval15' },
  { value: 60, label: 'exchange.interval60' },
  { value: 360, label: 'exchange.interval360' },
  { value: 1440, label: 'exchange.interval1440' },
];

/** Each way a sync can fail (lib/sync/sync-error.ts), in plain words. */
const FAILURE: Record<string, MessageKey> = {
  config: 'exchange.syncErrConfig',
  auth: 'exchange.syncErrAuth',
  forbidden: 'exchange.syncErrForbidden',
  'collection-missing': 'exchange.syncErrFolder',
  redirect: 'exchange.syncErrRedirect',
  server: 'exchange.syncErrServer',
  network: 'exchange.syncErrNetwork',
  aborted: 'exchange.syncErrAborted',
  'invalid-remote': 'exchange.syncErrInvalid',
  'newer-format': 'exchange.syncErrNewer',
  contention: 'exchange.syncErrContention',
  protocol: 'exchange.syncErrProtocol',
};

export function syncOutcome(t: Translate, status: SyncStatus): string {
  if (status.ok) {
    const notes =
      status.conflicts > 0
        ? t('exchange.syncOkConflicts', { pulled: status.pulled, pushed: status.pushed, count: status.conflicts })
        : t('exchange.syncOk', { pulled: status.pulled, pushed: status.pushed });
    const pulled = status.datasetPulled ?? 0;
    const pushed = status.datasetPushed ?? 0;
    return pulled + pushed > 0 ? `${notes} ${t('exchange.syncDataset', { pulled, pushed })}` : notes;
  }
  const key = status.kind !== undefined ? FAILURE[status.kind] : undefined;
  return key !== undefined ? t(key) : status.message;
}

type Message = { ok: boolean; text: string; at: number; suggestion?: string };

/** WebDAV sync set-up and status, and sync through a file. */
export function SyncForm({ onSynced }: { onSynced: () => void }) {
  const { t, locale } = useI18n();
  const [config, setConfig] = useState<SyncConfigView | null>(null);
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [interval, setInterval] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useWorded<Message>();
  const say = (ok: boolean, text: (t: Translate) => string, suggestion?: string) => {
    const at = Date.now();
    setMessage((t) => ({ ok, text: text(t), at, ...(suggestion ? { suggestion } : {}) }));
  };

  const show = (view: SyncConfigView) => {
    setConfig(view);
    setUrl(view.url);
    setUsername(view.username);
    setInterval(view.intervalMinutes);
    setPassword('');
  };
  useEffect(() => {
    // What the reader typed before the stored set-up arrived is kept: it was typed to replace it.
    void ask({ type: 'sync/config' }).then((view) => {
      setConfig(view);
      setUrl((typed) => typed || view.url);
      setUsername((typed) => typed || view.username);
      setInterval(view.intervalMinutes);
    });
  }, []);

  const store = async (address: string) => {
    try {
      show(await ask({ type: 'sync/configure', url: address, username: username.trim(), ...(password ? { password } : {}), intervalMinutes: interval }));
      say(true, (t) => t('exchange.syncSaved'));
    } catch (error) {
      say(false, (t) => errorText(t, error));
      // A refused new server drops the stored password: the field must now ask for one (what was typed stays).
      void ask({ type: 'sync/config' }).then(setConfig, () => undefined);
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const address = url.trim();
    // Checked when saved: a folder gets a file name suggested rather than an HTTP 409 at the first sync.
    const check = checkSyncAddress(address);
    if (!check.ok && check.code === 'not-http') return say(false, (t) => t('exchange.syncNotHttp'));
    if (!check.ok && check.suggestion) {
      const suggestion = check.suggestion;
      return say(false, (t) => t('exchange.syncFolderAddress', { suggestion }), suggestion);
    }
    await store(address);
  };

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const status = await ask({ type: 'sync/now' });
      // The outcome shows in the status line below.
      show(await ask({ type: 'sync/config' }));
      if (status.ok) onSynced();
    } catch (error) {
      say(false, (t) => errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    show(await ask({ type: 'sync/forget' }));
    say(true, (t) => t('exchange.syncForgotten'));
  };

  const syncFile = async (input: HTMLInputElement) => {
    const chosen = takeChosenFile(input);
    if (!chosen) return;
    try {
      const out = await ask({ type: 'data/sync-file', text: await chosen.text() });
      if (out.fileText) downloadText(chosen.name, 'application/json', out.fileText);
      say(
        true,
        (t) =>
          t('exchange.syncFileMerged', { file: chosen.name, count: out.received }) +
          (out.datasetReceived > 0 ? ' ' + t('exchange.syncFileDataset', { count: out.datasetReceived }) : '') +
          ' ' +
          (out.fileText ? t('exchange.syncFileNewCopy', { file: chosen.name }) : t('exchange.syncFileUpToDate', { file: chosen.name })),
      );
      onSynced();
    } catch (error) {
      say(false, (t) => t('exchange.syncFileFailed', { file: chosen.name, reason: errorText(t, error) }));
    }
  };

  const status = config?.status;
  // Only the newest outcome is shown: an old failure does not stay beside a later success.
  const showStatus = status && !(message && message.ok && Date.parse(status.at) < message.at && !status.ok);
  return (
    <div class="stack" data-testid="sync-form">
      <h3>{t('exchange.syncTitle')}</h3>
      <p class="hint">{t('exchange.syncHint')}</p>
      <form class="stack" onSubmit={(e) => void save(e)}>
        <label class="field">
          {t('exchange.syncAddress')}
          <input type="url" required value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} placeholder={t('exchange.syncAddressPlaceholder')} />
        </label>
        <div class="grid-2">
          <label class="field">
            {t('exchange.syncUser')}
            <input type="text" required autoComplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            {t('exchange.syncPassword')}
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              placeholder={config?.hasPassword ? t('exchange.syncPasswordStored') : ''}
              required={!config?.hasPassword}
            />
          </label>
        </div>
        <label class="field">
          {t('exchange.syncInterval')}
          <select value={interval} onChange={(e) => setInterval(Number((e.target as HTMLSelectElement).value))}>
            {INTERVALS.map((i) => (
              <option key={i.value} value={i.value}>
                {t(i.label)}
              </option>
            ))}
          </select>
        </label>
        <div class="actions">
          <button type="submit">{t('exchange.syncSave')}</button>
          <button type="button" class="primary" disabled={busy || !config?.url} onClick={() => void syncNow()}>
            {busy ? t('exchange.syncing') : t('exchange.syncNow')}
          </button>
          {config?.url && (
            <button type="button" class="link danger" onClick={() => void forget()}>
              {t('exchange.syncForget')}
            </button>
          )}
        </div>
      </form>
      {showStatus && status && (
        <p class={status.ok ? 'ok' : 'error'} data-testid="sync-status">
          {t('exchange.lastSync', { when: formatDate(locale, status.at, { dateStyle: 'medium', timeStyle: 'short' }), outcome: syncOutcome(t, status) })}
        </p>
      )}
      <label class="field">
        {t('exchange.syncFileLabel')}
        <input type="file" accept=".json,application/json" onChange={(e) => void syncFile(e.target as HTMLInputElement)} data-testid="sync-file-input" />
      </label>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="sync-message">
          <p>{message.text}</p>
          {message.suggestion && (
            <div class="actions small">
              <button
                type="button"
                class="primary"
                onClick={() => {
                  setUrl(message.suggestion!);
                  void store(message.suggestion!);
                }}
              >
                {t('exchange.syncUseSuggestion')}
              </button>
              <button type="button" onClick={() => void store(url.trim())}>
                {t('exchange.syncKeepMine')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
