import { Annotation } from '../annotations/schema';
import { mergeAnnotationSets } from '../merge/merge-annotations';
import { BUNDLE_FORMAT, BundleHeader } from './bundle';
import { migrateBundle } from './bundle-migrations';
import { looksLikeW3C, readW3C, type SkippedRecord } from './from-w3c';
import { ImportError, fileError, formatPath, readableId, recordError, recordLabel } from './import-error';
import { isWebUrl } from './url-safety';

export { ImportError } from './import-error';
export type { SkippedRecord } from './from-w3c';

export type ImportFormat = 'cecot-lens-bundle' | 'w3c-annotation';

export interface ParsedImport {
  format: ImportFormat;
  /** The bundle's format version as written in the file (before migration); null for W3C files. */
  formatVersion: number | null;
  /** The bundle header after migration; null for W3C files. */
  header: BundleHeader | null;
  /** Valid records, one per id. */
  annotations: Annotation[];
  /** Annotations left out because they cannot become records (only with `skipUnsupported`). */
  skipped: SkippedRecord[];
  /** How many records shared an id with another record of the same file and were merged into it. */
  duplicatesMerged: number;
}

export interface ImportOptions {
  /** W3C files: skip annotations that have no text quote instead of failing. */
  skipUnsupported?: boolean;
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
    throw new ImportError(`not valid JSON (${body.trim() === '' ? 'the file is empty' : detail})`, { cause: error });
  }
  return readImportDocument(doc, options);
}

/** As `readImportFile`, for a document already parsed from JSON. */
export function readImportDocument(doc: unknown, options: ImportOptions = {}): ParsedImport {
  if (isObject(doc) && doc['format'] === BUNDLE_FORMAT) return readBundle(doc);
  if (looksLikeW3C(doc)) {
    const { annotations, skipped } = readW3C(doc, { skipUnsupported: options.skipUnsupported ?? false });
    const { records, duplicates } = collapseDuplicates(annotations);
    return { format: 'w3c-annotation', formatVersion: null, header: null, annotations: records, skipped, duplicatesMerged: duplicates };
  }
  if (isObject(doc) && 'format' in doc) {
    throw new ImportError(`format: ${JSON.stringify(String(doc['format'])).slice(0, 80)} is not a CECOT Lens annotations file`, {
      path: ['format'],
    });
  }
  throw new ImportError('(root): neither a CECOT Lens annotations bundle nor a W3C Web Annotation document', { path: [] });
}

function readBundle(raw: Record<string, unknown>): ParsedImport {
  const writtenVersion = raw['formatVersion'];
  const doc = migrateBundle(raw);
  const { annotations: list, ...headerFields } = doc;
  const header = BundleHeader.safeParse(headerFields);
  if (!header.success) throw fileError(header.error);
  if (!Array.isArray(list)) {
    throw new ImportError(`annotations: ${list === undefined ? 'required' : 'expected an array'}`, { path: ['annotations'] });
  }
  const records: Annotation[] = [];
  list.forEach((item, index) => {
    const parsed = Annotation.safeParse(item);
    if (!parsed.success) throw recordError(['annotations'], index, item, parsed.error);
    for (const key of ['url', 'canonicalUrl'] as const) {
      if (!isWebUrl(parsed.data[key])) {
        const id = readableId(item);
        throw new ImportError(`${recordLabel(['annotations', index], id ?? parsed.data.id)}: ${key}: must be an http(s) URL`, {
          path: ['annotations', index, key],
          recordIndex: index,
          recordId: parsed.data.id,
        });
      }
    }
    records.push(parsed.data);
  });
  const merged = collapseDuplicates(records);
  return {
    format: 'cecot-lens-bundle',
    formatVersion: typeof writtenVersion === 'number' ? writtenVersion : null,
    header: header.data,
    annotations: merged.records,
    skipped: [],
    duplicatesMerged: merged.duplicates,
  };
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
