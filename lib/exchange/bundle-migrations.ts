import { BUNDLE_FORMAT_VERSION } from './bundle';
import { ImportError } from './import-error';

/**
 * One step that rewrites a parsed bundle of version `from` into version `to`
 * (`from + 1`). Steps work on plain JSON, before validation: each one only has
 * to know its two neighbouring shapes, and the result of the last step is
 * validated by the current schema.
 *
 * 1 → 2: version 2 only adds optional fields to records (`clock`,
 * `conflicts`); a version-1 record is a valid version-2 record whose clock is
 * its revision (lib/merge/versions.ts), so the step changes nothing but the number.
 *
 * 2 → 3: version 3 only adds the optional `datasetLayer` section; a version-2
 * file has none, which reads as "no layer records", so again only the number changes.
 */
export interface BundleMigration {
  from: number;
  to: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [
  { from: 1, to: 2, migrate: (doc) => ({ ...doc }) },
  { from: 2, to: 3, migrate: (doc) => ({ ...doc }) },
];

/** The oldest version this build can read. */
export const OLDEST_READABLE_BUNDLE_VERSION = 1;

/**
 * Brings a parsed bundle up to `target`, step by step. Throws an ImportError for
 * a version newer than `target` (written by a newer CECOT Lens: refusing keeps
 * an old install from dropping what it cannot read) or one no chain of steps
 * reaches.
 */
export function migrateBundle(
  doc: Record<string, unknown>,
  migrations: readonly BundleMigration[] = BUNDLE_MIGRATIONS,
  target: number = BUNDLE_FORMAT_VERSION,
  oldest: number = OLDEST_READABLE_BUNDLE_VERSION,
): Record<string, unknown> {
  const version = doc['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ImportError('formatVersion: expected a whole number', { path: ['formatVersion'] });
  }
  if (version > target) {
    throw new ImportError(
      `formatVersion: this file is format version ${version}, written by a newer CECOT Lens; this version reads up to ${target}. Update CECOT Lens to import it.`,
      { path: ['formatVersion'], code: 'newer-version' },
    );
  }
  if (version < oldest) {
    throw new ImportError(`formatVersion: version ${version} is older than any version this CECOT Lens can read (${oldest})`, {
      path: ['formatVersion'],
    });
  }
  let current = doc;
  let at = version;
  while (at < target) {
    const step = migrations.find((m) => m.from === at);
    if (step === undefined || step.to !== at + 1) {
      throw new ImportError(`formatVersion: no migration from version ${at}`, { path: ['formatVersion'] });
    }
    current = { ...step.migrate(current), formatVersion: step.to };
    at = step.to;
  }
  return current;
}
