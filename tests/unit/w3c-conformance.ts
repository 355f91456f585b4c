/**
 * Checks of the W3C Web Annotation Data Model (REC, 23 February 2017), written
 * for this project from the Recommendation's text, grouped like the
 * web-platform-tests `annotation-model` suites: annotation (§3), collection
 * (§5.1), page (§5.2). Each check is one assertion; `level` says whether the
 * REC makes it a MUST or a SHOULD. Not a copy of the wpt JSON schemas.
 */
export type Suite = 'annotation' | 'collection' | 'page';
export interface Check {
  suite: Suite;
  level: 'MUST' | 'SHOULD';
  name: string;
  pass: boolean;
  where: string;
}

type Json = Record<string, unknown>;
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = new Set([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
]);

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An absolute IRI: a scheme, then anything without spaces. */
export const isIri = (v: unknown): boolean => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(v);
/** xsd:dateTime */
const isDateTime = (v: unknown): boolean =>
  typeof v === 'string' && /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v));
const isUtc = (v: unknown): boolean => typeof v === 'string' && isDateTime(v) && v.endsWith('Z');
const single = (v: unknown): boolean => v !== undefined && (!Array.isArray(v) || v.length === 1);
const one = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const typed = (v: unknown, t: string): boolean => isObj(v) && list(v['type']).includes(t);
const hasContext = (doc: Json): boolean => list(doc['@context']).includes(ANNO);
const nonNegInt = (v: unknown): boolean => Number.isSafeInteger(one(v)) && (one(v) as number) >= 0 && single(v);

class Recorder {
  readonly checks: Check[] = [];
  constructor(private readonly suite: Suite) {}
  must(name: string, pass: boolean, where: string) {
    this.checks.push({ suite: this.suite, level: 'MUST', name, pass, where });
  }
  should(name: string, pass: boolean, where: string) {
    this.checks.push({ suite: this.suite, level: 'SHOULD', name, pass, where });
  }
}

function checkSelector(r: Recorder, s: unknown, where: string): void {
  if (typeof s === 'string') return r.must('selector is an IRI or an object', isIri(s), where);
  r.must('selector is an IRI or an object', isObj(s), where);
  if (!isObj(s)) return;
  r.must('selector has a type', s['type'] !== undefined, where);
  if (typed(s, 'TextQuoteSelector')) {
    r.must('TextQuoteSelector has exactly one exact, a string', single(s['exact']) && typeof one(s['exact']) === 'string', where);
    for (const k of ['prefix', 'suffix']) if (s[k] !== undefined) r.must(`TextQuoteSelector ${k} is one string`, single(s[k]) && typeof one(s[k]) === 'string', where);
  }
  if (typed(s, 'TextPositionSelector')) {
    r.must('TextPositionSelector has exactly one start, a non-negative integer', nonNegInt(s['start']), where);
    r.must('TextPositionSelector has exactly one end, a non-negative integer', nonNegInt(s['end']), where);
    r.must('TextPositionSelector end is not before start', (one(s['end']) as number) >= (one(s['start']) as number), where);
  }
  for (const refined of list(s['refinedBy'])) checkSelector(r, refined, where + '.refinedBy');
}

function checkTarget(r: Recorder, t: unknown, where: string): void {
  if (typeof t === 'string') return r.must('target is an IRI or an object', isIri(t), where);
  r.must('target is an IRI or an object', isObj(t), where);
  if (!isObj(t)) return;
  const specific = t['source'] !== undefined || t['selector'] !== undefined || t['state'] !== undefined;
  if (specific) {
    r.must('SpecificResource has exactly one source, an IRI', single(t['source']) && (isIri(one(t['source'])) || (isObj(one(t['source'])) && isIri((one(t['source']) as Json)['id']))), where);
    r.should('a target with a source and selectors is typed SpecificResource', typed(t, 'SpecificResource'), where);
    for (const s of list(t['selector'])) checkSelector(r, s, where + '.selector');
    for (const st of list(t['state'])) {
      if (typed(st, 'TimeState')) {
        const s = st as Json;
        r.must('TimeState has a sourceDate or cached', s['sourceDate'] !== undefined || s['cached'] !== undefined, where);
        for (const d of list(s['sourceDate'])) r.must('TimeState sourceDate is an xsd:dateTime', isDateTime(d), where);
        for (const d of list(s['sourceDate'])) r.should('TimeState sourceDate is in UTC (Z)', isUtc(d), where);
      }
    }
  } else {
    r.must('an external target has an id IRI', isIri(t['id']), where);
  }
}

function checkBody(r: Recorder, b: unknown, where: string): void {
  if (typeof b === 'string') return r.must('body is an IRI or an object', isIri(b), where);
  r.must('body is an IRI or an object', isObj(b), where);
  if (!isObj(b)) return;
  if (typed(b, 'TextualBody') || b['value'] !== undefined) {
    r.must('TextualBody has exactly one value, a string', single(b['value']) && typeof one(b['value']) === 'string', where);
    r.should('a text body says its format', b['format'] !== undefined, where);
    for (const f of list(b['format'])) r.must('format is a string (a media type)', typeof f === 'string' && /^[\w.+-]+\/[\w.+-]+/.test(f), where);
  } else {
    r.must('a non-text body has an id IRI', isIri(b['id']), where);
  }
  for (const p of list(b['purpose'])) r.must('body purpose is a motivation of the model', typeof p === 'string' && MOTIVATIONS.has(p), where);
}

function checkAgent(r: Recorder, a: unknown, what: string, where: string): void {
  if (typeof a === 'string') return r.must(`${what} is an IRI or an Agent object`, isIri(a), where);
  r.must(`${what} is an IRI or an Agent object`, isObj(a), where);
  if (!isObj(a)) return;
  if (a['id'] !== undefined) r.must(`${what} id is an IRI`, isIri(a['id']), where);
  r.should(`${what} has a type`, a['type'] !== undefined, where);
  for (const n of ['name', 'nickname']) if (a[n] !== undefined) r.must(`${what} ${n} is a string`, list(a[n]).every((x) => typeof x === 'string'), where);
}

/** §3: one annotation; `inherited` when the @context comes from the collection around it. */
export function checkAnnotation(a: unknown, where: string, inherited = false): Check[] {
  const r = new Recorder('annotation');
  r.must('is a JSON object', isObj(a), where);
  if (!isObj(a)) return r.checks;
  r.must('@context is (or includes) the anno.jsonld context', inherited || hasContext(a), where);
  r.must('has exactly one id, an IRI', single(a['id']) && isIri(one(a['id'])), where);
  r.must('type includes Annotation', list(a['type']).includes('Annotation'), where);
  r.must('has at least one target', list(a['target']).length > 0, where);
  for (const t of list(a['target'])) checkTarget(r, t, where + '.target');
  r.must('does not have both body and bodyValue', !(a['body'] !== undefined && a['bodyValue'] !== undefined), where);
  for (const b of list(a['body'])) checkBody(r, b, where + '.body');
  if (a['bodyValue'] !== undefined) r.must('bodyValue is one string', single(a['bodyValue']) && typeof one(a['bodyValue']) === 'string', where);
  for (const key of ['created', 'modified', 'generated']) {
    if (a[key] === undefined) continue;
    r.must(`${key} is exactly one xsd:dateTime`, single(a[key]) && isDateTime(one(a[key])), where);
    r.should(`${key} is in UTC (Z)`, isUtc(one(a[key])), where);
  }
  r.should('has a creator', a['creator'] !== undefined, where);
  for (const c of list(a['creator'])) checkAgent(r, c, 'creator', where);
  for (const g of list(a['generator'])) checkAgent(r, g, 'generator', where);
  for (const m of list(a['motivation'])) r.must('motivation is a motivation of the model', typeof m === 'string' && MOTIVATIONS.has(m), where);
  for (const key of ['rights', 'via']) for (const v of list(a[key])) r.must(`${key} is an IRI`, isIri(v), where);
  if (a['canonical'] !== undefined) r.must('canonical is exactly one IRI', single(a['canonical']) && isIri(one(a['canonical'])), where);
  return r.checks;
}

/** §5.2: a page, embedded or on its own. */
export function checkPage(p: unknown, where: string, inherited: boolean): Check[] {
  const r = new Recorder('page');
  r.must('is a JSON object', isObj(p), where);
  if (!isObj(p)) return r.checks;
  r.must('@context is (or includes) the anno.jsonld context', inherited || hasContext(p), where);
  r.must('has exactly one id, an IRI', single(p['id']) && isIri(one(p['id'])), where);
  r.must('type includes AnnotationPage', list(p['type']).includes('AnnotationPage'), where);
  r.must('has items, a list of annotations or IRIs', Array.isArray(p['items']) && p['items'].every((i) => isIri(i) || typed(i, 'Annotation')), where);
  if (p['partOf'] !== undefined) r.must('partOf is one IRI or a collection with an IRI id', single(p['partOf']) && (isIri(one(p['partOf'])) || (isObj(one(p['partOf'])) && isIri((one(p['partOf']) as Json)['id']))), where);
  r.should('says which collection it is part of', p['partOf'] !== undefined, where);
  for (const k of ['next', 'prev']) if (p[k] !== undefined) r.must(`${k} is one IRI`, single(p[k]) && isIri(one(p[k])), where);
  if (p['startIndex'] !== undefined) r.must('startIndex is one non-negative integer', nonNegInt(p['startIndex']), where);
  r.should('has a startIndex', p['startIndex'] !== undefined, where);
  return r.checks;
}

/** §5.1: a collection, with its embedded first page and every annotation in it. */
export function checkCollection(c: unknown): Check[] {
  const r = new Recorder('collection');
  const where = 'collection';
  r.must('is a JSON object', isObj(c), where);
  if (!isObj(c)) return r.checks;
  r.must('@context is (or includes) the anno.jsonld context', hasContext(c), where);
  r.must('has exactly one id, an IRI', single(c['id']) && isIri(one(c['id'])), where);
  r.must('type includes AnnotationCollection', list(c['type']).includes('AnnotationCollection'), where);
  if (c['label'] !== undefined) r.must('label is one or more strings', list(c['label']).length > 0 && list(c['label']).every((l) => typeof l === 'string'), where);
  r.should('has a label', c['label'] !== undefined, where);
  if (c['total'] !== undefined) r.must('total is one non-negative integer', nonNegInt(c['total']), where);
  const total = one(c['total']);
  if (typeof total === 'number' && total > 0) r.must('a collection with annotations has a first page', c['first'] !== undefined, where);
  if (c['first'] !== undefined) r.must('first is one IRI or an embedded AnnotationPage', single(c['first']) && (isIri(one(c['first'])) || typed(one(c['first']), 'AnnotationPage')), where);
  if (c['last'] !== undefined) r.must('last is one IRI', single(c['last']) && isIri(one(c['last'])), where);
  if (c['first'] !== undefined) r.should('names its last page', c['last'] !== undefined, where);
  for (const key of ['created', 'modified', 'generated']) {
    if (c[key] === undefined) continue;
    r.must(`${key} is exactly one xsd:dateTime`, single(c[key]) && isDateTime(one(c[key])), where);
    r.should(`${key} is in UTC (Z)`, isUtc(one(c[key])), where);
  }
  for (const g of list(c['generator'])) checkAgent(r, g, 'generator', where);
  for (const v of list(c['rights'])) r.must('rights is an IRI', isIri(v), where);
  const checks = [...r.checks];
  const first = one(c['first']);
  if (isObj(first)) {
    checks.push(...checkPage(first, 'collection.first', true));
    const page = new Recorder('page');
    if (first['partOf'] !== undefined) {
      const partOf = one(first['partOf']);
      page.must('the page is part of this collection', (isObj(partOf) ? partOf['id'] : partOf) === one(c['id']), 'collection.first');
    }
    if (c['last'] !== undefined && first['next'] === undefined) page.must('a single page is also the last', one(c['last']) === first['id'], 'collection.first');
    const items = Array.isArray(first['items']) ? first['items'] : [];
    if (typeof total === 'number' && first['next'] === undefined) page.must('a single page holds `total` items', items.length === total, 'collection.first');
    checks.push(...page.checks);
    items.forEach((item, i) => checks.push(...checkAnnotation(item, `collection.first.items[${i}]`, true)));
  }
  return checks;
}

export function tally(checks: readonly Check[]): Record<string, { passed: number; total: number }> {
  const out: Record<string, { passed: number; total: number }> = {};
  for (const c of checks) {
    const key = `${c.suite} ${c.level}`;
    out[key] ??= { passed: 0, total: 0 };
    out[key].total += 1;
    if (c.pass) out[key].passed += 1;
  }
  return out;
}
