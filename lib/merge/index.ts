export { mergeAnnotationSets, mergeAnnotations, mergeRecords, isConcurrent, type MergeConflict, type MergeResult } from './merge-annotations';
export { compareWrites, newerWrite } from './write-order';
export { canonicalJson } from './canonical-json';
export { clockOf, mergeRecordVersions, stampWrite, strictlyDominates, versionKey, versionOf, versionsOf } from './versions';
