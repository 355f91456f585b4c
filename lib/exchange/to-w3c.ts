import type { Annotation, ClaimLink, KeptVersion } from '../annotations/schema';
import { canonicalJson } from '../merge/canonical-json';
import type { ExportContext } from './context';
import { nameUuid } from './name-uuid';
import {
  LENS_CONTEXT,
  type W3CAnnotation,
  type W3CAnnotationCollection,
  type W3CClaimLink,
  type W3CKeptVersion,
  type W3CMotivation,
  type W3CTextualBody,
} from './w3c-model';

export interface W3CExportOptions {
  /** An id for the collection itself (an absolute IRI); by default a name-based `urn:uuid` of the export. */
  collectionId?: string;
  label?: string;
}

/** Namespace of the ids this exporter derives (collections, pages, creators). */
const EXPORT_NAMESPACE = 'a4c1f0e2-6b7d-4e2a-9c3b-5d8e7f6a1b20';

/**
 * The annotation's main purpose, for `motivation`. A verdict is the strongest
 * statement a reader makes, so it decides first; the other parts keep their own
 * purposes on their bodies.
 */
export function motivationOf(a: Annotation): W3CMotivation {
  if (a.verdict !== null) return 'assessing';
  if (a.note.trim() !== '') return 'commenting';
  if (a.tags.length > 0) return 'tagging';
  return 'highlighting';
}

/** The model's datetimes are UTC with `Z` (REC §3.3.1); records may hold another offset from an import. */
export function utc(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
}

const creators = new Map<string, string>();
/** The pseudonymous creator for records written on one device (a name-based UUID, so the same on every export). */
export function creatorId(deviceId: string): string {
  let id = creators.get(deviceId);
  if (id === undefined) {
    id = `urn:uuid:${nameUuid('device:' + deviceId, EXPORT_NAMESPACE)}`;
    if (creators.size < 1000) creators.set(deviceId, id);
  }
  return id;
}

/** FNV-1a over the records' ids and revisions: a cheap digest for the collection's name-based id. */
function digest(records: readonly Annotation[]): string {
  let h = 0x811c9dc5;
  for (const a of records) {
    const s = a.id + '@' + a.revision;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(16) + ':' + records.length;
}

function claimLinks(links: readonly ClaimLink[], ctx?: Pick<ExportContext, 'claims'>): W3CClaimLink[] {
  return links.map((link) => {
    const statement = ctx?.claims?.(link.claimId)?.statement;
    return {
      'lens:claimId': link.claimId,
      ...(link.relation !== undefined ? { 'lens:relation': link.relation } : {}),
      ...(statement !== undefined ? { 'lens:statement': statement } : {}),
    };
  });
}

function keptVersion(k: KeptVersion, ctx?: Pick<ExportContext, 'claims'>): W3CKeptVersion {
  return {
    'lens:note': k.note,
    'lens:tags': [...k.tags],
    // JSON-LD reads null as "no value" and drops it: absent fields stand for null.
    ...(k.verdict !== null ? { 'lens:verdict': k.verdict } : {}),
    'lens:color': k.color,
    'lens:claims': claimLinks(k.claims, ctx),
    'lens:updatedAt': utc(k.updatedAt),
    'lens:revision': k.revision,
    'lens:deviceId': k.deviceId,
    ...(k.deletedAt !== null ? { 'lens:deletedAt': utc(k.deletedAt) } : {}),
    ...(k.clock !== undefined ? { 'lens:clock': canonicalJson(k.clock) } : {}),
  };
}

export function toW3CAnnotation(a: Annotation, ctx?: Pick<ExportContext, 'claims'>): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain', ...(a.language !== undefined ? { language: a.language } : {}) });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' });
  if (a.verdict !== null) body.push({ type: 'TextualBody', value: a.verdict, purpose: 'assessing', format: 'text/plain' });

  const quote = a.selectors.quote;
  const selector: W3CAnnotation['target']['selector'] = [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
      ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    },
  ];
  // The model counts positions in code points. Records made before code points
  // were captured only know UTF-16 offsets; converting those needs the page
  // text, so they go out with the quote alone (which is what anchors anyway).
  const points = a.selectors.codePoints;
  if (points !== undefined) selector.push({ type: 'TextPositionSelector', start: points.start, end: points.end });

  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: motivationOf(a),
    created: utc(a.createdAt),
    modified: utc(a.updatedAt),
    creator: { id: creatorId(a.deviceId), type: 'Person' },
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: a.canonicalUrl,
      selector,
      // The page as it was when the reader highlighted it.
      state: { type: 'TimeState', sourceDate: utc(a.createdAt) },
    },
    'lens:pageUrl': a.url,
    'lens:title': a.title,
    'lens:color': a.color,
    'lens:revision': a.revision,
    'lens:deviceId': a.deviceId,
    'lens:claims': claimLinks(a.claims, ctx),
    // The browser's own offsets (UTF-16 units), so that our files come back exactly.
    ...(a.selectors.position !== undefined ? { 'lens:utf16Start': a.selectors.position.start, 'lens:utf16End': a.selectors.position.end } : {}),
    ...(a.clock !== undefined ? { 'lens:clock': canonicalJson(a.clock) } : {}),
    ...(a.conflicts !== undefined && a.conflicts.length > 0 ? { 'lens:keptVersions': a.conflicts.map((k) => keptVersion(k, ctx)) } : {}),
  };
}

/**
 * A W3C AnnotationCollection with all annotations embedded in its one page.
 * Tombstones are left out: the model has no notion of a deleted annotation, and
 * another tool would show them as live. The JSON bundle is the lossless format.
 */
export function toW3CCollection(
  annotations: readonly Annotation[],
  ctx: ExportContext,
  options: W3CExportOptions = {},
): W3CAnnotationCollection {
  const live = annotations.filter((a) => a.deletedAt === null);
  const items = live.map((a) => toW3CAnnotation(a, ctx));
  // The same export (same records, same time) gets the same id.
  const id = options.collectionId ?? `urn:uuid:${nameUuid('collection:' + utc(ctx.exportedAt) + ':' + digest(live), EXPORT_NAMESPACE)}`;
  const pageId = `urn:uuid:${nameUuid('page:0:' + id, EXPORT_NAMESPACE)}`;
  return {
    '@context': LENS_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'CECOT Lens annotations',
    total: items.length,
    generated: utc(ctx.exportedAt),
    generator: { type: 'Software', name: ctx.generator.name, 'lens:version': ctx.generator.version },
    'lens:dataset': { 'lens:datasetId': ctx.dataset.id, 'lens:datasetVersion': ctx.dataset.version },
    // The model leaves the pages out of an empty collection.
    ...(items.length > 0 ? { first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items }, last: pageId } : {}),
  };
}

export function exportW3CJson(annotations: readonly Annotation[], ctx: ExportContext, options: W3CExportOptions = {}): string {
  return JSON.stringify(toW3CCollection(annotations, ctx, options), null, 2) + '\n';
}
