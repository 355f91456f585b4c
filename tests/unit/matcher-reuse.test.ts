import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { buildMatcher } from '../../lib/match/build-matcher';
import { bundledTopic } from '../../lib/topic/bundled';

// The matcher keeps buffers and evidence objects that every sentence refills (issue 13: allocation
// per sentence). What one page or sentence left in them must never show in the next one's matches.
const dataset = bundledDataset();
const topic = bundledTopic();
const EVAL = join(__dirname, '../fixtures/eval');
const pages = ['typed-en-slots.txt', 'en-failure-kinds.txt', 'typed-es-slots.txt', 'counts-en-other-groups.txt', 'typed-en-in-each.txt'];
const text = (file: string) => readFileSync(join(EVAL, file), 'utf8');
const analyse = (file: string, matcher: ReturnType<typeof buildMatcher>) => analyzeText({ text: text(file), url: 'https://news.example/cecot' }, matcher, topic);

describe('a matcher reused across pages', () => {
  it('finds on each page what a matcher used for nothing else finds', () => {
    const shared = buildMatcher(dataset);
    // Forwards, then backwards: every page follows another one at least once.
    for (const file of [...pages, ...[...pages].reverse()]) {
      const fresh = analyse(file, buildMatcher(dataset));
      expect(fresh.claims.some((c) => c.matches.length > 0), file).toBe(true);
      expect(JSON.stringify(analyse(file, shared)), file).toBe(JSON.stringify(fresh));
    }
  });

  it('finds in a sentence what it finds in that sentence alone, whatever came before it', () => {
    const shared = buildMatcher(dataset);
    const page = text('en-failure-kinds.txt');
    const alone = (sentence: string, matcher: ReturnType<typeof buildMatcher>) =>
      JSON.stringify(analyzeText({ text: sentence, url: 'https://news.example/cecot', language: 'en' }, matcher, topic).claims.map((c) => c.matches));
    const paragraphs = page.split(/\n+/).filter((p) => p.trim().length > 40).slice(0, 12);
    let matched = 0;
    for (const p of paragraphs) {
      analyse('typed-en-slots.txt', shared);
      const fresh = alone(p, buildMatcher(dataset));
      if (fresh !== '[]' && /claimId/.test(fresh)) matched++;
      expect(alone(p, shared), p).toBe(fresh);
    }
    expect(matched).toBeGreaterThan(3);
  });
});
