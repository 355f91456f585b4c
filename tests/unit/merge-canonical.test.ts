import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { sameContent } from '../../lib/merge/same-content';
import { annotationArb } from './exchange-fixtures';

describe('canonicalJson and sameContent', () => {
  it('canonicalJson ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('sameContent agrees with comparing canonical JSON (property)', () => {
    // JSON values, plus members and items set to undefined (what spreads and optional fields produce).
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1, 'a', '', 'b'),
        fc.double(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameContent(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameContent(a, structuredCloneSafe(a))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('on records: equal after a JSON round trip, different after any edit', () => {
    fc.assert(
      fc.property(annotationArb(), annotationArb(), (a, b) => {
        expect(sameContent(a, JSON.parse(JSON.stringify(a)))).toBe(true);
        expect(sameContent(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameContent(a, { ...a, note: a.note + '.' })).toBe(false);
      }),
    );
  });
});

function structuredCloneSafe(v: unknown): unknown {
  return JSON.parse(canonicalJson(v)) as unknown;
}
