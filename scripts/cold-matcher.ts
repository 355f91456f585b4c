/**
 * npx tsx scripts/cold-matcher.ts — what a fresh process (a service worker waking up) pays before
 * its first analysis: building the matcher from the seeds, then the first scan of each phrase set.
 */
import { performance } from 'node:perf_hooks';
import { buildMatcher } from '../lib/match/build-matcher';
import { foldText } from '../lib/text/fold';
import { loadSeedsFromDir } from './load-seeds';

const dataset = loadSeedsFromDir('seeds');
const t0 = performance.now();
const matcher = buildMatcher(dataset);
const t1 = performance.now();
const text = foldText('The men were deported to El Salvador and held in the CECOT prison, a judge said on Tuesday.');
for (const set of [matcher.cues, matcher.terms, matcher.factPhrases]) set.findAll(text);
const t2 = performance.now();
process.stdout.write(`buildMatcher ${(t1 - t0).toFixed(1)} ms, first scans ${(t2 - t1).toFixed(1)} ms\n`);
