/**
 * Keys for moving between the page's claims without a mouse: Alt+Shift+J
 * (next) and Alt+Shift+K (previous), read by their physical position
 * (`code`) so that they work on every keyboard layout and on macOS, where
 * Option+letter types a character. Alt+Shift with a letter is rarely a
 * page's own shortcut; in a text field the keys are left to the page.
 */
export function navigationKey(e: { code: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): 1 | -1 | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  return e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : null;
}

interface MaybeEditable {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/** Whether a key event's target is somewhere the reader types. */
export function isEditableTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const t = target as MaybeEditable;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((t.type ?? '').toLowerCase());
}

/** The claim after (step 1) or before (step -1) the current one, wrapping around; the first (or last) when none is current. */
export function nextClaim<C extends { key: string }>(claims: readonly C[], current: string | null, step: 1 | -1): { claim: C; index: number } | null {
  if (!claims.length) return null;
  const at = current === null ? -1 : claims.findIndex((c) => c.key === current);
  const index = at < 0 ? (step === 1 ? 0 : claims.length - 1) : (at + step + claims.length) % claims.length;
  return { claim: claims[index]!, index };
}
