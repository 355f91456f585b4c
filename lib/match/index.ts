export { buildMatcher, type Matcher, type MatcherDataset, type SubjectInfo, type ClaimInfo } from './build-matcher';
export { matchSentence, type DatasetMatch, type Relation, type SentenceInput } from './match-sentence';
export { compareQuantities, describeQuantity, toInterval, type QuantityValue, type Comparison } from './compare-quantities';
