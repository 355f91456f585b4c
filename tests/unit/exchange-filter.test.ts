import { describe, expect, it } from 'vitest';
import { filterAnnotations } from '../../lib/exchange/filter';
import { makeAnnotation } from './exchange-fixtures';

describe('filterAnnotations', () => {
  const elfaro = makeAnnotation({ canonicalUrl: 'https://www.elfaro.net/a', tags: ['CECOT'], verdict: 'misleading', updatedAt: '2025-03-10T12:00:00.000Z' });
  const ap = makeAnnotation({ canonicalUrl: 'https://apnews.com/b', tags: ['deportation'], updatedAt: '2025-03-20T12:00:00.000Z', createdAt: '2025-01-01T00:00:00.000Z' });
  const fakeElfaro = makeAnnotation({ canonicalUrl: 'https://notelfaro.net/c', updatedAt: '2025-03-31T23:59:59.000Z' });
  const gone = makeAnnotation({ canonicalUrl: 'https://www.elfaro.net/d', deletedAt: '2025-03-15T00:00:00.000Z', revision: 2 });
  const all = [elfaro, ap, fakeElfaro, gone];

  it('leaves tombstones out unless asked', () => {
    expect(filterAnnotations(all)).toEqual([elfaro, ap, fakeElfaro]);
    expect(filterAnnotations(all, { deleted: 'include' })).toEqual(all);
    expect(filterAnnotations(all, { deleted: 'only' })).toEqual([gone]);
  });

  it('by site: a host and its subdomains, not look-alikes', () => {
    expect(filterAnnotations(all, { hosts: ['elfaro.net'] })).toEqual([elfaro]);
    expect(filterAnnotations(all, { hosts: ['ELFARO.NET', 'apnews.com'], deleted: 'include' })).toEqual([elfaro, ap, gone]);
  });

  it('by tag (case-insensitive) and by verdict (null = none)', () => {
    expect(filterAnnotations(all, { tags: ['cecot'] })).toEqual([elfaro]);
    expect(filterAnnotations(all, { verdicts: ['misleading'] })).toEqual([elfaro]);
    expect(filterAnnotations(all, { verdicts: [null] })).toEqual([ap, fakeElfaro]);
  });

  it('by date range, inclusive; a plain end date covers its whole day', () => {
    expect(filterAnnotations(all, { from: '2025-03-15', to: '2025-03-31' })).toEqual([ap, fakeElfaro]);
    expect(filterAnnotations(all, { to: new Date('2025-03-10T12:00:00.000Z') })).toEqual([elfaro]);
    expect(filterAnnotations(all, { dateField: 'createdAt', to: '2025-01-01' })).toEqual([ap]);
    expect(() => filterAnnotations(all, { from: 'soon' })).toThrow(RangeError);
  });

  it('combines criteria', () => {
    expect(filterAnnotations(all, { hosts: ['elfaro.net'], tags: ['deportation'] })).toEqual([]);
  });
});
