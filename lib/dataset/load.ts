import { z } from '../schema/zod';
import {
  AssessmentsFile,
  ClaimsFile,
  ManifestFile,
  SourcesFile,
  SubjectsFile,
  type Claim,
  type CrossAssessment,
  type Manifest,
  type Source,
  type Subject,
} from './schema';
import { checkSpan } from './resolve-span';
import type { PhraseGroups, Terms } from './schema';

/** The curated dataset after validation: every cross-reference in it resolves. */
export interface Dataset {
  manifest: Manifest;
  sources: Source[];
  subjects: Subject[];
  claims: Claim[];
  assessments: CrossAssessment[];
  /** Full text of each source, keyed by source id. */
  texts: Record<string, string>;
}

export type SeedFile = 'manifest.json' | 'sources.json' | 'subjects.json' | 'claims.json' | 'assessments.json' | 'sources/';

/** A dataset problem, located precisely enough to fix by hand. */
export class DatasetError extends Error {
  constructor(
    readonly file: SeedFile,
    readonly recordId: string | null,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}${recordId ? ` [${recordId}]` : ''} ${field}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export interface DatasetInput {
  manifest: unknown;
  sources: unknown;
  subjects: unknown;
  claims: unknown;
  assessments: unknown;
  /** Source texts keyed by source id (or by file name, as in sources.json). */
  texts: Record<string, string>;
}

/**
 * Validates the seed files against the schemas and against each other.
 * Pure on purpose: the extension, Vitest and command-line scripts each read the
 * files their own way and all share this one set of rules.
 */
export function loadDataset(input: DatasetInput): Dataset {
  const manifest = parse(ManifestFile, input.manifest, 'manifest.json', null);
  const { sources } = parse(SourcesFile, input.sources, 'sources.json', 'sources');
  const { subjects } = parse(SubjectsFile, input.subjects, 'subjects.json', 'subjects');
  const { claims, phraseGroups } = parse(ClaimsFile, input.claims, 'claims.json', 'claims');
  expandPhraseGroups(claims, phraseGroups);
  const { assessments } = parse(AssessmentsFile, input.assessments, 'assessments.json', 'assessments');

  // One id space for everything a reader or a note can point at, so a bare id is never ambiguous.
  const seen = new Map<string, SeedFile>();
  for (const [file, records] of [
    ['sources.json', sources],
    ['claims.json', claims],
    ['assessments.json', assessments],
  ] as const) {
    for (const r of records) {
      const other = seen.get(r.id);
      if (other) throw new DatasetError(file, r.id, 'id', `duplicate id (also used in ${other})`);
      seen.set(r.id, file);
    }
  }

  const subjectByKey = new Map<string, Subject>();
  for (const s of subjects) {
    if (subjectByKey.has(s.key)) throw new DatasetError('subjects.json', s.key, 'key', 'duplicate subject key');
    if (s.kind === 'quantity' && !s.unit) throw new DatasetError('subjects.json', s.key, 'unit', 'a quantity subject needs a unit');
    subjectByKey.set(s.key, s);
  }

  const texts: Record<string, string> = {};
  const sourceIds = new Set<string>();
  for (const s of sources) {
    const text = input.texts[s.id] ?? input.texts[s.file];
    if (text === undefined) throw new DatasetError('sources/', s.id, 'file', `no text supplied for ${s.file}`);
    texts[s.id] = text;
    sourceIds.add(s.id);
  }

  const claimIds = new Set(claims.map((c) => c.id));
  for (const c of claims) {
    const subject = subjectByKey.get(c.subject);
    if (!subject) throw new DatasetError('claims.json', c.id, 'subject', `unknown subject "${c.subject}"`);
    if (subject.kind === 'quantity') {
      if (!c.quantity) throw new DatasetError('claims.json', c.id, 'quantity', `subject "${c.subject}" is a quantity`);
      if (c.quantity.unit !== subject.unit) {
        throw new DatasetError('claims.json', c.id, 'quantity.unit', `"${c.quantity.unit}" is not the subject's unit "${subject.unit}"`);
      }
    }
    c.assessment.related.forEach((rel, i) => {
      if (!claimIds.has(rel)) throw new DatasetError('claims.json', c.id, `assessment.related[${i}]`, `unknown claim "${rel}"`);
      if (rel === c.id) throw new DatasetError('claims.json', c.id, `assessment.related[${i}]`, 'a claim cannot be related to itself');
    });
    const spans = [
      ...c.sources.map((span, i) => ({ span, field: `sources[${i}]` })),
      ...c.facts.flatMap((f, j) => f.sources.map((span, i) => ({ span, field: `facts[${j}].sources[${i}]` }))),
    ];
    for (const { span, field } of spans) {
      const text = texts[span.sourceId];
      if (!sourceIds.has(span.sourceId) || text === undefined) {
        throw new DatasetError('claims.json', c.id, `${field}.sourceId`, `unknown source "${span.sourceId}"`);
      }
      const problem = checkSpan(text, span.quote, span.position);
      if (problem) throw new DatasetError('claims.json', c.id, field, problem);
    }
    c.facts.forEach((f, j) => {
      const other = seen.get(f.id);
      if (other) throw new DatasetError('claims.json', c.id, `facts[${j}].id`, `duplicate id "${f.id}" (also used in ${other})`);
      seen.set(f.id, 'claims.json');
    });
    const group = c.quantity?.group;
    if (group !== undefined && !subject?.groups.some((g) => g.key === group)) {
      throw new DatasetError('claims.json', c.id, 'quantity.group', `"${group}" is not a group of subject "${c.subject}"`);
    }
  }
  for (const s of subjects) {
    const keys = new Set(s.groups.map((g) => g.key));
    s.groups.forEach((g, i) => {
      if (g.within !== null && !keys.has(g.within)) throw new DatasetError('subjects.json', s.key, `groups[${i}].within`, `unknown group "${g.within}"`);
    });
  }

  for (const a of assessments) {
    a.claims.forEach((id, i) => {
      if (!claimIds.has(id)) throw new DatasetError('assessments.json', a.id, `claims[${i}]`, `unknown claim "${id}"`);
    });
    a.sources.forEach((id, i) => {
      if (!sourceIds.has(id)) throw new DatasetError('assessments.json', a.id, `sources[${i}]`, `unknown source "${id}"`);
    });
  }

  return { manifest, sources, subjects, claims, assessments, texts };
}

/**
 * Replaces every "@group" phrase of the claims' terms and typed facts with the
 * group's phrases in the same language; an unknown group is a dataset error.
 * (Done here so that stored claims and user packs hold plain phrases only.)
 */
function expandPhraseGroups(claims: Claim[], groups: PhraseGroups): void {
  const expand = (terms: Terms, claimId: string, field: string): void => {
    for (const lang of ['en', 'es'] as const) {
      const list = terms[lang];
      if (!list.some((p) => p.startsWith('@'))) continue;
      const out: string[] = [];
      list.forEach((p, i) => {
        if (!p.startsWith('@')) return void out.push(p);
        const group = groups[p.slice(1)];
        if (!group) throw new DatasetError('claims.json', claimId, `${field}.${lang}[${i}]`, `unknown phrase group "${p}"`);
        out.push(...group[lang]);
      });
      terms[lang] = [...new Set(out)];
    }
  };
  for (const c of claims) {
    expand(c.terms, c.id, 'terms');
    c.facts.forEach((f, j) => {
      if (f.kind !== 'event') return;
      expand(f.actor, c.id, `facts[${j}].actor`);
      expand(f.action, c.id, `facts[${j}].action`);
      expand(f.object, c.id, `facts[${j}].object`);
    });
  }
}

/**
 * Schema validation that reports the first problem by record id rather than
 * by array index, since ids are what curators search the JSON for.
 */
function parse<T extends z.ZodType>(schema: T, data: unknown, file: SeedFile, listKey: string | null): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new DatasetError(file, null, '(root)', 'invalid');
  let path = issue.path.map(String);
  let recordId: string | null = null;
  if (listKey !== null && path[0] === listKey && typeof issue.path[1] === 'number') {
    const list = (data as Record<string, unknown>)[listKey];
    const record = Array.isArray(list) ? (list[issue.path[1]] as Record<string, unknown> | undefined) : undefined;
    const id = record?.id ?? record?.key;
    recordId = typeof id === 'string' ? id : `#${issue.path[1]}`;
    path = path.slice(2);
  }
  const field = path.length ? path.join('.') : '(record)';
  throw new DatasetError(file, recordId, field, issue.message);
}
