import { describe, expect, it } from 'vitest';
import { isEditableTarget, navigationKey, nextClaim } from '../../lib/page/claim-keys';

const key = (code: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ code, altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, ...mods });

describe('claim navigation keys', () => {
  it('Alt+Shift+J is next, Alt+Shift+K previous; other combinations are the page’s', () => {
    expect(navigationKey(key('KeyJ'))).toBe(1);
    expect(navigationKey(key('KeyK'))).toBe(-1);
    expect(navigationKey(key('KeyJ', { shiftKey: false }))).toBeNull();
    expect(navigationKey(key('KeyJ', { ctrlKey: true }))).toBeNull();
    expect(navigationKey(key('KeyL'))).toBeNull();
  });
  it('leaves the keys alone where the reader types', () => {
    expect(isEditableTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isEditableTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isEditableTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: 'P' })).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
  it('steps through the claims and wraps around at both ends', () => {
    const claims = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    expect(nextClaim(claims, null, 1)).toEqual({ claim: { key: 'a' }, index: 0 });
    expect(nextClaim(claims, null, -1)).toEqual({ claim: { key: 'c' }, index: 2 });
    expect(nextClaim(claims, 'c', 1)?.claim.key).toBe('a');
    expect(nextClaim(claims, 'a', -1)?.claim.key).toBe('c');
    expect(nextClaim(claims, 'gone', 1)?.claim.key).toBe('a');
    expect(nextClaim([], null, 1)).toBeNull();
  });
});
