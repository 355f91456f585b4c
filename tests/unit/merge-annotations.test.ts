import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { mergeAnnotationSets, mergeAnnotations } from '../../lib/merge/merge-annotations';
import { compareWrites } from '../../lib/merge/write-order';
import { annotationArb, makeAnnotation, uuidFor } from './exchange-fixtures';

const key = (records: readonly Annotation[]) => canonicalJson(records);
const merge = (...sets: Annotation[][]) => mergeAnnotationSets(...sets).annotations;

describe('merge rule (examples)', () => {
  const base = makeAnnotation({ id: uuidFor(1), note: 'base', revision: 1, updatedAt: '2025-03-01T10:00:00.000Z' });

  it('an edit made after another (higher revision) wins even if its device clock is behind', () => {
    const first = { ...base, note: 'first edit', revision: 2, updatedAt: '2025-03-01T12:00:00.000Z', deviceId: 'fast-clock' };
    const second = { ...first, note: 'second edit', revision: 3, updatedAt: '2025-03-01T11:00:00.000Z', deviceId: 'slow-clock' };
    expect(merge([first], [second])).toEqual([second]);
    expect(merge([second], [first])).toEqual([second]);
  });

  it('concurrent edits from the same base: the later one wins, the other is reported', () => {
    const a = { ...base, note: 'from A', revision: 2, updatedAt: '2025-03-02T10:00:00.000Z', deviceId: 'A' };
    const b = { ...base, note: 'from B', revision: 2, updatedAt: '2025-03-02T11:00:00.000Z', deviceId: 'B' };
    const result = mergeAnnotations([a], [b]);
    expect(result.annotations).toEqual([b]);
    expect(result.conflicts).toEqual([{ id: base.id, kept: b, discarded: a }]);
  });

  it('a deletion made after an edit wins', () => {
    const edit = { ...base, note: 'edited', revision: 2, updatedAt: '2025-03-02T10:00:00.000Z' };
    const del = { ...edit, revision: 3, deletedAt: '2025-03-03T10:00:00.000Z', updatedAt: '2025-03-03T10:00:00.000Z' };
    expect(merge([edit], [del])).toEqual([del]);
    expect(mergeAnnotations([edit], [del]).conflicts).toEqual([]);
  });

  it('a deletion concurrent with an edit wins even if the edit is later, and the edit is reported', () => {
    const del = { ...base, revision: 2, deletedAt: '2025-03-02T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z', deviceId: 'A' };
    const edit = { ...base, note: 'later, unaware', revision: 2, updatedAt: '2025-03-05T10:00:00.000Z', deviceId: 'B' };
    const result = mergeAnnotations([edit], [del]);
    expect(result.annotations).toEqual([del]);
    expect(result.conflicts).toEqual([{ id: base.id, kept: del, discarded: edit }]);
  });

  it('an explicit undelete (an edit made on the tombstone, higher revision) wins', () => {
    const del = { ...base, revision: 2, deletedAt: '2025-03-02T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z' };
    const undeleted = { ...del, revision: 3, deletedAt: null, updatedAt: '2025-03-03T10:00:00.000Z' };
    expect(merge([del], [undeleted])).toEqual([undeleted]);
  });

  it('ties on revision, kind and time fall to the device id, then to the content', () => {
    const a = { ...base, note: 'x', revision: 2, deviceId: 'A' };
    const b = { ...base, note: 'y', revision: 2, deviceId: 'B' };
    expect(merge([a], [b])).toEqual([b]);
    const c = { ...base, note: 'c', revision: 2, deviceId: 'A' };
    const d = { ...base, note: 'd', revision: 2, deviceId: 'A' };
    expect(merge([c], [d])).toEqual(merge([d], [c]));
    expect(compareWrites(c, d)).toBe(-compareWrites(d, c));
    expect(compareWrites(c, d)).not.toBe(0);
  });

  it('never drops a record and sorts the result by id', () => {
    const x = makeAnnotation({ id: uuidFor(30) });
    const y = makeAnnotation({ id: uuidFor(20), deletedAt: '2025-03-02T10:00:00.000Z' });
    const z = makeAnnotation({ id: uuidFor(10) });
    expect(merge([x, y], [z]).map((r) => r.id)).toEqual([z.id, y.id, x.id]);
  });

  it('two concurrent deletions are not a conflict', () => {
    const d1 = { ...base, revision: 2, deletedAt: '2025-03-02T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z', deviceId: 'A' };
    const d2 = { ...base, revision: 2, deletedAt: '2025-03-02T11:00:00.000Z', updatedAt: '2025-03-02T11:00:00.000Z', deviceId: 'B' };
    expect(mergeAnnotations([d1], [d2]).conflicts).toEqual([]);
  });
});

describe('merge is a join-semilattice (properties over arbitrary records)', () => {
  // Few ids so that versions of the same record meet often; random revisions,
  // times, devices and tombstones.
  const ids = fc.constantFrom(uuidFor(1), uuidFor(2), uuidFor(3), uuidFor(4));
  // Few revisions, times and devices too, so that versions tie on every key
  // but the last (the content) often enough for the tie-breaks to matter.
  const narrow = fc
    .tuple(
      annotationArb({ ids }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z', '2025-03-02T02:00:00.000+02:00'),
      fc.constantFrom('A', 'B'),
      fc.constantFrom(null, '2025-03-03T00:00:00.000Z'),
      fc.constantFrom('', 'x', 'y'),
    )
    .map(([a, revision, updatedAt, deviceId, deletedAt, note]) => ({ ...a, revision, updatedAt, deviceId, deletedAt, note }));
  const recordArb = fc.oneof(annotationArb({ ids }), narrow);
  const setArb = fc.array(recordArb, { maxLength: 8 });

  it('commutative', () => {
    fc.assert(fc.property(setArb, setArb, (a, b) => key(merge(a, b)) === key(merge(b, a))), { numRuns: 300 });
  });

  it('associative', () => {
    fc.assert(
      fc.property(setArb, setArb, setArb, (a, b, c) => key(merge(merge(a, b), c)) === key(merge(a, merge(b, c)))),
      { numRuns: 300 },
    );
  });

  it('idempotent, and merging a result with one of its inputs changes nothing', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        const ab = merge(a, b);
        return key(merge(a, a)) === key(merge(a)) && key(merge(ab, b)) === key(ab) && key(merge(ab, ab)) === key(ab);
      }),
      { numRuns: 300 },
    );
  });

  it('the order is total: compareWrites is antisymmetric, transitive, and 0 only for equal content', () => {
    const rec = recordArb;
    fc.assert(
      fc.property(rec, rec, rec, (a, b, c) => {
        const ab = Math.sign(compareWrites(a, b));
        expect(Math.sign(compareWrites(b, a))).toBe(-ab);
        expect(ab === 0).toBe(canonicalJson(a) === canonicalJson(b));
        if (compareWrites(a, b) > 0 && compareWrites(b, c) > 0) expect(compareWrites(a, c)).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- edit histories on several devices -------------------------------------

type Op =
  | { kind: 'create'; device: number; slot: number }
  | { kind: 'edit'; device: number; slot: number; note: string; tag: string | null; verdict: Annotation['verdict'] }
  | { kind: 'delete'; device: number; slot: number }
  | { kind: 'undelete'; device: number; slot: number }
  | { kind: 'sync'; device: number; other: number };

function opArb(devices: number): fc.Arbitrary<Op> {
  const device = fc.nat({ max: devices - 1 });
  const slot = fc.nat({ max: 5 });
  return fc.oneof(
    fc.record({ kind: fc.constant('create' as const), device, slot }),
    fc.record({
      kind: fc.constant('edit' as const),
      device,
      slot,
      note: fc.string({ maxLength: 6 }),
      tag: fc.option(fc.constantFrom('cecot', 'numbers', 'deportation'), { nil: null }),
      verdict: fc.constantFrom(null, 'accurate', 'misleading' as const),
    }),
    fc.record({ kind: fc.constant('delete' as const), device, slot }),
    fc.record({ kind: fc.constant('undelete' as const), device, slot }),
    fc.record({ kind: fc.constant('sync' as const), device, other: device }),
  );
}

interface History {
  finals: Annotation[][];
  writes: Map<string, Annotation[]>;
  /** Pairs (later, earlier) where `later` was written by a device that already held `earlier`. */
  causal: Array<[Annotation, Annotation]>;
}

/**
 * Plays the operations. Each device has its own clock, off by up to ±1 hour,
 * so wall-clock order and real order disagree; `step` is real time.
 */
function play(devices: number, skews: number[], ops: Op[]): History {
  const states: Array<Map<string, Annotation>> = Array.from({ length: devices }, () => new Map());
  const writes = new Map<string, Annotation[]>();
  const causal: Array<[Annotation, Annotation]> = [];
  let step = 0;
  const clock = (d: number) => new Date(Date.UTC(2025, 2, 1) + step * 60_000 + (skews[d] ?? 0)).toISOString();
  const write = (d: number, next: Annotation, previous?: Annotation) => {
    states[d]!.set(next.id, next);
    writes.set(next.id, [...(writes.get(next.id) ?? []), next]);
    if (previous !== undefined) causal.push([next, previous]);
  };
  for (const op of ops) {
    step += 1;
    const state = states[op.device]!;
    const id = uuidFor(op.kind === 'sync' ? 0 : op.slot + 100);
    const current = state.get(id);
    const bump = (changes: Partial<Annotation>): Annotation => ({
      ...current!,
      ...changes,
      revision: current!.revision + 1,
      updatedAt: clock(op.device),
      deviceId: `device-${op.device}`,
    });
    switch (op.kind) {
      case 'create':
        if (current === undefined) {
          const now = clock(op.device);
          write(op.device, makeAnnotation({ id, createdAt: now, updatedAt: now, deviceId: `device-${op.device}`, quote: `q${op.slot}` }));
        }
        break;
      case 'edit':
        if (current !== undefined && current.deletedAt === null) {
          write(op.device, bump({ note: op.note, tags: op.tag === null ? [] : [op.tag], verdict: op.verdict }), current);
        }
        break;
      case 'delete':
        if (current !== undefined && current.deletedAt === null) write(op.device, bump({ deletedAt: clock(op.device) }), current);
        break;
      case 'undelete':
        if (current !== undefined && current.deletedAt !== null) write(op.device, bump({ deletedAt: null }), current);
        break;
      case 'sync': {
        if (op.other === op.device) break;
        const merged = merge([...state.values()], [...states[op.other]!.values()]);
        states[op.device] = new Map(merged.map((r) => [r.id, r]));
        states[op.other] = new Map(merged.map((r) => [r.id, r]));
        break;
      }
    }
  }
  return { finals: states.map((s) => [...s.values()]), writes, causal };
}

const historyArb = fc.integer({ min: 2, max: 3 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    skews: fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: devices, maxLength: devices }),
    ops: fc.array(opArb(devices), { minLength: 1, maxLength: 60 }),
  }),
);

describe('merge of edit histories on two or three devices', () => {
  it('any order and any number of merges of the devices give the same state', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        ({ devices, skews, ops }, picks) => {
          const { finals } = play(devices, skews, ops);
          const reference = key(merge(...finals));
          // Another order, with repeats: still the same result.
          const order = picks.map((p) => finals[p % finals.length]!);
          const reordered = merge(...order, ...finals);
          expect(key(reordered)).toBe(reference);
          // Merging pairwise in reverse and then again gives the same too.
          let acc: Annotation[] = [];
          for (const state of [...finals].reverse()) acc = merge(state, acc);
          expect(key(merge(acc, acc))).toBe(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('loses nothing: every record survives, as its greatest write; a write made after seeing another beats it', () => {
    fc.assert(
      fc.property(historyArb, ({ devices, skews, ops }) => {
        const { finals, writes, causal } = play(devices, skews, ops);
        const merged = merge(...finals);
        // No record ever disappears.
        expect(merged.map((r) => r.id).sort()).toEqual([...writes.keys()].sort());
        // Each record ends as the greatest write ever made to it, whichever device made it.
        for (const record of merged) {
          const all = writes.get(record.id)!;
          const best = all.reduce((a, b) => (compareWrites(a, b) >= 0 ? a : b));
          expect(record).toEqual(best);
        }
        // Causality beats clocks: an edit that knew of a version wins over it.
        for (const [later, earlier] of causal) expect(compareWrites(later, earlier)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('after everyone syncs with everyone, all devices hold the same records', () => {
    fc.assert(
      fc.property(historyArb, ({ devices, skews, ops }) => {
        const syncAll: Op[] = [];
        for (let round = 0; round < 2; round++) {
          for (let d = 1; d < devices; d++) syncAll.push({ kind: 'sync', device: 0, other: d });
        }
        const { finals } = play(devices, skews, [...ops, ...syncAll]);
        const keys = finals.map((f) => key(merge(f)));
        expect(new Set(keys).size).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
