import { describe, expect, it } from 'vitest';
import { addSite, togglePausedSite } from '../../lib/settings/site-list';
import { DEFAULT_SETTINGS, isSiteDisabled, readSettings } from '../../lib/settings/schema';
import { assessmentsByClaim } from '../../lib/dataset/assessments-by-claim';
import { bundledDataset } from '../../lib/dataset/bundled';

describe('sites never to analyse', () => {
  it('accepts a bare host or a pasted URL, lower-cased, sorted, once', () => {
    expect(addSite(['b.example'], 'https://user@News.Example.org:8443/a/b?c#d')).toEqual({ sites: ['b.example', 'news.example.org'] });
    expect(addSite(['news.example.org'], 'news.example.org')).toEqual({ error: 'duplicate', site: 'news.example.org' });
    expect(addSite([], 'not a site!')).toEqual({ error: 'invalid', site: 'not a site!' });
  });

  it('a site covers its subdomains, not look-alikes', () => {
    expect(isSiteDisabled('www.elfaro.net', ['elfaro.net'])).toBe(true);
    expect(isSiteDisabled('notelfaro.net', ['elfaro.net'])).toBe(false);
  });

  it('the popup toggle pauses the whole site and always flips back', () => {
    const paused = togglePausedSite([], 'www.elfaro.net');
    expect(paused).toEqual(['elfaro.net']);
    expect(isSiteDisabled('m.elfaro.net', paused)).toBe(true);
    // Resuming removes every entry covering the host, even one added by hand for a parent domain.
    expect(togglePausedSite(['elfaro.net', 'www.elfaro.net', 'other.org'], 'www.elfaro.net')).toEqual(['other.org']);
  });
});

describe('settings read back', () => {
  it('keep valid fields and default the broken ones, never failing the page', () => {
    const s = readSettings({ disabledSites: ['ok.example'], colors: { agrees: 'green!' }, showUnmatched: 'yes' });
    expect(s.disabledSites).toEqual(['ok.example']);
    expect(s.colors).toEqual(DEFAULT_SETTINGS.colors);
    expect(s.showUnmatched).toBe(true);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('assessments by claim', () => {
  it('every claim an assessment names finds it', () => {
    const { assessments } = bundledDataset();
    const index = assessmentsByClaim(assessments);
    for (const a of assessments) for (const id of a.claims) expect(index.get(id)).toContain(a);
    expect(index.get('c000-capacity-40000')?.map((a) => a.kind)).toEqual(expect.arrayContaining(['agreement']));
  });
});
