import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../lib/annotations/edit';
import { mergeAnnotations } from '../../lib/merge/merge-annotations';
import { hasEditConflict, liveVersions, resolutionFields } from '../../lib/merge/resolve';
import { stampWrite } from '../../lib/merge/versions';

const target = {
  url: 'https://example.org/p',
  canonicalUrl: 'https://example.org/p',
  title: 'A page',
  quote: 'forty thousand',
  selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'forty thousand' } },
};
const at = (d: string, minute: number) => ({ deviceId: d, now: new Date(Date.UTC(2025, 3, 1, 9, minute)), newId: () => '00000000-0000-4000-8000-0000000000aa' });
const fields = { note: 'base', tags: ['cecot'], verdict: null, color: 'yellow' as const, claims: [] };

function concurrent() {
  const made = applyEdit(null, { target, fields }, at('laptop', 0));
  const onLaptop = applyEdit(made, { id: made.id, fields: { ...fields, note: 'Capacity is disputed', tags: ['cecot', 'numbers'], verdict: 'disputed' } }, at('laptop', 5));
  const onPhone = applyEdit(made, { id: made.id, fields: { ...fields, note: 'Check the 2023 figure', claims: [{ claimId: 'cecot.capacity.40000', relation: 'agrees' }] } }, at('phone', 7));
  return mergeAnnotations([onLaptop], [onPhone]).annotations[0]!;
}

describe('choosing among the versions of a concurrent edit', () => {
  it('shows the record first, then the other version', () => {
    const record = concurrent();
    expect(hasEditConflict(record)).toBe(true);
    expect(liveVersions(record).map((v) => v.note)).toEqual(['Check the 2023 figure', 'Capacity is disputed']);
  });

  it('keeping one takes its text, verdict and links; tags of both are kept', () => {
    const record = concurrent();
    expect(resolutionFields(record, { keep: 1 })).toEqual({ note: 'Capacity is disputed', tags: ['cecot', 'numbers'], verdict: 'disputed', color: 'yellow', claims: [] });
    expect(resolutionFields(record, { keep: 0 })).toMatchObject({ note: 'Check the 2023 figure', tags: ['cecot', 'numbers'], claims: [{ claimId: 'cecot.capacity.40000' }] });
  });

  it('keeping both joins the notes, keeps the first verdict and every claim link', () => {
    const record = concurrent();
    expect(resolutionFields(record, 'all')).toEqual({
      note: 'Check the 2023 figure\n\nCapacity is disputed',
      tags: ['cecot', 'numbers'],
      verdict: 'disputed',
      color: 'yellow',
      claims: [{ claimId: 'cecot.capacity.40000', relation: 'agrees' }],
    });
  });

  it('the resolving edit clears the kept version, and the old versions do not come back', () => {
    const record = concurrent();
    const resolved = applyEdit(record, { id: record.id, fields: resolutionFields(record, 'all'), resolve: true }, at('phone', 9));
    expect(resolved.conflicts).toBeUndefined();
    expect(hasEditConflict(resolved)).toBe(false);
    expect(mergeAnnotations([resolved], [record]).annotations).toEqual([resolved]);
  });

  it('a plain edit keeps the other version waiting', () => {
    const record = concurrent();
    const edited = applyEdit(record, { id: record.id, fields: { ...fields, note: 'Check the 2023 figure (done)' } }, at('phone', 9));
    expect(liveVersions(edited).map((v) => v.note)).toEqual(['Check the 2023 figure (done)', 'Capacity is disputed']);
    expect(edited.revision).toBeGreaterThan(record.revision);
    expect(stampWrite(edited, 'phone').revision).toBe(edited.revision + 1);
  });

  it('a deleted note has nothing to choose', () => {
    const record = { ...concurrent(), deletedAt: '2025-04-02T00:00:00.000Z' };
    expect(hasEditConflict(record)).toBe(false);
    expect(() => resolutionFields(record, 'all')).toThrow(/deleted/);
  });
});
