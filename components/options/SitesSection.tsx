import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import { addSite } from '../../lib/settings/site-list';

export function SitesSection({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    const added = addSite(settings.disabledSites, draft);
    if ('error' in added) return setError(added.error);
    setError(null);
    await onChange({ ...settings, disabledSites: added.sites });
    setDraft('');
  };
  return (
    <section aria-labelledby="sites-h" class="card">
      <h2 id="sites-h">Sites never to analyse</h2>
      <p class="hint">CECOT Lens does nothing on these sites (and their subdomains): no analysis, no highlights.</p>
      {settings.disabledSites.length ? (
        <ul class="site-list" data-testid="disabled-sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="link"
                aria-label={`Remove ${site}`}
                onClick={() => void onChange({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No sites yet.</p>
      )}
      <form class="inline-form" onSubmit={(e) => void add(e)}>
        <label class="sr-only" for="site-input">
          Site to add
        </label>
        <input id="site-input" type="text" placeholder="example.com" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">Add site</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
