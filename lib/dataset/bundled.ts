import manifest from '../../seeds/manifest.json';
import sources from '../../seeds/sources.json';
import subjects from '../../seeds/subjects.json';
import claims from '../../seeds/claims.json';
import assessments from '../../seeds/assessments.json';
import { loadDataset, type Dataset } from './load';

// Every text under seeds/sources/ is bundled, keyed by file name, so that
// sources.json alone decides which texts a dataset uses: swapping the dataset
// needs no code change.
const modules = import.meta.glob<string>('../../seeds/sources/*.txt', { query: '?raw', import: 'default', eager: true });
const texts: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

let cached: Dataset | undefined;

/** The dataset shipped inside the extension, validated on first use. */
export function bundledDataset(): Dataset {
  cached ??= loadDataset({ manifest, sources, subjects, claims, assessments, texts });
  return cached;
}
