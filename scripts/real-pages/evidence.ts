/**
 * How a labelled fact's evidence is pinned to a page without keeping the
 * page's words: its offset and length in the page text, and the SHA-256 of
 * the excerpt after `normalizeExcerpt`. A rebuilt text that differs anywhere
 * inside the span shows up as a hash mismatch instead of a silently wrong label.
 */
import { createHash } from 'node:crypto';

/**
 * The one normalization used for evidence hashes:
 *   1. Unicode NFC (so "é" typed as e + U+0301 and as U+00E9 hash the same);
 *   2. every run of Unicode whitespace (spaces, tabs, line breaks, NBSP…) becomes one U+0020;
 *   3. leading and trailing whitespace removed.
 * Case, punctuation and quotes are kept: they are part of what the page says.
 */
export function normalizeExcerpt(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Hex SHA-256 of the UTF-8 bytes of the normalized excerpt. */
export function excerptHash(s: string): string {
  return createHash('sha256').update(normalizeExcerpt(s), 'utf8').digest('hex');
}

export interface EvidenceSpan {
  start: number;
  length: number;
  sha256: string;
}

/** Pins `quote` in `text` (its `occurrence`-th appearance, 1-based); null when absent. */
export function locateEvidence(text: string, quote: string, occurrence = 1): EvidenceSpan | null {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return null;
  }
  return { start: at, length: quote.length, sha256: excerptHash(quote) };
}

export type EvidenceCheck = { ok: true } | { ok: false; reason: string };

/** Whether the span still holds the excerpt it was labelled on. */
export function checkEvidence(text: string, span: EvidenceSpan): EvidenceCheck {
  if (span.start < 0 || span.length <= 0 || span.start + span.length > text.length) {
    return { ok: false, reason: `span ${span.start}+${span.length} is outside the text (${text.length} characters)` };
  }
  const got = excerptHash(text.slice(span.start, span.start + span.length));
  return got === span.sha256 ? { ok: true } : { ok: false, reason: `hash ${got.slice(0, 12)}… ≠ labelled ${span.sha256.slice(0, 12)}…` };
}
