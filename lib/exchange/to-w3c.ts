import type { Annotation } from '../annotations/schema';
import type { ExportContext } from './context';
import {
  LENS_CONTEXT,
  type W3CAnnotation,
  type W3CAnnotationCollection,
  type W3CMotivation,
  type W3CTextualBody,
} from './w3c-model';

export interface W3CExportOptions {
  /** An id for the collection itself (an IRI); omitted when not given. */
  collectionId?: string;
  label?: string;
}

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

export function toW3CAnnotation(a: Annotation, ctx?: Pick<ExportContext, 'claims'>): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  if (a.note !== '') body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (a.verdict !== null) body.push({ type: 'TextualBody', value: a.verdict, purpose: 'assessing' });

  const quote = a.selectors.quote;
  const selector: W3CAnnotation['target']['selector'] = [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
      ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    },
  ];
  const position = a.selectors.position;
  if (position !== undefined) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });

  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: motivationOf(a),
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: a.canonicalUrl,
      selector,
      // The page as it was when the reader highlighted it.
      state: { type: 'TimeState', sourceDate: a.createdAt },
    },
    'lens:pageUrl': a.url,
    'lens:title': a.title,
    'lens:color': a.color,
    'lens:revision': a.revision,
    'lens:deviceId': a.deviceId,
    'lens:claims': a.claims.map((link) => {
      const statement = ctx?.claims?.(link.claimId)?.statement;
      return {
        claimId: link.claimId,
        ...(link.relation !== undefined ? { relation: link.relation } : {}),
        ...(statement !== undefined ? { statement } : {}),
      };
    }),
  };
}

/**
 * A W3C AnnotationCollection with all annotations embedded in its first page.
 * Tombstones are left out: the model has no notion of a deleted annotation, and
 * another tool would show them as live. The JSON bundle is the lossless format.
 */
export function toW3CCollection(
  annotations: readonly Annotation[],
  ctx: ExportContext,
  options: W3CExportOptions = {},
): W3CAnnotationCollection {
  const items = annotations.filter((a) => a.deletedAt === null).map((a) => toW3CAnnotation(a, ctx));
  return {
    '@context': LENS_CONTEXT,
    ...(options.collectionId !== undefined ? { id: options.collectionId } : {}),
    type: 'AnnotationCollection',
    label: options.label ?? 'CECOT Lens annotations',
    total: items.length,
    generated: ctx.exportedAt,
    generator: { type: 'Software', name: ctx.generator.name, 'lens:version': ctx.generator.version },
    'lens:dataset': { id: ctx.dataset.id, version: ctx.dataset.version },
    // The model leaves `first` out of an empty collection.
    ...(items.length > 0 ? { first: { type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
}

export function exportW3CJson(annotations: readonly Annotation[], ctx: ExportContext, options: W3CExportOptions = {}): string {
  return JSON.stringify(toW3CCollection(annotations, ctx, options), null, 2) + '\n';
}
