import { MAX_KEPT_VERSIONS, type Annotation, type KeptVersion, type VersionClock } from '../annotations/schema';
import { canonicalJson } from './canonical-json';
import { compareWrites } from './write-order';
import { sameContent } from './same-content';

/**
 * Concurrent edits keep every version (a multi-value register): each write
 * carries a version clock; the versions of a record that no other version has
 * seen (the maximal clocks) all survive a merge. The one `compareWrites`
 * prefers becomes the record; the others are kept in `conflicts` until the
 * reader chooses. A version disappears only when a later write saw it: an edit
 * made on top of it, or the reader resolving the conflict (a write whose clock
 * covers every version shown). Merging is the union of the versions, keeping
 * the maximal ones: commutative, associative and idempotent.
 */

/** The clock of a version; records from before clocks existed read as their revision. */
export function clockOf(v: { clock?: VersionClock | undefined; revision: number }): VersionClock {
  return v.clock ?? { [LEGACY_KEY]: v.revision };
}

/** Clock component standing for "revisions written before version clocks". */
export const LEGACY_KEY = '~rev';

/** True when `a` has seen everything `b` has, and more. */
export function strictlyDominates(a: VersionClock, b: VersionClock): boolean {
  let greater = false;
  for (const key of Object.keys(b)) {
    const bv = b[key] ?? 0;
    const av = a[key] ?? 0;
    if (av < bv) return false;
    if (av > bv) greater = true;
  }
  if (!greater) for (const key of Object.keys(a)) if ((a[key] ?? 0) > (b[key] ?? 0)) return true;
  return greater;
}

/** The identity of one write: its clock, its device and its time. */
export function versionKey(v: Pick<KeptVersion, 'clock' | 'revision' | 'deviceId' | 'updatedAt'>): string {
  // The instant, not its spelling: "+02:00" and the same time in "Z" are one write.
  const t = Date.parse(v.updatedAt);
  return clockKey(clockOf(v)) + '|' + v.deviceId + '|' + (Number.isNaN(t) ? v.updatedAt : new Date(t).toISOString()) + '|' + v.revision;
}

/** A clock as text, keys sorted (what canonicalJson would give, without its generality). */
function clockKey(clock: VersionClock): string {
  const keys = Object.keys(clock);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const k of keys) out += JSON.stringify(k) + ':' + clock[k] + ',';
  return out;
}

/** The editable part of a record, as a version. */
export function versionOf(r: Annotation): KeptVersion {
  return {
    note: r.note,
    tags: r.tags,
    verdict: r.verdict,
    color: r.color,
    claims: r.claims,
    updatedAt: r.updatedAt,
    revision: r.revision,
    deviceId: r.deviceId,
    deletedAt: r.deletedAt,
    clock: clockOf(r),
  };
}

/** The versions a record holds: itself, then what it keeps. */
export function versionsOf(r: Annotation): KeptVersion[] {
  return [versionOf(r), ...(r.conflicts ?? [])];
}

/** Tags as a set: the first list's order, then what the second adds. A superset is kept as it is. */
export function unionTags(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first.map((t) => t.toLowerCase()));
  if (second.every((t) => seen.has(t.toLowerCase()))) return [...first];
  const firstSeen = new Set(second.map((t) => t.toLowerCase()));
  if (first.every((t) => firstSeen.has(t.toLowerCase()))) return [...second];
  const out = [...first];
  for (const t of second) {
    if (!seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

/**
 * Merges versions of one record (same id). Deterministic and independent of
 * the order of its arguments; merging the result again with any input gives
 * the result.
 */
export function mergeRecordVersions(records: readonly Annotation[]): Annotation {
  if (records.length === 0) throw new Error('mergeRecordVersions: nothing to merge');
  if (records.length === 1 && records[0]!.conflicts === undefined) return records[0]!;
  // The common case, two versions of which one was written after seeing the other: no bookkeeping needed.
  // (Only when what is not edited agrees, so the result is exactly what the general path gives.)
  if (records.length === 2 && records[0]!.conflicts === undefined && records[1]!.conflicts === undefined && sameFrame(records[0]!, records[1]!)) {
    const [a, b] = records as [Annotation, Annotation];
    const ca = clockOf(a);
    const cb = clockOf(b);
    if (strictlyDominates(ca, cb)) return a;
    if (strictlyDominates(cb, ca)) return b;
  }
  const byKey = new Map<string, KeptVersion>();
  const add = (v: KeptVersion) => {
    const key = versionKey(v);
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, v);
    else {
      // One write key with two contents only happens in hand-made files: the order decides.
      if (compareWrites(v, seen) > 0) byKey.set(key, v);
    }
  };
  // What is not edited (the page, the quote, the creation time) normally agrees
  // across versions; when it does not, the greatest by content, so the choice is a join too.
  let frame = records[0]!;
  let frameKey: string | undefined;
  for (const r of records) {
    if (r !== frame && !sameFrame(r, frame)) {
      frameKey ??= frameKeyOf(frame);
      const key = frameKeyOf(r);
      if (key > frameKey) [frame, frameKey] = [r, key];
    }
    add(versionOf(r));
    for (const k of r.conflicts ?? []) add(k);
  }
  const all = [...byKey.entries()];
  let live = all.filter(([key, v]) => {
    const clock = clockOf(v);
    return !all.some(([otherKey, o]) => otherKey !== key && strictlyDominates(clockOf(o), clock));
  });
  if (live.length === 0) live = all;
  live.sort((a, b) => compareWrites(b[1], a[1]));
  const [winner, ...rest] = live.map(([, v]) => v);
  const kept = rest.slice(0, MAX_KEPT_VERSIONS);
  const { conflicts: _c, clock: _k, ...base } = frame;
  return {
    ...base,
    note: winner!.note,
    tags: winner!.tags,
    verdict: winner!.verdict,
    color: winner!.color,
    claims: winner!.claims,
    updatedAt: winner!.updatedAt,
    revision: winner!.revision,
    deviceId: winner!.deviceId,
    deletedAt: winner!.deletedAt,
    ...(winner!.clock !== undefined && !isLegacyClock(winner!) ? { clock: winner!.clock } : {}),
    ...(kept.length > 0 ? { conflicts: kept } : {}),
  };
}

function sameFrame(a: Annotation, b: Annotation): boolean {
  return a.id === b.id && a.url === b.url && a.canonicalUrl === b.canonicalUrl && a.title === b.title && a.quote === b.quote && a.createdAt === b.createdAt && a.publisher === b.publisher && a.byline === b.byline && sameContent(a.selectors, b.selectors);
}

function frameKeyOf(r: Annotation): string {
  return canonicalJson([r.id, r.url, r.canonicalUrl, r.title, r.selectors, r.quote, r.createdAt, r.publisher ?? null, r.byline ?? null]);
}

/** A legacy record's clock is implied by its revision; leave it out so old records stay as they were. */
function isLegacyClock(v: KeptVersion): boolean {
  const keys = Object.keys(v.clock ?? {});
  return keys.length === 1 && keys[0] === LEGACY_KEY && v.clock![LEGACY_KEY] === v.revision;
}

export interface WriteStamp {
  revision: number;
  clock: VersionClock;
  conflicts?: KeptVersion[];
}

/**
 * The revision and clock of a new write made on `deviceId` over `existing`.
 * A plain edit supersedes the record's own version only; the kept versions stay,
 * and one the new clock would cover (a version this device wrote earlier, or an
 * old record with the same revision) is re-stamped so that it stays concurrent
 * (as if the device rewrote it unchanged). A resolving edit (`resolve`) covers
 * every version the reader was shown and clears `conflicts`.
 */
export function stampWrite(existing: Annotation, deviceId: string, options: { resolve?: boolean } = {}): WriteStamp {
  const versions = versionsOf(existing);
  const seen = options.resolve ? versions : [versions[0]!];
  const clock: VersionClock = {};
  for (const v of seen) for (const [k, n] of Object.entries(clockOf(v))) clock[k] = Math.max(clock[k] ?? 0, n);
  // The device's counter exceeds every write of its own this record knows, so each write's key is new.
  let own = 0;
  for (const v of versions) own = Math.max(own, clockOf(v)[deviceId] ?? 0);
  clock[deviceId] = own + 1;
  const revision = Math.max(...versions.map((v) => v.revision)) + 1;
  if (options.resolve || existing.conflicts === undefined) return { revision, clock };
  const conflicts = existing.conflicts.map((k, i) => {
    const kc = clockOf(k);
    const covered = Object.keys(kc).every((key) => (kc[key] ?? 0) <= (clock[key] ?? 0));
    if (!covered) return k;
    return { ...k, clock: { ...kc, [`${deviceId}~${revision}~${i}`]: 1 } };
  });
  return { revision, clock, conflicts };
}

/** The clock of a record's first write. */
export function firstClock(deviceId: string): VersionClock {
  return { [deviceId]: 1 };
}
