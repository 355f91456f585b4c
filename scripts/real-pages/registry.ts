/**
 * The real-page registry: what was labelled on which page, with no page text.
 * Committed at tests/real-pages/registry.json; `npm run eval -- --real DIR`
 * reads DIR/registry.json and DIR/pages/<id>.txt (see README, "Real-page evaluation").
 */
import { readFileSync } from 'node:fs';
import { z } from '../../lib/schema/zod';

export const REGISTRY_FORMAT = 'cecot-lens-real-pages';

/** What a careful fact-checker holding only the dataset would say the page's fact is to the claim(s). */
export const Expectation = z.enum(['agrees', 'conflicts', 'related', 'none', 'error-repeated']);
export type Expectation = z.infer<typeof Expectation>;

export const SiteKind = z.enum(['news', 'wire', 'aggregator', 'blog', 'opinion', 'forum', 'wiki', 'ngo', 'video', 'mailing-list', 'student', 'photo-archive']);

const Sha = z.string().regex(/^[0-9a-f]{64}$/);

export const RealFact = z.object({
  id: z.string().min(1),
  start: z.number().int().min(0),
  length: z.number().int().min(1),
  sha256: Sha,
  expect: Expectation,
  /** Dataset claims the fact bears on; any of them is accepted as the match. Empty for `none` about any claim. */
  claimIds: z.array(z.string().min(1)),
  /** The issue's failure kind (1–7) this fact illustrates, when it does. */
  failureKind: z.number().int().min(1).max(7).optional(),
  /** For conflicts and repeated errors: the two values an explanation must name (short values, not sentences). */
  values: z.object({ page: z.string().min(1).max(40), dataset: z.string().min(1).max(40) }).optional(),
  /** The labeller's reason, in the labeller's own words. */
  note: z.string().max(400).optional(),
});
export type RealFact = z.infer<typeof RealFact>;

export const RealPage = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  url: z.string().url(),
  query: z.string().min(1),
  language: z.enum(['en', 'es']),
  site: SiteKind,
  onTopic: z.boolean(),
  /** Of the whole page text after `normalizeExcerpt`, to tell a changed copy from a changed label. */
  textSha256: Sha,
  textLength: z.number().int().min(1),
  facts: z.array(RealFact),
  note: z.string().max(400).optional(),
});
export type RealPage = z.infer<typeof RealPage>;

export const Registry = z.object({
  format: z.literal(REGISTRY_FORMAT),
  version: z.literal(1),
  normalization: z.string(),
  pages: z.array(RealPage),
});
export type Registry = z.infer<typeof Registry>;

/** Reads and validates a registry file; the error names the file and the first bad field. */
export function readRegistry(file: string): Registry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const r = Registry.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const p of r.data.pages) {
    if (ids.has(p.id)) throw new Error(`${file}: page id ${p.id} is used twice`);
    ids.add(p.id);
  }
  return r.data;
}
