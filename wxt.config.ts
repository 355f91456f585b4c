import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox's add-on id is fixed so that tests can pin its moz-extension:// UUID.
export const GECKO_ID = 'cecot-lens@cecot-lens.org';

export default defineConfig({
  srcDir: '.',
  manifest: ({ browser }) => ({
    // The browser reads these from public/_locales/{en,es}/messages.json in its own language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in the README's "Permissions" table.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'scripting', 'alarms'],
    // The same sites the content script runs on: needed to load the page session into a tab that needs it.
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_cmdAnnotate__',
      },
    },
    // The always-on gate (entrypoints/gate.ts), on every page from document_start: see that file for why it is listed here.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], run_at: 'document_start', js: ['gate.js'] }],
    // The sidebar page is also shown inside pages, in a frame, where the browser will not open its own sidebar.
    web_accessible_resources: [
      {
        resources: ['sidepanel.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
  vite: () => ({
    plugins: [preact()],
    // Chromium refuses to load a content script containing Unicode non-characters
    // (U+FFFF appears in the fuzzy matcher): emit every bundle as ASCII.
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
