import { describe, expect, it } from 'vitest';
import { loadSeedsFromDir } from '../../scripts/load-seeds';
import { applyLayer, layerStamp } from '../../lib/dataset/layer';
import { makeChange, withdrawChange, type ChangeContext } from '../../lib/dataset/layer-edit';
import { compareLayerWrites, planLayerMerge } from '../../lib/dataset/layer-merge';
import type { LayerChange } from '../../lib/dataset/layer-schema';
import { buildMatcher } from '../../lib/match/build-matcher';
import { analyzeText } from '../../lib/analyze';
import { bundledTopic } from '../../lib/topic/bundled';
import { guardsSubject, userClaim } from './layer-fixtures';

const seeds = loadSeedsFromDir('seeds');
const v1 = { version: seeds.manifest.version, subjects: seeds.subjects, claims: seeds.claims, assessments: seeds.assessments };
const ctx = (iso: string, deviceId = 'dev-a'): ChangeContext => ({
  now: new Date(iso),
  deviceId,
  origin: { url: 'https://news.example/story', title: 'A story' },
  baseVersion: v1.version,
});

describe('the reader’s dataset layer', () => {
  it('adds a claim and its new subject, recording when and from which page', () => {
    const changes = [makeChange({ kind: 'subject', subject: guardsSubject }, ctx('2026-12-01T10:00:00Z')), makeChange({ kind: 'claim', claim: userClaim }, ctx('2026-12-01T10:00:01Z'))];
    const eff = applyLayer(v1, changes);
    const added = eff.claims.find((c) => c.id === userClaim.id)!;
    expect(added.layer.status).toBe('added');
    expect(added.quantity?.value).toBe(1200);
    expect(added.layer.changes[0]).toMatchObject({ at: '2026-12-01T10:00:01.000Z', origin: { url: 'https://news.example/story' } });
    expect(eff.subjects.some((s) => s.key === 'cecot.guards')).toBe(true);
    expect(eff.claims).toHaveLength(seeds.claims.length + 1);
  });

  it('a claim whose subject is unknown is stranded, not dropped and not applied', () => {
    const eff = applyLayer(v1, [makeChange({ kind: 'claim', claim: userClaim }, ctx('2026-12-01T10:00:00Z'))]);
    expect(eff.claims.some((c) => c.id === userClaim.id)).toBe(false);
    expect(eff.stranded).toEqual([expect.objectContaining({ target: userClaim.id, problem: 'subject-missing' })]);
  });

  it('corrects a bundled claim without touching its selectors, and retires and restores one', () => {
    const target = seeds.claims[0]!;
    const fix = makeChange({ kind: 'correction', target: target.id, patch: { statement: 'CECOT was built for up to 40,000 prisoners.' }, reason: 'wording' }, ctx('2026-12-01T11:00:00Z'));
    const retire = makeChange({ kind: 'retirement', target: seeds.claims[1]!.id, retired: true, reason: 'outdated' }, ctx('2026-12-01T11:00:00Z'));
    const eff = applyLayer(v1, [fix, retire]);
    const fixed = eff.claims.find((c) => c.id === target.id)!;
    expect(fixed.statement).toBe('CECOT was built for up to 40,000 prisoners.');
    expect(fixed.sources).toEqual(target.sources);
    expect(fixed.layer.status).toBe('changed');
    expect(seeds.claims[0]!.statement).not.toBe(fixed.statement); // the bundled record itself is untouched
    const retired = eff.claims.find((c) => c.id === seeds.claims[1]!.id)!;
    expect(retired.layer.status).toBe('retired');
    expect(eff.activeClaims.some((c) => c.id === retired.id)).toBe(false);

    const restore = { ...makeChange({ kind: 'retirement', target: retired.id, retired: false }, ctx('2026-12-01T12:00:00Z')), revision: 1 };
    const back = applyLayer(v1, [fix, restore]);
    expect(back.activeClaims.some((c) => c.id === retired.id)).toBe(true);
  });

  it('keeps a correction over a new bundled version; one whose claim left the dataset is kept and reported', () => {
    const keep = seeds.claims[0]!;
    const gone = seeds.claims[2]!;
    const changes = [
      makeChange({ kind: 'correction', target: keep.id, patch: { statementEs: 'El CECOT alberga hasta 40.000 reos.' } }, ctx('2026-12-01T11:00:00Z')),
      makeChange({ kind: 'correction', target: gone.id, patch: { statement: 'At least 261 people were flown to El Salvador.' } }, ctx('2026-12-01T11:00:01Z')),
    ];
    const inV1 = applyLayer(v1, changes);
    expect(inV1.claims.find((c) => c.id === keep.id)!.statementEs).toBe('El CECOT alberga hasta 40.000 reos.');
    // Version 2 reworded claim 0 and removed claim 2.
    const v2 = {
      ...v1,
      version: '2099.01.01',
      claims: v1.claims.filter((c) => c.id !== gone.id).map((c) => (c.id === keep.id ? { ...c, statement: 'CECOT holds up to 40,000 inmates.' } : c)),
      assessments: v1.assessments.filter((a) => !a.claims.includes(gone.id)),
    };
    const inV2 = applyLayer(v2, changes);
    const kept = inV2.claims.find((c) => c.id === keep.id)!;
    expect(kept.statementEs).toBe('El CECOT alberga hasta 40.000 reos.');
    expect(kept.statement).toBe('CECOT holds up to 40,000 inmates.'); // the new bundled wording, where the reader changed nothing
    expect(inV2.stranded).toEqual([{ id: changes[1]!.id, kind: 'correction', target: gone.id, baseVersion: v1.version, problem: 'claim-missing' }]);
  });

  it('a user claim never replaces a bundled claim that (later) has the same id: kept and reported', () => {
    const clash = makeChange({ kind: 'claim', claim: { ...userClaim, id: seeds.claims[0]!.id, subject: seeds.claims[0]!.subject, value: undefined } }, ctx('2026-12-01T10:00:00Z'));
    const eff = applyLayer(v1, [clash]);
    expect(eff.claims.find((c) => c.id === seeds.claims[0]!.id)!.statement).toBe(seeds.claims[0]!.statement);
    expect(eff.stranded).toEqual([expect.objectContaining({ problem: 'id-taken' })]);
  });

  it('a user-added claim is matched on a page', () => {
    const changes = [makeChange({ kind: 'subject', subject: guardsSubject }, ctx('2026-12-01T10:00:00Z')), makeChange({ kind: 'claim', claim: userClaim }, ctx('2026-12-01T10:00:01Z'))];
    const eff = applyLayer(v1, changes);
    const text = 'Inside CECOT, the mega-prison of El Salvador, about 1,200 guards watch the inmates around the clock, officials said.';
    const before = analyzeText({ text, language: 'en' }, buildMatcher({ claims: v1.claims, subjects: v1.subjects }), bundledTopic());
    const after = analyzeText({ text, language: 'en' }, buildMatcher({ claims: eff.activeClaims, subjects: eff.subjects }), bundledTopic());
    const ids = (a: typeof before) => a.claims.flatMap((c) => c.matches.map((m) => m.claimId));
    expect(ids(before)).not.toContain(userClaim.id);
    expect(ids(after)).toContain(userClaim.id);
  });

  it('layer stamp changes with every write and withdrawal', () => {
    const a = makeChange({ kind: 'claim', claim: userClaim }, ctx('2026-12-01T10:00:00Z'));
    const gone = withdrawChange(a, { now: new Date('2026-12-01T10:05:00Z'), deviceId: 'dev-a' });
    expect(layerStamp([a])).not.toBe(layerStamp([]));
    expect(layerStamp([gone])).not.toBe(layerStamp([a]));
    expect(layerStamp([a])).toBe(layerStamp([{ ...a }]));
  });
});

describe('merging layers', () => {
  const base = makeChange({ kind: 'correction', target: seeds.claims[0]!.id, patch: { statement: 'One.' } }, ctx('2026-12-01T10:00:00Z', 'dev-a'));
  const later: LayerChange = { ...base, revision: 1, patch: { statement: 'Two.' }, updatedAt: '2026-12-01T09:00:00.000Z', deviceId: 'dev-b' };
  it('the higher revision wins whatever the clocks say; the order is total and antisymmetric', () => {
    expect(compareLayerWrites(later, base)).toBe(1);
    expect(compareLayerWrites(base, later)).toBe(-1);
    const concurrent: LayerChange = { ...base, patch: { statement: 'Three.' }, deviceId: 'dev-c' };
    expect(Math.sign(compareLayerWrites(concurrent, base))).toBe(-Math.sign(compareLayerWrites(base, concurrent)));
    expect(compareLayerWrites(base, { ...base })).toBe(0);
  });
  it('plans a merge: new ids added, winners updated, losers kept as ours', () => {
    const other = makeChange({ kind: 'claim', claim: userClaim }, ctx('2026-12-01T10:00:00Z'));
    const plan = planLayerMerge([later], [base, other]);
    expect(plan.put.map((c) => c.id)).toEqual([other.id]);
    expect(plan).toMatchObject({ added: 1, updated: 0, keptOurs: 1 });
    const plan2 = planLayerMerge([base], [later, base]);
    expect(plan2).toMatchObject({ added: 0, updated: 1, keptOurs: 0 });
    expect(plan2.put[0]).toMatchObject({ patch: { statement: 'Two.' } });
  });
});
