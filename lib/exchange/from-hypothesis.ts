import { z } from '../schema/zod';
import { Annotation, Verdict } from '../annotations/schema';
import { ImportError, formatPath, recordLabel, type ImportPath } from './import-error';
import { PAGE_NOTE_TAG, REPLY_TAG, VERDICT_TAG_PREFIX } from './hypothesis-model';
import { nameUuid } from './name-uuid';
import { isWebUrl } from './url-safety';

/**
 * Reads Hypothesis annotations: the client's export file (`{ export_date,
 * annotations: [...] }`), an h API search result (`{ rows: [...] }`) or a bare
 * list of h API annotations. Each becomes a record; none is dropped silently:
 *
 * - an annotation on quoted text keeps its quote and position;
 * - a reply (`references`) is kept as a note on the quote it answers (its
 *   thread's root, when the file has it), tagged `hypothesis:reply`;
 * - a page note (no quote) is kept as a note on the page whose "quote" is the
 *   page title (or address), tagged `hypothesis:page-note`; it is listed with
 *   the orphans if that text is not on the page.
 */
export const HYPOTHESIS_DEVICE_ID = 'hypothesis-import';

export interface HypothesisReadResult {
  annotations: Annotation[];
  replies: number;
  pageNotes: number;
  /** Records that could not be read (only when the caller asked to keep the valid ones). */
  invalid: ImportError[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for a document in one of the Hypothesis shapes. */
export function looksLikeHypothesis(doc: unknown): boolean {
  const list = Array.isArray(doc) ? doc : isObject(doc) ? (Array.isArray(doc['annotations']) ? doc['annotations'] : Array.isArray(doc['rows']) ? doc['rows'] : null) : null;
  if (list === null) return false;
  if (isObject(doc) && ('export_date' in doc || 'client_version' in doc || 'export_userid' in doc)) return true;
  if (list.length === 0) return false;
  // h API annotations have `uri` and a list of targets; Web Annotations have a type and a target object.
  return list.every((a) => isObject(a) && typeof a['uri'] === 'string' && Array.isArray(a['target']) && a['type'] === undefined);
}

function entries(doc: unknown): { list: unknown[]; path: ImportPath } {
  if (Array.isArray(doc)) return { list: doc, path: [] };
  const d = doc as Json;
  if (Array.isArray(d['annotations'])) return { list: d['annotations'], path: ['annotations'] };
  return { list: d['rows'] as unknown[], path: ['rows'] };
}

const IsoDate = z.iso.datetime({ offset: true });
function date(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value + 'Z' : value);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t).toISOString();
  return IsoDate.safeParse(iso).success ? iso : undefined;
}

interface Quote {
  quote: { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
  position?: { type: 'TextPositionSelector'; start: number; end: number };
}

function quoteOf(a: Json): Quote | undefined {
  for (const t of Array.isArray(a['target']) ? a['target'] : []) {
    if (!isObject(t) || !Array.isArray(t['selector'])) continue;
    let quote: Quote['quote'] | undefined;
    let position: Quote['position'];
    for (const s of t['selector']) {
      if (!isObject(s)) continue;
      if (s['type'] === 'TextQuoteSelector' && typeof s['exact'] === 'string' && s['exact'] !== '' && quote === undefined) {
        quote = {
          type: 'TextQuoteSelector',
          exact: s['exact'],
          ...(typeof s['prefix'] === 'string' ? { prefix: s['prefix'] } : {}),
          ...(typeof s['suffix'] === 'string' ? { suffix: s['suffix'] } : {}),
        };
      }
      // The client counts positions in the page's text as the DOM does (UTF-16 units), as we do.
      if (s['type'] === 'TextPositionSelector' && Number.isSafeInteger(s['start']) && Number.isSafeInteger(s['end']) && (s['start'] as number) >= 0 && (s['end'] as number) > (s['start'] as number)) {
        position = { type: 'TextPositionSelector', start: s['start'] as number, end: s['end'] as number };
      }
      // RangeSelector (XPath into the page's markup) cannot be used without the page; the quote anchors.
    }
    if (quote !== undefined) return { quote, ...(position !== undefined ? { position } : {}) };
  }
  return undefined;
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

/** Our own export writes our UUIDs as Hypothesis ids: those come back as the same records. */
function recordId(hid: string | undefined, a: Json): string {
  if (hid !== undefined && z.string().uuid().safeParse(hid).success) return hid.toLowerCase();
  return nameUuid('hypothesis:' + (hid ?? JSON.stringify([a['uri'], a['created'], a['text']])));
}

export function readHypothesis(doc: unknown, options: { keepValid?: boolean } = {}): HypothesisReadResult {
  const { list, path } = entries(doc);
  const byId = new Map<string, Json>();
  for (const a of list) if (isObject(a) && idOf(a['id']) !== undefined) byId.set(a['id'] as string, a);
  const out: HypothesisReadResult = { annotations: [], replies: 0, pageNotes: 0, invalid: [] };
  list.forEach((raw, index) => {
    const at: ImportPath = [...path, index];
    try {
      const { record, kind } = readOne(raw, at, index, byId);
      out.annotations.push(record);
      if (kind === 'reply') out.replies += 1;
      if (kind === 'page-note') out.pageNotes += 1;
    } catch (error) {
      if (!(error instanceof ImportError) || !options.keepValid) throw error;
      out.invalid.push(error);
    }
  });
  return out;
}

function readOne(raw: unknown, at: ImportPath, index: number, byId: Map<string, Json>): { record: Annotation; kind: 'annotation' | 'reply' | 'page-note' } {
  const hid = isObject(raw) ? idOf(raw['id']) : undefined;
  const fail = (field: string, message: string, code?: string): never => {
    throw new ImportError(`${recordLabel(at, hid)}: ${field === '' ? '' : formatPath([field]) + ': '}${message}`, {
      path: field === '' ? at : [...at, field],
      recordIndex: index,
      ...(hid !== undefined ? { recordId: hid } : {}),
      ...(code !== undefined ? { problem: { field, code } } : {}),
    });
  };
  if (!isObject(raw)) return fail('', 'expected an annotation object', 'not-an-object');
  const a = raw;
  const firstTarget = Array.isArray(a['target']) && isObject(a['target'][0]) ? (a['target'][0] as Json) : undefined;
  const source = typeof firstTarget?.['source'] === 'string' ? (firstTarget['source'] as string) : typeof a['uri'] === 'string' ? (a['uri'] as string) : undefined;
  if (source === undefined) return fail('uri', 'required: the address of the annotated page', 'missing');
  if (!isWebUrl(source)) return fail('uri', 'must be an http(s) address (Hypothesis also annotates PDFs and local files; only web pages can be imported)', 'not-a-web-page');
  const created = date(a['created']) ?? date(a['updated']);
  if (created === undefined) return fail('created', 'expected a date and time', 'bad-date');
  const updated = date(a['updated']) ?? created;
  if (a['text'] !== undefined && typeof a['text'] !== 'string') return fail('text', 'expected a string', 'wrong-type');
  const rawTags = a['tags'] === undefined ? [] : a['tags'];
  if (!Array.isArray(rawTags) || !rawTags.every((t) => typeof t === 'string')) return fail('tags', 'expected a list of words', 'wrong-type');

  const doc = isObject(a['document']) ? a['document'] : {};
  const titleRaw = doc['title'];
  const title = (Array.isArray(titleRaw) ? titleRaw.find((t): t is string => typeof t === 'string') : typeof titleRaw === 'string' ? titleRaw : undefined) ?? '';

  let verdict: Verdict | null = null;
  const tags: string[] = [];
  for (const t of rawTags as string[]) {
    const tag = t.trim();
    if (tag === '' || tag.length > 100) continue;
    const v = tag.toLowerCase().startsWith(VERDICT_TAG_PREFIX) ? Verdict.safeParse(tag.slice(VERDICT_TAG_PREFIX.length).trim().toLowerCase()) : undefined;
    if (v?.success && verdict === null) verdict = v.data;
    else tags.push(tag);
  }

  const references = Array.isArray(a['references']) ? a['references'].filter((r): r is string => typeof r === 'string') : [];
  let kind: 'annotation' | 'reply' | 'page-note' = 'annotation';
  let anchor = quoteOf(a);
  if (references.length > 0) {
    kind = 'reply';
    tags.push(REPLY_TAG);
    // A reply has no quote of its own: it sits on the quote of the thread it answers.
    const root = byId.get(references[0]!);
    anchor = root !== undefined ? quoteOf(root) : undefined;
  }
  if (anchor === undefined) {
    if (kind === 'annotation') kind = 'page-note';
    if (!tags.includes(PAGE_NOTE_TAG) && kind === 'page-note') tags.push(PAGE_NOTE_TAG);
    const text = title.trim() !== '' ? title.trim() : source;
    anchor = { quote: { type: 'TextQuoteSelector', exact: text } };
  }

  const parsed = Annotation.safeParse({
    id: recordId(hid, a),
    url: source,
    canonicalUrl: source,
    title,
    selectors: anchor,
    quote: anchor.quote.exact,
    color: 'yellow',
    note: typeof a['text'] === 'string' ? a['text'] : '',
    tags,
    verdict,
    claims: [],
    createdAt: created,
    updatedAt: updated,
    revision: 1,
    deviceId: HYPOTHESIS_DEVICE_ID,
    deletedAt: null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    return fail('', `as a CECOT Lens record, ${formatPath(field)}: ${issue?.message ?? 'invalid'}`, 'invalid');
  }
  return { record: parsed.data, kind };
}
