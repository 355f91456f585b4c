import { changeId, LayerChange, type ChangeOrigin, type ClaimPatch, type UserClaim, type UserTerm } from './layer-schema';
import type { CrossAssessment, Subject } from './schema';

/** When, where and by which install a change is made. */
export interface ChangeContext {
  now: Date;
  deviceId: string;
  origin: ChangeOrigin | null;
  /** The bundled dataset version in force. */
  baseVersion: string | null;
}

type Body =
  | { kind: 'claim'; claim: UserClaim }
  | { kind: 'subject'; subject: Subject }
  | { kind: 'correction'; target: string; patch: ClaimPatch; reason?: string }
  | { kind: 'retirement'; target: string; retired: boolean; reason?: string }
  | { kind: 'assessment'; assessment: CrossAssessment }
  | { kind: 'term'; term: UserTerm };

function targetOf(body: Body): string {
  switch (body.kind) {
    case 'claim':
      return body.claim.id;
    case 'subject':
      return body.subject.key;
    case 'assessment':
      return body.assessment.id;
    case 'term':
      return body.term.id;
    default:
      return body.target;
  }
}

/**
 * One change as a layer record, validated. Its revision is 0 here; the store
 * gives it one more than the version it replaces (lib/store/layer-repo.ts).
 */
export function makeChange<B extends Body>(body: B, ctx: ChangeContext): Extract<LayerChange, { kind: B['kind'] }> {
  const at = ctx.now.toISOString();
  const target = targetOf(body);
  return LayerChange.parse({
    ...body,
    id: changeId(body.kind, target),
    target,
    revision: 0,
    createdAt: at,
    updatedAt: at,
    deviceId: ctx.deviceId,
    deletedAt: null,
    origin: ctx.origin,
    baseVersion: ctx.baseVersion,
  }) as Extract<LayerChange, { kind: B['kind'] }>;
}

/** The same record, withdrawn (an added claim deleted, a correction undone): kept as a tombstone for sync. */
export function withdrawChange<C extends LayerChange>(change: C, ctx: Pick<ChangeContext, 'now' | 'deviceId'>): C {
  const at = ctx.now.toISOString();
  return { ...change, updatedAt: at, deletedAt: at, deviceId: ctx.deviceId };
}
