import type { Annotation, Verdict } from '../annotations/schema';
import { hostOf } from './url-safety';

export interface AnnotationFilter {
  /** Sites to keep: a host matches itself and its subdomains ("elfaro.net" keeps "www.elfaro.net"). */
  hosts?: readonly string[];
  /** Keep annotations that have at least one of these tags (exact match, case-insensitive). */
  tags?: readonly string[];
  /** Keep annotations with one of these verdicts; null stands for "no verdict". */
  verdicts?: ReadonlyArray<Verdict | null>;
  /** Inclusive bounds, ISO 8601 or Date, compared as instants; a plain date as `to` includes that whole day (UTC). */
  from?: string | Date;
  to?: string | Date;
  /** Which date the range applies to. Default updatedAt. */
  dateField?: 'createdAt' | 'updatedAt';
  /** Tombstones: left out by default; 'include' keeps them too, 'only' keeps nothing else. */
  deleted?: 'exclude' | 'include' | 'only';
}

/** Keeps the annotations that pass every given criterion, in their order. */
export function filterAnnotations(annotations: readonly Annotation[], filter: AnnotationFilter = {}): Annotation[] {
  const hosts = filter.hosts?.map((h) => h.trim().toLowerCase().replace(/^\.+/, '')).filter((h) => h !== '');
  const tags = filter.tags === undefined ? undefined : new Set(filter.tags.map((t) => t.toLowerCase()));
  const verdicts = filter.verdicts === undefined ? undefined : new Set<Verdict | null>(filter.verdicts);
  const from = filter.from === undefined ? undefined : instant(filter.from, 'from');
  const to = filter.to === undefined ? undefined : endOf(filter.to);
  const field = filter.dateField ?? 'updatedAt';
  const deleted = filter.deleted ?? 'exclude';

  return annotations.filter((a) => {
    const isDeleted = a.deletedAt !== null;
    if (deleted === 'exclude' && isDeleted) return false;
    if (deleted === 'only' && !isDeleted) return false;
    if (hosts !== undefined) {
      const host = hostOf(a.canonicalUrl);
      if (!hosts.some((h) => host === h || host.endsWith('.' + h))) return false;
    }
    if (tags !== undefined && !a.tags.some((t) => tags.has(t.toLowerCase()))) return false;
    if (verdicts !== undefined && !verdicts.has(a.verdict)) return false;
    if (from !== undefined || to !== undefined) {
      const t = Date.parse(a[field]);
      if (from !== undefined && t < from) return false;
      if (to !== undefined && t > to) return false;
    }
    return true;
  });
}

/** A plain date as the upper bound means "to the end of that day". */
function endOf(value: string | Date): number {
  const t = instant(value, 'to');
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? t + 86_400_000 - 1 : t;
}

function instant(value: string | Date, name: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(t)) throw new RangeError(`filter.${name}: not a date: ${String(value)}`);
  return t;
}
