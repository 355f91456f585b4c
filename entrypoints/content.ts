import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageSession } from '../platform/content/page-session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void new PageSession(ctx).start();
  },
});
