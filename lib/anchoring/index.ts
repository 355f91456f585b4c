export { anchor } from './anchor';
export { anchorAll, type AnchorTarget } from './anchor-many';
export { describeRange, CONTEXT_LENGTH, type RangeDescription } from './describe';
export { DEFAULT_MIN_SCORE } from './score';
export type { Anchor, AnchorMethod, AnchorOptions, AnchorSelectors } from './types';
