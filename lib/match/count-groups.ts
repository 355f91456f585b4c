import type { PhraseHit, PhraseSet } from '../text/phrase-set';
import type { ParsedQuantity } from '../text/parse-quantities';
import type { Qualifier } from '../dataset/schema';
import type { Matcher, SubjectInfo } from './build-matcher';
import type { Bilingual } from './explain';
import { widerScope } from './count-scope';

/**
 * The group a count counts ("238 Venezuelans", "250 suspected Tren de Aragua
 * and MS-13 gang members", "261 people, of whom 238 Venezuelans"), read from
 * the words right after the number. The groups and their names are data
 * (`subjects[].groups`); only the grammar of a noun phrase is here.
 */

/** Words after a number and before a subgroup ("of them", "de ellos") that say it counts a part. */
const PART_OF = /\b(?:of (?:whom|them)|among them|including|de (?:ellos|ellas|los cuales|las cuales|quienes)|entre ellos|entre ellas|incluidos|incluidas)\b/;
/**
 * "Of the 261 deported, 238 were Venezuelan", "de las cuales 238 eran venezolanas": the group named
 * right after the number and a copula, with nothing named before it, is the group the number counts.
 */
const COPULA = /^\s+(?:of (?:them|whom) )?(?:were|are|was|is|eran|son|fueron|era|es)\s+(?:(?:all|mostly|todos|todas)\s+)?$/;
/**
 * Words that end the noun phrase of a count: a verb, a preposition, a
 * relative pronoun. What stands between the number and a group's name must be
 * modifiers ("238 alleged Venezuelan gang members", "250 suspected members").
 */
const PHRASE_END = new Set([
  'to', 'from', 'by', 'in', 'at', 'on', 'into', 'with', 'for', 'after', 'before', 'since', 'who', 'that', 'which', 'were', 'was', 'are', 'is',
  'have', 'had', 'has', 'been', 'be', 'will', 'would', 'the', 'a', 'an', 'their', 'his', 'her', 'its', 'out', 'than',
  'a', 'al', 'en', 'desde', 'por', 'para', 'que', 'quienes', 'fueron', 'son', 'eran', 'han', 'habian', 'con', 'tras', 'hacia', 'sin', 'el', 'la', 'los', 'las', 'su', 'sus', 'del', 'de',
]);
/** "and", "y", "or", "&": two groups joined in one phrase ("Venezuelan and Salvadoran nationals"). */
const JOINED = /^\s*(?:,\s*)?(?:and|y|e|or|o|&)\s+(?:(?:of the|of|de la|de los|del|de)\s+)?$/;
/**
 * "members of the Tren de Aragua", "miembros del grupo criminal Tren de
 * Aragua": a group name may follow another after "of", with a few modifiers
 * between; and a count may name its group that way alone ("23 of MS-13",
 * "23 de la MS-13").
 */
const OF_GROUP = /^\s+(?:of(?: the)?|de(?:l| la| los| las)?)\s+((?:[\p{L}-]+\s+){0,2})$/u;
function ofGroup(gap: string): boolean {
  const m = OF_GROUP.exec(gap);
  if (!m) return false;
  const words = (m[1] ?? '').trim();
  return !words || words.split(/\s+/).every((w) => !PHRASE_END.has(w));
}
const MAX_MODIFIERS = 3;
/** How far after the number a count's noun phrase may reach: where a group name in it may begin. */
const PHRASE_REACH = 60;
/** How far past that reach a name begun within it may end: read for whom the count counts, not painted. */
const NAME_TAIL = 30;

export interface GroupReading {
  /** Index into `info.groups`. */
  group: number;
  /** Where the group's name ends, in the folded text: the count's noun phrase reaches that far (its highlight). */
  end: number;
  /**
   * Where the phrase truly ends, past the reach when a name begun within it runs over ("238 presuntos
   * miembros de la organización criminal Tren de Aragua"): a joined count ("y 23 …") follows from there.
   */
  phraseEnd: number;
  /** A group narrower than the whole was named ("Venezuelan", "Tren de Aragua"), even if the phrase joins it with others. */
  specific: boolean;
  /** The group is people outside the subject (guards, soldiers): the number is not the subject's count. */
  outside?: boolean;
}

/**
 * The group a count counts: the narrowest group named in the noun phrase
 * right after the number, or, when the phrase joins sibling groups with "and"
 * ("Venezuelan and Salvadoran nationals", "Tren de Aragua and MS-13 members"),
 * the group that contains them all. Null when no group is named.
 */
export function groupCounted(info: SubjectInfo, folded: string, sentenceEnd: number, q: ParsedQuantity): GroupReading | null {
  if (!info.groupNames) return null;
  // (A sentence ending before the number reads an empty window either way.)
  const to = Math.max(q.numberEnd, Math.min(sentenceEnd, q.numberEnd + PHRASE_REACH + NAME_TAIL));
  // The same number is read for the same subject several times while a sentence is matched: once is enough.
  let memo = readings.get(info);
  if (memo === undefined || memo.folded !== folded) readings.set(info, (memo = { folded, byWindow: new Map() }));
  // The same text again as another string (a page analysed twice): keep this one, so later calls compare references, not characters.
  else memo.folded = folded;
  const key = q.numberEnd * 65536 + (to - q.numberEnd);
  let reading = memo.byWindow.get(key);
  if (reading === undefined) memo.byWindow.set(key, (reading = readGroup(info, folded, q.numberEnd, to)));
  return reading;
}

/** `groupCounted`'s readings of the last text, per subject, by window (start and length). */
const readings = new WeakMap<SubjectInfo, { folded: string; byWindow: Map<number, GroupReading | null> }>();

/** The group named in `folded` from `from` (just after the number) to `to`, or null. */
function readGroup(info: SubjectInfo, folded: string, from: number, to: number): GroupReading | null {
  const names = info.groupNames as PhraseSet;
  const window = folded.slice(from, to);
  const hits = names.findAll(window).sort((a, b) => a.start - b.start || b.end - a.end);
  const taken: Array<{ hit: PhraseHit; groups: number[] }> = [];
  let at = 0;
  let joined = false;
  for (const h of hits) {
    if (h.start >= PHRASE_REACH) break;
    if (h.start < at) continue;
    const gap = window.slice(at, h.start);
    const first = taken.length === 0;
    const join = !first && JOINED.test(gap);
    const ok = modifiersOnly(gap) || (first && (PART_OF.test(gap) || COPULA.test(gap)) && gap.length <= 20) || join || ofGroup(gap);
    if (!ok) break;
    // A name running past the reach says whom the count counts; it joins no further group to it.
    if (h.end > PHRASE_REACH && join) break;
    if (join) joined = true;
    // "members of MS-13": the name after "of" says which members, so it goes first among equals.
    if (!join && !first && ofGroup(gap)) taken.unshift({ hit: h, groups: info.groupOf[h.phrase] ?? [] });
    else taken.push({ hit: h, groups: info.groupOf[h.phrase] ?? [] });
    at = h.end;
  }
  if (!taken.length) return null;
  const phraseEnd = from + Math.max(...taken.map((t) => t.hit.end));
  const inReach = taken.filter((t) => t.hit.end <= PHRASE_REACH);
  const end = inReach.length ? from + Math.max(...inReach.map((t) => t.hit.end)) : phraseEnd;
  const named = [...new Set(taken.flatMap((t) => t.groups))];
  // "600 members of the armed forces": a name of people outside the subject decides, whatever else the phrase says.
  const outside = named.find((g) => info.groups[g]?.outside);
  if (outside !== undefined) return { group: outside, end, phraseEnd, specific: false, outside: true };
  const specific = named.some((g) => groupDepth(info, g) >= 1);
  if (joined) {
    // "A and B": the count is of both together, so of the narrowest group that holds each of them.
    const firsts = taken.map((t) => deepest(info, t.groups)).filter((g): g is number => g !== null);
    const distinct = [...new Set(firsts)].filter((g) => !firsts.some((o) => o !== g && within(info, o, g)));
    if (distinct.length >= 2) {
      const common = commonAncestor(info, distinct);
      if (common !== null) return { group: common, end, phraseEnd, specific };
    }
  }
  const g = deepest(info, named);
  return g === null ? null : { group: g, end, phraseEnd, specific };
}

/** At most a few words, none of which ends a noun phrase: "alleged", "suspected Venezuelan". */
function modifiersOnly(gap: string): boolean {
  if (!gap.trim()) return gap.length <= 3;
  if (/[^\p{L}\p{N}\s'’-]/u.test(gap)) return false;
  if (/\d/.test(gap)) return false;
  const words = gap.trim().split(/\s+/);
  return words.length <= MAX_MODIFIERS && words.every((w) => !PHRASE_END.has(w));
}

function deepest(info: SubjectInfo, groups: readonly number[]): number | null {
  let best: number | null = null;
  let depth = -1;
  for (const g of groups) {
    const d = groupDepth(info, g);
    if (d > depth) {
      depth = d;
      best = g;
    }
  }
  return best;
}

function ancestors(info: SubjectInfo, g: number): number[] {
  const out = [g];
  let cur = info.groups[g];
  for (let guard = 0; cur && cur.within !== null && guard < 10; guard++) {
    const next = info.groups.findIndex((x) => x.key === cur?.within);
    if (next < 0) break;
    out.push(next);
    cur = info.groups[next];
  }
  return out;
}

function commonAncestor(info: SubjectInfo, groups: readonly number[]): number | null {
  const lists = groups.map((g) => ancestors(info, g));
  const first = lists[0] ?? [];
  // The first group itself is excluded: "A and B" is never just A.
  for (const a of first.slice(1)) if (lists.every((l) => l.includes(a))) return a;
  return null;
}

/** `inner` is a part of `outer`, following `within` links. */
export function within(info: SubjectInfo, inner: number, outer: number): boolean {
  return inner !== outer && ancestors(info, inner).includes(outer);
}

/** Two groups neither of which holds the other (Venezuelans, Salvadorans): their counts add up. */
export function disjoint(info: SubjectInfo, a: number, b: number): boolean {
  return a !== b && !within(info, a, b) && !within(info, b, a);
}

export function groupDepth(info: SubjectInfo, g: number): number {
  return ancestors(info, g).length - 1;
}

/**
 * "238 Venezuelans and 23 Salvadorans": two counts of disjoint groups joined
 * by "and" are one count of both, told in parts.
 */
const SUM_GAP = /^\s*(?:,\s*)?(?:and|y|e|plus|as well as|along with|junto con)\s+(?:(?:another|other|otros|otras)\s+)?$/;
export function joinedCounts(folded: string, first: { end: number }, second: ParsedQuantity): boolean {
  if (second.start < first.end) return false;
  const gap = folded.slice(first.end, second.start);
  return gap.length <= 30 && SUM_GAP.test(gap);
}

/**
 * Words near a count saying it counts another event about the same people
 * (released, returned home, a prisoner swap): related to the dataset's count,
 * never the same count (`subjects[].otherEvents`).
 */
export function otherEventNear(hits: readonly PhraseHit[], q: ParsedQuantity, reach = 80): boolean {
  return hits.some((h) => !(h.start >= q.start && h.end <= q.numberStart) && (h.end <= q.start ? q.start - h.end <= reach : h.start >= q.end ? h.start - q.end <= reach : true));
}

/** One number of a sentence read as a count of a subject: its group, its span, and whether it counts another event. */
export interface CountReading {
  q: ParsedQuantity;
  subject: number;
  info: SubjectInfo;
  /** How strongly the cues tie the number to the subject. */
  score: number;
  group: number | null;
  /** The number with its noun phrase ("238 alleged Venezuelan gang members"): its highlight. */
  span: [number, number];
  /** Where its noun phrase ends, past the highlight when a long name runs over (`GroupReading.phraseEnd`). */
  phraseEnd?: number;
  /** For a count told in parts ("238 Venezuelans and 23 Salvadorans"): the parts, the sum being `q`; a hedged part keeps its hedge. */
  parts?: Array<{ value: number; group: Bilingual; qualifier?: Qualifier }>;
  otherEvent: boolean;
  /** The number counts people harmed ("40 migrants were beaten"): `subject` is the subject of abuse cases, `span` reaches the words of harm. */
  harmed?: boolean;
  /** The number counts people a report heard ("interviewed 40 of the deportees"): `subject` is the subject of abuse cases. */
  heard?: boolean;
}

/**
 * Reads each number of a sentence as a count of the subject `assign` gives
 * it, with the group it counts; two joined counts of disjoint groups of the
 * same subject become one count of both ("238 Venezuelans and 23
 * Salvadorans" is 261 people).
 */
export function readCounts(
  m: Matcher,
  s: { start: number; end: number },
  folded: string,
  quantities: readonly ParsedQuantity[],
  assign: (q: ParsedQuantity) => { index: number; score: number } | null,
): CountReading[] {
  const out: CountReading[] = [];
  if (!quantities.length) return out;
  const words = new SentenceWords(m, s, folded);
  for (const q of quantities) {
    // "At least 40 migrants were beaten": a count of people told by what happened to them counts people harmed.
    const harm = words.anyHarm() ? harmedCount(m, s, folded, q, quantities) : null;
    if (harm) {
      const span: [number, number] = [Math.min(q.start, harm.start), Math.max(q.end, harm.end)];
      out.push({ q, subject: harm.subject, info: m.subjects[harm.subject] as SubjectInfo, score: 1, group: null, span, phraseEnd: span[1], otherEvent: true, ...(harm.heard ? { heard: true } : { harmed: true }) });
      continue;
    }
    // The second of two joined counts ("238 Venezuelans and 23 Salvadorans") counts what the first does.
    const prev = out[out.length - 1];
    // "interviewed 40 of the deportees … and another 150 people": the next count joined to people heard was heard too.
    if (prev?.heard && q.category === 'count' && heardNext(folded, prev.phraseEnd ?? prev.span[1], q)) {
      out.push({ ...prev, q, span: [q.start, q.end], phraseEnd: q.end });
      continue;
    }
    const joined = prev && prev.group !== null && joinedCounts(folded, { end: prev.phraseEnd ?? prev.span[1] }, q) ? { index: prev.subject, score: prev.score } : null;
    let a = joined ?? assign(q);
    if (!a) {
      // "23 alleged members of MS-13 and 238 Venezuelans": a small part, too small alone to be the
      // subject's count, joined to the next count of the same subject is that count's other part.
      const i = quantities.indexOf(q);
      const next = quantities[i + 1];
      const b = next ? assign(next) : null;
      const binfo = b ? m.subjects[b.index] : undefined;
      const own = binfo?.groups.length ? groupCounted(binfo, folded, s.end, q) : null;
      if (b && binfo && next && own && !own.outside && groupCounted(binfo, folded, s.end, next) && joinedCounts(folded, { end: own.phraseEnd }, next)) a = b;
    }
    if (!a) {
      // "had also sent 23 members of MS-13": a named part of the subject's people, in a sentence in the
      // subject's own words, is a count of that part however small beside the whole.
      // (Indexed: `entries()` makes a pair per subject.)
      for (let index = 0; index < m.subjects.length; index++) {
        const info = m.subjects[index] as SubjectInfo;
        if (!info.groups.length || !info.quantityClaims.length || q.category !== 'count') continue;
        const r = groupCounted(info, folded, s.end, q);
        if (r?.specific && !r.outside && words.cuedFor(index, q.start, r.end) && !widerScope(info, s, folded, q, quantities)) {
          a = { index, score: 0.5 };
          break;
        }
      }
    }
    if (!a) continue;
    const info = m.subjects[a.index] as SubjectInfo;
    const reading = info.groups.length ? groupCounted(info, folded, s.end, q) : null;
    // Guards, soldiers: a count of other people, neither compared with the subject's count nor joined to it.
    if (reading?.outside) continue;
    // "2,000 gang members filed into the prison": without the subject's own words, a count of a group
    // held there in thousands besides the subject's people is someone else's count.
    const otherEvent = otherEventNear(words.eventsOf(a.index, info), q);
    if (reading && info.groups[reading.group]?.heldBesides && !joined && !otherEvent && !words.cuedFor(a.index, q.start, reading.end)) continue;
    // "Police moved the first 2,000 gang members to CECOT": more of a group held besides than all the
    // subject's people, told without the subject's own words (deported, flights), is another group's count.
    if (reading && info.groups[reading.group]?.heldBesides && !joined && !otherEvent && exceedsWhole(m, info, q) && !words.ownFor(info, q.start, reading.end)) continue;
    out.push({
      q,
      subject: a.index,
      info,
      score: a.score,
      group: reading?.group ?? null,
      span: [q.start, Math.max(q.end, reading?.end ?? 0)],
      phraseEnd: Math.max(q.end, reading?.phraseEnd ?? 0),
      otherEvent,
    });
  }
  // Joined counts of disjoint groups: one count of their sum.
  for (let i = 0; i + 1 < out.length; i++) {
    const x = out[i] as CountReading;
    const y = out[i + 1] as CountReading;
    if (x.subject !== y.subject || x.group === null || y.group === null || x.parts || !disjoint(x.info, x.group, y.group)) continue;
    if (x.q.value === undefined || y.q.value === undefined) continue;
    const total = sumOf(x.q, y.q);
    if (!total) continue;
    if (!joinedCounts(folded, { end: x.phraseEnd ?? x.span[1] }, y.q)) continue;
    const common = commonAncestor(x.info, [x.group, y.group]);
    if (common === null) continue;
    const sum: ParsedQuantity = { ...x.q, ...total, end: y.q.end, text: folded.slice(x.q.start, y.span[1]) };
    out.splice(i, 2, {
      ...x,
      q: sum,
      group: common,
      span: [x.span[0], y.span[1]],
      parts: [partOf(x.q, groupLabel(x.info, x.group)), partOf(y.q, groupLabel(x.info, y.group))],
      otherEvent: x.otherEvent || y.otherEvent,
    });
  }
  return out;
}

/** Hedges a sum keeps when its other part is exact: "more than 200 Venezuelans and 23 Salvadorans" is more than 223. */
const SUMMABLE = new Set<ParsedQuantity['qualifier']>(['exact', 'about', 'nearly', 'more-than', 'at-least', 'up-to', 'less-than']);

/**
 * The sum of two parts of one count, with the hedge it keeps: exact parts make an exact sum; one hedged
 * part and one exact make a sum hedged the same way; two lower bounds make a lower bound. Null when
 * the hedges do not add up to one ("about 200 and more than 20").
 */
function sumOf(a: ParsedQuantity, b: ParsedQuantity): Pick<ParsedQuantity, 'value' | 'qualifier'> | null {
  if (a.value === undefined || b.value === undefined || !SUMMABLE.has(a.qualifier) || !SUMMABLE.has(b.qualifier)) return null;
  const value = a.value + b.value;
  if (a.qualifier === 'exact') return { value, qualifier: b.qualifier };
  if (b.qualifier === 'exact') return { value, qualifier: a.qualifier };
  // Two lower bounds: more than both together. Any other pair of hedges has no one sum.
  const lower = (q: Qualifier) => q === 'more-than' || q === 'at-least';
  if (lower(a.qualifier) && lower(b.qualifier)) return { value, qualifier: a.qualifier === b.qualifier ? a.qualifier : 'at-least' };
  return null;
}

/** How far after a count of people what happened to them may be told ("40 migrants deported from … and held in …, suffered torture"). */
const HARM_REACH = 170;
/** Words between a count and a word of harm that start another clause about other people or another time ("where they were beaten"). */
const HARM_BREAK = /\b(?:where|when|after|then|later|while|they|whom|donde|cuando|tras|luego|despues|mientras|ellos|ellas)\b|[.;:]/;

/**
 * A count of people (a group some subject counts, not guards or soldiers) followed, in its
 * clause and before the sentence's next number, by a word of harm said of them (`subjects[].peopleHarmed`:
 * "were beaten", "have died", "sufrieron torturas"): it counts people harmed, the subject of abuse
 * cases, not the people sent or held.
 */
/** Between two numbers, the words of a part and its whole ("40 of the 252", "40 de los 252"). */
const PARTITIVE = /^\s*(?:of|of the|out of|out of the|among the|de|de los|de las|entre los|entre las)\s*$/;

/** How far before a count the words of a report hearing people may start ("details the treatment of 40"). */
const HEARD_REACH = 40;
/** Between those words and the number: only articles and the like ("spoke with the 40", "entrevistaron a unos 40"). */
const HEARD_GAP = /^\s*(?:(?:with|to|the|some|con|a|los|las|unos|unas)\s+)*$/;
/** Right before a count that follows a count of people heard: "and another", "y otros" (no clause or sentence break). */
const HEARD_NEXT = /^[^.;:]{0,80}?(?:,\s*)?\b(?:and|y|e)\s+(?:(?:another|other|otros|otras|a otros|a otras)\s+)?$/;

function heardNext(folded: string, from: number, q: ParsedQuantity): boolean {
  return q.start >= from && HEARD_NEXT.test(folded.slice(from, q.start));
}

function harmedCount(m: Matcher, s: { start: number; end: number }, folded: string, q: ParsedQuantity, quantities: readonly ParsedQuantity[]): { subject: number; start: number; end: number; heard?: boolean } | null {
  if (q.category !== 'count') return null;
  const i = quantities.indexOf(q);
  const prev = quantities[i - 1];
  // "40 of the 252 migrants … suffered torture": the whole of a part is not who was harmed.
  if (prev && prev.end <= q.start && PARTITIVE.test(folded.slice(prev.end, q.start))) return null;
  const whole = quantities[i + 1];
  const partOf = whole && whole.start >= q.end && PARTITIVE.test(folded.slice(q.end, whole.start)) ? whole : null;
  const counted = partOf ?? q;
  let people: GroupReading | null = null;
  for (const info of m.subjects) {
    if (!info.groupNames) continue;
    const r = groupCounted(info, folded, s.end, counted);
    if (r && !r.outside) {
      people = r;
      break;
    }
  }
  if (!people) return null;
  const next = quantities.find((o) => o !== q && o !== partOf && o.start >= counted.end)?.start ?? s.end;
  const to = Math.min(s.end, next, q.end + HARM_REACH);
  for (let subject = 0; subject < m.subjects.length; subject++) {
    const info = m.subjects[subject] as SubjectInfo;
    if (!info.quantityClaims.length) continue;
    // "interviewed 40 of the deportees", "entrevistaron a 40 venezolanos": people a report heard, its witnesses.
    const heard = info.peopleHeard?.findAll(folded, Math.max(s.start, q.start - HEARD_REACH), q.start).find((h) => HEARD_GAP.test(folded.slice(h.end, q.start)));
    // The highlight reads "interviewed 40 of the Venezuelans"; in "interviews with 40 of the 252 Venezuelans sent to…"
    // it is the part alone: the whole is the count of those sent, its own row.
    if (heard) return partOf ? { subject, start: q.start, end: q.end, heard: true } : { subject, start: heard.start, end: people.end, heard: true };
    if (!info.peopleHarmed) continue;
    const hit = info.peopleHarmed.findAll(folded, people.end, to).find((h) => !HARM_BREAK.test(folded.slice(people.end, h.start)));
    // The highlight reaches what happened to them: "40 migrants … suffered torture".
    if (hit) return { subject, start: q.start, end: hit.end };
  }
  return null;
}

/** The number is larger than every value the dataset gives for the subject's count: it cannot be a part of it. */
function exceedsWhole(m: Matcher, info: SubjectInfo, q: ParsedQuantity): boolean {
  const lo = q.qualifier === 'range' ? (q.min ?? 0) : (q.value ?? 0);
  const values = info.quantityClaims.map((ci) => m.claims[ci]?.claim.quantity).map((dq) => (dq ? (dq.qualifier === 'range' ? (dq.max ?? 0) : (dq.value ?? 0)) : 0));
  return values.length > 0 && values.every((v) => lo > v);
}

/** One part of a count told in parts, its hedge kept when it has one ("more than 200 Venezuelans"). */
function partOf(q: ParsedQuantity, group: Bilingual): { value: number; group: Bilingual; qualifier?: Qualifier } {
  return q.qualifier === 'exact' ? { value: q.value ?? 0, group } : { value: q.value ?? 0, group, qualifier: q.qualifier };
}

function groupLabel(info: SubjectInfo, g: number): Bilingual {
  return { en: info.groups[g]?.label ?? '', es: info.groups[g]?.labelEs ?? '' };
}

/** A sentence's other-event words per subject and its cues, each found once, when first asked for. */
class SentenceWords {
  private readonly eventHits = new Map<number, PhraseHit[]>();
  private cueHits: PhraseHit[] | null = null;
  constructor(
    private readonly m: Matcher,
    private readonly s: { start: number; end: number },
    private readonly folded: string,
  ) {}

  eventsOf(subject: number, info: SubjectInfo): PhraseHit[] {
    let hits = this.eventHits.get(subject);
    if (!hits) this.eventHits.set(subject, (hits = info.otherEvents ? info.otherEvents.findAll(this.folded, this.s.start, this.s.end) : []));
    return hits;
  }

  private harm: boolean | null = null;
  /** Whether the sentence has any word of harm (`subjects[].peopleHarmed`): read once, before any count is read for it. */
  anyHarm(): boolean {
    this.harm ??= this.m.subjects.some(
      (info) => (!!info.peopleHarmed && info.peopleHarmed.findAll(this.folded, this.s.start, this.s.end).length > 0) || (!!info.peopleHeard && info.peopleHeard.findAll(this.folded, this.s.start, this.s.end).length > 0),
    );
    return this.harm;
  }

  /** Whether the sentence names the subject's own place or people (`subjects[].scope.own`) outside the count's noun phrase [from, to). */
  ownFor(info: SubjectInfo, from: number, to: number): boolean {
    if (!info.scopeOwn) return true;
    return info.scopeOwn.findAll(this.folded, this.s.start, this.s.end).some((h) => h.end <= from || h.start >= to);
  }

  /** Whether the sentence uses a subject's own words (its cues) outside the count's noun phrase [from, to). */
  cuedFor(subject: number, from: number, to: number): boolean {
    const m = this.m;
    this.cueHits ??= m.cues.findAll(this.folded, this.s.start, this.s.end);
    return this.cueHits.some((h) => (h.end <= from || h.start >= to) && (m.cueOwners[h.phrase] ?? []).some((o) => o.owner === subject));
  }
}
