import type { HighlightColors } from '../settings/schema';

/** Every highlight name we register starts with this, so that we never touch a page's own highlights. */
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

export function highlightName(kind: HighlightKind): string {
  return HIGHLIGHT_PREFIX + kind;
}

/**
 * Styles for `::highlight()`. Colour is never the only signal: each relation
 * also has its own underline style (solid, wavy, dotted, double, dashed), so the marks
 * stay distinct for colour-blind readers; backgrounds are translucent so they
 * read on light and dark pages alike.
 */
export function highlightCss(colors: HighlightColors, showUnmatched: boolean): string {
  const claim = (kind: keyof HighlightColors, style: string, alpha: number) =>
    `::highlight(${highlightName(kind)}) { background-color: ${withAlpha(colors[kind], alpha)}; text-decoration: underline ${style} ${colors[kind]}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;
  const rules = [
    claim('agrees', 'solid', 0.16),
    claim('conflicts', 'wavy', 0.22),
    claim('related', 'dotted', 0.14),
    claim('repeats-error', 'double', 0.22),
    showUnmatched ? claim('unmatched', 'dashed', 0.06) : '',
    ...Object.entries(NOTE_COLORS).map(
      ([name, hex]) => `::highlight(${highlightName(`note-${name}` as HighlightKind)}) { background-color: ${withAlpha(hex, 0.38)}; }`,
    ),
    `::highlight(${highlightName('focus')}) { background-color: ${withAlpha('#ffd400', 0.55)}; color: inherit; }`,
  ];
  return rules.filter(Boolean).join('\n');
}

/** `#rrggbb` → `rgb(r g b / a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}
