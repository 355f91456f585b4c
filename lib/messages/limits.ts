/*
 * The protocol's limits, without its schemas: the page session needs the numbers, and importing
 * them from protocol.ts would build every message's Zod schema on each page it is injected into.
 */

/** The longest selection that can be annotated; a longer one gets a message by the selection, not a silent nothing. */
export const MAX_QUOTE = 10_000;

/** Page titles longer than this are cut (a page may put anything in `og:title`). */
export const MAX_TITLE = 2_000;

/** Marks where page text was cut, so that a reader sees it was. */
export const TRIM_MARK = ' […]';

/** Longer main texts are cut before analysis: no news article comes near it, and a hostile page cannot make us work without bound. */
export const MAX_PAGE_TEXT = 2_000_000;
