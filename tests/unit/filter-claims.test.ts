import { describe, expect, it } from 'vitest';
import { filterClaims, ALL_RELATIONS } from '../../lib/page/filter-claims';
import type { PageClaim } from '../../lib/page/page-report';

const claim = (key: string, text: string, relation: PageClaim['relation'], over: Partial<PageClaim> = {}): PageClaim => ({
  key, text, start: 0, end: text.length, checkWorthiness: 0.8, relation, matches: [], parts: [], annotationIds: [], ...over,
});
const claims = [
  claim('a', 'La cárcel tiene capacidad para 40.000 presos.', 'agrees'),
  claim('b', '238 people were deported.', 'conflicts', { matches: [{ claimId: 'c1', statement: 'The US sent 261 people to CECOT.', relation: 'conflicts', score: 0.9, explanation: 'page: 238; dataset: 261' }] }),
  claim('c', 'Officials met on Tuesday.', 'unmatched', { annotationIds: ['x'] }),
];
const all = new Set(ALL_RELATIONS);

describe('filterClaims', () => {
  it('filters by relation', () => {
    expect(filterClaims(claims, { relations: new Set(['conflicts'] as const), annotatedOnly: false, query: '' }).map((c) => c.key)).toEqual(['b']);
  });
  it('keeps only annotated claims when asked', () => {
    expect(filterClaims(claims, { relations: all, annotatedOnly: true, query: '' }).map((c) => c.key)).toEqual(['c']);
  });
  it('searches page text and dataset statements without case or accents', () => {
    expect(filterClaims(claims, { relations: all, annotatedOnly: false, query: 'CARCEL' }).map((c) => c.key)).toEqual(['a']);
    expect(filterClaims(claims, { relations: all, annotatedOnly: false, query: 'cecot 261' }).map((c) => c.key)).toEqual(['b']);
    expect(filterClaims(claims, { relations: all, annotatedOnly: false, query: 'nothing-like-this' })).toEqual([]);
  });
});
