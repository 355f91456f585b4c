import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetInput } from '../../lib/dataset/load';

export const SEEDS = join(__dirname, '../../seeds');
export const readSeedJson = (name: string): unknown => JSON.parse(readFileSync(join(SEEDS, name), 'utf8'));

/** A fresh, unvalidated copy of the seed files, for tests that load them or break them on purpose. */
export function rawSeedInput(): DatasetInput {
  const sources = readSeedJson('sources.json') as { sources: Array<{ id: string; file: string }> };
  const texts: Record<string, string> = {};
  for (const s of sources.sources) texts[s.id] = readFileSync(join(SEEDS, 'sources', s.file), 'utf8');
  return {
    manifest: readSeedJson('manifest.json'),
    sources,
    subjects: readSeedJson('subjects.json'),
    claims: readSeedJson('claims.json'),
    assessments: readSeedJson('assessments.json'),
    texts,
  };
}
