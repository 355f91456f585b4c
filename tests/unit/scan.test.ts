import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const EVAL = 'tests/fixtures/eval';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run scan -- …` the way npm does: tsx on scripts/scan.ts. */
function scan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/article.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(join(ROOT, EVAL, 'en-conflicts.html')));
    } else if (req.url === '/notes.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(readFileSync(join(ROOT, EVAL, 'es-poblacion.txt')));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('npm run scan', () => {
  it('--help prints usage', async () => {
    const r = await scan('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run scan -- \[options\] \[INPUT\.\.\.\]/);
    expect(r.stdout).toContain('--json');
  });

  it('--json prints one object per input, of the documented shape', async () => {
    const r = await scan('--json', join(EVAL, 'en-deal-no-name.txt'), `${base}/article.html`, `${base}/notes.txt`);
    expect(r.stderr).not.toMatch(/scan: .*:/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out.map((o) => o.input)).toEqual([join(EVAL, 'en-deal-no-name.txt'), `${base}/article.html`, `${base}/notes.txt`]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['input', 'title', 'language', 'topic', 'claims']));
      expect(o.topic).toEqual({ onTopic: expect.any(Boolean), score: expect.any(Number), reasons: expect.any(Array), reasonParts: expect.any(Array) });
      for (const c of o.claims as Array<Record<string, unknown>>) {
        expect(c).toMatchObject({ text: expect.any(String), start: expect.any(Number), end: expect.any(Number), checkWorthiness: expect.any(Number), matches: expect.any(Array) });
        for (const m of c.matches as Array<Record<string, unknown>>) {
          expect(m).toMatchObject({ claimId: expect.any(String), statement: expect.any(String), relation: expect.stringMatching(/^(agrees|conflicts|related|repeats-error)$/), score: expect.any(Number), explanation: expect.any(String) });
        }
        // Each thing claimed in the sentence: its own span inside the sentence, relation and dataset claim.
        for (const p of c.parts as Array<Record<string, unknown>>) {
          expect(p).toMatchObject({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String), kind: expect.any(String), relation: expect.stringMatching(/^(agrees|conflicts|related|repeats-error)$/), claimId: expect.any(String), explanation: expect.any(String) });
          expect(p.start as number).toBeGreaterThanOrEqual(c.start as number);
          expect(p.end as number).toBeLessThanOrEqual(c.end as number);
        }
      }
    }
    const html = out[1] as { language: string; topic: { onTopic: boolean }; claims: Array<{ matches: Array<{ claimId: string; relation: string }> }> };
    expect(html.topic.onTopic).toBe(true);
    expect(html.claims.flatMap((c) => c.matches).some((m) => m.relation === 'conflicts')).toBe(true);
    // "238 Venezuelans" counts a narrower group than the dataset's 261 people: related, not a conflict.
    expect(html.claims.flatMap((c) => c.matches).some((m) => m.claimId === 'c000-deportees-261' && m.relation === 'related')).toBe(true);
    expect((out[2] as { language: string }).language).toBe('es');
  });

  it('reports unreadable inputs by name on stderr, runs the others, and exits non-zero', async () => {
    const missing = join(EVAL, 'no-such-file.html');
    const r = await scan('--json', missing, join(EVAL, 'es-poblacion.txt'), `${base}/gone.html`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`scan: ${missing}: no such file`);
    expect(r.stderr).toContain(`scan: ${base}/gone.html: HTTP 404`);
    const out = JSON.parse(r.stdout) as Array<{ input: string }>;
    expect(out.map((o) => o.input)).toEqual([join(EVAL, 'es-poblacion.txt')]);
  });

  it('scans the bundled source articles when given no input, in a readable table', async () => {
    const r = await scan();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seeds/sources/000_e46f939d9425295f.txt');
    expect(r.stdout).toContain('seeds/sources/003_dc13d009fac5e591.txt');
    expect(r.stdout).toMatch(/verdict: +ON TOPIC/);
    expect(r.stdout).toMatch(/agrees +c000-capacity-40000/);
    expect(r.stdout).toMatch(/\d+ claims: \d+ agree, \d+ conflict, \d+ related, \d+ not in dataset/);
  });

  it('rejects unknown options', async () => {
    const r = await scan('--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --frobnicate');
  });
});
