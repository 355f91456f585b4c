import type { z } from '../schema/zod';

export type ImportPath = ReadonlyArray<string | number>;

/**
 * A problem in a record, in words a catalog can render: the field (its last
 * name in the path) and a code. `allowed` lists the accepted values when the
 * field takes one of a few.
 */
export interface ImportProblem {
  field: string;
  code: string;
  allowed?: readonly string[];
}

/**
 * The one kind of error an import throws. Its message says where the problem
 * is: the record (index in the file and id when there is one) and the field
 * path inside it, e.g. `annotations[3] (id "5f0c…"): selectors.quote.exact: …`.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** Path from the root of the file to the offending value. */
  readonly path: ImportPath;
  /** Index of the offending record in the file's list of records, when the problem is in a record. */
  readonly recordIndex: number | undefined;
  /** Id of the offending record, when it has a readable one. */
  readonly recordId: string | undefined;
  /** 'newer-version': the file is fine but was written by a newer CECOT Lens. */
  readonly code: 'invalid' | 'newer-version';
  /** What is wrong, as data for a message in the reader's language (see describeProblem). */
  readonly problem: ImportProblem | undefined;

  constructor(
    message: string,
    where: { path?: ImportPath; recordIndex?: number; recordId?: string; cause?: unknown; code?: 'invalid' | 'newer-version'; problem?: ImportProblem } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.code = where.code ?? 'invalid';
    this.problem = where.problem;
    this.path = where.path ?? [];
    this.recordIndex = where.recordIndex;
    this.recordId = where.recordId;
  }
}

/** `a.b[2].c` */
export function formatPath(path: ImportPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$@][\w$@:-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** Reads an id from a value that failed validation, only if it is a short plain string. */
export function readableId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)['id'];
  if (typeof id !== 'string' || id.length === 0) return undefined;
  return id.length > 80 ? id.slice(0, 77) + '...' : id;
}

/**
 * Turns a Zod failure inside a list of records into an ImportError naming the
 * record and the first failing field (and how many more problems there are).
 */
/**
 * "annotations[3] (id "5f0c…")": where a record is, for error messages. The id
 * comes from the file, so it is quoted: it may hold a parenthesis, a quote or a
 * line break (`readableId` has already cut it short).
 */
export function recordLabel(path: ImportPath, id: string | undefined): string {
  return id === undefined ? `${formatPath(path)} (no id)` : `${formatPath(path)} (id ${JSON.stringify(id)})`;
}

export function recordError(
  listPath: ImportPath,
  index: number,
  record: unknown,
  error: z.ZodError,
  what = 'record',
): ImportError {
  const first = error.issues[0];
  const fieldPath = (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
  const id = readableId(record);
  const where = recordLabel([...listPath, index], id);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  const field = fieldPath.length > 0 ? formatPath(fieldPath) : what;
  return new ImportError(`${where}: ${field}: ${first?.message ?? 'invalid'}${more}`, {
    path: [...listPath, index, ...fieldPath],
    recordIndex: index,
    ...(id !== undefined ? { recordId: id } : {}),
    problem: problemOf(first, fieldPath, record),
  });
}

/** An ImportError for a problem outside any record (the header, the file itself). */
export function fileError(error: z.ZodError, prefix: ImportPath = []): ImportError {
  const first = error.issues[0];
  const fieldPath = (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
  const path = [...prefix, ...fieldPath];
  return new ImportError(`${formatPath(path)}: ${first?.message ?? 'invalid'}`, { path });
}

/** A Zod issue as an ImportProblem: the field's own name and what kind of thing is wrong with it. */
export function problemOf(issue: z.core.$ZodIssue | undefined, fieldPath: ReadonlyArray<string | number>, record: unknown): ImportProblem {
  const names = fieldPath.filter((p): p is string => typeof p === 'string');
  const field = names[names.length - 1] ?? 'record';
  if (issue === undefined) return { field, code: 'invalid' };
  let value: unknown = record;
  for (const p of fieldPath) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[p] : undefined;
  switch (issue.code) {
    case 'invalid_value':
      return { field, code: 'not-allowed-value', allowed: issue.values.map((v) => String(v)) };
    case 'invalid_type':
      return { field, code: value === undefined ? 'missing' : 'wrong-type' };
    case 'invalid_format':
      return { field, code: issue.format === 'datetime' ? 'bad-date' : issue.format === 'url' ? 'bad-url' : issue.format === 'uuid' ? 'bad-id' : 'bad-format' };
    case 'too_small':
      return { field, code: value === '' || (Array.isArray(value) && value.length === 0) ? 'empty' : 'too-small' };
    case 'too_big':
      return { field, code: 'too-long' };
    default:
      return { field, code: 'invalid' };
  }
}
