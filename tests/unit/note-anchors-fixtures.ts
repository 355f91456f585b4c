/**
 * A note as the notes-anchor tests need it: placed on a page, and carrying everything the reader
 * wrote that the page session must never receive. Both the store's and the packed answer's tests
 * build their notes here and look for the same private words in what is sent.
 */
import type { Annotation } from '../../lib/annotations/schema';
import { makeAnnotation } from './exchange-fixtures';

/** What the reader wrote or the page was called: none of it may reach the page session. */
export const PRIVATE = { note: 'what the reader wrote about', tag: 'private tag', verdict: 'misleading', title: 'Private page title' } as const;
export const PRIVATE_WORDS: readonly string[] = Object.values(PRIVATE);

/** Note number `n` on `page`, at `anchor`, with the private fields filled in. */
export function privateNote(page: string, n: number, anchor: Pick<Annotation, 'id' | 'selectors' | 'color'>, over: Partial<Annotation> = {}): Annotation {
  return makeAnnotation({
    ...anchor,
    url: page,
    canonicalUrl: page,
    title: PRIVATE.title,
    quote: anchor.selectors.quote.exact,
    note: `${PRIVATE.note} ${n}`,
    tags: [PRIVATE.tag],
    verdict: PRIVATE.verdict,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    deviceId: 'dev',
    ...over,
  });
}

/** Note number `n` on `page`: its own quote ("quoted words n") at offset n·100, green or yellow by parity. */
export function numberedNote(page: string, n: number, over: Partial<Annotation> = {}): Annotation {
  const exact = `quoted words ${n}`;
  const anchor = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' }, position: { type: 'TextPositionSelector', start: n * 100, end: n * 100 + exact.length } },
    color: n % 2 ? 'green' : 'yellow',
  } as const;
  return privateNote(page, n, anchor, over);
}
