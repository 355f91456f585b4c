import type { Annotation } from '../annotations/schema';
import type { ExportContext } from './context';
import { VERDICT_TAG_PREFIX, type HypothesisAnnotation, type HypothesisExportFile } from './hypothesis-model';
import { utc } from './to-w3c';

export interface HypothesisExportOptions {
  /** The account the file says it was exported by; Hypothesis's import lists annotations by user. */
  userId?: string;
}

/** A placeholder account on a reserved domain: nothing identifies the reader. */
export const DEFAULT_HYPOTHESIS_USER = 'acct:cecot_lens_reader@cecot-lens.invalid';

/**
 * The Hypothesis client's JSON export file. Its import keeps `target`, `text`,
 * `tags`, `uri` and `document` of each annotation, so those carry everything
 * Hypothesis can hold: the quote and UTF-16 position (what the client counts),
 * the note, the tags and the verdict as a `verdict:…` tag. Colours, claim
 * links and kept versions have no place there (the JSON bundle keeps them).
 * Tombstones are left out.
 */
export function toHypothesisFile(annotations: readonly Annotation[], ctx: ExportContext, options: HypothesisExportOptions = {}): HypothesisExportFile {
  const user = options.userId ?? DEFAULT_HYPOTHESIS_USER;
  return {
    export_date: utc(ctx.exportedAt),
    export_userid: user,
    client_version: `${ctx.generator.name} ${ctx.generator.version}`,
    annotations: annotations.filter((a) => a.deletedAt === null).map((a) => toHypothesis(a, user)),
  };
}

function toHypothesis(a: Annotation, user: string): HypothesisAnnotation {
  const quote = a.selectors.quote;
  const selector: NonNullable<HypothesisAnnotation['target'][number]['selector']> = [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
      ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    },
  ];
  if (a.selectors.position !== undefined) selector.push({ type: 'TextPositionSelector', start: a.selectors.position.start, end: a.selectors.position.end });
  return {
    id: a.id,
    created: utc(a.createdAt),
    updated: utc(a.updatedAt),
    user,
    uri: a.canonicalUrl,
    text: a.note,
    tags: [...a.tags, ...(a.verdict !== null ? [VERDICT_TAG_PREFIX + a.verdict] : [])],
    group: '__world__',
    permissions: { read: ['group:__world__'], update: [user], delete: [user] },
    target: [{ source: a.canonicalUrl, selector }],
    document: { title: a.title !== '' ? [a.title] : [] },
    hidden: false,
    flagged: false,
  };
}

export function exportHypothesisJson(annotations: readonly Annotation[], ctx: ExportContext, options: HypothesisExportOptions = {}): string {
  return JSON.stringify(toHypothesisFile(annotations, ctx, options), null, 2) + '\n';
}
