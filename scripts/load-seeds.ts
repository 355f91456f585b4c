import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../lib/dataset/load';

/** Reads and validates the seed files for command-line scripts (tsx has no `?raw`). */
export function loadSeedsFromDir(dir = 'seeds'): Dataset {
  const json = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const sources = json('sources.json');
  const texts: Record<string, string> = {};
  const list = (sources as { sources?: unknown }).sources;
  if (Array.isArray(list)) {
    for (const s of list as Array<{ file?: unknown }>) {
      if (typeof s.file === 'string') texts[s.file] = readFileSync(join(dir, 'sources', s.file), 'utf8');
    }
  }
  return loadDataset({
    manifest: json('manifest.json'),
    sources,
    subjects: json('subjects.json'),
    claims: json('claims.json'),
    assessments: json('assessments.json'),
    texts,
  });
}
