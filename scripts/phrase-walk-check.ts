/**
 * npx tsx scripts/phrase-walk-check.ts [DIR...]   (default .real-pages/pages)
 *
 * Checks on local pages (the real pages stay out of the repository, so out of the unit tests) that
 * every phrase set of the seeds finds, walking its trie, what its regular expression finds: at
 * every position, whole-text and per-stretch searches, and the wildcard phrases alone. Exit code 1
 * on any difference. The same comparison runs on the written pages in tests/unit/phrase-set-walk.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../lib/text/fold';
import { differences, reference, seedPhraseSets } from '../tests/unit/phrase-set-reference';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.real-pages/pages'];
const refs = seedPhraseSets().map(([name, set]) => [name, reference(set)] as const);
let pages = 0;
let positions = 0;
let failed = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) {
    process.stderr.write(`${dir}: no such folder\n`);
    process.exit(2);
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = foldText(readFileSync(join(dir, file), 'utf8'));
    const cuts: Array<[number, number]> = [];
    for (let from = 0; from < text.length; from += 89) cuts.push([from, Math.min(text.length, from + 30 + (from % 400))]);
    for (const [name, ref] of refs) {
      const found = differences(ref, text, cuts);
      if (found.length) {
        failed++;
        process.stdout.write(`${file} (${name}): ${found.slice(0, 3).join('; ')}\n`);
      }
    }
    pages++;
    positions += text.length + 1;
  }
}
process.stdout.write(`${pages} pages, ${positions.toLocaleString('en-US')} positions × ${refs.length} phrase sets: ${failed ? `${failed} differ` : 'no difference'}\n`);
process.exit(failed ? 1 : 0);
