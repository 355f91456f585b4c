import { useEffect, useState } from 'preact/hooks';
import type { SyncConfigView } from '../../lib/data/sync-config';
import { ask } from '../../platform/messaging';
import { downloadText } from '../../platform/download';

const INTERVALS = [
  { value: 0, label: 'Only when I press “Sync now”' },
  { value: 15, label: 'Every 15 minutes' },
  { value: 60, label: 'Every hour' },
  { value: 360, label: 'Every 6 hours' },
  { value: 1440, label: 'Once a day' },
];

/** WebDAV sync set-up and status, and sync through a file. */
export function SyncForm({ onSynced }: { onSynced: () => void }) {
  const [config, setConfig] = useState<SyncConfigView | null>(null);
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [interval, setInterval] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const show = (view: SyncConfigView) => {
    setConfig(view);
    setUrl(view.url);
    setUsername(view.username);
    setInterval(view.intervalMinutes);
    setPassword('');
  };
  useEffect(() => {
    void ask({ type: 'sync/config' }).then(show);
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    try {
      show(await ask({ type: 'sync/configure', url: url.trim(), username: username.trim(), ...(password ? { password } : {}), intervalMinutes: interval }));
      setMessage({ ok: true, text: 'Saved. Your notes go only to this server, and only when you sync.' });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
      // A refused new server drops the stored password: the field must now ask for one (what was typed stays).
      void ask({ type: 'sync/config' }).then(setConfig, () => undefined);
    }
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
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    show(await ask({ type: 'sync/forget' }));
    setMessage({ ok: true, text: 'Sync set-up and password removed from this browser.' });
  };

  const syncFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    try {
      const out = await ask({ type: 'data/sync-file', text: await chosen.text() });
      if (out.fileText) downloadText(chosen.name, 'application/json', out.fileText);
      setMessage({ ok: true, text: `Merged with ${chosen.name}: ${out.received} change(s) received.${out.fileText ? ' The merged file was saved: keep it in place of the old one.' : ' The file was already up to date.'}` });
      onSynced();
    } catch (error) {
      setMessage({ ok: false, text: `${chosen.name}: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.` });
    }
  };

  const status = config?.status;
  return (
    <div class="stack" data-testid="sync-form">
      <h3>Sync</h3>
      <p class="hint">
        Keep your notes in step across computers and with colleagues through a JSON file on a WebDAV server (Nextcloud, ownCloud, any WebDAV share). Nothing is sent until you set
        this up.
      </p>
      <form class="stack" onSubmit={(e) => void save(e)}>
        <label class="field">
          Address of the sync file
          <input type="url" required value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} placeholder="https://cloud.example.org/remote.php/dav/files/me/cecot-lens.json" />
        </label>
        <div class="grid-2">
          <label class="field">
            User name
            <input type="text" required autoComplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            Password or app token
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
              placeholder={config?.hasPassword ? 'stored — leave empty to keep it' : ''}
              required={!config?.hasPassword}
            />
          </label>
        </div>
        <label class="field">
          Sync automatically
          <select value={interval} onChange={(e) => setInterval(Number((e.target as HTMLSelectElement).value))}>
            {INTERVALS.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <div class="actions">
          <button type="submit">Save</button>
          <button type="button" class="primary" disabled={busy || !config?.url} onClick={() => void syncNow()}>
            {busy ? 'Syncing…' : 'Sync now'}
          </button>
          {config?.url && (
            <button type="button" class="link danger" onClick={() => void forget()}>
              Remove sync set-up
            </button>
          )}
        </div>
      </form>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} data-testid="sync-status">
          Last sync {new Date(status.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}: {status.message}
        </p>
      )}
      <label class="field">
        Or merge with a sync file on your disk (the merged file is saved back)
        <input type="file" accept=".json,application/json" onChange={(e) => void syncFile(e.target as HTMLInputElement)} data-testid="sync-file-input" />
      </label>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="sync-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
