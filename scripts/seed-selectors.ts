/**
 * Fills in (or, with --check, verifies) the prefix, suffix, start and end of
 * every source span in seeds/claims.json from its `exact` quote.
 *
 *   npx tsx scripts/seed-selectors.ts           # write
 *   npx tsx scripts/seed-selectors.ts --check   # fail if anything is missing or stale
 *
 * Positions are never typed by hand: a quote is looked up in the source text as
 * Node reads it (UTF-16 code units of the UTF-8 decoded file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextAround, findAll } from '../lib/dataset/resolve-span';
import { loadSeedsFromDir } from './load-seeds';

const SEEDS = 'seeds';

/**
 * Where the article body starts, for sources whose scrape repeats text before it.
 * Article 000 opens with a teaser (title + truncated lead + "Liam Avatar" + "By")
 * and then repeats the title and lead in full: quotes belong to the body copy.
 */
const BODY_STARTS_AFTER: Record<string, string> = {
  'src-000': 'Liam Avatar\n\nBy\n\n',
};

interface RawSpan {
  sourceId: string;
  quote: { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
  position?: { type: 'TextPositionSelector'; start: number; end: number };
}
interface RawClaim {
  id: string;
  sources: RawSpan[];
  /** Typed facts cite their own passages (see `Fact` in lib/dataset/schema.ts). */
  facts?: Array<{ id: string; sources: RawSpan[] }>;
}

function main(): void {
  const check = process.argv.includes('--check');
  const claimsPath = join(SEEDS, 'claims.json');
  const claimsFile = JSON.parse(readFileSync(claimsPath, 'utf8')) as { claims: RawClaim[] };
  const sourcesFile = JSON.parse(readFileSync(join(SEEDS, 'sources.json'), 'utf8')) as {
    sources: Array<{ id: string; file: string }>;
  };
  const texts = new Map(
    sourcesFile.sources.map((s) => [s.id, readFileSync(join(SEEDS, 'sources', s.file), 'utf8')] as const),
  );

  const problems: string[] = [];
  const changes: string[] = [];
  const owners = claimsFile.claims.flatMap((claim) => [
    { id: claim.id, sources: claim.sources },
    ...(claim.facts ?? []).map((f) => ({ id: `${claim.id} facts[${f.id}]`, sources: f.sources })),
  ]);
  for (const claim of owners) {
    claim.sources.forEach((span, i) => {
      const where = `${claim.id} sources[${i}]`;
      const text = texts.get(span.sourceId);
      if (text === undefined) return void problems.push(`${where}: unknown source ${span.sourceId}`);
      const exact = span.quote.exact;
      const start = pickStart(text, span, problems, where);
      if (start === null) return;
      const end = start + exact.length;
      const { prefix, suffix } = contextAround(text, start, end);
      const next: RawSpan = {
        sourceId: span.sourceId,
        quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
        position: { type: 'TextPositionSelector', start, end },
      };
      if (JSON.stringify(next) !== JSON.stringify(span)) {
        changes.push(where);
        claim.sources[i] = next;
      }
    });
  }

  if (problems.length) {
    console.error(`seed-selectors: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (check) {
    if (changes.length) {
      console.error(`seed-selectors --check: ${changes.length} span(s) missing or stale:\n  ${changes.join('\n  ')}`);
      process.exit(1);
    }
  } else if (changes.length) {
    writeFileSync(claimsPath, JSON.stringify(claimsFile, null, 2) + '\n');
  }
  // The whole dataset must still load: schemas and cross-file rules.
  const dataset = loadSeedsFromDir(SEEDS);
  const spans = dataset.claims.reduce((n, c) => n + c.sources.length, 0);
  console.log(
    `seed-selectors: ${dataset.claims.length} claims, ${spans} spans OK` +
      (check ? '' : `; ${changes.length} span(s) written`),
  );
}

/** The one occurrence a span means, or null (with a problem recorded) when that is unclear. */
function pickStart(text: string, span: RawSpan, problems: string[], where: string): number | null {
  const exact = span.quote.exact;
  const all = findAll(text, exact);
  if (all.length === 0) {
    problems.push(`${where}: quote not found in ${span.sourceId}: ${JSON.stringify(exact)}`);
    return null;
  }
  // A position already chosen deliberately (and still matching) wins.
  const kept = span.position?.start;
  if (kept !== undefined && all.includes(kept)) return kept;
  let candidates = all;
  const marker = BODY_STARTS_AFTER[span.sourceId];
  if (marker !== undefined && all.length > 1) {
    const bodyAt = text.indexOf(marker);
    if (bodyAt === -1) throw new Error(`body marker for ${span.sourceId} is not in its text`);
    candidates = all.filter((s) => s >= bodyAt + marker.length);
  }
  if (candidates.length !== 1) {
    problems.push(
      `${where}: quote occurs ${all.length} times (at ${all.join(', ')}) in ${span.sourceId}; ` +
        `lengthen it or set its position by hand: ${JSON.stringify(exact)}`,
    );
    return null;
  }
  return candidates[0] ?? null;
}

main();
