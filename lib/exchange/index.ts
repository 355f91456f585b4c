// The public surface of the exchange formats, for the UI and the store.
export { AnnotationBundle, AnnotationBundleV1, AnnotationBundleV2, AnnotationBundleV3, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, exportBundleJson, serializeBundle, toBundle } from './bundle';
export { BUNDLE_MIGRATIONS, migrateBundle, type BundleMigration } from './bundle-migrations';
export { claimLookupFromDataset, pageTitle, type ClaimInfo, type ClaimLookup, type DatasetRef, type ExportContext, type GeneratorInfo, type PageInfo, type PageLookup } from './context';
export { filterAnnotations, type AnnotationFilter } from './filter';
export { readImportDocument, readImportFile, type ImportFormat, type ImportOptions, type ParsedImport, type SkippedRecord } from './import';
export { ImportError, type ImportProblem } from './import-error';
export { planImport, previewImport, type ImportPlan, type ImportPreview, type ImportPreviewEntry, type ImportStatus } from './import-plan';
export {
  ClaimReviewOptionsError,
  USER_SUPPLIED_CLAIMREVIEW_FIELDS,
  VERDICT_RATING_SCALE,
  exportClaimReviewJson,
  toClaimReviews,
  type ClaimReviewExport,
  type ClaimReviewJsonLd,
  type ClaimReviewOptions,
} from './to-claimreview';
export { CSV_COLUMNS, toCsv, type CsvOptions } from './to-csv';
export { highlightLink, toMarkdown, type MarkdownOptions } from './to-markdown';
export { exportW3CJson, motivationOf, toW3CAnnotation, toW3CCollection, type W3CExportOptions } from './to-w3c';
export { exportHypothesisJson, toHypothesisFile, DEFAULT_HYPOTHESIS_USER } from './to-hypothesis';
export { readHypothesis, looksLikeHypothesis } from './from-hypothesis';
export { htmlToText } from './html-to-text';
