import { test as base, chromium, type BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer } from './static-server';

import { ROOT } from './paths';
export { ROOT };
export const CHROME_EXT = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The machine's network is closed: without these flags Chromium keeps dialling out at start.
export const CHROMIUM_ARGS = [
  `--disable-extensions-except=${CHROME_EXT}`,
  `--load-extension=${CHROME_EXT}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-pings',
];

export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(path.join(CHROME_EXT, 'manifest.json'))) throw new Error(`no Chromium build at ${CHROME_EXT}: run \`npm run build\` first`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cecot-lens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

type WorkerFixtures = { server: string };
type TestFixtures = { context: BrowserContext; extensionId: string; baseURL: string };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer(path.join(ROOT, 'tests/e2e/pages'));
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server),
  context: async ({}, use) => {
    const { context, close } = await launchChromium();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    await use(new URL(worker.url()).host);
  },
});
export const expect = test.expect;
