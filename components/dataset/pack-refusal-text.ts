import type { PackRecordKind, PackRefusal } from '../../lib/dataset/pack-refusal';
import type { MessageKey, Translate } from '../../lib/i18n';
import { describeProblem } from '../import-problem';

const DUPLICATE: Record<PackRecordKind, MessageKey> = {
  subject: 'dataset.refusedDuplicateSubject',
  claim: 'dataset.refusedDuplicateClaim',
  correction: 'dataset.refusedDuplicateCorrection',
  assessment: 'dataset.refusedDuplicateAssessment',
  term: 'dataset.refusedDuplicateTerm',
};

/** Why a pack or ClaimReview file was refused, in the interface language (the file's paths and ids as written). */
export function describePackRefusal(t: Translate, r: PackRefusal): string {
  switch (r.code) {
    case 'too-large':
      return t('dataset.refusedTooLarge', { size: r.size, max: r.max });
    case 'not-json':
      return t('dataset.refusedNotJson');
    case 'not-a-pack':
      return t('dataset.refusedNotPack', { expected: r.expected });
    case 'unsupported-version':
      return t(r.version > r.supported ? 'dataset.refusedNewer' : 'dataset.refusedOlder', { version: r.version, supported: r.supported });
    case 'invalid':
      return t('dataset.refusedInvalid', { path: r.path, problem: describeProblem(t, r.problem) });
    case 'other-topic':
      return t('dataset.refusedOtherTopic', { topic: r.topic, expected: r.expected });
    case 'fingerprint':
      return t('dataset.refusedFingerprint');
    case 'duplicate':
      return t(DUPLICATE[r.kind], { id: r.id });
    case 'bundled-claim-id':
      return t('dataset.refusedBundledId', { path: r.path, claim: r.claim });
    case 'unknown-subject':
      return t('dataset.refusedUnknownSubject', { path: r.path, subject: r.subject });
    case 'unit-needed':
      return t('dataset.refusedUnitNeeded', { path: r.path });
    case 'unknown-claim':
      return t('dataset.refusedUnknownClaim', { path: r.path, claim: r.claim });
    case 'no-claimreview':
      return t('dataset.refusedNoClaimReview');
  }
}
