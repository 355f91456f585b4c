/**
 * npx tsx scripts/cold-matcher.ts [WORDS]
 *
 * What a fresh process (the extension's service worker waking up) pays before its first analysis:
 * building the matcher from the seeds, compiling the topic, then the first analysis of an on-topic
 * page of WORDS words (default 1,250; bench/corpus.ts), and a second one for comparison. Run it
 * several times: each run is one cold start.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { longText } from '../bench/corpus';
import { analyzeText } from '../lib/analyze';
import { buildMatcher } from '../lib/match/build-matcher';
import { compileTopic } from '../lib/topic/compile-topic';
import { parseTopic } from '../lib/topic/schema';
import { loadSeedsFromDir } from './load-seeds';

const words = Number(process.argv[2] ?? 1250);
const dataset = loadSeedsFromDir('seeds');
const topicFile = parseTopic(JSON.parse(readFileSync('seeds/topic.json', 'utf8')));
const input = { text: longText(words), title: 'CECOT and the deal', url: 'https://news.example/cecot' };

const time = <T>(run: () => T): [T, number] => {
  const t0 = performance.now();
  const out = run();
  return [out, performance.now() - t0];
};
const [matcher, buildMs] = time(() => buildMatcher(dataset));
const [topic, topicMs] = time(() => compileTopic(topicFile));
const [, firstMs] = time(() => analyzeText(input, matcher, topic));
const [, secondMs] = time(() => analyzeText(input, matcher, topic));
const ms = (v: number) => `${v.toFixed(1)} ms`;
process.stdout.write(
  `buildMatcher ${ms(buildMs)}, compileTopic ${ms(topicMs)}, first analysis (${words.toLocaleString('en-US')} words) ${ms(firstMs)}, second ${ms(secondMs)}; cold total ${ms(buildMs + topicMs + firstMs)}\n`,
);
