import { Annotation } from '../annotations/schema';
import { LayerChange } from '../dataset/layer-schema';
import { planLayerMerge } from '../dataset/layer-merge';
import { mergeAnnotationSets } from '../merge/merge-annotations';
import { BUNDLE_FORMAT, BundleHeader } from './bundle';
import { migrateBundle } from './bundle-migrations';
import { looksLikeHypothesis, readHypothesis } from './from-hypothesis';
import { looksLikeW3C, readW3C, type SkippedRecord } from './from-w3c';
import { ImportError, fileError, formatPath, readableId, recordError, recordLabel } from './import-error';
import { isWebUrl } from './url-safety';

export { ImportError } from './import-error';
export type { SkippedRecord } from './from-w3c';

export type ImportFormat = 'cecot-lens-bundle' | 'w3c-annotation' | 'hypothesis';

export interface ParsedImport {
  format: ImportFormat;
  /** The bundle's format version as written in the file (before migration); null for W3C files. */
  formatVersion: number | null;
  /** The bundle header after migration; null for W3C files. */
  header: BundleHeader | null;
  /** Valid records, one per id. */
  annotations: Annotation[];
  /**
   * The bundle's dataset layer records, one per id, withdrawn ones included;
   * null when the file has no `datasetLayer` section (older bundles, W3C files).
   * Always all-or-nothing: a bad layer record refuses the file even with `keepValid`.
   */
  datasetLayer: LayerChange[] | null;
  /** Annotations left out because they cannot become records (only with `skipUnsupported`). */
  skipped: SkippedRecord[];
  /** How many records shared an id with another record of the same file and were merged into it. */
  duplicatesMerged: number;
  /** Hypothesis files: replies and page notes, kept as notes (see from-hypothesis.ts). */
  kept: { replies: number; pageNotes: number };
  /** Records that could not be read, with why (only with `keepValid`; otherwise the first one is thrown). */
  invalid: ImportError[];
}

export interface ImportOptions {
  /** W3C files: skip annotations that have no text quote instead of failing. */
  skipUnsupported?: boolean;
  /**
   * Return the records that are valid and list the others in `invalid`,
   * instead of refusing the file at the first bad one. The caller still
   * writes what it takes in one transaction.
   */
  keepValid?: boolean;
}

/**
 * Reads an import file (a CECOT Lens bundle of any version this build knows,
 * or W3C Web Annotation JSON-LD). Either returns every record, validated, or
 * throws an ImportError naming the record and field: never a partial result.
 */
export function readImportFile(text: string, options: ImportOptions = {}): ParsedImport {
  // Spreadsheet tools and some editors prefix a byte-order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`not valid JSON (${body.trim() === '' ? 'the file is empty' : detail})`, { cause: error, problem: { field: 'file', code: 'not-json' } });
  }
  return readImportDocument(doc, options);
}

/** As `readImportFile`, for a document already parsed from JSON. */
export function readImportDocument(doc: unknown, options: ImportOptions = {}): ParsedImport {
  const none = { replies: 0, pageNotes: 0 };
  if (isObject(doc) && doc['format'] === BUNDLE_FORMAT) return readBundle(doc, options.keepValid ?? false);
  if (looksLikeHypothesis(doc)) {
    const { annotations, replies, pageNotes, invalid } = readHypothesis(doc, { keepValid: options.keepValid ?? false });
    const { records, duplicates } = collapseDuplicates(annotations);
    return { format: 'hypothesis', formatVersion: null, header: null, annotations: records, datasetLayer: null, skipped: [], duplicatesMerged: duplicates, kept: { replies, pageNotes }, invalid };
  }
  if (looksLikeW3C(doc)) {
    const { annotations, skipped, invalid } = readW3C(doc, { skipUnsupported: options.skipUnsupported ?? false, keepValid: options.keepValid ?? false });
    const { records, duplicates } = collapseDuplicates(annotations);
    return { format: 'w3c-annotation', formatVersion: null, header: null, annotations: records, datasetLayer: null, skipped, duplicatesMerged: duplicates, kept: none, invalid };
  }
  if (isObject(doc) && 'format' in doc) {
    throw new ImportError(`format: ${JSON.stringify(String(doc['format'])).slice(0, 80)} is not a CECOT Lens annotations file`, {
      path: ['format'],
      problem: { field: 'format', code: 'not-ours' },
    });
  }
  throw new ImportError('(root): neither a CECOT Lens annotations bundle, a W3C Web Annotation document nor a Hypothesis export', {
    path: [],
    problem: { field: 'file', code: 'not-ours' },
  });
}

function readBundle(raw: Record<string, unknown>, keepValid: boolean): ParsedImport {
  const writtenVersion = raw['formatVersion'];
  const doc = migrateBundle(raw);
  const { annotations: list, datasetLayer: layerList, ...headerFields } = doc;
  const header = BundleHeader.safeParse(headerFields);
  if (!header.success) throw fileError(header.error);
  if (!Array.isArray(list)) {
    throw new ImportError(`annotations: ${list === undefined ? 'required' : 'expected an array'}`, { path: ['annotations'] });
  }
  const records: Annotation[] = [];
  const invalid: ImportError[] = [];
  list.forEach((item, index) => {
    try {
      records.push(readBundleRecord(item, index));
    } catch (error) {
      if (!(error instanceof ImportError) || !keepValid) throw error;
      invalid.push(error);
    }
  });
  const merged = collapseDuplicates(records);
  return {
    format: 'cecot-lens-bundle',
    formatVersion: typeof writtenVersion === 'number' ? writtenVersion : null,
    header: header.data,
    annotations: merged.records,
    datasetLayer: readLayerSection(layerList),
    skipped: [],
    duplicatesMerged: merged.duplicates,
    kept: { replies: 0, pageNotes: 0 },
    invalid,
  };
}

/**
 * The layer section is read whole: a sync that dropped one bad layer record
 * would write the document back without it, on every device.
 */
function readLayerSection(list: unknown): LayerChange[] | null {
  if (list === undefined) return null;
  if (!Array.isArray(list)) throw new ImportError('datasetLayer: expected an array', { path: ['datasetLayer'] });
  const changes = list.map((item, index) => {
    const parsed = LayerChange.safeParse(item);
    if (!parsed.success) throw recordError(['datasetLayer'], index, item, parsed.error);
    return parsed.data;
  });
  // Two versions of one change in one file: the merge order picks one, as a sync would.
  return planLayerMerge([], changes).put;
}

function readBundleRecord(item: unknown, index: number): Annotation {
  const parsed = Annotation.safeParse(item);
  if (!parsed.success) throw recordError(['annotations'], index, item, parsed.error);
  for (const key of ['url', 'canonicalUrl'] as const) {
    if (!isWebUrl(parsed.data[key])) {
      const id = readableId(item);
      throw new ImportError(`${recordLabel(['annotations', index], id ?? parsed.data.id)}: ${key}: must be an http(s) URL`, {
        path: ['annotations', index, key],
        recordIndex: index,
        recordId: parsed.data.id,
        problem: { field: key, code: 'not-a-web-page' },
      });
    }
  }
  return parsed.data;
}

/**
 * Two records with one id in one file (hand-joined files, a tool that repeats
 * itself) are resolved by the merge rule instead of refusing the file: the
 * result is what importing them one after the other would give.
 */
function collapseDuplicates(records: Annotation[]): { records: Annotation[]; duplicates: number } {
  const ids = new Set(records.map((r) => r.id));
  if (ids.size === records.length) return { records, duplicates: 0 };
  return { records: mergeAnnotationSets(records).annotations, duplicates: records.length - ids.size };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
