import type { ExplainDetail } from './explain';
import type { DatasetMatch, PartKind, Relation } from './match-sentence';

/**
 * One thing claimed inside a sentence: the number, the title, the year or the
 * clause, with its own span, relation and dataset claim. A sentence such as
 * "Noem, who toured the prison on Wednesday, said 238 Venezuelans…" carries
 * two: the visit and the count.
 */
export interface ClaimPart {
  start: number;
  end: number;
  text: string;
  kind: PartKind;
  relation: Relation;
  claimId: string;
  slot?: string;
  page?: string;
  dataset?: string;
  explanation: string;
  score: number;
  detail: ExplainDetail;
  flagged?: 'erroneous' | 'inconsistent';
}

const MAX_PARTS = 4;
const VALUE_KINDS = new Set(['count', 'money', 'percent', 'duration', 'quantity', 'year', 'date']);
const MIN_PART = 3;

/**
 * The parts of a sentence, from its matches (best first): one per dataset
 * claim (per number, for counts), never overlapping one another, so each gets a highlight of its own.
 * A weak "related" on the sentence's words alone becomes a part only when
 * nothing else was found.
 */
export function claimParts(text: string, given: readonly DatasetMatch[]): ClaimPart[] {
  // Most sentences listed match nothing: they have no parts.
  if (!given.length) return [];
  const matches = given.length === 1 && given[0]?.kind !== 'count' ? given : given.map((m) => withMeasuredNoun(text, m, given));
  if (matches.length === 1) return partsInOrder(text, matches, matches);
  // Compared values take their spans first (they are the narrowest), then clauses and statements, each group best first.
  const parts = partsInOrder(text, [...matches].sort((a, b) => partRank(text, a, matches) - partRank(text, b, matches)), matches);
  // A repeated flagged error beside a count that only relates speaks first only when it rests on the
  // count's own words ("17 members of the Tren de Aragua gang": the count would take them all and the
  // warning would be lost). When it has words of its own beside what is counted ("238 members of the
  // Venezuelan | criminal organization known as Tren de Aragua"), the count keeps what it counts and
  // the error what is left, each a part of its own.
  if (!matches.some((m) => repeatsError(m, matches))) return parts;
  const countFirst = partsInOrder(text, [...matches].sort((a, b) => valueRank(text, a, matches) - valueRank(text, b, matches)), matches);
  const kept = (ps: readonly ClaimPart[]) => matches.every((m) => !repeatsError(m, matches) || ps.some((p) => p.claimId === m.claimId && p.relation === m.relation));
  return kept(countFirst) ? countFirst : parts;
}

/** The parts that `ordered` (the sentence's matches in the order they take their spans) leaves, sorted by where they start. */
function partsInOrder(text: string, ordered: readonly DatasetMatch[], matches: readonly DatasetMatch[]): ClaimPart[] {
  const parts: ClaimPart[] = [];
  const claims = new Set<string>();
  /** Where the compared numbers (or years) stand. */
  const values: number[] = [];
  for (const m of ordered) {
    if (parts.length >= MAX_PARTS) break;
    // One part per dataset claim, except numbers: "261 people, 238 of them Venezuelans" compares two.
    const key = m.kind === 'statement' || m.kind === 'event' || m.kind === 'title' || m.kind === 'year' || m.kind === 'law' || m.kind === 'name' ? m.claimId : `${m.claimId}@${m.span[0]}`;
    if (claims.has(key) || (m.kind === 'statement' && claims.size && someStartsWith(claims, `${m.claimId}@`))) continue;
    // Shared words are the weakest evidence: beside other parts, a mere "related" is listed, not painted.
    if (m.kind === 'statement' && parts.length && (m.relation === 'related' || m.topicWordsOnly)) continue;
    // The right name beside what the sentence claims is a part of its own only where nothing claimed
    // takes it in ("denied due process inside the Terrorism Confinement Center (CECOT)"), not as the
    // object of an event ("toured the Terrorism Confinement Center (CECOT)").
    // Beside a compared number it is where the people counted are ("250 Venezuelans held in the … (CECOT)"): the number speaks.
    // Set off from the number by a comma ("el encarcelamiento en el Centro de Confinamiento del Terrorismo (CECOT),
    // en El Salvador, de 238 venezolanos"), it stands in another stretch of the sentence: a claim of its own.
    if (rightName(m) && parts.some((p) => describesCounted(text, p, m) && besideValue(text, m.span, p))) continue;
    // The full name alone, without the short name beside it, only names the place: a part where nothing else is.
    if (rightName(m) && parts.length && fullNameOnly(text, m) && !introducedName(text, m)) continue;
    // An event that takes in only the short name ("were sent to El Salvador's CECOT | terrorism confinement
    // center") leaves the full name written beside it its own part: it is what the name claim says. A name the
    // sentence gives as the name ("known as …", "conocida como …") is what those words claim, even inside an
    // event's object ("recluidos en la cárcel conocida como el Centro de Confinamiento…").
    if (rightName(m) && parts.length && !introducedName(text, m) && matches.some((o) => o !== m && (o.kind === 'event' || parts.some((p) => p.claimId === o.claimId)) && o.span[0] < m.span[1] && m.span[0] < o.span[1] && !leavesFullName(m, o))) continue;
    // A clause or a statement that takes in a compared value is about that value: the value speaks for it.
    // An event that only shares the words of what was counted ("238 members of the gang") and has an
    // actor, action or object of its own outside them claims something more.
    // "Noem, who said 238 Venezuelans were sent there, toured CECOT": the clause set off between the
    // actor and the action is not the event's; the event rests on its action and what follows.
    // "A $6 million agreement between …": the sum written right before the agreement it measures is what the
    // sentence says of it; the sum speaks for the event (as "a payment of $6 million" takes in its noun).
    if (m.kind === 'event' && m.roles?.length && parts.some((p) => p.kind === 'money' && p.end <= (m.roles?.[0]?.[0] ?? 0) && /^\s*$/.test(text.slice(p.end, m.roles?.[0]?.[0])))) continue;
    const own = m.kind === 'event' && m.roles?.length ? besideInner(text, eventClause(text, m.span, m.roles), m, matches) : m.span;
    if (m.kind === 'statement' || m.kind === 'event') {
      if (touchesValue(parts, own) && (m.kind === 'statement' || values.some((at) => own[0] <= at && at < own[1]) || !m.roles?.some((r) => !parts.some((p) => p.start < r[1] && r[0] < p.end)))) continue;
    }
    const free = freeSpan(text, own, parts) ?? sharedSpan(text, m, parts);
    // What an earlier part left of an event, when it opens with "and", "y" (the next member of the
    // earlier part's list), is painted from the event's own words on: "denounced by rights groups and
    // Democrats in Congress for its reputation" leaves the reputation its word, not "and Democrats in
    // Congress for its". ("Members of the criminal organization Tren de Aragua" keeps its words.)
    // So is what it leaves after "of", "de" ("238 alleged members | of a Venezuelan gang"): the preposition
    // and its article joined the group to the people the earlier part counts.
    const span = free && m.kind === 'event' && m.roles?.length && free[0] > own[0] && (JOINED.test(text.slice(free[0], free[1])) || OF_JOINED.test(text.slice(free[0], free[1]))) ? ownWordsFrom(free, m.roles) : free;
    if (!span) continue;
    claims.add(key);
    const part: ClaimPart = {
      start: span[0],
      end: span[1],
      text: text.slice(span[0], span[1]),
      kind: m.kind,
      relation: m.relation,
      claimId: m.claimId,
      slot: m.slot,
      explanation: m.explanation,
      score: m.score,
      detail: m.detail,
    };
    if (VALUE_KINDS.has(m.kind)) values.push(numberAt(text, m.quantitySpan ?? span));
    if (m.page !== undefined) part.page = m.page;
    if (m.dataset !== undefined) part.dataset = m.dataset;
    if (m.flagged) part.flagged = m.flagged;
    parts.push(part);
  }
  return parts.sort((a, b) => a.start - b.start);
}

/** "compensation of", "un pago de": the stretch between what an amount measures and the amount. */
const OF_AMOUNT = /^\s+(?:of|de)\s+$/i;
const ARTICLE_BEFORE = /(?<![\p{L}\p{N}])(?:a|an|the|un|una|el|la)\s+$/iu;

/**
 * An amount joined by "of", "de" to the noun it measures ("a payment of $6 million", "una compensación
 * económica de US$ 6 millones") is the most specific claim those words support: its part takes in that
 * noun, when the noun is the object of an event beside it, and the event keeps its actor and action
 * ("El Salvador obtendrá una"). Other matches are returned as they are.
 */
function withMeasuredNoun(text: string, m: DatasetMatch, matches: readonly DatasetMatch[]): DatasetMatch {
  if (m.kind === 'count') return withWhatWasDone(text, m, matches);
  if (m.kind !== 'money') return m;
  for (const e of matches) {
    if (e.kind !== 'event' || !e.roles || e.roles.length < 2) continue;
    const object = e.roles[e.roles.length - 1] as readonly [number, number];
    if (object[1] > m.span[0] || object === e.roles[0] || !OF_AMOUNT.test(text.slice(object[1], m.span[0]))) continue;
    // The article goes with its noun: "El Salvador will get | a payment of $6 million".
    const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, object[0] - 8), object[0]));
    return { ...m, span: [object[0] - (article ? article[0].length : 0), m.span[1]] };
  }
  return m;
}

/** A participle right after the people counted, saying what was done to them ("removed", "deported", "trasladados"). */
const DONE_TO = /^\s+(?:[a-z]+ed|sent|flown|taken|held|[a-záéíóú]+(?:ados|idos|adas|idas))\s[^,;:()\u2014\u2013]*$/i;

/**
 * "238 men removed under an 18th-century law": the participle that says what was done to the people
 * counted describes who was counted, so the count's part reaches over it, up to where the next
 * match's words begin (the law keeps its own words).
 */
function withWhatWasDone(text: string, m: DatasetMatch, matches: readonly DatasetMatch[]): DatasetMatch {
  let next = Infinity;
  for (const o of matches) if (o !== m && o.span[0] >= m.span[1] && o.span[0] < next) next = o.span[0];
  // "250 Venezuelan migrants, deported from the United States and held in CECOT, were sent home": the
  // participle set off after the people counted says who they are; the count speaks for it (the event it
  // tells yielded to the count), up to the end of the aside or the next match's words.
  // (Only after the people's name: "Noem, 53, arrived at CECOT" gives an age, and names no one counted.)
  const aside = NAMES_PEOPLE.test(text.slice(m.span[0], m.span[1])) ? SET_OFF_DONE.exec(text.slice(m.span[1], Math.min(text.length, m.span[1] + 200))) : null;
  if (aside) {
    // (The prison's right name inside it only says where they are held: beside a count it is no part of its own.)
    let stop = Infinity;
    for (const o of matches) if (o !== m && !rightName(o) && o.span[0] >= m.span[1] && o.span[0] < stop) stop = o.span[0];
    let end = Math.min(stop, m.span[1] + aside[0].length);
    // Cut before the next match's words, the aside does not end on the "and" that joins them.
    const joiner = /\s+(?:and|or|y|e|o|u)\s*$/i.exec(text.slice(m.span[1], end));
    if (joiner) end -= joiner[0].length;
    if (end > m.span[1] + 2) return { ...m, span: [m.span[0], end] };
  }
  if (!Number.isFinite(next) || next - m.span[1] > 40 || !DONE_TO.test(text.slice(m.span[1], next))) return m;
  return { ...m, span: [m.span[0], next] };
}

/** A word after the number: the count names whom it counts. */
const NAMES_PEOPLE = /\d[^\p{L}]*\p{L}{3}/u;
/** A participle set off by a comma right after the people counted, to the aside's end (", deportados desde … (CECOT),"). */
// (Spanish participles with any of its letters, "señalados", and the irregular ones: "descritos", "puestos", "dichos".)
const SET_OFF_DONE = /^,\s+(?:[a-z]+ed|sent|flown|taken|held|[a-záéíóúñü]+(?:ados|idos|adas|idas|critos|critas|puestos|puestas|dichos|dichas|hechos|hechas))\s[^,;:\u2014\u2013.]*/i;

// A title given right to someone the event is done to or with ("met with President Nayib Bukele") only
// names who is meant: the event, begun before it, comes first. The actor's own title ("Secretary Noem toured") keeps its place.
function named(m: DatasetMatch, matches: readonly DatasetMatch[]): boolean {
  return m.kind === 'title' && m.relation === 'agrees' && matches.some((e) => e.kind === 'event' && e.span[0] < m.span[0] && m.span[0] < e.span[1]);
}

// A clause that repeats what the curator flagged as an error ("more than 100 members of Tren de Aragua",
// membership stated as fact) speaks before a count that only relates to the dataset's: the warning is what matters.
function repeatsError(m: DatasetMatch, matches: readonly DatasetMatch[]): boolean {
  return (
    !!m.flagged &&
    m.relation === 'repeats-error' &&
    (m.kind === 'event' || m.kind === 'statement') &&
    matches.some((v) => VALUE_KINDS.has(v.kind) && v.relation === 'related' && v.span[0] < m.span[1] && m.span[0] < v.span[1])
  );
}

// The prison's right full name ("Terrorism Confinement Center (CECOT)") is how most pages name the topic:
// a part only when nothing else in the sentence is, so it never takes the place of what the sentence claims.
function rightName(m: DatasetMatch): boolean {
  return m.kind === 'name' && m.relation === 'agrees';
}

/**
 * A participle after the people counted: what was done to them, and where ("deported to … and held at",
 * "detenidos en"). After an auxiliary it is the sentence's own verb ("were flown to"), not a description.
 */
const PARTICIPLE_AFTER = /^[^,;:.!?]*?\b(?<!\b(?:are|is|was|were|be|been|being|have|has|had|son|es|fue|fueron|sido|serán|seran)\s+)(?:[a-z]+ed|sent|flown|taken|held|kept|[a-záéíóúñ]+(?:ados|idos|adas|idas))(?![a-záéíóúñ])/i;

/**
 * The prison's right name says where the people of a compared count are, or what the counted thing is of:
 * before the number ("CECOT … holds 40,000"), or after it in the participle that describes the people
 * counted ("137 Venezuelans deported in March and held at …"). The number speaks for it there. A sum of
 * money counts no one, and a name the sentence's own verb sends them to ("expelled 300 members … to the
 * … (CECOT)") is a claim of its own.
 */
function describesCounted(text: string, p: ClaimPart, m: DatasetMatch): boolean {
  if (!VALUE_KINDS.has(p.kind)) return false;
  if (p.kind === 'money') return false;
  if (m.span[1] <= p.start) return true;
  return m.span[0] >= p.end && PARTICIPLE_AFTER.test(text.slice(p.start, m.span[0]));
}

/** A name match whose words are the full name alone ("toured the Terrorism Confinement Center"), no short name beside it. */
function fullNameOnly(text: string, m: DatasetMatch): boolean {
  return m.page !== undefined && text.slice(m.span[0], m.span[1]).trim() === m.page.trim();
}

/** The span stands in the value's own stretch of the sentence: no comma, semicolon or colon between them. */
function besideValue(text: string, span: readonly [number, number], p: ClaimPart): boolean {
  if (span[0] < p.end && p.start < span[1]) return true;
  return !/[,;:]/.test(span[0] >= p.end ? text.slice(p.end, span[0]) : text.slice(span[1], p.start));
}

/** Of a name match, more than half its span lies outside `o`'s: `o` took in only the short name. */
function leavesFullName(m: DatasetMatch, o: DatasetMatch): boolean {
  const inside = Math.max(0, Math.min(m.span[1], o.span[1]) - Math.max(m.span[0], o.span[0]));
  return m.kind === 'name' && o.kind === 'event' && inside * 2 < m.span[1] - m.span[0];
}

/** Words that say the name after them is what a place is called: "known as", "conocida como", "llamado". */
const NAMING_BEFORE = /(?<![\p{L}])(?:known as|called|named|dubbed|conocid[oa]s? como|llamad[oa]s?|denominad[oa]s?|bautizad[oa]s? como)\s+(?:(?:the|el|la)\s+)?$/iu;

/**
 * The prison's right name given as its name, after words that introduce a name: a claim of the
 * sentence (what the place is called), not only how it names the place where an event happened.
 * (An apposition after the name, "(CECOT), a prison known for…", says what the place is, and leaves
 * the name to the event whose object it is.)
 */
function introducedName(text: string, m: DatasetMatch): boolean {
  if (!rightName(m)) return false;
  return NAMING_BEFORE.test(text.slice(Math.max(0, m.span[0] - 30), m.span[0]));
}

function partRank(text: string, m: DatasetMatch, matches: readonly DatasetMatch[]): number {
  return repeatsError(m, matches) ? -1 : valueRank(text, m, matches);
}

/** Compared values first, then clauses and statements, then names that only say who is meant. */
function valueRank(text: string, m: DatasetMatch, matches: readonly DatasetMatch[]): number {
  return named(m, matches) || (rightName(m) && !introducedName(text, m)) ? 2 : VALUE_KINDS.has(m.kind) ? 0 : 1;
}

function someStartsWith(keys: ReadonlySet<string>, prefix: string): boolean {
  for (const k of keys) if (k.startsWith(prefix)) return true;
  return false;
}

/** A compared value's part overlaps `span`. */
function touchesValue(parts: readonly ClaimPart[], span: readonly [number, number]): boolean {
  for (const p of parts) if (VALUE_KINDS.has(p.kind) && p.start < span[1] && span[0] < p.end) return true;
  return false;
}

/** A stretch set off by commas, brackets or dashes, with a word or more inside: ", who toured the prison on Wednesday, ". */
const SET_OFF = /^\s*[,(\u2014\u2013]\s*[^\s,()\u2014\u2013][\s\S]*[,)\u2014\u2013]\s*$/;

/**
 * An event's own clause: its span, less what stands before a stretch set off between two of its
 * roles ahead of the action (`roles[0]`): "Noem, who said 238 Venezuelans were sent there, toured
 * CECOT" rests on "toured CECOT", and the relative clause is left to the claim it carries.
 */
export function eventClause(text: string, span: readonly [number, number], roles: ReadonlyArray<readonly [number, number]>): [number, number] {
  const action = roles[0];
  if (!action) return [span[0], span[1]];
  const sorted = [...roles].sort((a, b) => a[0] - b[0]);
  let start = span[0];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as readonly [number, number];
    const cur = sorted[i] as readonly [number, number];
    if (cur[0] > action[0]) break;
    if (cur[0] > prev[1] && SET_OFF.test(text.slice(prev[1], cur[0]))) start = Math.max(start, cur[0]);
  }
  return [start, span[1]];
}

/**
 * "Los hombres, detenidos sin cargos, siguen en el CECOT": another claim's event told wholly between this
 * event's words, on none of them (held | without charges | in CECOT), is a claim of its own; this event's
 * part keeps the side of it where its action stands, so each is painted.
 */
function besideInner(text: string, own: [number, number], m: DatasetMatch, matches: readonly DatasetMatch[]): [number, number] {
  const roles = m.roles ?? [];
  const action = roles[0];
  if (!action) return own;
  let best: [number, number] | null = null;
  for (const o of matches) {
    if (o === m || o.claimId === m.claimId || o.kind !== 'event' || !o.roles?.length) continue;
    const [a, b] = o.span;
    if (a <= own[0] || b >= own[1] || roles.some((r) => r[0] < b && a < r[1])) continue;
    // Only what qualifies the action itself, right beside it ("held without charges"): an event further on
    // ("transfer is part of an agreement for the U.S. to fund their containment") is what the clause goes on to say.
    if (!/^[\s,]{0,2}$/.test(action[1] <= a ? text.slice(action[1], a) : text.slice(b, action[0]))) continue;
    const side: [number, number] = action[1] <= a ? [own[0], a] : [b, own[1]];
    if (!best || side[1] - side[0] < best[1] - best[0]) best = side;
  }
  return best ?? own;
}

/** A stretch that opens with a conjunction joining it to what stands before. */
const JOINED = /^(?:and|or|as well as|y|e|o|u|así como)\s/i;
/** A preposition that joins what follows to the words before it: "of", "de", "del". */
const OF_JOINED = /^(?:of|de|del)\s/i;

/** `span` from the first of the event's roles inside it on; `span` itself when none is. */
function ownWordsFrom(span: readonly [number, number], roles: ReadonlyArray<readonly [number, number]>): [number, number] {
  const inside = roles.filter((r) => r[0] >= span[0] && r[1] <= span[1]);
  if (!inside.length) return [span[0], span[1]];
  return [Math.min(...inside.map((r) => r[0])), span[1]];
}

/** When other parts took a statement's span: the stretch of the words it shares that no part covers ("… to discuss more deportation flights"). */
function sharedSpan(text: string, m: DatasetMatch, taken: readonly ClaimPart[]): [number, number] | null {
  const free = (m.shared ?? []).filter(([a, b]) => !taken.some((t) => t.start < b && a < t.end));
  if (!free.length) return null;
  return freeSpan(text, [Math.min(...free.map((h) => h[0])), Math.max(...free.map((h) => h[1]))], taken);
}

/** Where the number of a quantity stands ("about 300 people": the 3), not its hedge or what it counts. */
function numberAt(text: string, span: readonly [number, number]): number {
  for (let i = span[0]; i < span[1]; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return span[0];
}

const TRIMMED = /[\s,;:.()"“”«»'’—–-]/;

/** The longest stretch of `span` no earlier part covers, trimmed of spaces and punctuation; null if too short. */
function freeSpan(text: string, span: readonly [number, number], taken: readonly ClaimPart[]): [number, number] | null {
  let pieces: Array<[number, number]> = [[span[0], span[1]]];
  for (const t of taken) {
    const next: Array<[number, number]> = [];
    for (const [a, b] of pieces) {
      if (t.end <= a || t.start >= b) next.push([a, b]);
      else {
        if (t.start > a) next.push([a, t.start]);
        if (t.end < b) next.push([t.end, b]);
      }
    }
    pieces = next;
  }
  let best: [number, number] | null = null;
  for (let [a, b] of pieces) {
    while (a < b && TRIMMED.test(text.charAt(a))) a++;
    while (b > a && TRIMMED.test(text.charAt(b - 1))) b--;
    if (b - a >= MIN_PART && (!best || b - a > best[1] - best[0])) best = [a, b];
  }
  return best;
}

export type { Relation };
