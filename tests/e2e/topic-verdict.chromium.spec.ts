import { test, expect } from './chromium-fixtures';
import { openWithSidebar, serviceWorker } from './helpers';

async function setLanguage(context: Parameters<typeof serviceWorker>[0], language: 'en' | 'es') {
  const sw = await serviceWorker(context);
  await sw.evaluate(async (lang) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.local.get('settings'))['settings'] ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { ...current, language: lang } });
  }, language);
}

// Issue 8, point 7: the verdict said "Topic score 0.88", which reads like debug output. It now says
// in words how clear the signs are, lists them as what the page does, and counts the claims found.
test('the topic verdict is worded, not scored, in English and Spanish', async ({ context, baseURL, extensionId }) => {
  const shots = 'test-results/screenshots';
  const en = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts');
  const verdict = en.sidebar.getByTestId('topic-verdict');
  await expect(verdict.locator('h2')).toHaveText('About CECOT and the US–El Salvador deal');
  await expect(verdict.locator('p.signs')).toHaveText(/^(Clear signs|Enough signs to check it)\. This page:$/);
  await expect(verdict.locator('ul.reasons').first().locator('li').first()).toHaveText(/^(names|mentions|speaks of) /);
  await expect(verdict.locator('p.claims-found')).toHaveText(/^\d+ checkable claims? found\.$/);
  await expect(verdict).not.toContainText(/score/i);
  await expect(verdict).not.toContainText(/\+|\d[.,]\d\d/);
  await verdict.screenshot({ path: `${shots}/chromium-topic-verdict-en.png` });
  await en.sidebar.screenshot({ path: `${shots}/chromium-sidebar-verdict-en.png` });

  await setLanguage(context, 'es');
  const es = await openWithSidebar(context, baseURL, extensionId, '/megacarcel-es.html', 'cecot-lens-conflicts');
  const veredicto = es.sidebar.getByTestId('topic-verdict');
  await expect(veredicto.locator('h2')).toContainText('Trata sobre el CECOT');
  await expect(veredicto.locator('p.signs')).toHaveText(/^Señales (claras|suficientes para revisarla)\. Esta página:$/);
  await expect(veredicto.locator('ul.reasons').first().locator('li').first()).toHaveText(/^(nombra|menciona|habla de) /);
  await expect(veredicto.locator('p.claims-found')).toHaveText(/^Se encontr(ó|aron) \d+ afirmaci(ón|ones) verificables?\.$/);
  await expect(veredicto).not.toContainText(/puntuaci|\+|\d[.,]\d\d/i);
  await veredicto.screenshot({ path: `${shots}/chromium-topic-verdict-es.png` });
  await es.sidebar.screenshot({ path: `${shots}/chromium-sidebar-verdict-es.png` });
});
