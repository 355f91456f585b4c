import type { ImportProblem } from '../lib/exchange/import-error';
import type { MessageKey, Translate } from '../lib/i18n';

const PROBLEM: Record<string, MessageKey> = {
  missing: 'exchange.problemMissing',
  'wrong-type': 'exchange.problemWrongType',
  'not-allowed-value': 'exchange.problemNotAllowed',
  'bad-date': 'exchange.problemBadDate',
  'bad-url': 'exchange.problemBadUrl',
  'bad-id': 'exchange.problemBadId',
  'bad-format': 'exchange.problemBadFormat',
  'not-a-web-page': 'exchange.problemNotWebPage',
  empty: 'exchange.problemEmpty',
  'too-small': 'exchange.problemTooSmall',
  'too-long': 'exchange.problemTooLong',
};

/** What is wrong with a field of an imported file (notes or dataset pack), in the reader's language, never the validator's own wording. */
export function describeProblem(t: Translate, problem: ImportProblem): string {
  return t(PROBLEM[problem.code] ?? 'exchange.problemInvalid', { field: problem.field, allowed: (problem.allowed ?? []).join(', ') });
}
