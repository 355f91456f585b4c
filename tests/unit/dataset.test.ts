import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/dataset/bundled';
import { seedContentHash } from '../../scripts/seed-hash';
import { DatasetError, loadDataset, type DatasetInput } from '../../lib/dataset/load';
import { CONTEXT_LENGTH, findAll } from '../../lib/dataset/resolve-span';
import {
  AssessmentsFile,
  ClaimsFile,
  ManifestFile,
  SourcesFile,
  SubjectsFile,
} from '../../lib/dataset/schema';
import { loadSeedsFromDir } from '../../scripts/load-seeds';
import { SEEDS, rawSeedInput, readSeedJson } from './seed-input';

const readJson = readSeedJson;
const rawInput = rawSeedInput;

// Loose views of the raw JSON for the mutation tests.
type RawClaim = {
  id: string;
  subject: string;
  statement?: string;
  quantity?: { unit: string };
  sources: Array<{ sourceId: string; position: { start: number; end: number }; quote: { prefix?: string } }>;
  assessment: { related: string[] };
};
const rawClaims = (input: DatasetInput) => (input.claims as { claims: RawClaim[] }).claims;
const claimAt = (input: DatasetInput, i: number): RawClaim => {
  const c = rawClaims(input)[i];
  if (!c) throw new Error(`no claim #${i}`);
  return c;
};

function expectDatasetError(input: DatasetInput, expected: Partial<DatasetError>): DatasetError {
  let caught: unknown;
  try {
    loadDataset(input);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DatasetError);
  const err = caught as DatasetError;
  expect(err).toMatchObject(expected);
  if (expected.recordId) expect(err.message).toContain(expected.recordId);
  return err;
}

const dataset = loadSeedsFromDir(SEEDS);

describe('seed files', () => {
  it('each file validates against its schema', () => {
    expect(ManifestFile.safeParse(readJson('manifest.json')).error).toBeUndefined();
    expect(SourcesFile.safeParse(readJson('sources.json')).error).toBeUndefined();
    expect(SubjectsFile.safeParse(readJson('subjects.json')).error).toBeUndefined();
    expect(ClaimsFile.safeParse(readJson('claims.json')).error).toBeUndefined();
    expect(AssessmentsFile.safeParse(readJson('assessments.json')).error).toBeUndefined();
  });

  it('the manifest fingerprints the data, so data cannot change without the manifest (and its version) being touched', () => {
    expect(dataset.manifest.contentSha256, 'seed data changed: bump manifest.version and run `npx tsx scripts/seed-hash.ts --write`').toBe(seedContentHash('seeds'));
  });

  it('the bundled (Vite ?raw) dataset is the same as the one read from disk', () => {
    const bundled = bundledDataset();
    expect(bundled).toEqual(dataset);
    expect(bundledDataset()).toBe(bundled);
  });

  it('ids are unique across sources, claims and assessments, and subject keys are unique', () => {
    const ids = [...dataset.sources, ...dataset.claims, ...dataset.assessments].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = dataset.subjects.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('each source file is unchanged (sha256 matches sources.json)', () => {
    for (const s of dataset.sources) {
      const hash = createHash('sha256').update(readFileSync(join(SEEDS, 'sources', s.file))).digest('hex');
      expect(hash, s.file).toBe(s.sha256);
    }
  });
});

describe('claims', () => {
  it('there are at least 40, and both articles have claims', () => {
    expect(dataset.claims.length).toBeGreaterThanOrEqual(40);
    for (const s of dataset.sources) {
      const n = dataset.claims.filter((c) => c.sources.some((span) => span.sourceId === s.id)).length;
      expect(n, s.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('every selector resolves to exactly its quote, with ~32 characters of context', () => {
    for (const c of dataset.claims) {
      for (const span of c.sources) {
        const text = dataset.texts[span.sourceId];
        if (text === undefined) throw new Error(`${c.id}: no text for ${span.sourceId}`);
        const { start, end } = span.position;
        const { exact, prefix, suffix } = span.quote;
        expect(text.slice(start, end), c.id).toBe(exact);
        expect(prefix, c.id).toBe(text.slice(Math.max(0, start - CONTEXT_LENGTH), start));
        expect(suffix, c.id).toBe(text.slice(end, end + CONTEXT_LENGTH));
        // Quote + context must pin the span down on its own, except that article 000's
        // scraped teaser repeats its lead word for word; there the position decides.
        const at = start - (prefix?.length ?? 0);
        const others = findAll(text, `${prefix}${exact}${suffix}`).filter((i) => i !== at);
        const teaserEnd = span.sourceId === 'src-000' ? text.indexOf('Liam Avatar\n\nBy\n\n') : 0;
        expect(others.filter((i) => i >= teaserEnd), c.id).toEqual([]);
      }
    }
  });

  it('quotes from article 000 point into its body, not the scraped teaser', () => {
    const text = dataset.texts['src-000'] ?? '';
    const bodyStart = text.indexOf('Liam Avatar\n\nBy\n\n');
    expect(bodyStart).toBeGreaterThan(0);
    for (const c of dataset.claims) {
      for (const span of c.sources.filter((s) => s.sourceId === 'src-000')) {
        expect(span.position.start, c.id).toBeGreaterThan(bodyStart);
      }
    }
  });

  it('every subject used is defined, and quantity subjects carry a quantity in their unit', () => {
    const subjects = new Map(dataset.subjects.map((s) => [s.key, s]));
    for (const c of dataset.claims) {
      const subject = subjects.get(c.subject);
      expect(subject, `${c.id}: ${c.subject}`).toBeDefined();
      if (subject?.kind === 'quantity') {
        expect(subject.unit, subject.key).toBeTruthy();
        expect(c.quantity?.unit, c.id).toBe(subject.unit);
      }
    }
  });

  it('a quantity is written in the article as its `text` says', () => {
    for (const c of dataset.claims.filter((c) => c.quantity)) {
      const quotes = c.sources.map((s) => s.quote.exact);
      expect(quotes.some((q) => q.includes(c.quantity?.text ?? '')), c.id).toBe(true);
    }
  });

  it('every claim has English and Spanish terms and a Spanish statement', () => {
    for (const c of dataset.claims) {
      expect(c.terms.en.length, c.id).toBeGreaterThan(0);
      expect(c.terms.es.length, c.id).toBeGreaterThan(0);
      expect(c.statementEs, c.id).not.toBe(c.statement);
    }
  });

  it('claims said by both articles are corroborated, claims with one source are not', () => {
    for (const c of dataset.claims) {
      const sources = new Set(c.sources.map((s) => s.sourceId));
      if (c.assessment.status === 'corroborated') expect(sources.size, c.id).toBe(2);
      if (sources.size === 1) expect(c.assessment.status, c.id).not.toBe('corroborated');
    }
  });

  it('a claim is "unattributed" exactly when its claimant is unidentified', () => {
    for (const c of dataset.claims) {
      expect(c.assessment.status === 'unattributed', c.id).toBe(c.claimant.type === 'unidentified');
    }
  });

  it('every related claim and every assessed claim exists', () => {
    const ids = new Set(dataset.claims.map((c) => c.id));
    for (const c of dataset.claims) for (const r of c.assessment.related) expect(ids.has(r), `${c.id} -> ${r}`).toBe(true);
    for (const a of dataset.assessments) for (const r of a.claims) expect(ids.has(r), `${a.id} -> ${r}`).toBe(true);
  });

  it('subject cues exist in both languages', () => {
    for (const s of dataset.subjects) {
      expect(s.cues.en.length, s.key).toBeGreaterThan(0);
      expect(s.cues.es.length, s.key).toBeGreaterThan(0);
    }
  });
});

describe('assessments', () => {
  it('cover both articles and name the evident errors of article 000', () => {
    for (const s of dataset.sources) expect(dataset.assessments.some((a) => a.sources.includes(s.id)), s.id).toBe(true);
    const errorClaims = new Set(
      dataset.assessments.filter((a) => a.kind === 'error' || a.kind === 'internal-inconsistency').flatMap((a) => a.claims),
    );
    for (const id of [
      'c000-state-dept-report-uzbekistan',
      'c000-deal-investor-state',
      'c000-population-10000-20000',
      'c000-name-cecot-or-cecot',
      'c000-rodriguez-quote',
    ]) {
      expect(errorClaims.has(id), id).toBe(true);
    }
  });
});

describe('loadDataset rejects broken input, naming the record', () => {
  it('a selector whose position is off by one', () => {
    const input = rawInput();
    const claim = claimAt(input, 0);
    const span = claim.sources[0]!;
    span.position.start += 1;
    span.position.end += 1;
    expectDatasetError(input, { file: 'claims.json', recordId: claim.id, field: 'sources[0]' });
  });

  it('a prefix that is not the text before the quote', () => {
    const input = rawInput();
    const claim = claimAt(input, 3);
    claim.sources[0]!.quote.prefix = 'not what precedes the quote';
    const err = expectDatasetError(input, { recordId: claim.id, field: 'sources[0]' });
    expect(err.problem).toMatch(/prefix/);
  });

  it('an unknown subject', () => {
    const input = rawInput();
    const claim = claimAt(input, 2);
    claim.subject = 'cecot.no-such-subject';
    expectDatasetError(input, { file: 'claims.json', recordId: claim.id, field: 'subject' });
  });

  it('a duplicate claim id', () => {
    const input = rawInput();
    const first = claimAt(input, 0);
    const second = claimAt(input, 1);
    second.id = first.id;
    expectDatasetError(input, { file: 'claims.json', recordId: first.id, field: 'id' });
  });

  it('a claim id that is also a source id', () => {
    const input = rawInput();
    claimAt(input, 0).id = 'src-003';
    expectDatasetError(input, { file: 'claims.json', recordId: 'src-003', field: 'id' });
  });

  it('a quantity in the wrong unit', () => {
    const input = rawInput();
    const claim = rawClaims(input).find((c) => c.quantity)!;
    claim.quantity!.unit = 'parsecs';
    expectDatasetError(input, { recordId: claim.id, field: 'quantity.unit' });
  });

  it('a related claim that does not exist', () => {
    const input = rawInput();
    const claim = claimAt(input, 4);
    claim.assessment.related.push('c999-nothing');
    expectDatasetError(input, { recordId: claim.id, field: `assessment.related[${claim.assessment.related.length - 1}]` });
  });

  it('a span that points at an unknown source', () => {
    const input = rawInput();
    const claim = claimAt(input, 5);
    claim.sources[0]!.sourceId = 'src-999';
    expectDatasetError(input, { recordId: claim.id, field: 'sources[0].sourceId' });
  });

  it('a schema violation is reported by record id, not array index', () => {
    const input = rawInput();
    const claim = claimAt(input, 6);
    delete claim.statement;
    expectDatasetError(input, { file: 'claims.json', recordId: claim.id, field: 'statement' });
  });

  it('a source whose text was not supplied', () => {
    const input = rawInput();
    delete input.texts['src-000'];
    expectDatasetError(input, { file: 'sources/', recordId: 'src-000' });
  });

  it('a source text that was edited', () => {
    const input = rawInput();
    input.texts['src-003'] = `x${input.texts['src-003']}`;
    const err = expectDatasetError(input, { file: 'claims.json' });
    expect(err.recordId).toMatch(/^c/);
  });
});
