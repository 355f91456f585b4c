import { test as base, type BrowserContext } from '@playwright/test';
import path from 'node:path';
import { startStaticServer } from '../../scripts/shared/static-server';
import { extensionIdOf, launchChromiumWithExtension } from '../../scripts/shared/chromium';
import { ROOT } from './paths';

export { ROOT };
export const CHROME_EXT = path.join(ROOT, '.output/chrome-mv3');

type WorkerFixtures = { server: string };
type TestFixtures = { context: BrowserContext; extensionId: string; baseURL: string };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer(path.join(ROOT, 'demo/pages'));
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server),
  context: async ({}, use) => {
    const { context, close } = await launchChromiumWithExtension(CHROME_EXT);
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => use(await extensionIdOf(context)),
});
export const expect = test.expect;
