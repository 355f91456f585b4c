/**
 * npx tsx scripts/make-icons.ts — renders public/icon/*.png from the SVG below
 * with the same Chromium the tests use. The PNGs are committed; run this only
 * when the design changes.
 */
import { chromium } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_PATH } from './shared/chromium';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1f3f7a"/>
  <circle cx="54" cy="54" r="30" fill="none" stroke="#ffffff" stroke-width="11"/>
  <line x1="76" y1="76" x2="104" y2="104" stroke="#ffffff" stroke-width="14" stroke-linecap="round"/>
  <path d="M40 55 l10 10 l19 -21" fill="none" stroke="#f5c400" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join('public/icon', `${size}.png`), omitBackground: true });
}
await browser.close();
console.log('public/icon/{16,32,48,96,128}.png written');
