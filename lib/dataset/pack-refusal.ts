import type { ImportProblem } from '../exchange/import-error';

/** The kinds of record a pack lists by id, for a duplicate id. */
export type PackRecordKind = 'subject' | 'claim' | 'correction' | 'assessment' | 'term';

/**
 * Why a dataset pack (or a ClaimReview file offered in its place) is refused, as data: a code and
 * what the reader needs to find the problem (a field path in the file, an id). The interface words
 * it in its own language; `packRefusalText` words it in English for logs and the command line.
 * Paths are the file's own names ("claims.claims [u-guards] subject") and stay as they are.
 */
export type PackRefusal =
  | { code: 'too-large'; size: number; max: number }
  | { code: 'not-json' }
  | { code: 'not-a-pack'; expected: string }
  | { code: 'unsupported-version'; version: number; supported: number }
  | { code: 'invalid'; path: string; problem: ImportProblem; message: string }
  | { code: 'other-topic'; topic: string; expected: string }
  | { code: 'fingerprint' }
  | { code: 'duplicate'; kind: PackRecordKind; id: string }
  | { code: 'bundled-claim-id'; path: string; claim: string }
  | { code: 'unknown-subject'; path: string; subject: string }
  | { code: 'unit-needed'; path: string }
  | { code: 'unknown-claim'; path: string; claim: string }
  /** Not a pack, and no ClaimReview in it either. */
  | { code: 'no-claimreview' };

export type PackRefusalCode = PackRefusal['code'];

const DUPLICATE_WHAT: Record<PackRecordKind, string> = {
  subject: 'subject key',
  claim: 'claim id',
  correction: 'corrected claim',
  assessment: 'assessment id',
  term: 'term id',
};

/** The refusal in English: what PackError's message says. */
export function packRefusalText(r: PackRefusal, detail?: string): string {
  switch (r.code) {
    case 'too-large':
      return `the file is too large for a dataset pack (${r.size} characters; at most ${r.max})`;
    case 'not-json':
      return `not JSON: ${detail ?? 'the file cannot be parsed'}`;
    case 'not-a-pack':
      return `not a CECOT Lens dataset pack (format must be "${r.expected}")`;
    case 'unsupported-version':
      return `dataset pack format version ${r.version} is not supported (this version reads ${r.supported})`;
    case 'invalid':
      return `${r.path}: ${r.message}`;
    case 'other-topic':
      return `this pack is for the topic "${r.topic}", not "${r.expected}"`;
    case 'fingerprint':
      return 'the fingerprint (manifest.contentSha256) does not match the content: the file was changed or damaged';
    case 'duplicate':
      return `duplicate ${DUPLICATE_WHAT[r.kind]} "${r.id}"`;
    case 'bundled-claim-id':
      return `${r.path}: this id belongs to a bundled claim; a pack changes bundled claims through corrections`;
    case 'unknown-subject':
      return `${r.path}: unknown subject "${r.subject}"`;
    case 'unit-needed':
      return `${r.path}: a quantity subject needs a unit`;
    case 'unknown-claim':
      return `${r.path}: unknown claim "${r.claim}"`;
    case 'no-claimreview':
      return 'no ClaimReview found in the file, and it is not a dataset pack';
  }
}

/** A pack that cannot be imported: `refusal` says why as data, the message in English; nothing was changed. */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    readonly refusal: PackRefusal,
    detail?: string,
  ) {
    super(packRefusalText(refusal, detail));
  }
}

