import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { longHtml } from '../../bench/corpus';
import { extractMainText, extractMainTextStepped, type ExtractedText } from '../../lib/extract/extract-main-text';
import type { ReadabilityLike, StepName } from '../../lib/extract/readability-content';

const EVAL = join(__dirname, '../fixtures/eval');
const R = Readability as unknown as ReadabilityLike;
const doc = (html: string) => parseHTML(html).document as unknown as Document;

/** Readability as it ran before the steps: `parse()` in one call (none of its own steps are reachable). */
class WholeParse {
  private readonly r: InstanceType<typeof Readability>;
  constructor(d: Document, options?: object) {
    this.r = new Readability(d, options);
  }
  parse() {
    return this.r.parse();
  }
}
const Whole = WholeParse as unknown as ReadabilityLike;

/** The extraction as the page session uses it: text, title, language, method, and the map's pieces of text. */
function shape(x: ExtractedText) {
  return { text: x.text, title: x.title, language: x.language, method: x.method, map: x.map?.segments.map((s) => [s.start, s.end, s.nodeStart, s.node.data]) };
}

async function stepped(d: Document, between?: (step: StepName) => void): Promise<{ x: ExtractedText; steps: StepName[] }> {
  const steps: StepName[] = [];
  let last: StepName | null = null;
  const x = await extractMainTextStepped(
    d,
    { readability: R },
    async () => {
      if (last) between?.(last);
    },
    (name) => {
      steps.push(name);
      last = name;
    },
  );
  return { x, steps };
}

describe('extractMainTextStepped', () => {
  const fixtures = readdirSync(EVAL).filter((f) => f.endsWith('.html'));
  it.each(fixtures)('gives %s the same text and map as Readability parsed in one call', async (file) => {
    const html = readFileSync(join(EVAL, file), 'utf8');
    const { x, steps } = await stepped(doc(html));
    expect(shape(x)).toEqual(shape(extractMainText(doc(html), { readability: Whole })));
    // Readability's own steps were run apart (a fallback to parse() would give one 'readability' step only).
    expect(steps).toEqual(expect.arrayContaining(['clone', 'pair', 'readability-prepare', 'readability', 'readability-clean', 'collect', 'render']));
  });

  it('gives the bench page (20,000 words) the same text and map, in pieces of work', async () => {
    const html = longHtml(20_000, true);
    const { x, steps } = await stepped(doc(html));
    expect(x.method).toBe('readability');
    expect(shape(x)).toEqual(shape(extractMainText(doc(html), { readability: Whole })));
    expect(steps.length).toBeGreaterThanOrEqual(7);
  });

  it('is extractMainText when run at once', () => {
    const html = readFileSync(join(EVAL, fixturesFirst()), 'utf8');
    expect(shape(extractMainText(doc(html), { readability: R }))).toEqual(shape(extractMainText(doc(html), { readability: Whole })));
  });

  it('extracts the page as it is now when the chosen text left the document between the steps', async () => {
    const html = readFileSync(join(EVAL, fixturesFirst()), 'utf8');
    const d = doc(html);
    const { x } = await stepped(d, (step) => {
      if (step !== 'collect') return;
      // The page replaces its article after Readability chose it.
      const article = d.querySelector('article') ?? d.body.firstElementChild;
      const fresh = d.createElement('article');
      fresh.innerHTML = article?.innerHTML ?? '';
      article?.replaceWith(fresh);
    });
    expect(x.map?.segments.every((s) => d.contains(s.node))).toBe(true);
    expect(shape(x)).toEqual(shape(extractMainText(d, { readability: Whole })));
  });

  it('falls back to parse() for a Readability without the steps it knows', async () => {
    const html = readFileSync(join(EVAL, fixturesFirst()), 'utf8');
    const steps: StepName[] = [];
    const x = await extractMainTextStepped(doc(html), { readability: Whole }, async () => undefined, (s) => steps.push(s));
    expect(steps).not.toContain('readability-prepare');
    expect(shape(x)).toEqual(shape(extractMainText(doc(html), { readability: Whole })));
  });
});

function fixturesFirst(): string {
  return readdirSync(EVAL).find((f) => f.startsWith('en-') && f.endsWith('.html')) as string;
}
