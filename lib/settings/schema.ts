import { z } from '../schema/zod';
import { DEFAULT_CLAIM_COLORS } from '../page/highlight-style';

const Hex = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is #rrggbb');

/** Highlight colours per relation. Defaults are readable on light and dark pages and distinct for colour-blind readers (Okabe–Ito hues, each also drawn with its own underline style). */
export const HighlightColors = z.object({
  agrees: Hex.default(DEFAULT_CLAIM_COLORS.agrees),
  conflicts: Hex.default(DEFAULT_CLAIM_COLORS.conflicts),
  related: Hex.default(DEFAULT_CLAIM_COLORS.related),
  /** Agrees with a dataset claim the curator flagged as an error: never green. */
  'repeats-error': Hex.default(DEFAULT_CLAIM_COLORS['repeats-error']),
  unmatched: Hex.default(DEFAULT_CLAIM_COLORS.unmatched),
});
export type HighlightColors = z.infer<typeof HighlightColors>;

/** A host the reader switched the extension off for: "example.com" also covers its subdomains. */
export const SitePattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/, 'a site is a host name such as example.com');

export const Settings = z.object({
  disabledSites: z.array(SitePattern).default([]),
  colors: HighlightColors.default(HighlightColors.parse({})),
  /** Check-worthy sentences the dataset does not cover are underlined faintly; some readers prefer them hidden. */
  showUnmatched: z.boolean().default(true),
  /** The interface language: "auto" follows the browser's. */
  language: z.enum(['auto', 'en', 'es']).default('auto'),
  /** Remember, on this computer only, which pages agreed or conflicted with each dataset claim (Dataset page). Off unless the reader turns it on. */
  keepClaimVisits: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Settings read from storage: anything malformed falls back to defaults field by field rather than failing the page. */
export function readSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const partial = typeof raw === 'object' && raw ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(partial[key]);
    if (field.success) (out as Record<string, unknown>)[key] = field.data;
  }
  return out;
}

export { isSiteDisabled } from './site-match';
