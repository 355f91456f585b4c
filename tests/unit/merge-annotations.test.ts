import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations/schema';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { mergeAnnotationSets, mergeAnnotations } from '../../lib/merge/merge-annotations';
import { compareWrites } from '../../lib/merge/write-order';
import { clockOf, stampWrite, strictlyDominates, versionOf, versionsOf } from '../../lib/merge/versions';
import { applyEdit } from '../../lib/annotations/edit';
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

  it('concurrent edits from the same base: the later one becomes the record, the other is kept with it and reported', () => {
    const a = { ...base, note: 'from A', revision: 2, updatedAt: '2025-03-02T10:00:00.000Z', deviceId: 'A' };
    const b = { ...base, note: 'from B', revision: 2, updatedAt: '2025-03-02T11:00:00.000Z', deviceId: 'B' };
    const result = mergeAnnotations([a], [b]);
    expect(result.annotations).toEqual([{ ...b, conflicts: [versionOf(a)] }]);
    expect(result.conflicts).toEqual([{ id: base.id, kept: result.annotations[0], discarded: versionOf(a) }]);
    // Merging again, in either order, with either input changes nothing.
    expect(merge(result.annotations, [a])).toEqual(result.annotations);
    expect(merge([b], result.annotations)).toEqual(result.annotations);
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
    expect(result.annotations).toEqual([{ ...del, conflicts: [versionOf(edit)] }]);
    expect(result.conflicts).toEqual([{ id: base.id, kept: result.annotations[0], discarded: versionOf(edit) }]);
  });

  it('an explicit undelete (an edit made on the tombstone, higher revision) wins', () => {
    const del = { ...base, revision: 2, deletedAt: '2025-03-02T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z' };
    const undeleted = { ...del, revision: 3, deletedAt: null, updatedAt: '2025-03-03T10:00:00.000Z' };
    expect(merge([del], [undeleted])).toEqual([undeleted]);
  });

  it('ties on revision, kind and time fall to the device id, then to the content', () => {
    const a = { ...base, note: 'x', revision: 2, deviceId: 'A' };
    const b = { ...base, note: 'y', revision: 2, deviceId: 'B' };
    expect(merge([a], [b])).toEqual([{ ...b, conflicts: [versionOf(a)] }]);
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
  | { kind: 'edit'; device: number; slot: number; tag: string | null; verdict: Annotation['verdict'] }
  | { kind: 'delete'; device: number; slot: number }
  | { kind: 'undelete'; device: number; slot: number }
  | { kind: 'resolve'; device: number; slot: number; choice: 'mine' | 'other' | 'both' }
  | { kind: 'sync'; device: number; other: number };

function opArb(devices: number): fc.Arbitrary<Op> {
  const device = fc.nat({ max: devices - 1 });
  const slot = fc.nat({ max: 3 });
  return fc.oneof(
    fc.record({ kind: fc.constant('create' as const), device, slot }),
    fc.record({
      kind: fc.constant('edit' as const),
      device,
      slot,
      tag: fc.option(fc.constantFrom('cecot', 'numbers', 'deportation'), { nil: null }),
      verdict: fc.constantFrom(null, 'accurate', 'misleading' as const),
    }),
    fc.record({ kind: fc.constant('edit' as const), device, slot, tag: fc.constant(null), verdict: fc.constant(null) }),
    fc.record({ kind: fc.constant('delete' as const), device, slot }),
    fc.record({ kind: fc.constant('undelete' as const), device, slot }),
    fc.record({ kind: fc.constant('resolve' as const), device, slot, choice: fc.constantFrom('mine' as const, 'other' as const, 'both' as const) }),
    fc.record({ kind: fc.constant('sync' as const), device, other: fc.nat({ max: devices - 1 }) }),
  );
}

interface History {
  finals: Annotation[][];
  ids: Set<string>;
  /** Every note text a device saved, per record id (each edit writes a new, unique text). */
  saved: Map<string, Set<string>>;
  /** Texts the reader replaced on purpose: edited over, deleted, or left out when resolving. */
  superseded: Map<string, Set<string>>;
  /** Pairs (later, earlier): `later` was written by a device that held `earlier` as the record. */
  causal: Array<[Annotation, Annotation]>;
}

/**
 * Plays the operations with the app's own write stamping (applyEdit, and
 * stampWrite as the store's tombstoning does). Each device's wall clock is off
 * by up to ±1 hour, so wall-clock order and real order disagree.
 */
function play(devices: number, skews: number[], ops: Op[]): History {
  const states: Array<Map<string, Annotation>> = Array.from({ length: devices }, () => new Map());
  const saved = new Map<string, Set<string>>();
  const superseded = new Map<string, Set<string>>();
  const causal: Array<[Annotation, Annotation]> = [];
  const ids = new Set<string>();
  const add = (m: Map<string, Set<string>>, id: string, text: string) => {
    if (text === '') return;
    if (!m.has(id)) m.set(id, new Set());
    m.get(id)!.add(text);
  };
  let step = 0;
  const now = (d: number) => new Date(Date.UTC(2025, 2, 1) + step * 60_000 + (skews[d] ?? 0));
  const fieldsOf = (r: Annotation) => ({ note: r.note, tags: r.tags, verdict: r.verdict, color: r.color, claims: r.claims });
  for (const op of ops) {
    step += 1;
    const state = states[op.device]!;
    const deviceId = `device-${op.device}`;
    const id = uuidFor(op.kind === 'sync' ? 0 : op.slot + 100);
    const current = state.get(id);
    const ctx = { deviceId, now: now(op.device), newId: () => id };
    const put = (next: Annotation) => {
      state.set(next.id, next);
      add(saved, next.id, next.note);
      if (current !== undefined) causal.push([next, current]);
    };
    switch (op.kind) {
      case 'create':
        if (current === undefined) {
          ids.add(id);
          const target = { url: 'https://example.org/p', canonicalUrl: 'https://example.org/p', title: '', quote: `q${op.slot}`, selectors: { quote: { type: 'TextQuoteSelector' as const, exact: `q${op.slot}` } } };
          put(applyEdit(null, { target, fields: { note: `${deviceId} made ${step}`, tags: [], verdict: null, color: 'yellow', claims: [] } }, ctx));
        }
        break;
      case 'edit':
        if (current !== undefined && current.deletedAt === null) {
          // The reader rewrites the note as shown, and with it every text it holds ("keep both" joins two).
          for (const text of saved.get(id) ?? []) if (current.note.includes(text)) add(superseded, id, text);
          add(superseded, id, current.note);
          put(applyEdit(current, { id, fields: { ...fieldsOf(current), note: `${deviceId} wrote ${step}`, tags: op.tag === null ? [] : [op.tag], verdict: op.verdict } }, ctx));
        }
        break;
      case 'delete':
        if (current !== undefined && current.deletedAt === null) {
          for (const text of saved.get(id) ?? []) if (current.note.includes(text)) add(superseded, id, text);
          add(superseded, id, current.note);
          const stamp = ctx.now.toISOString();
          put({ ...current, note: '', tags: [], verdict: null, claims: [], updatedAt: stamp, deletedAt: stamp, ...stampWrite(current, deviceId), deviceId });
        }
        break;
      case 'undelete':
        if (current !== undefined && current.deletedAt !== null) {
          put({ ...current, deletedAt: null, updatedAt: ctx.now.toISOString(), ...stampWrite(current, deviceId), deviceId });
        }
        break;
      case 'resolve': {
        const other = current?.conflicts?.find((k) => k.deletedAt === null);
        if (current === undefined || current.deletedAt !== null || other === undefined) break;
        const shown = versionsOf(current).filter((v) => v.deletedAt === null).map((v) => v.note);
        const note = op.choice === 'mine' ? current.note : op.choice === 'other' ? other.note : `${current.note}\n\n${other.note}`;
        // The reader saw every version and chose: what they left out is their choice, not a loss.
        for (const text of shown) if (!note.includes(text)) add(superseded, id, text);
        put(applyEdit(current, { id, fields: { ...fieldsOf(current), note }, resolve: true }, ctx));
        break;
      }
      case 'sync': {
        if (op.other === op.device) break;
        const merged = merge([...state.values()], [...states[op.other]!.values()]);
        states[op.device] = new Map(merged.map((r) => [r.id, r]));
        states[op.other] = new Map(merged.map((r) => [r.id, r]));
        break;
      }
    }
  }
  return { finals: states.map((s) => [...s.values()]), ids, saved, superseded, causal };
}

const historyArb = fc.integer({ min: 2, max: 3 }).chain((devices) =>
  fc.record({
    devices: fc.constant(devices),
    skews: fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: devices, maxLength: devices }),
    ops: fc.array(opArb(devices), { minLength: 1, maxLength: 60 }),
  }),
);
const threeDevices = fc.record({
  devices: fc.constant(3),
  skews: fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
  ops: fc.array(opArb(3), { minLength: 1, maxLength: 80 }),
});

/** Every note text reachable in a set of records: the records' own and their kept versions'. */
function reachable(records: readonly Annotation[], id: string): string[] {
  const record = records.find((r) => r.id === id);
  return record === undefined ? [] : versionsOf(record).map((v) => v.note);
}

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

  it('no text any device saved is ever unreachable: it is the record or a kept version, unless the reader replaced it', () => {
    fc.assert(
      fc.property(threeDevices, ({ devices, skews, ops }) => {
        const { finals, ids, saved, superseded } = play(devices, skews, ops);
        const merged = merge(...finals);
        // No record ever disappears.
        expect(merged.map((r) => r.id).sort()).toEqual([...ids].sort());
        for (const id of ids) {
          const texts = reachable(merged, id);
          for (const text of saved.get(id) ?? []) {
            if (superseded.get(id)?.has(text)) continue;
            // "Keep both" joins two texts into one note: a text is reachable inside the note that holds it.
            expect(texts.some((t) => t.includes(text)), `text ${JSON.stringify(text)} of ${id} in ${JSON.stringify(texts)}`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('at every moment, every text not replaced on purpose is on some device', () => {
    fc.assert(
      fc.property(threeDevices, ({ devices, skews, ops }) => {
        for (let n = 1; n <= ops.length; n += Math.max(1, Math.floor(ops.length / 8))) {
          const { finals, ids, saved, superseded } = play(devices, skews, ops.slice(0, n));
          for (const id of ids) {
            const texts = new Set(finals.flatMap((f) => reachable(f, id)));
            for (const text of saved.get(id) ?? []) if (!superseded.get(id)?.has(text)) expect([...texts].some((t) => t.includes(text)), text).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a write made after seeing a version has a clock that covers it, and wins over it', () => {
    fc.assert(
      fc.property(historyArb, ({ devices, skews, ops }) => {
        const { causal } = play(devices, skews, ops);
        for (const [later, earlier] of causal) {
          expect(strictlyDominates(clockOf(later), clockOf(earlier))).toBe(true);
          expect(compareWrites(later, earlier)).toBeGreaterThan(0);
        }
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

  it('resolving keeps the chosen text on every device and clears the kept versions everywhere', () => {
    const ctx = (d: string, minute: number) => ({ deviceId: d, now: new Date(Date.UTC(2025, 2, 1, 0, minute)), newId: () => uuidFor(500) });
    const target = { url: 'https://example.org/p', canonicalUrl: 'https://example.org/p', title: '', quote: 'q', selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'q' } } };
    const fields = { note: 'first', tags: ['cecot'], verdict: null, color: 'yellow' as const, claims: [] };
    const made = applyEdit(null, { target, fields }, ctx('A', 0));
    const onA = applyEdit(made, { id: made.id, fields: { ...fields, note: 'from A', tags: ['cecot', 'numbers'] } }, ctx('A', 1));
    const onB = applyEdit(made, { id: made.id, fields: { ...fields, note: 'from B' } }, ctx('B', 2));
    const [both] = merge([onA], [onB]);
    expect(versionsOf(both!).map((v) => v.note).sort()).toEqual(['from A', 'from B']);
    // A plain edit of the winning text on A keeps B's version.
    const edited = applyEdit(both!, { id: made.id, fields: { ...fields, note: 'from B, corrected' } }, ctx('A', 3));
    expect(versionsOf(merge([edited], [onA], [onB])[0]!).map((v) => v.note).sort()).toEqual(['from A', 'from B, corrected']);
    const chosen = applyEdit(edited, { id: made.id, fields: { ...fields, note: 'from A\n\nfrom B, corrected' }, resolve: true }, ctx('A', 4));
    expect(chosen.conflicts).toBeUndefined();
    // Every device's old versions are covered by the resolution: none comes back.
    const after = merge([chosen], [onA], [onB], [both!], [edited])[0]!;
    expect(after.note).toBe('from A\n\nfrom B, corrected');
    expect(after.conflicts).toBeUndefined();
  });
});
