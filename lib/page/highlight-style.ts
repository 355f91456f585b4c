import type { HighlightColors } from '../settings/schema';

/** The readable names, used where no page can see them (tests, fallback marks' attributes are our own elements). */
export const HIGHLIGHT_PREFIX = 'cecot-lens-';

export const CLAIM_KINDS = ['agrees', 'conflicts', 'related', 'repeats-error', 'unmatched'] as const;
export const NOTE_COLORS = {
  yellow: '#f5c400',
  green: '#3ba55c',
  blue: '#4a90e2',
  pink: '#e0569b',
  purple: '#8e6bd8',
} as const;
export type HighlightKind = (typeof CLAIM_KINDS)[number] | `note-${keyof typeof NOTE_COLORS}` | 'focus';

/**
 * The claim colours of the default settings (lib/settings/schema.ts takes its defaults from here): the
 * always-on script styles a page that passes its gate with them before the browser's first style pass,
 * without the settings' schema (see platform/highlight-sheet.ts).
 */
export const DEFAULT_CLAIM_COLORS = {
  agrees: '#009e73',
  conflicts: '#d55e00',
  related: '#0072b2',
  'repeats-error': '#cc79a7',
  unmatched: '#999999',
} as const;

export function highlightName(kind: HighlightKind): string {
  return HIGHLIGHT_PREFIX + kind;
}

export const ALL_KINDS: readonly HighlightKind[] = [
  ...CLAIM_KINDS,
  ...(Object.keys(NOTE_COLORS) as (keyof typeof NOTE_COLORS)[]).map((c) => `note-${c}` as const),
  'focus',
];

/**
 * Names for one page session, as the page sees them in `CSS.highlights`: random,
 * so that they say nothing about notes or verdicts ("cecot-lens-conflicts" would),
 * and different on every visit, so that a page cannot learn them once for all.
 * `random` returns fresh random bytes.
 */
export function sessionHighlightNames(random: (n: number) => Uint8Array): Record<HighlightKind, string> {
  const names = {} as Record<HighlightKind, string>;
  const used = new Set<string>();
  for (const kind of ALL_KINDS) {
    let name: string;
    do name = 'h' + [...random(8)].map((b) => b.toString(16).padStart(2, '0')).join('');
    while (used.has(name));
    used.add(name);
    names[kind] = name;
  }
  return names;
}

/**
 * Styles for `::highlight()`. Colour is never the only signal: each relation
 * also has its own underline style (solid, wavy, dotted, double, dashed), so the marks
 * stay distinct for colour-blind readers; backgrounds are translucent so they
 * read on light and dark pages alike.
 */
export function highlightCss(colors: HighlightColors, showUnmatched: boolean, nameOf: (kind: HighlightKind) => string = highlightName): string {
  const claim = (kind: keyof HighlightColors, style: string, alpha: number) =>
    `::highlight(${nameOf(kind)}) { background-color: ${withAlpha(colors[kind], alpha)}; text-decoration: underline ${style} ${colors[kind]}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;
  const rules = [
    claim('agrees', 'solid', 0.16),
    claim('conflicts', 'wavy', 0.22),
    claim('related', 'dotted', 0.14),
    claim('repeats-error', 'double', 0.22),
    showUnmatched ? claim('unmatched', 'dashed', 0.06) : '',
    // The reader's notes are drawn unlike any claim: a thick line above the text (claims are underlined) over a light
    // fill, so a green note on a green "agrees" claim still shows. Custom highlights cannot draw borders or outlines.
    ...Object.entries(NOTE_COLORS).map(
      ([name, hex]) =>
        `::highlight(${nameOf(`note-${name}` as HighlightKind)}) { background-color: ${withAlpha(hex, 0.3)}; text-decoration: overline solid ${hex}; text-decoration-thickness: 4px; }`,
    ),
    `::highlight(${nameOf('focus')}) { background-color: ${withAlpha('#ffd400', 0.55)}; color: inherit; }`,
  ];
  return rules.filter(Boolean).join('\n');
}

/** `#rrggbb` → `rgb(r g b / a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

