/**
 * What the background hands a page session it loads, besides the page's key: the reader's settings and
 * recognition terms as it has just read them (it reads the settings anyway, to refuse a switched-off site),
 * so that the session starts without a storage read of its own. On a busy page that read was answered
 * only after the page's own work, 15 to 40 ms on the way to the first highlight.
 *
 * It travels as JSON text: Chromium's executeScript drops a null property from its arguments. The session
 * validates both values as it would the storage's (an unreadable seed means a storage read after all).
 */
export const SESSION_START_SEED = '__cecotLensSessionStart';

export interface SessionStart {
  settings: unknown;
  userTerms: unknown;
}

export function writeSessionStart(start: SessionStart): string {
  return JSON.stringify(start);
}

/** The seed as the background left it, or null for anything else. */
export function readSessionStart(value: unknown): SessionStart | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || !('settings' in parsed) || !('userTerms' in parsed)) return null;
    return { settings: parsed.settings, userTerms: parsed.userTerms };
  } catch {
    return null;
  }
}
