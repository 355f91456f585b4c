import type { NoteAnchor, NoteAnchorList } from './note-anchors-repo';

/**
 * A page's note anchors as they travel to the page session: one array per
 * field (columns) instead of one object per note. Sent as objects, 1,000
 * notes were a 359 KB reply, most of it the same keys and selector type names
 * repeated, plus code-point offsets the page never uses; serialising it in the
 * background and parsing it on the page's busy main thread sat between the
 * session's start and its first note. The columns carry only what anchoring
 * and painting read (id, colour, quote with its context, UTF-16 position).
 *
 * The records were validated through their schema when read back from the
 * database (note-anchors-repo.ts); this module imports no schema so that the
 * page session can unpack without loading Zod first, and `unpackNoteAnchors`
 * still refuses columns that do not line up rather than drawing from guesses.
 */
export interface PackedNoteAnchors {
  ids: string[];
  /** The distinct colours of these notes; `colors[i]` indexes it. */
  palette: string[];
  colors: number[];
  exact: string[];
  /** null where the selector had no prefix (or suffix). */
  prefix: Array<string | null>;
  suffix: Array<string | null>;
  /** UTF-16 offsets [start, end) of each note's position hint, null for a note saved without one. */
  start: Array<number | null>;
  end: Array<number | null>;
  /** How many stored records did not validate (the library lists them); none of them is sent. */
  invalid: number;
}

export function packNoteAnchors(list: NoteAnchorList): PackedNoteAnchors {
  const packed: PackedNoteAnchors = { ids: [], palette: [], colors: [], exact: [], prefix: [], suffix: [], start: [], end: [], invalid: list.invalid.length };
  const colorIndex = new Map<string, number>();
  for (const note of list.notes) {
    let color = colorIndex.get(note.color);
    if (color === undefined) {
      color = packed.palette.push(note.color) - 1;
      colorIndex.set(note.color, color);
    }
    const { quote, position } = note.selectors;
    packed.ids.push(note.id);
    packed.colors.push(color);
    packed.exact.push(quote.exact);
    packed.prefix.push(quote.prefix ?? null);
    packed.suffix.push(quote.suffix ?? null);
    packed.start.push(position ? position.start : null);
    packed.end.push(position ? position.end : null);
  }
  return packed;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The anchors back as the page session uses them; throws when the columns are not what `packNoteAnchors` writes. */
export function unpackNoteAnchors(packed: PackedNoteAnchors): NoteAnchor[] {
  const { ids, palette, colors, exact, prefix, suffix, start, end } = packed;
  const n = ids.length;
  if (![colors, exact, prefix, suffix, start, end].every((column) => Array.isArray(column) && column.length === n)) throw new Error('note anchors: columns of different lengths');
  const notes: NoteAnchor[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const color = palette[colors[i] as number];
    const quote = exact[i];
    const before = prefix[i];
    const after = suffix[i];
    const from = start[i];
    const to = end[i];
    if (!isText(id) || !isText(color) || !isText(quote) || !quote || (before !== null && !isText(before)) || (after !== null && !isText(after))) throw new Error(`note anchors: note ${i} is malformed`);
    const position = from === null && to === null ? null : isOffset(from) && isOffset(to) && to > from ? { type: 'TextPositionSelector' as const, start: from, end: to } : undefined;
    if (position === undefined) throw new Error(`note anchors: note ${i} has a malformed position`);
    notes[i] = {
      id,
      color: color as NoteAnchor['color'],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, ...(before !== null ? { prefix: before } : {}), ...(after !== null ? { suffix: after } : {}) },
        ...(position ? { position } : {}),
      },
    };
  }
  return notes;
}
