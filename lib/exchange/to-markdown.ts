import type { Annotation } from '../annotations/schema';
import type { ExportContext } from './context';
import { pageTitle } from './context';
import { escapeMarkdownBlock, escapeMarkdownInline, markdownLinkTarget } from './markdown-escape';
import { isWebUrl } from './url-safety';

export interface MarkdownOptions {
  /** Heading of the document. */
  title?: string;
  /**
   * Notes are the reader's own text and may use Markdown on purpose, so they go
   * out as written. Set this for notes that came from elsewhere (imported files).
   */
  escapeNotes?: boolean;
  /** Add a text-fragment link (#:~:text=) that scrolls to the quote. Default true. */
  textFragments?: boolean;
}

const VERDICT_LABEL: Record<NonNullable<Annotation['verdict']>, string> = {
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  misleading: 'Misleading',
  unverified: 'Unverified',
  disputed: 'Disputed',
};

/**
 * Markdown for note-taking apps: one section per page (by canonical URL), each
 * highlight as a block quote followed by the note, verdict, tags and claim links.
 * Tombstones are left out. Page-provided text (titles, quotes) is escaped.
 */
export function toMarkdown(annotations: readonly Annotation[], ctx: ExportContext, options: MarkdownOptions = {}): string {
  const live = annotations.filter((a) => a.deletedAt === null);
  const pages = new Map<string, Annotation[]>();
  for (const a of live) {
    const list = pages.get(a.canonicalUrl);
    if (list === undefined) pages.set(a.canonicalUrl, [a]);
    else list.push(a);
  }
  const ordered = [...pages.entries()].map(([url, list]) => ({ url, list: [...list].sort(byPlaceInPage), first: earliest(list) }));
  ordered.sort((a, b) => a.first - b.first || cmp(a.url, b.url));

  const out: string[] = [];
  out.push(`# ${escapeMarkdownInline(options.title ?? 'CECOT Lens annotations')}`, '');
  out.push(
    `Exported ${escapeMarkdownInline(ctx.exportedAt)} by ${escapeMarkdownInline(`${ctx.generator.name} ${ctx.generator.version}`)}` +
      ` (dataset ${escapeMarkdownInline(`${ctx.dataset.id} ${ctx.dataset.version}`)}): ` +
      `${live.length} highlight${live.length === 1 ? '' : 's'} on ${ordered.length} page${ordered.length === 1 ? '' : 's'}.`,
    '',
  );
  for (const page of ordered) {
    const first = page.list[0]!;
    const title = escapeMarkdownInline(pageTitle(first, ctx.pages).replace(/\s+/g, ' ').trim());
    out.push(`## ${isWebUrl(page.url) ? `[${title}](${markdownLinkTarget(page.url)})` : title}`, '');
    if (!isWebUrl(page.url)) out.push(escapeMarkdownInline(page.url), '');
    for (const a of page.list) out.push(...annotationBlock(a, ctx, options), '');
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function annotationBlock(a: Annotation, ctx: ExportContext, options: MarkdownOptions): string[] {
  const lines: string[] = [];
  for (const line of escapeMarkdownBlock(a.quote).split('\n')) lines.push(line === '' ? '>' : `> ${line}`);
  lines.push('');
  if (a.note.trim() !== '') lines.push(options.escapeNotes ? escapeMarkdownBlock(a.note) : a.note, '');
  if (a.verdict !== null) lines.push(`- Verdict: **${VERDICT_LABEL[a.verdict]}**`);
  if (a.tags.length > 0) lines.push(`- Tags: ${a.tags.map((t) => escapeMarkdownInline(t)).join(', ')}`);
  for (const link of a.claims) {
    const statement = ctx.claims?.(link.claimId)?.statement;
    const about = [`claim ${escapeMarkdownInline(link.claimId)}`, ...(link.relation !== undefined ? [link.relation] : [])].join(', ');
    lines.push(`- Claim: ${statement !== undefined ? `${escapeMarkdownInline(statement)} (${about})` : about}`);
  }
  if (isWebUrl(a.canonicalUrl)) lines.push(`- [Open the highlight](${markdownLinkTarget(highlightLink(a, options))})`);
  lines.push(`- Created ${a.createdAt}${a.updatedAt !== a.createdAt ? `, updated ${a.updatedAt}` : ''}`);
  return lines;
}

/** The page URL with a text fragment that makes browsers scroll to and mark the quote. */
export function highlightLink(a: Annotation, options: Pick<MarkdownOptions, 'textFragments'> = {}): string {
  if (options.textFragments === false || a.canonicalUrl.includes('#')) return a.canonicalUrl;
  const words = a.quote.trim().split(/\s+/);
  // Long quotes go as a start and an end, which browsers match as a range.
  const directive =
    words.length > 12
      ? `${fragmentText(words.slice(0, 5).join(' '))},${fragmentText(words.slice(-5).join(' '))}`
      : fragmentText(words.join(' '));
  return `${a.canonicalUrl}#:~:text=${directive}`;
}

function fragmentText(text: string): string {
  // '-', '&' and ',' are syntax inside a text directive.
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function byPlaceInPage(a: Annotation, b: Annotation): number {
  const pa = a.selectors.position?.start;
  const pb = b.selectors.position?.start;
  if (pa !== undefined && pb !== undefined && pa !== pb) return pa - pb;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || cmp(a.id, b.id);
}

function earliest(list: Annotation[]): number {
  return list.reduce((min, a) => Math.min(min, Date.parse(a.createdAt)), Number.POSITIVE_INFINITY);
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
