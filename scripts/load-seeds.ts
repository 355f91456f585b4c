import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../lib/dataset/load';
import { applyLayer, type EffectiveDataset } from '../lib/dataset/layer';
import { readPack } from '../lib/dataset/pack';

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

/**
 * A dataset pack (one JSON file, see lib/dataset/pack.ts) applied over the
 * seed folder it was made for: the same effective dataset the extension builds
 * after importing the pack. Throws with the pack's own error messages.
 */
export async function loadPackOverSeeds(packFile: string, topicId: string, baseDir = 'seeds'): Promise<EffectiveDataset> {
  const base = loadSeedsFromDir(baseDir);
  const { changes } = await readPack(readFileSync(packFile, 'utf8'), {
    topic: topicId,
    subjects: new Set(base.subjects.map((s) => s.key)),
    claims: new Set(base.claims.map((c) => c.id)),
    deviceId: 'scan',
    now: new Date(),
  });
  return applyLayer({ version: base.manifest.version, subjects: base.subjects, claims: base.claims, assessments: base.assessments }, changes);
}
