import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type Handlers } from '../../lib/messages/route';

const status = { id: 'set', version: '2026.01.01', loadedAt: '2026-01-01T00:00:00.000Z', claimCount: 3, sourceCount: 1, subjectCount: 1 };

function handlers(): Handlers {
  return {
    'dataset/status': vi.fn(async () => status),
    'dataset/claims': vi.fn(async () => []),
    'annotations/list': vi.fn(async () => ({ annotations: [], invalid: [] })),
    'annotations/save': vi.fn(async (r) => r.annotation),
    'annotations/delete': vi.fn(async () => null),
  };
}

describe('routeMessage', () => {
  it('dispatches a valid message from this extension', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'dataset/status' }, { id: 'self' }, 'self', h)).toEqual({ ok: true, data: status });
    expect(h['dataset/status']).toHaveBeenCalledOnce();
  });

  it('refuses messages from another extension without calling any handler', async () => {
    const h = handlers();
    const reply = await routeMessage({ type: 'dataset/status' }, { id: 'intruder' }, 'self', h);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    expect(h['dataset/status']).not.toHaveBeenCalled();
  });

  it('names the bad field of a malformed message', async () => {
    const h = handlers();
    const reply = await routeMessage({ type: 'annotations/delete', id: 'not-a-uuid' }, { id: 'self' }, 'self', h);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^invalid message: id:/);
    expect(await routeMessage({ type: 'drop/tables' }, { id: 'self' }, 'self', h)).toMatchObject({ ok: false });
  });

  it('turns handler failures into error replies, with a clear word for a full disk', async () => {
    const h = handlers();
    h['dataset/status'] = async () => {
      const e = new Error('Dexie: QuotaExceededError');
      e.name = 'QuotaExceededError';
      throw e;
    };
    const reply = await routeMessage({ type: 'dataset/status' }, { id: 'self' }, 'self', h);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/storage is full/) });
  });
});
