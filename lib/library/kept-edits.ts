import type { Annotation } from '../annotations/schema';
import { keptEditOf } from './note';

/** How long the sidebar lets a kept edit's text run before it shortens it. */
export const KEPT_TEXT_MAX = 160;

/**
 * A deleted note of a page that still holds an edit made on a device that had
 * not seen the deletion: what the page's sidebar says about it, so that words
 * typed on the other device are not silently lost behind the trash.
 */
export interface KeptEditOnPage {
  id: string;
  /** The highlighted passage (page text: shown as text, never HTML). */
  quote: string;
  /** The kept note's text, shortened; empty when the edit changed only tags or verdict. */
  text: string;
  tags: string[];
  /** When the edit was saved. */
  editedAt: string;
  /** The edit was made on this device (the deletion came from another): the notice must not say "another device". */
  editedHere: boolean;
  /** When the note was deleted. */
  deletedAt: string;
}

/** Shortens `text` to at most `max` characters at a word boundary when it can, with an ellipsis; whitespace runs become one space. */
export function shorten(text: string, max = KEPT_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  // One character more than fits: when it is a space, the last word fits whole.
  const room = chars.slice(0, max);
  const space = room.lastIndexOf(' ');
  const head = space >= max * 0.6 ? room.slice(0, space).join('') : room.slice(0, max - 1).join('');
  return `${head.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * The page's deleted notes that hold a kept edit, the latest edit first. Live notes and plain
 * tombstones are left out. `thisDevice` is this install's device id, which the edits carry.
 */
export function keptEditsOnPage(annotations: readonly Annotation[], thisDevice: string): KeptEditOnPage[] {
  const out: KeptEditOnPage[] = [];
  for (const a of annotations) {
    const kept = keptEditOf(a);
    if (!kept || a.deletedAt === null) continue;
    out.push({ id: a.id, quote: shorten(a.quote), text: shorten(kept.note), tags: kept.tags, editedAt: kept.updatedAt, editedHere: kept.deviceId === thisDevice, deletedAt: a.deletedAt });
  }
  return out.sort((x, y) => Date.parse(y.editedAt) - Date.parse(x.editedAt) || x.id.localeCompare(y.id));
}

/** Where the listed edits were made, for the notice's one sentence about them all. */
export function whereKeptEditsWereMade(kept: readonly Pick<KeptEditOnPage, 'editedHere'>[]): 'here' | 'elsewhere' | 'both' {
  const here = kept.filter((k) => k.editedHere).length;
  return here === 0 ? 'elsewhere' : here === kept.length ? 'here' : 'both';
}
