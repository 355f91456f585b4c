import { describe, expect, it } from 'vitest';
import { errorText } from '../../components/error-text';
import { translator } from '../../lib/i18n';
import { errorKind } from '../../lib/messages/error-kind';
import { describeError, routeMessage } from '../../lib/messages/route';

const quota = () => Object.assign(new Error('Dexie: QuotaExceededError'), { name: 'QuotaExceededError' });

describe('background errors in the interface language', () => {
  it('recognises the kinds a reader can meet by the words the background uses for them', () => {
    expect(errorKind(describeError(quota()))).toBe('storage-full');
    expect(errorKind('refused: notes/list is only for extension pages')).toBe('refused');
    expect(errorKind('invalid message: type: Invalid input')).toBe('invalid-message');
    expect(errorKind('no such note: n-1')).toBeNull();
  });

  it('shows a full disk in Spanish in a Spanish interface, and the same English sentence as before in English', () => {
    const es = errorText(translator('es'), new Error(describeError(quota())));
    expect(es).toMatch(/^el almacenamiento está lleno/);
    expect(es).toContain('no se cambió nada');
    expect(errorText(translator('en'), new Error(describeError(quota())))).toBe(describeError(quota()));
  });

  it('words a refusal from the router in Spanish', async () => {
    const reply = await routeMessage({ type: 'dataset/status' }, { id: 'another-extension' }, { id: 'lens', origin: 'chrome-extension://lens' }, {} as never);
    expect(reply.ok).toBe(false);
    const error = reply.ok ? '' : reply.error;
    expect(errorText(translator('es'), error)).toMatch(/^la extensión rechazó esta solicitud/);
  });

  it('leaves an unknown error as it came, since it names what failed', () => {
    expect(errorText(translator('es'), new Error('no such note: n-1'))).toBe('no such note: n-1');
    expect(errorText(translator('es'), 'plain string')).toBe('plain string');
  });
});
