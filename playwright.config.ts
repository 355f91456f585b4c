import { defineConfig } from '@playwright/test';

// One worker: each test file starts its own browser with the extension, and the machines have 2 cores.
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: { trace: 'off' },
});
