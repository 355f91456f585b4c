export { mergeAnnotationSets, mergeAnnotations, isConcurrent, type MergeConflict, type MergeResult } from './merge-annotations';
export { compareWrites, newerWrite } from './write-order';
export { canonicalJson } from './canonical-json';
