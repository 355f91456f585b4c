/**
 * Shapes of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * as this project writes them, plus the extension terms that carry what the
 * model has no place for (colour, revision, device, claim links, kept versions)
 * so that our own W3C files come back without loss.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Our extension vocabulary. A URN, not a URL: we own no domain that could
 * serve it, and a URN cannot be mistaken for a document to fetch. Every
 * extension term is written as `lens:<name>`, so a JSON-LD processor expands
 * each to `urn:x-cecot-lens:vocab#<name>`, nested ones included; `lens:pageUrl`
 * is typed as an IRI.
 */
export const LENS_VOCAB = 'urn:x-cecot-lens:vocab#';
export const LENS_CONTEXT = [ANNO_CONTEXT, { lens: LENS_VOCAB, 'lens:pageUrl': { '@type': '@id' } }] as const;

export type W3CMotivation = 'highlighting' | 'commenting' | 'tagging' | 'assessing';

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: W3CMotivation;
  format: 'text/plain';
  /** BCP 47 tag of the note's language, when known. */
  language?: string;
}

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points (REC §4.2.5). */
export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3CTarget {
  type: 'SpecificResource';
  source: string;
  selector: Array<W3CTextQuoteSelector | W3CTextPositionSelector>;
  state: { type: 'TimeState'; sourceDate: string };
}

/** The reader, pseudonymous: a name-based id per device, never a name or an address. */
export interface W3CCreator {
  id: string;
  type: 'Person';
}

export interface W3CClaimLink {
  'lens:claimId': string;
  'lens:relation'?: string;
  'lens:statement'?: string;
}

/** A version kept from a concurrent edit (see lib/merge/versions.ts), in extension terms. */
export interface W3CKeptVersion {
  'lens:note': string;
  'lens:tags': string[];
  'lens:verdict'?: string;
  'lens:color': string;
  'lens:claims': W3CClaimLink[];
  'lens:updatedAt': string;
  'lens:revision': number;
  'lens:deviceId': string;
  'lens:deletedAt'?: string;
  'lens:clock'?: string;
}

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation: W3CMotivation;
  created: string;
  modified: string;
  creator: W3CCreator;
  body?: W3CTextualBody[];
  target: W3CTarget;
  'lens:pageUrl': string;
  'lens:title': string;
  'lens:color': string;
  'lens:revision': number;
  'lens:deviceId': string;
  'lens:claims': W3CClaimLink[];
  'lens:utf16Start'?: number;
  'lens:utf16End'?: number;
  /** The version clock, as canonical JSON (a JSON object would need a term for every device id). */
  'lens:clock'?: string;
  'lens:keptVersions'?: W3CKeptVersion[];
}

export interface W3CAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  items: W3CAnnotation[];
}

export interface W3CAnnotationCollection {
  '@context': typeof LENS_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { type: 'Software'; name: string; 'lens:version': string };
  'lens:dataset': { 'lens:datasetId': string; 'lens:datasetVersion': string };
  first?: W3CAnnotationPage;
  last?: string;
}
