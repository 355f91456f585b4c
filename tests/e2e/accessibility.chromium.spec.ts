import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, ROOT } from './chromium-fixtures';
import { annotateByButton, highlightCounts, openWithSidebar, textBox } from './helpers';
import { OverlayProbe } from './overlay-cdp';

type Scheme = 'light' | 'dark';
const FIGURES = path.join(ROOT, 'test-results/axe-figures.json');

/**
 * axe-core on one page state. Serious and critical violations fail the test;
 * every finding (by impact) is written to test-results/axe-figures.json for the record.
 */
async function axe(page: Page, name: string, scheme: Scheme, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const byImpact: Record<string, number> = {};
  for (const v of result.violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + v.nodes.length;
  const figures = fs.existsSync(FIGURES) ? (JSON.parse(fs.readFileSync(FIGURES, 'utf8')) as Record<string, unknown>) : {};
  figures[`${name} (${scheme})`] = { passes: result.passes.length, violations: byImpact, rules: result.violations.map((v) => `${v.id} [${v.impact}] ×${v.nodes.length}`) };
  fs.mkdirSync(path.dirname(FIGURES), { recursive: true });
  fs.writeFileSync(FIGURES, JSON.stringify(figures, null, 2));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name} (${scheme})`).toEqual([]);
}

/**
 * The hover card lives in a closed shadow root that axe cannot enter. Its
 * markup (with its own stylesheet) is copied by the DevTools protocol into an
 * open shadow root of a blank page with the same colour scheme, and checked there.
 */
async function axeOverlayCopy(context: BrowserContext, probe: OverlayProbe, name: string, scheme: Scheme, lang: string): Promise<void> {
  const markup = await probe.markup();
  const copy = await context.newPage();
  await copy.emulateMedia({ colorScheme: scheme });
  await copy.setContent(`<!doctype html><html lang="${lang}"><head><title>${name}</title></head><body><main><h1>${name}</h1><div id="host"></div></main></body></html>`);
  await copy.evaluate((html) => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = html;
  }, markup);
  await axe(copy, name, scheme);
  await copy.close();
}

async function setLanguage(context: BrowserContext, extensionId: string, language: 'auto' | 'en' | 'es'): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('language-select').selectOption(language);
  return options;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: sidebar, editor with the claim picker, hover card, options and popup have no serious or critical violations (${scheme})`, async ({ context, baseURL, extensionId }) => {
    test.setTimeout(120_000);
    const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/cecot-report.html', 'cecot-lens-conflicts', scheme);
    await expect(sidebar.getByTestId('sidebar-claim').first()).toBeVisible();
    await axe(sidebar, 'sidebar, claims', scheme);
    await sidebar.getByRole('tab', { name: /Your notes/ }).click();
    await axe(sidebar, 'sidebar, notes (empty)', scheme);

    await page.emulateMedia({ colorScheme: scheme });
    const editor = sidebar.getByTestId('annotation-editor');
    await annotateByButton(page, '#p2', '$6 million', editor);
    await editor.getByRole('searchbox', { name: 'Search dataset claims to link' }).fill('prison');
    await axe(sidebar, 'sidebar, editor with claim picker', scheme);
    await editor.getByRole('button', { name: 'Cancel' }).click();

    const probe = await OverlayProbe.attach(page);
    await page.bringToFront();
    // The wrong year of the Act is a highlighted part of its sentence.
    const box = await textBox(page, '#p3', 'Alien Enemies Act');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await expect.poll(() => probe.visible('.card')).toBe(true);
    await page.screenshot({ path: `test-results/screenshots/chromium-hover-card-${scheme}.png`, clip: { x: Math.max(0, box.x - 400), y: Math.max(0, box.y - 260), width: 820, height: 360 } });
    await axeOverlayCopy(context, probe, 'hover card', scheme, 'en');
    await probe.detach();

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('dataset-summary')).toBeVisible();
    await axe(options, 'options', scheme);

    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForLoadState('networkidle');
    await axe(popup, 'popup', scheme);
  });
}

test('Spanish interface on a Spanish page: sidebar, hover card, editor with the claim picker, and the options page in both languages', async ({ context, baseURL, extensionId }) => {
  test.setTimeout(120_000);
  const shots = 'test-results/screenshots';
  // English first, following the browser.
  const optionsEn = await context.newPage();
  await optionsEn.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(optionsEn.getByRole('heading', { name: 'Curated dataset' })).toBeVisible();
  await optionsEn.screenshot({ path: `${shots}/chromium-options-en.png`, fullPage: true });

  // The reader picks Spanish: the page in front of them switches at once, and everything else follows.
  const options = await setLanguage(context, extensionId, 'es');
  await expect(options.getByRole('heading', { name: 'Conjunto de datos curado' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'es');
  await expect(options).toHaveTitle('Configuración de CECOT Lens');
  await options.screenshot({ path: `${shots}/chromium-options-es.png`, fullPage: true });
  await axe(options, 'options, Spanish', 'light');

  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/megacarcel-es.html', 'cecot-lens-conflicts');
  await expect(sidebar.getByRole('tab', { name: /Afirmaciones/ })).toBeVisible();
  await expect(sidebar.getByTestId('topic-verdict')).toContainText('Trata sobre el CECOT');
  await expect(sidebar.getByTestId('claims-announced')).toHaveText(/^\d+ afirmaciones resaltadas en esta página\.$/);
  await expect(sidebar.getByRole('button', { name: /^Contradice/ })).toBeVisible();
  await sidebar.screenshot({ path: `${shots}/chromium-sidebar-es.png`, fullPage: true });
  await axe(sidebar, 'sidebar, Spanish', 'light');

  // Why the page is on topic, and the curator's notes, in Spanish too (with the articles named by title).
  const reasons = sidebar.getByTestId('topic-verdict').locator('ul.reasons').first();
  await expect(reasons).toContainText('nombra el Centro de Confinamiento del Terrorismo una vez');
  await expect(reasons).not.toHaveAttribute('lang', 'en');
  const capacity = sidebar.getByTestId('sidebar-claim').filter({ hasText: '40.000 reos' });
  await capacity.locator('details.curator summary').first().click();
  const agreement = capacity.getByTestId('cross-assessment').filter({ hasText: 'Ambos artículos dan 40.000' });
  await expect(agreement).toContainText('No es un conteo de personas recluidas');
  await expect(agreement).toContainText('el artículo “');
  await expect(agreement.locator('[lang="en"]')).toHaveCount(0);
  // The sentence names the prison by its full name too, which is a match of its own (ranked after the capacity), with its own curator's note.
  await expect(capacity.locator('details.curator').first()).toContainText('los 40.000 son una capacidad, no un número de detenidos');
  await capacity.scrollIntoViewIfNeeded();
  await sidebar.screenshot({ path: `${shots}/chromium-sidebar-curator-es.png`, fullPage: true });
  await axe(sidebar, 'sidebar, Spanish, curator notes open', 'light');
  await capacity.locator('details.curator summary').first().click();

  const probe = await OverlayProbe.attach(page);
  await page.bringToFront();
  const box = await textBox(page, '#e3', '300 venezolanos');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await expect.poll(() => probe.visible('.card')).toBe(true);
  expect(await probe.text('.card .badge')).toBe('Contradice el conjunto de datos');
  expect(await probe.text('.card .link')).toBe('Ver en la barra lateral');
  await page.screenshot({ path: `${shots}/chromium-hover-card-es.png` });
  await axeOverlayCopy(context, probe, 'hover card, Spanish', 'light', 'es');

  // The in-page button and the editor, in Spanish, with dataset statements in Spanish.
  const editor = sidebar.getByTestId('annotation-editor');
  await page.mouse.move(5, 5);
  await annotateByButton(page, '#e2', '6 millones de dólares', editor);
  expect(await probe.text('.annotate')).toBe('Anotar');
  await expect(editor.getByLabel('Nota')).toBeFocused();
  const suggested = editor.getByRole('group', { name: 'Encontradas en esta página' }).getByRole('checkbox');
  // The sum and what it pays for are both matched; the payment claim is offered first.
  await expect(suggested).toHaveCount(2);
  await expect(suggested.first()).toHaveAccessibleName(/paga a El Salvador 6 millones de dólares/);
  await suggested.first().check();
  await editor.getByRole('searchbox', { name: 'Buscar afirmaciones del conjunto de datos para vincular' }).fill('capacidad');
  await expect(editor.getByRole('group', { name: 'Todas las afirmaciones del conjunto de datos' })).toContainText('El CECOT tiene capacidad para hasta 40.000 presos.');
  await editor.getByRole('group', { name: 'Todas las afirmaciones del conjunto de datos' }).getByRole('checkbox').first().check();
  await expect(editor.getByTestId('picker-chosen')).toContainText('El CECOT tiene capacidad');
  await sidebar.screenshot({ path: `${shots}/chromium-editor-es.png`, fullPage: true });
  await editor.getByRole('button', { name: 'Guardar' }).click();
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Vinculada: El CECOT tiene capacidad');
  await expect(sidebar.getByTestId('sidebar-annotation')).toContainText('Guardada el');
  await expect.poll(() => highlightCounts(page)).toHaveProperty('cecot-lens-note-yellow');
  await page.screenshot({ path: `${shots}/chromium-page-note-es.png` });
  await sidebar.screenshot({ path: `${shots}/chromium-sidebar-notes-es.png`, fullPage: true });
  await probe.detach();

  // Back to the browser's language: English again, without a reload.
  await options.getByTestId('language-select').selectOption('auto');
  await expect(sidebar.getByRole('tab', { name: /Your notes/ })).toBeVisible();
});
