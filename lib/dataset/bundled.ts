import manifest from '../../seeds/manifest.json';
import sources from '../../seeds/sources.json';
import subjects from '../../seeds/subjects.json';
import claims from '../../seeds/claims.json';
import assessments from '../../seeds/assessments.json';
import text000 from '../../seeds/sources/000_e46f939d9425295f.txt?raw';
import text003 from '../../seeds/sources/003_dc13d009fac5e591.txt?raw';
import { loadDataset, type Dataset } from './load';

// Keyed by file name so that sources.json alone decides which id each text gets.
const texts: Record<string, string> = {
  '000_e46f939d9425295f.txt': text000,
  '003_dc13d009fac5e591.txt': text003,
};

let cached: Dataset | undefined;

/** The dataset shipped inside the extension, validated on first use. */
export function bundledDataset(): Dataset {
  cached ??= loadDataset({ manifest, sources, subjects, claims, assessments, texts });
  return cached;
}
