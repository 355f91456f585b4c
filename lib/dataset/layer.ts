import type { Claim, CrossAssessment, Subject } from './schema';
import type { ClaimPatch, LayerChange, UserClaim, UserTerm, WebSource } from './layer-schema';

/**
 * The effective dataset: the bundled one with the reader's layer applied.
 * Pure, and generic over the claim's fields: a correction replaces only the
 * fields it names, so fields the bundled schema gains later pass through.
 */

export type ClaimStatus = 'bundled' | 'added' | 'changed' | 'retired';

/** A claim as the matcher and the interface see it, with where it comes from. */
export type EffectiveClaim = Claim & {
  /** Web pages the claim rests on (user claims, and sources added by a correction). */
  webSources?: WebSource[];
  layer: {
    status: ClaimStatus;
    /** The layer records that shaped it, newest last (when, and from which page). */
    changes: { id: string; kind: LayerChange['kind']; at: string; origin: LayerChange['origin'] }[];
    retired: boolean;
  };
};

export interface BundledPart {
  version: string;
  subjects: readonly Subject[];
  claims: readonly Claim[];
  assessments: readonly CrossAssessment[];
}

/** A change that no longer applies (its claim left the bundled dataset): kept and shown, never dropped. */
export interface StrandedChange {
  id: string;
  kind: LayerChange['kind'];
  target: string;
  baseVersion: string | null;
  problem: 'claim-missing' | 'subject-missing' | 'invalid-result' | 'id-taken';
}

export interface EffectiveDataset {
  version: string;
  subjects: Subject[];
  /** Every claim, retired ones included (with `layer.retired`). */
  claims: EffectiveClaim[];
  /** What the matcher compares pages with: claims not retired. */
  activeClaims: EffectiveClaim[];
  assessments: CrossAssessment[];
  terms: UserTerm[];
  stranded: StrandedChange[];
}

/** The user claim as a dataset claim: its quantity value becomes the claim's quantity. */
export function userClaimToClaim(c: UserClaim): Claim & { webSources: WebSource[] } {
  const { value, webSources, ...rest } = c;
  const claim = { ...rest, sources: [], webSources } as unknown as Claim & { webSources: WebSource[] };
  if (value?.kind === 'quantity') claim.quantity = value.quantity;
  return claim;
}

function patchClaim(claim: EffectiveClaim, patch: ClaimPatch): EffectiveClaim {
  const { addSources, ...fields } = patch;
  const next = { ...claim, ...fields } as EffectiveClaim;
  if (addSources?.length) next.webSources = [...(claim.webSources ?? []), ...addSources];
  return next;
}

/** Live changes in a deterministic order: by time, then id (so two devices compute the same dataset). */
function ordered(changes: readonly LayerChange[]): LayerChange[] {
  return changes.filter((c) => c.deletedAt === null).sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.updatedAt < b.updatedAt ? -1 : 1));
}

export function applyLayer(bundled: BundledPart, changes: readonly LayerChange[]): EffectiveDataset {
  const live = ordered(changes);
  const subjects = new Map<string, Subject>(bundled.subjects.map((s) => [s.key, s]));
  for (const c of live) if (c.kind === 'subject') subjects.set(c.subject.key, c.subject);

  const claims = new Map<string, EffectiveClaim>();
  for (const c of bundled.claims) claims.set(c.id, { ...c, layer: { status: 'bundled', changes: [], retired: false } });
  const stranded: StrandedChange[] = [];
  const note = (claim: EffectiveClaim, c: LayerChange) => claim.layer.changes.push({ id: c.id, kind: c.kind, at: c.updatedAt, origin: c.origin });

  for (const c of live) {
    if (c.kind !== 'claim') continue;
    // A claim of the reader's never replaces a bundled one under the same id (a new bundled version may bring one).
    if (claims.get(c.claim.id)?.layer.status === 'bundled') {
      stranded.push({ id: c.id, kind: c.kind, target: c.target, baseVersion: c.baseVersion, problem: 'id-taken' });
      continue;
    }
    if (!subjects.has(c.claim.subject)) {
      stranded.push({ id: c.id, kind: c.kind, target: c.target, baseVersion: c.baseVersion, problem: 'subject-missing' });
      continue;
    }
    const claim: EffectiveClaim = { ...userClaimToClaim(c.claim), layer: { status: 'added', changes: [], retired: false } };
    note(claim, c);
    claims.set(claim.id, claim);
  }
  for (const c of live) {
    if (c.kind !== 'correction' && c.kind !== 'retirement') continue;
    const claim = claims.get(c.target);
    if (!claim) {
      stranded.push({ id: c.id, kind: c.kind, target: c.target, baseVersion: c.baseVersion, problem: 'claim-missing' });
      continue;
    }
    if (c.kind === 'correction') {
      if (c.patch.subject && !subjects.has(c.patch.subject)) {
        stranded.push({ id: c.id, kind: c.kind, target: c.target, baseVersion: c.baseVersion, problem: 'subject-missing' });
        continue;
      }
      const next = patchClaim(claim, c.patch);
      next.layer = { ...claim.layer, changes: [...claim.layer.changes], status: claim.layer.status === 'added' ? 'added' : 'changed' };
      note(next, c);
      claims.set(next.id, next);
    } else {
      claim.layer.retired = c.retired;
      note(claim, c);
    }
  }
  for (const claim of claims.values()) if (claim.layer.retired) claim.layer.status = 'retired';

  const assessments = new Map<string, CrossAssessment>(bundled.assessments.map((a) => [a.id, a]));
  for (const c of live) {
    if (c.kind !== 'assessment') continue;
    if (c.assessment.claims.some((id) => !claims.has(id))) {
      stranded.push({ id: c.id, kind: c.kind, target: c.target, baseVersion: c.baseVersion, problem: 'claim-missing' });
      continue;
    }
    assessments.set(c.assessment.id, c.assessment);
  }

  const all = [...claims.values()];
  return {
    version: bundled.version,
    subjects: [...subjects.values()],
    claims: all,
    activeClaims: all.filter((c) => !c.layer.retired),
    assessments: [...assessments.values()],
    terms: live.flatMap((c) => (c.kind === 'term' ? [c.term] : [])),
    stranded,
  };
}

/** A short fingerprint of the layer's live content, so the background rebuilds its matcher only when it changed. */
export function layerStamp(changes: readonly LayerChange[]): string {
  let h = 2166136261;
  for (const c of [...changes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const s = `${c.id}|${c.revision}|${c.updatedAt}|${c.deletedAt ?? ''};`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  }
  return `${changes.length}-${(h >>> 0).toString(16)}`;
}
