// First: marks the start of this script's evaluation, and sends its first questions (see there).
import '../platform/content/session-boot';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ScriptLifetime } from '../platform/content/script-lifetime';
import { PageSession } from '../platform/content/page-session';

// Injected by the background into a tab's content-script world, once per page.
export default defineUnlistedScript(() => {
  const flag = globalThis as { __cecotLensSession?: boolean };
  if (flag.__cecotLensSession) return;
  flag.__cecotLensSession = true;
  const session = new PageSession(new ScriptLifetime());
  session.start().catch((error: unknown) => session.fail(error));
});
