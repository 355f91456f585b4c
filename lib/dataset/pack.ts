import { z } from '../schema/zod';
import { canonicalJson } from '../merge/canonical-json';
import { ChangeOrigin, ClaimPatch, LayerChange, UserClaim, UserTerm, WebSource, changeId, type LayerKind } from './layer-schema';
import { CrossAssessment, Subject } from './schema';
import { problemOf } from '../exchange/import-error';
import { PackError, type PackRecordKind, type PackRefusal } from './pack-refusal';

export { PackError, type PackRefusal } from './pack-refusal';

/**
 * A dataset pack: the reader's curation as one JSON file, laid out like
 * `seeds/` (a manifest with a fingerprint, then sources, subjects, claims,
 * assessments and topic additions, each validated by the dataset's own
 * schemas), plus the corrections and retirements of claims it does not own,
 * and each record's provenance (when, where, by which install) so that a
 * merge by id keeps it.
 */
export const PACK_FORMAT = 'cecot-lens-dataset-pack';
export const PACK_FORMAT_VERSION = 1;
/** A pack larger than this is refused before parsing. */
export const MAX_PACK_TEXT = 32_000_000;

const Provenance = z.object({
  revision: z.number().int().nonnegative(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  deviceId: z.string().min(1).max(200),
  origin: ChangeOrigin.nullable().default(null),
  baseVersion: z.string().max(100).nullable().default(null),
});
type Provenance = z.infer<typeof Provenance>;

export const PackManifest = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/).max(200),
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(-\d+)?$/, 'version is YYYY.MM.DD or YYYY.MM.DD-N'),
  title: z.string().min(1).max(500),
  curatedBy: z.string().max(500).default(''),
  /** The topic the pack is for (`seeds/topic.json` id): a pack for another topic is refused. */
  topic: z.string().min(1).max(200),
  /** The bundled dataset it was made over. */
  base: z.object({ id: z.string().max(200), version: z.string().max(100) }),
  exportedAt: z.string().datetime(),
  /** SHA-256 of the canonical JSON of everything below the manifest. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'contentSha256 is 64 hex digits'),
});
export type PackManifest = z.infer<typeof PackManifest>;

const Correction = z.object({
  claim: z.string().min(1).max(200),
  patch: ClaimPatch.optional(),
  retired: z.boolean().optional(),
  reason: z.string().max(5_000).default(''),
});

export const PackContent = z.object({
  sources: z.object({ sources: z.array(WebSource).max(100_000) }),
  subjects: z.object({ subjects: z.array(Subject).max(10_000) }),
  claims: z.object({ claims: z.array(UserClaim).max(100_000) }),
  corrections: z.object({ corrections: z.array(Correction).max(100_000) }),
  assessments: z.object({ assessments: z.array(CrossAssessment).max(100_000) }),
  topic: z.object({ terms: z.array(UserTerm).max(10_000) }),
  /** Keyed by layer record id (`claim:<id>`, `correction:<id>`…). */
  provenance: z.record(z.string(), Provenance),
});
export type PackContent = z.infer<typeof PackContent>;

export const DatasetPack = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  manifest: PackManifest,
  ...PackContent.shape,
});
export type DatasetPack = z.infer<typeof DatasetPack>;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function packContentOf(pack: PackContent): PackContent {
  const { sources, subjects, claims, corrections, assessments, topic, provenance } = pack;
  return { sources, subjects, claims, corrections, assessments, topic, provenance };
}

export interface PackHeader {
  id: string;
  version: string;
  title: string;
  curatedBy: string;
  topic: string;
  base: { id: string; version: string };
  now: Date;
}

/** The pack of the reader's live layer (withdrawn records are for sync, not for sharing). */
export async function buildPack(changes: readonly LayerChange[], header: PackHeader): Promise<DatasetPack> {
  const live = changes.filter((c) => c.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const provenance: Record<string, Provenance> = {};
  const content: PackContent = {
    sources: { sources: [] },
    subjects: { subjects: [] },
    claims: { claims: [] },
    corrections: { corrections: [] },
    assessments: { assessments: [] },
    topic: { terms: [] },
    provenance,
  };
  const byCorrection = new Map<string, z.infer<typeof Correction>>();
  const correction = (claim: string) => {
    let c = byCorrection.get(claim);
    if (!c) byCorrection.set(claim, (c = { claim, reason: '' }));
    return c;
  };
  const seen = new Set<string>();
  for (const c of live) {
    provenance[c.id] = { revision: c.revision, createdAt: c.createdAt, updatedAt: c.updatedAt, deviceId: c.deviceId, origin: c.origin, baseVersion: c.baseVersion };
    switch (c.kind) {
      case 'claim':
        content.claims.claims.push(c.claim);
        for (const s of c.claim.webSources) {
          if (seen.has(s.url)) continue;
          seen.add(s.url);
          content.sources.sources.push(s);
        }
        break;
      case 'subject':
        content.subjects.subjects.push(c.subject);
        break;
      case 'assessment':
        content.assessments.assessments.push(c.assessment);
        break;
      case 'term':
        content.topic.terms.push(c.term);
        break;
      case 'correction': {
        const k = correction(c.target);
        k.patch = c.patch;
        k.reason = c.reason || k.reason;
        break;
      }
      case 'retirement': {
        const k = correction(c.target);
        k.retired = c.retired;
        k.reason = k.reason || c.reason;
        break;
      }
    }
  }
  content.corrections.corrections = [...byCorrection.values()];
  const contentSha256 = await sha256Hex(canonicalJson(content));
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    manifest: { id: header.id, version: header.version, title: header.title, curatedBy: header.curatedBy, topic: header.topic, base: header.base, exportedAt: header.now.toISOString(), contentSha256 },
    ...content,
  };
}

/** The refusal of a text too long to be a pack, or null: the page checks it before sending the text, which the message protocol caps. */
export function packSizeRefusal(length: number): PackRefusal | null {
  return length > MAX_PACK_TEXT ? { code: 'too-large', size: length, max: MAX_PACK_TEXT } : null;
}

export interface PackTarget {
  /** The topic this install recognizes. */
  topic: string;
  /** Subject keys and claim ids known here (bundled and the reader's), to resolve the pack's references. */
  subjects: ReadonlySet<string>;
  claims: ReadonlySet<string>;
  /** The bundled claims' ids: a pack may correct them, not add a claim under one. */
  bundledClaims?: ReadonlySet<string>;
  deviceId: string;
  now: Date;
}

/**
 * Reads a pack file into layer records, checking everything before anything is
 * written: the format, the schemas, the topic, the fingerprint, duplicate ids,
 * and that every subject and claim it refers to exists here or in the pack.
 */
export async function readPack(text: string, target: PackTarget): Promise<{ manifest: PackManifest; changes: LayerChange[] }> {
  const tooLarge = packSizeRefusal(text.length);
  if (tooLarge) throw new PackError(tooLarge);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PackError({ code: 'not-json' }, e instanceof Error ? e.message : String(e));
  }
  const head = z.object({ format: z.string(), formatVersion: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== PACK_FORMAT) throw new PackError({ code: 'not-a-pack', expected: PACK_FORMAT });
  if (head.data.formatVersion !== PACK_FORMAT_VERSION) throw new PackError({ code: 'unsupported-version', version: head.data.formatVersion, supported: PACK_FORMAT_VERSION });
  const parsed = DatasetPack.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const fieldPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw new PackError({ code: 'invalid', path: describePath(json, fieldPath), problem: problemOf(issue, fieldPath, json), message: issue.message });
  }
  const pack = parsed.data;
  if (pack.manifest.topic !== target.topic) throw new PackError({ code: 'other-topic', topic: pack.manifest.topic, expected: target.topic });
  const actual = await sha256Hex(canonicalJson(packContentOf(pack)));
  if (actual !== pack.manifest.contentSha256) throw new PackError({ code: 'fingerprint' });

  const dup = (kind: PackRecordKind, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new PackError({ code: 'duplicate', kind, id });
      seen.add(id);
    }
  };
  dup('subject', pack.subjects.subjects.map((s) => s.key));
  dup('claim', pack.claims.claims.map((c) => c.id));
  dup('correction', pack.corrections.corrections.map((c) => c.claim));
  dup('assessment', pack.assessments.assessments.map((a) => a.id));
  dup('term', pack.topic.terms.map((t) => t.id));

  const subjects = new Set([...target.subjects, ...pack.subjects.subjects.map((s) => s.key)]);
  const claims = new Set([...target.claims, ...pack.claims.claims.map((c) => c.id)]);
  for (const c of pack.claims.claims) {
    if (target.bundledClaims?.has(c.id)) throw new PackError({ code: 'bundled-claim-id', path: `claims.claims [${c.id}]`, claim: c.id });
    if (!subjects.has(c.subject)) throw new PackError({ code: 'unknown-subject', path: `claims.claims [${c.id}] subject`, subject: c.subject });
  }
  for (const s of pack.subjects.subjects) if (s.kind === 'quantity' && !s.unit) throw new PackError({ code: 'unit-needed', path: `subjects.subjects [${s.key}] unit` });
  for (const k of pack.corrections.corrections) {
    if (!claims.has(k.claim)) throw new PackError({ code: 'unknown-claim', path: `corrections.corrections [${k.claim}]`, claim: k.claim });
    if (k.patch?.subject && !subjects.has(k.patch.subject)) throw new PackError({ code: 'unknown-subject', path: `corrections.corrections [${k.claim}] patch.subject`, subject: k.patch.subject });
  }
  for (const a of pack.assessments.assessments) {
    for (const id of a.claims) if (!claims.has(id)) throw new PackError({ code: 'unknown-claim', path: `assessments.assessments [${a.id}] claims`, claim: id });
  }

  const now = target.now.toISOString();
  const record = (kind: LayerKind, targetId: string, body: Record<string, unknown>): LayerChange => {
    const id = changeId(kind, targetId);
    const p = pack.provenance[id] ?? { revision: 0, createdAt: now, updatedAt: now, deviceId: target.deviceId, origin: null, baseVersion: pack.manifest.base.version };
    return LayerChange.parse({ ...body, kind, id, target: targetId, deletedAt: null, ...p });
  };
  const changes: LayerChange[] = [
    ...pack.subjects.subjects.map((subject) => record('subject', subject.key, { subject })),
    ...pack.claims.claims.map((claim) => record('claim', claim.id, { claim })),
    ...pack.assessments.assessments.map((assessment) => record('assessment', assessment.id, { assessment })),
    ...pack.topic.terms.map((term) => record('term', term.id, { term })),
    ...pack.corrections.corrections.flatMap((k) => [
      ...(k.patch ? [record('correction', k.claim, { patch: k.patch, reason: k.reason })] : []),
      ...(k.retired !== undefined ? [record('retirement', k.claim, { retired: k.retired, reason: k.reason })] : []),
    ]),
  ];
  return { manifest: pack.manifest, changes };
}

/** "claims.claims [u-guards] value.quantity.unit" rather than "claims.claims.3.value…": ids are what people search for. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  const out: string[] = [];
  let node: unknown = json;
  for (const key of path) {
    if (typeof key === 'number' && node && Array.isArray(node)) {
      const rec = node[key] as { id?: unknown; key?: unknown; claim?: unknown } | undefined;
      const id = rec?.id ?? rec?.key ?? rec?.claim;
      out.push(typeof id === 'string' && id.length < 100 ? `[${id}]` : `[#${key}]`);
    } else out.push(String(key));
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out.join('.').replace(/\.\[/g, ' [') || '(file)';
}
