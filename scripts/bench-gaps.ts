/**
 * The cost of `withGapHits` (phrases matched with words inserted inside them) on the analysis
 * bench's 20,000-word on-topic page, against the whole analysis of that page, in the same run:
 * `npx tsx scripts/bench-gaps.ts`.
 */
import { readFileSync } from 'node:fs';
import { analyzeText } from '../lib/analyze';
import { buildMatcher } from '../lib/match/build-matcher';
import { foldText } from '../lib/text/fold';
import { withGapHits } from '../lib/text/phrase-gaps';
import { segmentSentences } from '../lib/text/segment-sentences';
import { compileTopic } from '../lib/topic/compile-topic';
import { parseTopic } from '../lib/topic/schema';
import { longText } from '../bench/corpus';
import { loadSeedsFromDir } from './load-seeds';

const matcher = buildMatcher(loadSeedsFromDir('seeds'));
const topic = compileTopic(parseTopic(JSON.parse(readFileSync('seeds/topic.json', 'utf8'))));
const text = longText(20_000);
const page = { url: 'https://news.example/world/2025/06/cecot', title: 'CECOT', text };
const folded = foldText(text);
const all = matcher.factPhrases.findAll(folded);
const sentences = segmentSentences(text, 'en').map((s) => ({ s, hits: all.filter((h) => h.start >= s.start && h.end <= s.end) }));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}
const gapsMs: number[] = [];
const wholeMs: number[] = [];
let added = 0;
for (let round = 0; round < 25; round++) {
  // CPU time of this process (the machine is shared: wall time counts the others' work too).
  let t = cpuMs();
  analyzeText(page, matcher, topic);
  wholeMs.push(cpuMs() - t);
  t = cpuMs();
  added = 0;
  for (const { s, hits } of sentences) {
    const out = withGapHits(matcher.factPhrases, folded, s.start, s.end, hits);
    if (out !== hits) added += out.length - hits.length + 1;
  }
  gapsMs.push(cpuMs() - t);
}
console.log(`${sentences.length} sentences, ${sentences.filter((x) => x.hits.length).length} with fact hits, ${added} changed`);
console.log(`analyzeText ${median(wholeMs).toFixed(1)} ms; withGapHits over every sentence ${median(gapsMs).toFixed(2)} ms (${((100 * median(gapsMs)) / median(wholeMs)).toFixed(1)}%)`);
