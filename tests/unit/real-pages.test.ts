import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRealEval } from '../../scripts/eval';
import { scoreFact, shownUnits, valueKey, type LabelledFact } from '../../scripts/eval/fact-score';
import { parseDraftText, rebuild, verifyDir } from '../../scripts/real-pages';
import { checkEvidence, excerptHash, locateEvidence, normalizeExcerpt } from '../../scripts/real-pages/evidence';
import { readRegistry } from '../../scripts/real-pages/registry';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('normalizeExcerpt and the evidence hash', () => {
  it('composes to NFC, so both spellings of an accent hash alike', () => {
    const decomposed = 'carce\u0301l';
    expect(normalizeExcerpt(decomposed)).toBe('carcél');
    expect(excerptHash(decomposed)).toBe(excerptHash('carcél'));
  });

  it('collapses every whitespace run (line breaks, tabs, no-break spaces) to one space and trims', () => {
    expect(normalizeExcerpt('  one\n\ntwo\t three\u00a0four  ')).toBe('one two three four');
    expect(excerptHash('one\ntwo')).toBe(sha('one two'));
  });

  it('keeps case, punctuation and typographic quotes', () => {
    expect(normalizeExcerpt('“CECOT” — Up')).toBe('“CECOT” — Up');
    expect(excerptHash('Up')).not.toBe(excerptHash('up'));
  });

  it('locates the n-th occurrence and checks a span against its hash', () => {
    const text = 'a cell, a cell, a prison';
    const second = locateEvidence(text, 'a cell', 2)!;
    expect(second.start).toBe(8);
    expect(checkEvidence(text, second)).toEqual({ ok: true });
    expect(locateEvidence(text, 'a yard')).toBeNull();
    const moved = checkEvidence('a cell, a yard, a prison', second);
    expect(moved.ok).toBe(false);
    expect(checkEvidence('short', second)).toMatchObject({ ok: false, reason: expect.stringContaining('outside the text') });
  });
});

describe('the committed real-page registry', () => {
  const registry = readRegistry('tests/real-pages/registry.json');
  const claims = new Set((JSON.parse(readFileSync('seeds/claims.json', 'utf8')) as { claims: Array<{ id: string }> }).claims.map((c) => c.id));
  const facts = registry.pages.flatMap((p) => p.facts);

  it('is big and varied enough to mean something', () => {
    expect(registry.pages.length).toBeGreaterThanOrEqual(60);
    expect(facts.length).toBeGreaterThanOrEqual(200);
    for (const l of ['en', 'es'] as const) expect(registry.pages.filter((p) => p.language === l).length).toBeGreaterThanOrEqual(20);
    expect(registry.pages.filter((p) => !p.onTopic).length).toBeGreaterThanOrEqual(10);
    expect(new Set(registry.pages.map((p) => p.site)).size).toBeGreaterThanOrEqual(8);
    for (const kind of [1, 2, 3, 4, 5, 6]) expect(facts.some((f) => f.failureKind === kind), `kind ${kind}`).toBe(true);
  });

  it('names only dataset claims that exist, and gives both values where an explanation must name them', () => {
    for (const f of facts) for (const c of f.claimIds) expect(claims.has(c), `${f.id}: ${c}`).toBe(true);
    for (const f of facts.filter((x) => x.expect === 'conflicts')) expect(f.values, f.id).toBeDefined();
  });

  it('has a held-back registry of its own pages, valid and naming known claims', () => {
    const held = readRegistry('tests/real-pages/held-back/registry.json');
    expect(held.pages.length).toBeGreaterThanOrEqual(15);
    const main = new Set(registry.pages.map((p) => p.url));
    for (const p of held.pages) expect(main.has(p.url), p.url).toBe(false);
    for (const f of held.pages.flatMap((p) => p.facts)) for (const c of f.claimIds) expect(claims.has(c), `${f.id}: ${c}`).toBe(true);
  });

  it('has a second real-page registry, disjoint from both other sets, naming known claims and holding no quote', () => {
    const second = readRegistry('tests/real-pages/second-set/registry.json');
    const secondFacts = second.pages.flatMap((p) => p.facts);
    expect(second.pages.length).toBeGreaterThanOrEqual(22);
    expect(secondFacts.length).toBeGreaterThanOrEqual(70);
    expect(second.pages.filter((p) => p.language === 'es').length).toBeGreaterThanOrEqual(8);
    expect(second.pages.filter((p) => !p.onTopic).length).toBeGreaterThanOrEqual(6);
    const earlier = new Set([...registry.pages, ...readRegistry('tests/real-pages/held-back/registry.json').pages].map((p) => p.url));
    for (const p of second.pages) expect(earlier.has(p.url), p.url).toBe(false);
    for (const f of secondFacts) for (const c of f.claimIds) expect(claims.has(c), `${f.id}: ${c}`).toBe(true);
    for (const f of secondFacts) expect(f).not.toHaveProperty('quote');
  });

  it('keeps every set to pages of its own: no URL is in two registries', () => {
    const files = ['registry.json', 'held-back', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'sixth-set'].map((d) => (d.endsWith('.json') ? `tests/real-pages/${d}` : `tests/real-pages/${d}/registry.json`));
    const seen = new Map<string, string>();
    for (const file of files) {
      for (const p of readRegistry(file).pages) {
        expect(seen.get(p.url), `${p.url} in ${file}`).toBeUndefined();
        seen.set(p.url, file);
      }
    }
  });

  it('has a sixth, untuned set: both languages, near-misses, known claims, values for every conflict, no quote', () => {
    const sixth = readRegistry('tests/real-pages/sixth-set/registry.json');
    const sixthFacts = sixth.pages.flatMap((p) => p.facts);
    expect(sixth.pages.length).toBeGreaterThanOrEqual(50);
    expect(sixthFacts.length).toBeGreaterThanOrEqual(200);
    for (const l of ['en', 'es'] as const) expect(sixth.pages.filter((p) => p.language === l).length).toBeGreaterThanOrEqual(20);
    expect(sixth.pages.filter((p) => !p.onTopic).length).toBeGreaterThanOrEqual(10);
    for (const p of sixth.pages) expect(p.id.startsWith('s6-'), p.id).toBe(true);
    for (const f of sixthFacts) for (const c of f.claimIds) expect(claims.has(c), `${f.id}: ${c}`).toBe(true);
    for (const f of sixthFacts.filter((x) => x.expect === 'conflicts' || x.expect === 'error-repeated')) expect(f.values, f.id).toBeDefined();
    for (const f of sixthFacts) expect(f).not.toHaveProperty('quote');
  });

  it('holds no page text: only short values and the labeller’s notes', () => {
    const raw = readFileSync('tests/real-pages/registry.json', 'utf8');
    const data = JSON.parse(raw) as { pages: Array<Record<string, unknown>> };
    for (const p of data.pages) {
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['facts', 'id', 'language', 'onTopic', 'query', 'site', 'textLength', 'textSha256', 'url']));
      expect(p).not.toHaveProperty('text');
    }
    for (const f of facts) {
      expect(f).not.toHaveProperty('quote');
      expect((f.note ?? '').length).toBeLessThanOrEqual(400);
    }
  });
});

describe('rebuild, verify and --real on a folder in the documented layout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cecot-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Two pages written for this test (not reporting).
  const kept = 'A visiting official toured CECOT on Wednesday. The prison can hold up to 40,000 inmates.';
  const changed = 'Officials said the fee was $6 million for one year of detention.';
  const span = locateEvidence(kept, 'can hold up to 40,000 inmates')!;
  const feeSpan = locateEvidence(changed, '$6 million')!;
  const registry = {
    format: 'cecot-lens-real-pages',
    version: 1,
    normalization: 'test',
    pages: [
      { id: 'kept', url: 'https://example.org/kept', query: 'q', language: 'en', site: 'news', onTopic: true, textSha256: excerptHash(kept), textLength: kept.length, facts: [{ id: 'kept-f01', ...span, expect: 'agrees', claimIds: ['c000-capacity-40000'] }] },
      { id: 'changed', url: 'https://example.org/changed', query: 'q', language: 'en', site: 'blog', onTopic: true, textSha256: excerptHash(changed), textLength: changed.length, facts: [{ id: 'changed-f01', ...feeSpan, expect: 'agrees', claimIds: ['c000-payment-6-million'] }] },
      { id: 'gone', url: 'https://example.org/gone', query: 'q', language: 'es', site: 'news', onTopic: false, textSha256: excerptHash('x'), textLength: 1, facts: [] },
    ],
  };
  const registryFile = join(dir, 'registry-src.json');
  writeFileSync(registryFile, JSON.stringify(registry));
  mkdirSync(join(dir, 'raw'));
  // A saved search answer: "changed" came back with other words where its evidence was.
  writeFileSync(
    join(dir, 'raw', 'q1.json'),
    JSON.stringify({ query: 'q', results: [{ url: 'https://example.org/kept', excerpt: kept }, { url: 'https://example.org/changed', excerpt: changed.replace('$6 million', '$9 million') }] }),
  );

  it('rebuilds the texts it has, and names the page it lacks and the fact whose evidence changed', () => {
    const out = join(dir, 'out');
    const { written, problems } = rebuild(registryFile, join(dir, 'raw'), out);
    expect(written).toBe(2);
    expect(readFileSync(join(out, 'pages', 'kept.txt'), 'utf8')).toBe(kept);
    const text = problems.map((p) => `${p.page} ${p.fact ?? ''} ${p.message}`).join('\n');
    expect(text).toMatch(/gone .*no saved answer holds https:\/\/example\.org\/gone/);
    expect(text).toMatch(/changed changed-f01 hash/);
    expect(problems.some((p) => p.page === 'kept')).toBe(false);
    expect(verifyDir(out).problems.length).toBe(problems.length);
  });

  it('says how to build a folder that has no registry', () => {
    expect(() => runRealEval(join(dir, 'nothing-here'))).toThrow(/no registry\.json in .*real-pages -- rebuild/);
  });

  it('scores what it can and reports the rest instead of failing', () => {
    const report = runRealEval(join(dir, 'out'));
    expect(report.problems.join('\n')).toMatch(/gone: missing/);
    expect(report.problems.join('\n')).toMatch(/changed-f01/);
    expect(report.all.pages).toBe(2);
    expect(report.outcomes.map((o) => o.id)).toEqual(['kept-f01']);
    expect(report.outcomes[0]!.flagged).toBe(true);
  });
});

describe('the scorer’s reading of what the reader sees', () => {
  const fact = (over: Partial<LabelledFact>): LabelledFact => ({ id: 'f', page: 'p', language: 'en', span: [10, 20], expect: 'agrees', claimIds: ['a'], ...over });

  it('reads a claim’s own matches when it has no parts', () => {
    const units = shownUnits({ start: 0, end: 40, matches: [{ claimId: 'a', relation: 'agrees', explanation: '' }] });
    expect(units).toEqual([{ start: 0, end: 40, matches: [{ claimId: 'a', relation: 'agrees', explanation: '' }] }]);
  });

  it('reads parts with their own spans when the claim carries them', () => {
    const claim = {
      start: 0,
      end: 40,
      matches: [{ claimId: 'b', relation: 'related', explanation: '' }],
      parts: [
        { start: 0, end: 9, relation: 'related', claimId: 'b' },
        { start: 10, end: 20, relation: 'agrees', claimId: 'a', explanation: 'same' },
      ],
    };
    const units = shownUnits(claim);
    expect(units).toHaveLength(2);
    expect(scoreFact(fact({}), units).firstRight).toBe(true);
    // Without parts the sentence's first match (b, related) is what shows.
    expect(scoreFact(fact({}), shownUnits({ ...claim, parts: undefined })).firstRight).toBe(false);
  });

  it('counts a repeated error only when flagged so, and a caught error only with both values named', () => {
    const units = [{ start: 0, end: 30, matches: [{ claimId: 'a', relation: 'agrees' as const, explanation: 'page 15,000; dataset 10,000-20,000' }] }];
    expect(scoreFact(fact({ expect: 'error-repeated' }), units).firstRight).toBe(false);
    const flagged = shownUnits({ start: 0, end: 30, matches: [{ claimId: 'a', relation: 'error-repeated', explanation: 'page: 15,000 · dataset: 10,000–20,000' }] });
    const o = scoreFact(fact({ expect: 'error-repeated', values: { page: '15,000', dataset: '10,000-20,000' } }), flagged);
    expect(o.firstRight).toBe(true);
    expect(o.caught).toBe(true);
    const vague = shownUnits({ start: 0, end: 30, matches: [{ claimId: 'a', relation: 'conflicts', explanation: 'another figure' }] });
    expect(scoreFact(fact({ expect: 'conflicts', values: { page: '250', dataset: '261' } }), vague).caught).toBe(false);
    expect(valueKey('$4.76 million')).toBe(valueKey('4.76 million'));
    // Spanish "15 mil" is 15,000; "6 mil millones" stays a different figure.
    expect(valueKey('15 mil')).toBe(valueKey('15,000'));
    expect(valueKey('6 mil millones')).not.toBe(valueKey('6,000'));
    // A figure worded in the other language names the same value; another figure does not.
    const spanish = shownUnits({ start: 0, end: 30, matches: [{ claimId: 'a', relation: 'error-repeated', explanation: 'La página dice 200 millones de dólares al año, como el conjunto de datos, que lo marca como un error.' }] });
    expect(scoreFact(fact({ expect: 'error-repeated', values: { page: '200 millones', dataset: '$200 million a year' } }), spanish).caught).toBe(true);
    expect(scoreFact(fact({ expect: 'error-repeated', values: { page: '300 millones', dataset: '$200 million a year' } }), spanish).caught).toBe(false);
  });

  it('scores "none" as right when nothing (or nothing for its claim) is shown over it', () => {
    const units = [{ start: 0, end: 30, matches: [{ claimId: 'x', relation: 'related' as const, explanation: '' }] }];
    expect(scoreFact(fact({ expect: 'none', claimIds: ['a'] }), units).firstRight).toBe(true);
    expect(scoreFact(fact({ expect: 'none', claimIds: [] }), units).firstRight).toBe(false);
    expect(scoreFact(fact({ expect: 'none', claimIds: [] }), []).firstRight).toBe(true);
  });
});

describe('the labelling draft format', () => {
  it('reads aliases, pages and facts, and refuses a fact before any page', () => {
    const draft = parseDraftText('@cap = c000-capacity-40000\n## p1 | https://example.org/a | es | news | on\nuna cita || agrees || cap || 2 || 40.000=>40,000 || nota\n') as { pages: Array<{ facts: unknown[] }> };
    expect(draft.pages[0]).toMatchObject({ id: 'p1', language: 'es', site: 'news', onTopic: true });
    expect(draft.pages[0]!.facts[0]).toEqual({ quote: 'una cita', expect: 'agrees', claimIds: ['c000-capacity-40000'], failureKind: 2, values: { page: '40.000', dataset: '40,000' }, note: 'nota' });
    expect(() => parseDraftText('orphan || none')).toThrow(/before any/);
  });
});
