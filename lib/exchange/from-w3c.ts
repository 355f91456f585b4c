import { z } from '../schema/zod';
import { Annotation, ClaimLink, HighlightColor, KeptVersion, LanguageTag, Verdict, VersionClock } from '../annotations/schema';
import { htmlToText } from './html-to-text';
import { canonicalJson } from '../merge/canonical-json';
import { ImportError, formatPath, recordLabel, type ImportPath } from './import-error';
import { nameUuid } from './name-uuid';
import { isWebUrl } from './url-safety';

/**
 * Reads W3C Web Annotation documents: our own collections and reasonable ones
 * from other tools (a collection with embedded pages, a page, one annotation, a
 * bare array, or a JSON-LD `@graph`). Only annotations on a text quote can
 * become CECOT Lens records; others (a whole page, an image region) are an
 * error unless the caller asks to skip them.
 */

export interface W3CReadOptions {
  /** Skip annotations that have no text quote instead of failing the import. */
  skipUnsupported?: boolean;
  /** Collect bad annotations in `invalid` instead of throwing at the first. */
  keepValid?: boolean;
}

export interface SkippedRecord {
  index: number;
  path: string;
  id: string | undefined;
  reason: string;
}

export interface W3CReadResult {
  annotations: Annotation[];
  skipped: SkippedRecord[];
  invalid: ImportError[];
}

type Json = Record<string, unknown>;

const W3C_TYPES = new Set(['Annotation', 'AnnotationCollection', 'AnnotationPage']);
const IsoDate = z.iso.datetime({ offset: true });
/** Device id for records from files that do not say which device wrote them. */
export const FOREIGN_DEVICE_ID = 'w3c-import';

/** True when the parsed document looks like Web Annotation JSON-LD. */
export function looksLikeW3C(doc: unknown): boolean {
  if (Array.isArray(doc)) return true;
  if (!isObject(doc)) return false;
  if ('@context' in doc || '@graph' in doc) return true;
  return typesOf(doc).some((t) => W3C_TYPES.has(t));
}

export function readW3C(doc: unknown, options: W3CReadOptions = {}): W3CReadResult {
  const entries = listAnnotations(doc);
  const annotations: Annotation[] = [];
  const skipped: SkippedRecord[] = [];
  const fallback = documentDate(doc);
  const invalid: ImportError[] = [];
  entries.forEach((entry, index) => {
    let result: ReadOutcome;
    try {
      result = readOne(entry.value, entry.path, index, fallback);
    } catch (error) {
      if (!(error instanceof ImportError) || !options.keepValid) throw error;
      invalid.push(error);
      return;
    }
    if ('annotation' in result) annotations.push(result.annotation);
    else if (options.skipUnsupported) skipped.push({ index, path: formatPath(entry.path), id: rawId(entry.value), reason: result.unsupported });
    else
      throw new ImportError(`${where(entry.path, entry.value)}: ${result.unsupported}`, {
        path: entry.path,
        recordIndex: index,
        ...idField(entry.value),
      });
  });
  return { annotations, skipped, invalid };
}

interface Entry {
  value: unknown;
  path: ImportPath;
}

/** Flattens the document into its annotations, each with its path in the file. */
function listAnnotations(doc: unknown): Entry[] {
  if (Array.isArray(doc)) return doc.map((value, i) => ({ value, path: [i] }));
  if (!isObject(doc)) throw new ImportError('(root): expected a JSON object or array', { path: [] });
  if (Array.isArray(doc['@graph'])) return doc['@graph'].map((value, i) => ({ value, path: ['@graph', i] }));
  const types = typesOf(doc);
  if (types.includes('Annotation')) return [{ value: doc, path: [] }];
  if (types.includes('AnnotationPage')) return pageItems(doc, []);
  if (types.includes('AnnotationCollection')) {
    // Some tools put the items straight on the collection.
    if (Array.isArray(doc['items'])) return doc['items'].map((value, i) => ({ value, path: ['items', i] }));
    const first = doc['first'];
    if (first === undefined) {
      const total = doc['total'];
      if (typeof total === 'number' && total > 0) {
        throw new ImportError(`first: the collection says it holds ${total} annotations but embeds none; save it with its pages embedded`, {
          path: ['first'],
        });
      }
      return [];
    }
    if (typeof first === 'string') {
      throw new ImportError(
        `first: the annotations are in a separate page (${short(first)}); save the whole collection with its pages embedded and import that`,
        { path: ['first'] },
      );
    }
    const out: Entry[] = [];
    let page: unknown = first;
    let path: ImportPath = ['first'];
    // Pages chain through `next`; bound the walk so a cyclic document cannot hang us.
    for (let hops = 0; page !== undefined; hops++) {
      if (hops > 10_000) throw new ImportError(`${formatPath(path)}: too many pages`, { path });
      if (!isObject(page)) throw new ImportError(`${formatPath(path)}: expected an AnnotationPage object`, { path });
      out.push(...pageItems(page, path));
      const next: unknown = page['next'];
      if (typeof next === 'string') {
        throw new ImportError(
          `${formatPath([...path, 'next'])}: the collection continues in a separate page (${short(next)}); save it with all pages embedded and import that`,
          { path: [...path, 'next'] },
        );
      }
      page = next;
      path = [...path, 'next'];
    }
    return out;
  }
  throw new ImportError('(root): not a Web Annotation document (no Annotation, AnnotationPage or AnnotationCollection type)', {
    path: ['type'],
  });
}

function pageItems(page: Json, path: ImportPath): Entry[] {
  const items = page['items'];
  if (items === undefined) return [];
  if (!Array.isArray(items)) throw new ImportError(`${formatPath([...path, 'items'])}: expected an array`, { path: [...path, 'items'] });
  return items.map((value, i) => ({ value, path: [...path, 'items', i] }));
}

type ReadOutcome = { annotation: Annotation } | { unsupported: string };

/**
 * `created` is optional in the model. An annotation with no date at all takes
 * the document's own date (`generated`, `modified`, `created` of the
 * collection or page) or, failing that, a fixed one: importing the same file
 * twice must give the same records, so the clock is never read here.
 */
export const UNKNOWN_DATE = '1970-01-01T00:00:00.000Z';

function documentDate(doc: unknown): string {
  if (!isObject(doc)) return UNKNOWN_DATE;
  for (const key of ['generated', 'modified', 'created'] as const) {
    const d = readDate(doc[key]);
    if (d !== undefined) return d;
  }
  return UNKNOWN_DATE;
}

function readOne(value: unknown, path: ImportPath, index: number, fallbackDate: string): ReadOutcome {
  const fail = (field: ImportPath, message: string): never => {
    const names = field.filter((p): p is string => typeof p === 'string');
    throw new ImportError(`${where(path, value)}: ${field.length > 0 ? formatPath(field) + ': ' : ''}${message}`, {
      path: [...path, ...field],
      recordIndex: index,
      ...idField(value),
      problem: { field: names[names.length - 1] ?? 'record', code: /^required/.test(message) ? 'missing' : /http\(s\)/.test(message) ? 'not-a-web-page' : 'invalid' },
    });
  };
  if (!isObject(value)) return fail([], 'expected an annotation object');
  const types = typesOf(value);
  if (types.length > 0 && !types.includes('Annotation')) return fail(['type'], `expected an Annotation, found ${short(types.join(', '))}`);

  const target = pickTarget(value['target']);
  if (target === undefined) {
    if (value['target'] === undefined) return fail(['target'], 'required');
    return { unsupported: 'target: no TextQuoteSelector (only annotations on quoted text can be imported)' };
  }
  const targetPath: ImportPath = target.index === null ? ['target'] : ['target', target.index];
  const source = sourceOf(target.value);
  if (source === undefined) return fail([...targetPath, 'source'], 'required: the URL of the annotated page');
  if (!isWebUrl(source)) return fail([...targetPath, 'source'], 'must be an http(s) URL');

  const quote = target.quote.value;
  const quotePath: ImportPath = [...targetPath, 'selector', ...(target.quote.index === null ? [] : [target.quote.index])];
  if (typeof quote['exact'] !== 'string' || quote['exact'] === '') return fail([...quotePath, 'exact'], 'expected a non-empty string');
  for (const key of ['prefix', 'suffix'] as const) {
    if (quote[key] !== undefined && typeof quote[key] !== 'string') return fail([...quotePath, key], 'expected a string');
  }
  const position = target.position;

  const createdRaw = readDate(value['created']);
  const modifiedRaw = readDate(value['modified']);
  if (value['created'] !== undefined && createdRaw === undefined) return fail(['created'], 'expected an ISO 8601 date and time');
  if (value['modified'] !== undefined && modifiedRaw === undefined) return fail(['modified'], 'expected an ISO 8601 date and time');
  const created = createdRaw ?? modifiedRaw ?? fallbackDate;
  const modified = modifiedRaw ?? created;

  const bodies = readBodies(value, fail);

  // Our own extension terms: absent in other tools' files; when present they must be right,
  // because dropping a bad one silently would lose data on a round trip.
  const ext = readExtension(value, fail);
  const title = ext.title ?? (isObject(target.value['source']) ? target.value['source']['title'] : undefined);

  const record = {
    id: idOf(value),
    url: ext.pageUrl ?? source,
    canonicalUrl: source,
    title: typeof title === 'string' ? title : '',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: quote['exact'],
        ...(typeof quote['prefix'] === 'string' ? { prefix: quote['prefix'] } : {}),
        ...(typeof quote['suffix'] === 'string' ? { suffix: quote['suffix'] } : {}),
      },
      // W3C positions count code points. Without the page text they cannot be
      // converted to the UTF-16 offsets the browser uses, so they are kept as
      // code points (for export) and serve as an approximate hint too: the
      // quote decides where the highlight goes.
      ...(ext.utf16 !== undefined
        ? { position: { type: 'TextPositionSelector', ...ext.utf16 } }
        : position !== undefined
          ? { position: { type: 'TextPositionSelector', start: position.start, end: position.end } }
          : {}),
      ...(position !== undefined ? { codePoints: { start: position.start, end: position.end } } : {}),
    },
    quote: quote['exact'],
    color: ext.color ?? 'yellow',
    note: bodies.notes.join('\n\n'),
    ...(bodies.language !== undefined ? { language: bodies.language } : {}),
    tags: bodies.tags,
    verdict: bodies.verdict,
    claims: ext.claims ?? [],
    createdAt: created,
    updatedAt: modified,
    revision: ext.revision ?? 1,
    deviceId: ext.deviceId ?? FOREIGN_DEVICE_ID,
    deletedAt: null,
    ...(ext.clock !== undefined ? { clock: ext.clock } : {}),
    ...(ext.kept !== undefined && ext.kept.length > 0 ? { conflicts: ext.kept } : {}),
  };
  const parsed = Annotation.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    return fail([], `as a CECOT Lens record, ${formatPath(field)}: ${issue?.message ?? 'invalid'}`);
  }
  return { annotation: parsed.data };
}

interface Extension {
  pageUrl?: string;
  title?: string;
  color?: HighlightColor;
  revision?: number;
  deviceId?: string;
  claims?: ClaimLink[];
  clock?: VersionClock;
  kept?: KeptVersion[];
  utf16?: { start: number; end: number };
}

/** A version clock written as canonical JSON text (`lens:clock`). */
function readClock(value: unknown, field: ImportPath, fail: (field: ImportPath, message: string) => never): VersionClock {
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    parsed = undefined;
  }
  const clock = VersionClock.safeParse(parsed);
  if (!clock.success) return fail(field, 'expected a version clock (a JSON object of whole numbers, as text)');
  return clock.data;
}

/** Claim links in our extension terms; files from before version 2 wrote bare `claimId` / `relation`. */
function readClaimLinks(claims: unknown, field: ImportPath, fail: (field: ImportPath, message: string) => never): ClaimLink[] {
  if (!Array.isArray(claims)) return fail(field, 'expected an array');
  return claims.map((c, i) => {
    if (!isObject(c)) return fail([...field, i], 'expected an object');
    const claimId = c['lens:claimId'] ?? c['claimId'];
    const relation = c['lens:relation'] ?? c['relation'];
    // Keep only the link; the statement exported beside it belongs to the dataset.
    const link = ClaimLink.safeParse({ claimId, ...(relation !== undefined ? { relation } : {}) });
    if (!link.success) {
      const issue = link.error.issues[0];
      const sub = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
      return fail([...field, i, ...sub], issue?.message ?? 'invalid');
    }
    return link.data;
  });
}

function readExtension(value: Json, fail: (field: ImportPath, message: string) => never): Extension {
  const out: Extension = {};
  const pageUrl = value['lens:pageUrl'];
  if (pageUrl !== undefined) {
    if (typeof pageUrl !== 'string' || !isWebUrl(pageUrl)) fail(['lens:pageUrl'], 'must be an http(s) URL');
    out.pageUrl = pageUrl as string;
  }
  const title = value['lens:title'];
  if (title !== undefined) {
    if (typeof title !== 'string') fail(['lens:title'], 'expected a string');
    out.title = title as string;
  }
  if (value['lens:color'] !== undefined) {
    const color = HighlightColor.safeParse(value['lens:color']);
    if (!color.success) fail(['lens:color'], `expected one of ${HighlightColor.options.join(', ')}`);
    out.color = color.data;
  }
  const revision = value['lens:revision'];
  if (revision !== undefined) {
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 1) fail(['lens:revision'], 'expected a whole number >= 1');
    out.revision = revision as number;
  }
  const deviceId = value['lens:deviceId'];
  if (deviceId !== undefined) {
    if (typeof deviceId !== 'string' || deviceId === '') fail(['lens:deviceId'], 'expected a non-empty string');
    out.deviceId = deviceId as string;
  }
  const claims = value['lens:claims'];
  if (claims !== undefined) out.claims = readClaimLinks(claims, ['lens:claims'], fail);
  const u16s = value['lens:utf16Start'];
  const u16e = value['lens:utf16End'];
  if (u16s !== undefined || u16e !== undefined) {
    if (!Number.isSafeInteger(u16s) || !Number.isSafeInteger(u16e) || (u16s as number) < 0 || (u16e as number) <= (u16s as number)) {
      fail(['lens:utf16Start'], 'expected whole numbers 0 <= lens:utf16Start < lens:utf16End');
    }
    out.utf16 = { start: u16s as number, end: u16e as number };
  }
  if (value['lens:clock'] !== undefined) out.clock = readClock(value['lens:clock'], ['lens:clock'], fail);
  const kept = value['lens:keptVersions'];
  if (kept !== undefined) {
    if (!Array.isArray(kept)) fail(['lens:keptVersions'], 'expected an array');
    out.kept = (kept as unknown[]).map((k, i) => {
      const at: ImportPath = ['lens:keptVersions', i];
      if (!isObject(k)) return fail(at, 'expected an object');
      const version = KeptVersion.safeParse({
        note: k['lens:note'],
        tags: k['lens:tags'],
        verdict: k['lens:verdict'] ?? null,
        color: k['lens:color'],
        claims: k['lens:claims'] === undefined ? [] : readClaimLinks(k['lens:claims'], [...at, 'lens:claims'], fail),
        updatedAt: k['lens:updatedAt'],
        revision: k['lens:revision'],
        deviceId: k['lens:deviceId'],
        deletedAt: k['lens:deletedAt'] ?? null,
        ...(k['lens:clock'] !== undefined ? { clock: readClock(k['lens:clock'], [...at, 'lens:clock'], fail) } : {}),
      });
      if (!version.success) {
        const issue = version.error.issues[0];
        const sub = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
        return fail([...at, ...sub.map((p) => (typeof p === 'string' ? `lens:${p}` : p))], issue?.message ?? 'invalid');
      }
      return version.data;
    });
  }
  return out;
}

interface PickedTarget {
  value: Json;
  index: number | null;
  quote: { value: Json; index: number | null };
  position: { type: 'TextPositionSelector'; start: number; end: number } | undefined;
}

/** The first target (of one or many) that has a TextQuoteSelector. */
function pickTarget(raw: unknown): PickedTarget | undefined {
  const candidates: Array<{ value: unknown; index: number | null }> = Array.isArray(raw)
    ? raw.map((value, index) => ({ value, index }))
    : [{ value: raw, index: null }];
  for (const candidate of candidates) {
    if (!isObject(candidate.value)) continue;
    const selectorRaw = candidate.value['selector'];
    const selectors: Array<{ value: unknown; index: number | null }> = Array.isArray(selectorRaw)
      ? selectorRaw.map((value, index) => ({ value, index }))
      : [{ value: selectorRaw, index: null }];
    let quote: { value: Json; index: number | null } | undefined;
    let position: PickedTarget['position'];
    // A selector may be refined by another (a FragmentSelector narrowed to a
    // quote inside it); the quote and position may be at any depth of `refinedBy`.
    const flat: Array<{ value: unknown; index: number | null }> = [];
    const visit = (value: unknown, index: number | null, depth: number) => {
      if (depth > 8) return;
      flat.push({ value, index });
      if (isObject(value) && value['refinedBy'] !== undefined) {
        const refined = value['refinedBy'];
        for (const r of Array.isArray(refined) ? refined : [refined]) visit(r, index, depth + 1);
      }
    };
    for (const s of selectors) visit(s.value, s.index, 0);
    for (const s of flat) {
      if (!isObject(s.value)) continue;
      const type = typesOf(s.value);
      if (type.includes('TextQuoteSelector') && quote === undefined) quote = { value: s.value, index: s.index };
      if (type.includes('TextPositionSelector') && position === undefined) {
        const start = s.value['start'];
        const end = s.value['end'];
        // A bad position is dropped rather than fatal: the quote alone anchors the highlight.
        if (Number.isSafeInteger(start) && Number.isSafeInteger(end) && (start as number) >= 0 && (end as number) > (start as number)) {
          position = { type: 'TextPositionSelector', start: start as number, end: end as number };
        }
      }
    }
    if (quote !== undefined) return { value: candidate.value, index: candidate.index, quote, position };
  }
  return undefined;
}

function sourceOf(target: Json): string | undefined {
  const source = target['source'];
  if (typeof source === 'string') return source;
  if (isObject(source) && typeof source['id'] === 'string') return source['id'];
  return undefined;
}

interface Bodies {
  notes: string[];
  tags: string[];
  verdict: Verdict | null;
  /** The `language` of the first note body that names a valid one. */
  language?: string;
}

/** A body's `language` (a string, or the first of an array) when it is a valid tag; anything else is ignored, the note kept. */
function languageOf(body: Json): string | undefined {
  const tag = stringsOf(body['language'])[0];
  return tag !== undefined && LanguageTag.safeParse(tag).success ? tag : undefined;
}

function readBodies(annotation: Json, fail: (field: ImportPath, message: string) => never): Bodies {
  const out: Bodies = { notes: [], tags: [], verdict: null };
  const motivations = stringsOf(annotation['motivation']);
  const raw = annotation['body'];
  const bodies: Array<{ value: unknown; path: ImportPath }> =
    raw === undefined ? [] : Array.isArray(raw) ? raw.map((value, i) => ({ value, path: ['body', i] })) : [{ value: raw, path: ['body'] }];
  // `bodyValue` is the model's shorthand for a single plain-text comment.
  if (typeof annotation['bodyValue'] === 'string') bodies.push({ value: { type: 'TextualBody', value: annotation['bodyValue'] }, path: ['bodyValue'] });

  for (const body of bodies) {
    if (typeof body.value === 'string') {
      // A body that is only an IRI (a linked resource): keep it in the note rather than lose it.
      out.notes.push(body.value);
      continue;
    }
    if (!isObject(body.value)) fail(body.path, 'expected a body object or IRI');
    const b = body.value as Json;
    const text = b['value'];
    if (text === undefined) {
      if (typeof b['id'] === 'string') out.notes.push(b['id']);
      continue;
    }
    if (typeof text !== 'string') fail([...body.path, 'value'], 'expected a string');
    // An HTML body becomes its text: our notes are plain text, and markup from a file is never rendered.
    const format = stringsOf(b['format'])[0]?.toLowerCase() ?? '';
    const value = /^(text\/html|application\/xhtml\+xml)\b/.test(format) ? htmlToText(text as string) : (text as string);
    const purposes = stringsOf(b['purpose']);
    // A body without a purpose takes the annotation's motivation when there is just one.
    const purpose = purposes[0] ?? (motivations.length === 1 ? motivations[0] : undefined);
    if (purpose === 'tagging' || purpose === 'classifying') {
      if (value.trim() === '') continue;
      if (value.length > 100) fail([...body.path, 'value'], 'a tag may be at most 100 characters');
      out.tags.push(value);
    } else if (purpose === 'assessing') {
      const verdict = Verdict.safeParse(value.trim().toLowerCase());
      if (verdict.success && out.verdict === null) out.verdict = verdict.data;
      else if (value.trim() !== '') out.notes.push(value);
    } else if (value !== '') {
      out.notes.push(value);
      out.language ??= languageOf(b);
    }
  }
  return out;
}

function readDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (IsoDate.safeParse(value).success) return value;
  // Other tools write dates without a zone or as plain dates; read those as UTC.
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const t = Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value + 'Z' : value);
  if (Number.isNaN(t)) return undefined;
  const iso = new Date(t).toISOString();
  return IsoDate.safeParse(iso).success ? iso : undefined;
}

function idOf(annotation: Json): string {
  const id = annotation['id'] ?? annotation['@id'];
  if (typeof id === 'string' && id !== '') {
    const m = /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.exec(id);
    if (m !== null && z.string().uuid().safeParse(m[1]).success) return m[1]!;
    return nameUuid(id);
  }
  // No id: derive one from the content, so the same file imported twice matches itself.
  return nameUuid('content:' + canonicalJson(annotation));
}

function typesOf(value: Json): string[] {
  return stringsOf(value['type'] ?? value['@type']).map((t) => t.replace(/^oa:/, ''));
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const id = value['id'] ?? value['@id'];
  return typeof id === 'string' && id !== '' ? short(id) : undefined;
}

function idField(value: unknown): { recordId?: string } {
  const id = rawId(value);
  return id === undefined ? {} : { recordId: id };
}

function where(path: ImportPath, value: unknown): string {
  return recordLabel(path, rawId(value));
}

function short(text: string): string {
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
