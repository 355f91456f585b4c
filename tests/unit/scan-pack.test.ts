import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeChange } from '../../lib/dataset/layer-edit';
import { buildPack } from '../../lib/dataset/pack';
import { guardsSubject, userClaim } from './layer-fixtures';

const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'scan-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run scan -- --seeds PACK', () => {
  it('compares with the pack applied over seeds/, its terms included; a damaged pack is refused', { timeout: 60_000 }, async () => {
    const ctx = { now: new Date('2026-12-01T00:00:00Z'), deviceId: 'd', origin: null, baseVersion: null };
    const pack = await buildPack(
      [
        makeChange({ kind: 'subject', subject: guardsSubject }, ctx),
        makeChange({ kind: 'claim', claim: userClaim }, ctx),
        makeChange({ kind: 'term', term: { id: 'zacatraz', kind: 'place', label: 'Zacatraz', phrases: ['Zacatraz'], strength: 'strong' } }, ctx),
      ],
      { id: 'p', version: '2026.12.01', title: 'Test pack', curatedBy: '', topic: 'cecot', base: { id: 'x', version: 'y' }, now: ctx.now },
    );
    const packFile = join(dir, 'pack.json');
    writeFileSync(packFile, JSON.stringify(pack));
    const input = join(dir, 'zacatraz.txt');
    writeFileSync(input, 'Notes from the Zacatraz visit\n\nThe Zacatraz facility was shown to reporters. Officials said about 1,200 guards work at Zacatraz, in shifts.');

    const plain = JSON.parse((await scan('--json', input)).stdout) as Array<{ topic: { onTopic: boolean } }>;
    expect(plain[0]!.topic.onTopic).toBe(false);
    const r = await scan('--json', '--seeds', packFile, input);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ topic: { onTopic: boolean }; claims: Array<{ matches: Array<{ claimId: string }> }> }>;
    expect(out[0]!.topic.onTopic).toBe(true);
    expect(out[0]!.claims.flatMap((c) => c.matches.map((m) => m.claimId))).toContain(userClaim.id);

    writeFileSync(packFile, JSON.stringify({ ...pack, claims: { claims: [{ ...userClaim, statement: 'Changed.' }] } }));
    const bad = await scan('--json', '--seeds', packFile, input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fingerprint');
  });
});
