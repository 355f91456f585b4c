/**
 * The analysis engine: the gate every page pays, and the full analysis only
 * on-topic pages pay. Targets (issue 3): gate under 1 ms on a typical article,
 * full analysis of 20,000 words under 50 ms, linear growth.
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { analyzeDocument, analyzeText } from '../lib/analyze';
import type { ReadabilityLike } from '../lib/extract/readability-content';
import { buildMatcher } from '../lib/match/build-matcher';
import { compileTopic } from '../lib/topic/compile-topic';
import { gate, gateDocument } from '../lib/topic/gate';
import { parseTopic } from '../lib/topic/schema';
import { loadSeedsFromDir } from '../scripts/load-seeds';
import type { BenchCase } from './harness';
import { longHtml, longText } from './corpus';

export function cases(): BenchCase[] {
  const matcher = buildMatcher(loadSeedsFromDir('seeds'));
  const topic = compileTopic(parseTopic(JSON.parse(readFileSync('seeds/topic.json', 'utf8'))));

  const typical = longText(1000, false);
  const huge = longText(150_000, false);
  const hugeDoc = parseHTML(longHtml(150_000, false)).document as unknown as Document;
  const page = (text: string) => ({ url: 'https://news.example/world/2025/06/some-story', title: 'Markets rally as rates hold', text });

  const list: BenchCase[] = [
    {
      name: 'gate: typical off-topic article (1,000 words)',
      run: () => gate(page(typical), topic),
      baselineText: typical,
      targetMs: 1,
      note: `${typical.length.toLocaleString('en-US')} chars`,
    },
    {
      name: 'gate: large off-topic page (150,000 words)',
      run: () => gate(page(huge), topic),
      baselineText: huge,
      targetMs: 1,
      note: `${huge.length.toLocaleString('en-US')} chars; the gate reads the first ${topic.topic.gate.maxChars} only`,
    },
    {
      name: 'gate: large off-topic document (DOM)',
      run: () => gateDocument(hugeDoc, 'https://news.example/world/story', topic),
      baselineText: huge,
      targetMs: 1,
      note: 'linkedom document; title, meta tags and the first KB of text outside navigation',
    },
  ];

  // Full analysis at 1×, 4× and 16× of 1,250 words: the 16× case is the 20,000-word page.
  for (const factor of [1, 4, 16]) {
    const words = 1250 * factor;
    const text = longText(words);
    list.push({
      name: `analyzeText: on-topic page, ${words.toLocaleString('en-US')} words`,
      run: () => analyzeText({ text, title: 'CECOT and the deal', url: 'https://news.example/cecot' }, matcher, topic),
      baselineText: text,
      targetMs: words === 20000 ? 50 : undefined,
      group: 'analyzeText',
      size: factor,
      note: `${text.length.toLocaleString('en-US')} chars`,
    });
  }

  // The same pages without brackets or weekday names, as many real pages are: a per-sentence look for
  // the nearest "(" or the next weekday that is not bounded reads the rest of the page, which only
  // growth on such a page shows (the labelled pages have a bracket or a weekday every few paragraphs).
  for (const factor of [1, 16]) {
    const words = 1250 * factor;
    const text = longText(words)
      .replace(/[()]/g, ',')
      .replace(/\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b/gi, 'today');
    list.push({
      name: `analyzeText: on-topic page without brackets or weekdays, ${words.toLocaleString('en-US')} words`,
      run: () => analyzeText({ text, title: 'CECOT and the deal', url: 'https://news.example/cecot' }, matcher, topic),
      baselineText: text,
      group: 'analyzeText without brackets or weekdays',
      size: factor,
      note: `${text.length.toLocaleString('en-US')} chars`,
    });
  }

  // Extraction from a DOM on top of the analysis (linkedom is slower than a browser's DOM).
  for (const [label, readability] of [
    ['built-in extractor', null],
    ['Readability', Readability as unknown as ReadabilityLike],
  ] as const) {
    const html = longHtml(20000);
    const doc = parseHTML(html).document as unknown as Document;
    list.push({
      name: `analyzeDocument (${label}): 20,000-word HTML page`,
      run: () => analyzeDocument(doc, 'https://news.example/cecot', matcher, topic, { readability }),
      baselineText: longText(20000),
      note: `${html.length.toLocaleString('en-US')} chars of HTML, linkedom DOM`,
    });
  }
  return list;
}
