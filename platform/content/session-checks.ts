/**
 * The page session's parts that are built on Zod: validating the settings, the reader's terms and the
 * background's messages, and reading a page's ClaimReview and dataset quotes for its report. None is needed
 * for the first highlight (the background hands the session its settings and terms already validated), so
 * the session loads this module with `import()` on first use: the bundler keeps it in the same script but
 * evaluates it only then, and building its schemas (some 40% of the session's start-up evaluation, measured
 * in a trace) happens after the first highlight instead of before it.
 */
export { ContentRequest } from '../../lib/messages/content-protocol';
export { readSettings } from '../../lib/settings/schema';
export { loadSettings, watchSettings } from '../settings-store';
export { loadUserTerms, userTermsFrom } from '../user-topic';
export { findClaimReviews, jsonLdTexts } from '../../lib/dataset/claimreview';
export { checkSources } from '../../lib/dataset/source-check';
