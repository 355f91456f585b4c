import type { Locator, Page } from '@playwright/test';
import { test, expect } from './chromium-fixtures';
import { openWithSidebar, serviceWorker, textBox } from './helpers';

/**
 * The rows today's matcher work added, as a reader sees them: a release told right after the event
 * (related), a part of a whole's cost (related, a part), a count in parts with one hedge (agrees,
 * "more than 223 in all"), and a wrong title ("Senator Marco Rubio", conflicts). An English page in
 * the English interface and a Spanish page in the Spanish one; sidebar rows and hover cards.
 */
const SHOTS = 'test-results/screenshots';

/** The row at the top of the sidebar, so its screenshot shows all of it. */
async function top(row: Locator): Promise<void> {
  await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

async function hover(page: Page, selector: string, text: string, shot: string): Promise<void> {
  // Away from any card still open, then onto the end of the highlight (the card opens below or above it).
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  const box = await textBox(page, selector, text);
  await page.mouse.move(box.x + Math.min(box.width - 4, 40), box.y + box.height / 2);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${shot}` });
}

test('new rows in English: a release later is related, a part of the cost is related as a part, a hedged count in parts agrees, Senator Rubio conflicts', async ({ context, baseURL, extensionId }) => {
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/typed-rows.html', 'cecot-lens-conflicts');
  const row = (text: string) => sidebar.getByTestId('sidebar-claim').filter({ hasText: text });

  const released = row('were freed in July');
  await expect(released).toHaveAttribute('data-relation', 'related');
  await expect(released).toContainText('The page tells what happened to the same people afterwards (a release, a return home); the dataset’s source reports deportees held in CECOT.');
  await top(released);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-released.png` });

  const cost = row('Keeping CECOT running');
  await expect(cost).toHaveAttribute('data-relation', 'related');
  await expect(cost).toContainText('The page gives about $150 million a year for only one part; the dataset’s source gives $200 million a year for the whole (annual cost of the prison system).');
  await top(cost);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-part-cost.png` });

  const sum = row('More than 200 Venezuelans');
  await expect(sum).toHaveAttribute('data-relation', 'agrees');
  await expect(sum).toContainText('The page counts more than 200 Venezuelans and 23 Salvadorans, more than 223 in all; the dataset’s source gives 261 people');
  await top(sum);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-hedged-sum.png` });

  const title = row('Senator Marco Rubio');
  await expect(title).toHaveAttribute('data-relation', 'conflicts');
  await expect(title).toContainText('The page calls Marco Rubio “Senator”; the dataset’s source gives Marco Rubio’s title at the time as US Secretary of State.');
  await expect(title.locator('.part-text')).toHaveText('“Senator Marco Rubio”');
  await top(title);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-title.png` });

  await page.bringToFront();
  await hover(page, '#r1', 'Venezuelan men locked up in CECOT', 'chromium-hover-rows-released.png');
  await hover(page, '#r2', 'roughly $150 million', 'chromium-hover-rows-part-cost.png');
  await hover(page, '#r3', 'More than 200 Venezuelans', 'chromium-hover-rows-hedged-sum.png');
  await hover(page, '#r4', 'Senator Marco Rubio', 'chromium-hover-rows-title.png');
});

test('new rows in Spanish: the same four rows on a Spanish page, in the Spanish interface', async ({ context, baseURL, extensionId }) => {
  const sw = await serviceWorker(context);
  await sw.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { language: 'es' } }));
  const { page, sidebar } = await openWithSidebar(context, baseURL, extensionId, '/typed-rows-es.html', 'cecot-lens-conflicts');
  const row = (text: string) => sidebar.getByTestId('sidebar-claim').filter({ hasText: text });

  const liberados = row('puestos en libertad');
  await expect(liberados).toHaveAttribute('data-relation', 'related');
  await expect(liberados).toContainText('La página cuenta lo que les pasó después a las mismas personas (una liberación, un regreso a casa); la fuente del conjunto de datos reporta deportados recluidos en el CECOT. Los dos hechos están relacionados, pero no son el mismo.');
  await top(liberados);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-released-es.png` });

  const costo = row('mantenimiento del CECOT');
  await expect(costo).toHaveAttribute('data-relation', 'related');
  await expect(costo).toContainText('La página da unos 150 millones de dólares al año solo para una parte; la fuente del conjunto de datos da 200 millones de dólares al año para el total (costo anual del sistema penitenciario).');
  await top(costo);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-part-cost-es.png` });

  const suma = row('más de 200 venezolanos');
  await expect(suma).toHaveAttribute('data-relation', 'agrees');
  await expect(suma).toContainText('La página cuenta más de 200 venezolanos y 23 salvadoreños, más de 223 en total; la fuente del conjunto de datos da 261 personas');
  await top(suma);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-hedged-sum-es.png` });

  const cargo = row('senador Marco Rubio');
  await expect(cargo).toHaveAttribute('data-relation', 'conflicts');
  await expect(cargo).toContainText('La página llama a Marco Rubio «senador»; según la fuente del conjunto de datos, en ese momento era secretario de Estado de Estados Unidos.');
  // The page's words are quoted as Spanish quotes them, as the explanation does.
  await expect(cargo.locator('.part-text')).toHaveText('«senador Marco Rubio»');
  await top(cargo);
  await sidebar.screenshot({ path: `${SHOTS}/chromium-sidebar-rows-title-es.png` });

  await page.bringToFront();
  await hover(page, '#r1', 'migrantes venezolanos recluidos en el CECOT', 'chromium-hover-rows-released-es.png');
  await hover(page, '#r2', 'unos 150 millones de dólares', 'chromium-hover-rows-part-cost-es.png');
  await hover(page, '#r3', 'más de 200 venezolanos', 'chromium-hover-rows-hedged-sum-es.png');
  await hover(page, '#r4', 'senador Marco Rubio', 'chromium-hover-rows-title-es.png');
});
