/**
 * Shapes of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
 * as this project writes them, plus the extension terms that carry what the
 * model has no place for (colour, revision, device, claim links) so that our
 * own W3C files come back without loss.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Our extension vocabulary. A URN, not a URL: we own no domain that could
 * serve it, and a URN cannot be mistaken for a document to fetch.
 */
export const LENS_VOCAB = 'urn:x-cecot-lens:vocab#';
export const LENS_CONTEXT = [ANNO_CONTEXT, { lens: LENS_VOCAB }] as const;

export type W3CMotivation = 'highlighting' | 'commenting' | 'tagging' | 'assessing';

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: W3CMotivation;
  format?: string;
}

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface W3CTarget {
  source: string;
  selector: Array<W3CTextQuoteSelector | W3CTextPositionSelector>;
  state: { type: 'TimeState'; sourceDate: string };
}

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation: W3CMotivation;
  created: string;
  modified: string;
  body?: W3CTextualBody[];
  target: W3CTarget;
  'lens:pageUrl': string;
  'lens:title': string;
  'lens:color': string;
  'lens:revision': number;
  'lens:deviceId': string;
  'lens:claims': Array<{ claimId: string; relation?: string; statement?: string }>;
}

export interface W3CAnnotationPage {
  type: 'AnnotationPage';
  startIndex: number;
  items: W3CAnnotation[];
}

export interface W3CAnnotationCollection {
  '@context': typeof LENS_CONTEXT;
  id?: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { type: 'Software'; name: string; 'lens:version': string };
  'lens:dataset': { id: string; version: string };
  first?: W3CAnnotationPage;
}
