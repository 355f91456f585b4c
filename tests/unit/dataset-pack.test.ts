import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSeedsFromDir } from '../../scripts/load-seeds';
import { makeChange, withdrawChange, type ChangeContext } from '../../lib/dataset/layer-edit';
import { LayerChange } from '../../lib/dataset/layer-schema';
import { buildPack, MAX_PACK_TEXT, packContentOf, PackError, readPack, sha256Hex, type PackTarget } from '../../lib/dataset/pack';
import { canonicalJson } from '../../lib/merge/canonical-json';
import { applyLayer } from '../../lib/dataset/layer';
import { userClaim } from './layer-fixtures';

const seeds = loadSeedsFromDir('seeds');
const ctx: ChangeContext = { now: new Date('2026-12-01T10:00:00Z'), deviceId: 'dev-a', origin: { url: 'https://news.example/story', title: 'A story' }, baseVersion: seeds.manifest.version };
const subject = { key: 'cecot.guards', label: 'Guards', labelEs: 'Custodios', kind: 'quantity' as const, unit: 'people', description: 'How many guards work there.', cues: { en: ['guards'], es: ['custodios'] }, groups: [] };
const layer = [
  makeChange({ kind: 'subject', subject }, ctx),
  makeChange({ kind: 'claim', claim: userClaim }, ctx),
  makeChange({ kind: 'correction', target: seeds.claims[0]!.id, patch: { statement: 'Corrected.' }, reason: 'typo' }, ctx),
  makeChange({ kind: 'retirement', target: seeds.claims[1]!.id, retired: true, reason: 'old' }, ctx),
  makeChange({ kind: 'term', term: { id: 'nayib', kind: 'name', label: 'a new official', phrases: ['Osiris Luna'], strength: 'strong' } }, ctx),
  withdrawChange(makeChange({ kind: 'claim', claim: { ...userClaim, id: 'u-withdrawn' } }, ctx), ctx),
];
const header = { id: 'newsroom-pack', version: '2026.12.01', title: 'Our additions', curatedBy: 'A newsroom', topic: 'cecot', base: { id: seeds.manifest.id, version: seeds.manifest.version }, now: ctx.now };
const target = (): PackTarget => ({
  topic: 'cecot',
  subjects: new Set(seeds.subjects.map((s) => s.key)),
  claims: new Set(seeds.claims.map((c) => c.id)),
  bundledClaims: new Set(seeds.claims.map((c) => c.id)),
  deviceId: 'dev-b',
  now: new Date('2026-12-02T00:00:00Z'),
});
const v1 = { version: seeds.manifest.version, subjects: seeds.subjects, claims: seeds.claims, assessments: seeds.assessments };

describe('dataset packs', () => {
  it('round-trips the live layer with provenance; the imported dataset equals the exported one', async () => {
    const pack = await buildPack(layer, header);
    expect(pack.claims.claims.map((c) => c.id)).toEqual([userClaim.id]);
    expect(pack.corrections.corrections).toHaveLength(2);
    const { changes } = await readPack(JSON.stringify(pack), target());
    const live = layer.filter((c) => c.deletedAt === null);
    expect(changes.map((c) => c.id).sort()).toEqual(live.map((c) => c.id).sort());
    for (const c of changes) expect(c).toEqual(live.find((l) => l.id === c.id));
    expect(applyLayer(v1, changes).claims).toEqual(applyLayer(v1, live).claims);
  });

  it('refuses another topic, a wrong fingerprint, duplicate ids, unknown references and non-packs, each clearly', async () => {
    const pack = await buildPack(layer, header);
    const refuse = async (p: unknown, message: RegExp) => {
      const e = await readPack(typeof p === 'string' ? p : JSON.stringify(p), target()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PackError);
      expect((e as Error).message).toMatch(message);
    };
    const resign = async (p: typeof pack) => ({ ...p, manifest: { ...p.manifest, contentSha256: await sha256Hex(canonicalJson(packContentOf(p))) } });
    await refuse({ ...pack, manifest: { ...pack.manifest, topic: 'another-prison' } }, /for the topic "another-prison"/);
    await refuse({ ...pack, claims: { claims: [{ ...userClaim, statement: 'Tampered.' }] } }, /fingerprint/);
    await refuse(await resign({ ...pack, claims: { claims: [userClaim, userClaim] } }), /duplicate claim id "u-cecot-guards-1200"/);
    await refuse(await resign({ ...pack, subjects: { subjects: [] } }), /unknown subject "cecot.guards"/);
    await refuse(await resign({ ...pack, corrections: { corrections: [{ claim: 'nope', retired: true, reason: '' }] } }), /unknown claim "nope"/);
    await refuse({ ...pack, claims: { claims: [{ ...userClaim, webSources: [] }] } }, /claims.claims \[u-cecot-guards-1200\].webSources/);
    await refuse(await resign({ ...pack, claims: { claims: [{ ...userClaim, id: seeds.claims[0]!.id }] } }), /belongs to a bundled claim/);
    await refuse('{"format":"cecot-lens-annotations"}', /not a CECOT Lens dataset pack/);
    await refuse('{"format":"cecot-lens-dataset-pack","formatVersion":9}', /format version 9/);
    await refuse('{not json', /not JSON/);
  });

  it('gives every refusal a code and the details to word it in any language (field path, id)', async () => {
    const pack = await buildPack(layer, header);
    const refusal = async (p: unknown, size?: number) => {
      const text = typeof p === 'string' ? p : JSON.stringify(p);
      const e = await readPack(size === undefined ? text : text.padEnd(size), target()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PackError);
      return (e as PackError).refusal;
    };
    const resign = async (p: typeof pack) => ({ ...p, manifest: { ...p.manifest, contentSha256: await sha256Hex(canonicalJson(packContentOf(p))) } });
    const guards = userClaim.id;
    expect(await refusal('{}', MAX_PACK_TEXT + 1)).toEqual({ code: 'too-large', size: MAX_PACK_TEXT + 1, max: MAX_PACK_TEXT });
    expect(await refusal('{"format": "cecot-lens-dataset-pack", "manifest": {')).toEqual({ code: 'not-json' });
    expect(await refusal('{"format":"cecot-lens-annotations","formatVersion":1}')).toEqual({ code: 'not-a-pack', expected: 'cecot-lens-dataset-pack' });
    expect(await refusal('{"format":"cecot-lens-dataset-pack","formatVersion":2}')).toEqual({ code: 'unsupported-version', version: 2, supported: 1 });
    expect(await refusal({ ...pack, claims: { claims: [{ ...userClaim, webSources: [] }] } })).toMatchObject({
      code: 'invalid',
      path: `claims.claims [${guards}].webSources`,
      problem: { field: 'webSources', code: 'empty' },
    });
    expect(await refusal({ ...pack, manifest: { ...pack.manifest, title: undefined } })).toMatchObject({ code: 'invalid', path: 'manifest.title', problem: { field: 'title', code: 'missing' } });
    expect(await refusal({ ...pack, manifest: { ...pack.manifest, version: 'soon' } })).toMatchObject({ code: 'invalid', path: 'manifest.version', problem: { field: 'version', code: 'bad-format' } });
    expect(await refusal({ ...pack, manifest: { ...pack.manifest, topic: 'another-prison' } })).toEqual({ code: 'other-topic', topic: 'another-prison', expected: 'cecot' });
    expect(await refusal({ ...pack, claims: { claims: [{ ...userClaim, statement: 'Tampered.' }] } })).toEqual({ code: 'fingerprint' });
    expect(await refusal(await resign({ ...pack, claims: { claims: [userClaim, userClaim] } }))).toEqual({ code: 'duplicate', kind: 'claim', id: guards });
    expect(await refusal(await resign({ ...pack, subjects: { subjects: [subject, subject] } }))).toEqual({ code: 'duplicate', kind: 'subject', id: 'cecot.guards' });
    expect(await refusal(await resign({ ...pack, claims: { claims: [{ ...userClaim, id: seeds.claims[0]!.id }] } }))).toEqual({
      code: 'bundled-claim-id',
      path: `claims.claims [${seeds.claims[0]!.id}]`,
      claim: seeds.claims[0]!.id,
    });
    expect(await refusal(await resign({ ...pack, subjects: { subjects: [] } }))).toEqual({ code: 'unknown-subject', path: `claims.claims [${guards}] subject`, subject: 'cecot.guards' });
    expect(await refusal(await resign({ ...pack, subjects: { subjects: [{ ...subject, unit: undefined }] } }))).toEqual({ code: 'unit-needed', path: 'subjects.subjects [cecot.guards] unit' });
    expect(await refusal(await resign({ ...pack, corrections: { corrections: [{ claim: 'nope', retired: true, reason: '' }] } }))).toEqual({
      code: 'unknown-claim',
      path: 'corrections.corrections [nope]',
      claim: 'nope',
    });
  });

  it('fuzzed packs give a complete, valid set of records or a PackError, nothing else', async () => {
    const base = JSON.parse(JSON.stringify(await buildPack(layer, header))) as Record<string, unknown>;
    const paths = (node: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      node && typeof node === 'object' ? [prefix, ...Object.entries(node).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(node) ? Number(k) : k]))] : [prefix];
    const all = paths(base).filter((p) => p.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)), fc.boolean(), async (i, value, resign) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        const path = all[i]!;
        let node = copy as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (value === undefined) delete node[last];
        else node[last] = value;
        if (resign && copy.manifest && typeof copy.manifest === 'object') {
          try {
            (copy.manifest as Record<string, unknown>).contentSha256 = await sha256Hex(canonicalJson(packContentOf(copy as never)));
          } catch {
            /* a section is gone: left as is */
          }
        }
        try {
          const { changes } = await readPack(JSON.stringify(copy), target());
          for (const c of changes) expect(LayerChange.safeParse(c).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(PackError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
