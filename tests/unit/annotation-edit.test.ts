import { describe, expect, it } from 'vitest';
import { applyEdit, normaliseTags, AnnotationEdit } from '../../lib/annotations/edit';

const target = {
  url: 'https://news.example/a?utm_source=x',
  canonicalUrl: 'https://news.example/a',
  title: 'A',
  quote: '261 people',
  selectors: { quote: { type: 'TextQuoteSelector' as const, exact: '261 people', prefix: 'for ', suffix: ' that' } },
};
const fields = { note: 'n', tags: [' capacity', 'Capacity', 'cecot '], verdict: 'accurate' as const, color: 'green' as const, claims: [] };

describe('applyEdit', () => {
  it('creates a record stamped with revision 1, the time and the device', () => {
    const a = applyEdit(null, AnnotationEdit.parse({ target, fields }), { deviceId: 'd1', now: new Date('2026-11-01T00:00:00Z'), newId: () => '00000000-0000-4000-8000-000000000001' });
    expect(a).toMatchObject({ revision: 1, deviceId: 'd1', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', deletedAt: null, tags: ['capacity', 'cecot'], quote: '261 people' });
  });

  it('updates by bumping the revision and keeping createdAt', () => {
    const ctx = { deviceId: 'd1', now: new Date('2026-11-01T00:00:00Z'), newId: () => '00000000-0000-4000-8000-000000000001' };
    const a = applyEdit(null, { target, fields }, ctx);
    const b = applyEdit(a, { id: a.id, fields: { ...fields, note: 'changed', tags: [] } }, { ...ctx, deviceId: 'd2', now: new Date('2026-11-02T00:00:00Z') });
    expect(b).toMatchObject({ revision: 2, deviceId: 'd2', note: 'changed', createdAt: a.createdAt, updatedAt: '2026-11-02T00:00:00.000Z', tags: [] });
  });

  it('refuses to update a missing or deleted record', () => {
    const ctx = { deviceId: 'd1', now: new Date(), newId: () => '00000000-0000-4000-8000-000000000001' };
    expect(() => applyEdit(null, { id: '00000000-0000-4000-8000-000000000009', fields }, ctx)).toThrow(/no annotation/);
    const a = applyEdit(null, { target, fields }, ctx);
    expect(() => applyEdit({ ...a, deletedAt: a.updatedAt }, { id: a.id, fields }, ctx)).toThrow(/deleted/);
  });

  it('normalises tags as a set', () => {
    expect(normaliseTags(['a', ' A', 'b ', '', 'B'])).toEqual(['a', 'b']);
  });
});

describe('Annotation schema', () => {
  it('refuses pages that are not http(s) addresses', async () => {
    const { Annotation } = await import('../../lib/annotations/schema');
    const ok = applyEdit(null, { target, fields }, { deviceId: 'd', now: new Date(), newId: () => '00000000-0000-4000-8000-000000000001' });
    expect(Annotation.safeParse(ok).success).toBe(true);
    const bad = Annotation.safeParse({ ...ok, canonicalUrl: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/http/);
  });
});
