import type { EventFact, LawFact, NameFact, TitleFact, YearFact } from '../dataset/schema';
import { foldText } from '../text/fold';
import type { PhraseHit } from '../text/phrase-set';
import type { ParsedQuantity } from '../text/parse-quantities';
import type { FactRole, Matcher } from './build-matcher';
import type { CarriedHit } from './carried-reference';
import { findWeekdays } from '../text/weekdays';
import { isSpaceCode } from '../text/phrase-trie';
import { toInterval } from './compare-quantities';
import type { ExplainDetail } from './explain';

const NO_HITS: readonly PhraseHit[] = Object.freeze([]);

/** What comparing a sentence with one typed fact found; `match-sentence` turns it into a match. */
export interface FactFinding {
  claim: number;
  factId: string;
  kind: 'year' | 'date' | 'title' | 'event' | 'law' | 'name';
  relation: 'agrees' | 'conflicts' | 'related';
  /** The words compared, [start, end) in the text: the year and what it is of, the title and the name, the clause. */
  span: [number, number];
  /** The page's and the dataset's values, as a reader writes them. */
  page: string;
  dataset: string;
  detail: ExplainDetail;
  /** For events: where the action stands, [start, end). */
  action?: [number, number];
  /** For events: where the object stands, [start, end), when the fact has one. */
  object?: [number, number];
  /** For events: where the actor, the action and the object stand. */
  roles?: Array<[number, number]>;
  /** For events: how many facts take the object's words as their object (the prison: many; "inhumane conditions": few). */
  objectShare?: number;
  /** For events: the page names the actor, the action and the object, all three the fact has. */
  whole?: boolean;
}

export interface FactSentence {
  text: string;
  folded: string;
  start: number;
  end: number;
  quantities: readonly ParsedQuantity[];
  factHits: readonly PhraseHit[];
  /** The sentence attributes what it says to someone ("officials said", "allegedly"). */
  attributed: boolean;
  /** Facts whose thing the page names near this sentence: their `refs` ("the law", "esta ley") stand for it here. */
  nearFacts?: ReadonlySet<number>;
  /** Title facts the page gave a wrong title earlier: its "the governor" stands for the person. */
  wrongTitles?: ReadonlySet<string>;
  /** The previous sentence's actors and places where a pronoun or "there" stands for them: a role this sentence leaves empty. */
  carried?: readonly CarriedHit[];
}

/** Words allowed between a law's name and its year: "Act of 1798", "Ley de Enemigos Extranjeros de 1798", "Act (1798)". */
const YEAR_AFTER =
  /^[\s,(]*(?:(?:of|de|del|from|passed in|enacted in|dating from|dating back to|dates back to|which dates (?:back )?to|que data de|que data del ano|que se remonta a|que se remonta al ano|que data de|aprobada en|promulgada en|del ano)\s*)?$/;
/** After an age: it is the thing's age ("227 years old", "de 227 años de antigüedad", "227 years since"). */
const AGE_AFTER = /^(?:[\s-]*old\b|\s+de antiguedad\b|\s+de vigencia\b|\s+de historia\b|\s+ago\b|\s+since\b|\s+desde (?:que|su)\b)/;
/** How far an age may stand from the name of what it dates. */
const AGE_REACH = 60;
/** "the 1798 Alien Enemies Act", "1798's Alien Enemies Act". */
const YEAR_BEFORE = /^(?:'s)?\s*$/;
/** Words allowed between a title and the name after it: "U.S. Homeland Security Secretary Kristi Noem", "secretaria de Seguridad Nacional de EE.UU., Kristi Noem". */
const TITLE_BEFORE_GAP = /^(?:[\s,]|u\.s\.|us|then|the|de ee\. ?uu\.|de eeuu|de estados unidos|estadounidense|salvadoran|salvadoreno|salvadorena|,)*$/;
/**
 * The title's complement set off by a comma before the name: "El secretario de Defensa de la superpotencia
 * americana, Marco Rubio", "the Secretary of State of Donald Trump, Marco Rubio" (whose post it is, where).
 */
const TITLE_COMPLEMENT_GAP = /^\s+(?:of|de|del)\s+[^,.;:()"“”]{1,40}?,\s*$/;
/** How far a title with its complement may stand before the name. */
const TITLE_COMPLEMENT_REACH = 50;
/** Words allowed between a name and the title after it: "Kristi Noem, the Homeland Security Secretary". */
const TITLE_AFTER_GAP = /^\s*,\s*(?:(?:the|who is|who was|who serves as|serving as|now|then|la|el|quien es|que es|que funge como|quien funge como|actual|u\.s\.|us|former|ex)[\s-]*)*$/;
const FORMER = /(?:\b(?:former|ex|onetime|one-time|erstwhile|antigu[oa]|exsecretari[oa]|exgobernador[a]?|expresidente)[\s-]*)$/;
const NEGATED = /(?:\b(?:not|never|no|none|nobody|nunca|jamas|tampoco|ninguno|ninguna|ningun|ningunos|ningunas|nadie|denied|denies|without|sin|nego|niega)|n't)\s+(?:\S+\s+)?$/;
/**
 * A hedge or a verb of saying in or just before the words compared: "alleged",
 * "suspected", "presuntos", "insists that", "según". What follows is someone's claim, not the page's.
 */
export const HEDGE_NEAR =
  /\b(?:alleged(?:ly)?|suspected|purported(?:ly)?|so-called|accused|reputed|presunt[oa]s?|supuest[oa]s?|acusad[oa]s?|senalad[oa]s?|sospechos[oa]s?|tildad[oa]s?|insist\w*|claim(?:s|ed)?|according to|labell?(?:ed|ing)|segun|insiste\w*|sostiene\w*|asegura\w*|afirma\w*|acusa\w*)\b/;

/** Right after an English adjective, the people it describes: "illegal immigrants", "unlawful aliens". */
const DESCRIBES_AFTER = /^\s+(?:immigrants?|aliens?|migrants?)\b/;
/** An action that is a preposition naming the source of what is told (folded): its actor, the source, follows it. */
const SOURCE_PREPOSITION = /^(?:segun|according to|de acuerdo con|a juicio de|en palabras de|in the words of)$/;
/** How far after such a preposition its source may start ("according to a new report by Human Rights Watch"). */
const SOURCE_AFTER = 24;
/**
 * The action was found inside a capitalised name ("House" in "White House spokesperson": a phrase found
 * inside a longer one is reported under the longer), every word of it capitalised and lower case or
 * punctuation after it: a name, not a verb. (One capitalised word may be a headline's title case.)
 */
function endsAName(text: string, a: PhraseHit): boolean {
  const words = text.slice(a.start, a.end).split(/\s+/);
  return words.length > 1 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && /^(?:\s+\p{Ll}|[^\p{L}\s])/u.test(text.slice(a.end, a.end + 3));
}

/** The longest stretch an event's actor, action and object may cover: one clause, not the whole paragraph-long sentence. */
const EVENT_WINDOW = 140;
/** The last word of an action phrase that is a preposition: what it governs comes after it. */
const PREPOSITION_END = /\s(?:a|al|de|del|con|en|para|por|contra|sobre|to|of|with|for|from|into|against|on|at|in|about)$/;
/**
 * A phrase that opens with a preposition frames the event rather than acting on its object: what it governs
 * is the one who says it or what is given in return ("according to Human Rights Watch", "a juicio de",
 * "alojar a convictos a cambio de una tarifa"), and the object may stand before it.
 */
const FRAME_START = /^(?:a|al|de|del|en|in|with|con|according|on|under|bajo|segun)\s/;
/** Per event fact, its action phrases as written in the data, folded. */
const ACTION_PHRASES = new WeakMap<EventFact, ReadonlySet<string>>();
/**
 * The fact's action, as the page writes it (`words`, folded), ends in a preposition of its own: the hit is
 * one of the fact's phrases ending so, not a shorter one of them that a longer phrase of another fact
 * ("denuncias" inside "denuncias de") was reported under.
 */
function endsInPreposition(fact: EventFact, words: string): boolean {
  const last = PREPOSITION_END.exec(words);
  if (!last || FRAME_START.test(words)) return false;
  let own = ACTION_PHRASES.get(fact);
  if (!own) ACTION_PHRASES.set(fact, (own = new Set([...fact.action.en, ...fact.action.es].map((p) => foldText(p)))));
  return !own.has(words.slice(0, last.index));
}
/** How far after the action its actor may stand. */
const ACTOR_AFTER = 30;

/** Compares a sentence with the dataset's typed facts: years, titles held at the time, events. */
export function matchFacts(m: Matcher, s: FactSentence): FactFinding[] {
  if (!s.factHits.length || !m.facts.length) return [];
  // Only facts whose key role is in the sentence (an action, a dated thing, a person) can be found:
  // names such as "CECOT" are objects of many facts and would otherwise make every one of them a candidate.
  // (Marked per fact index: a fact outside `m.facts` is never compared, keyed or not. The marks are the
  // matcher's, cleared before returning: most sentences key a few facts of many.)
  const scratch = scratchOf(m);
  const keyed = scratch.keyed;
  // The facts keyed, in the order they were keyed.
  const keyedFacts: number[] = [];
  const keyFacts = keyFactsOf(m);
  const refFacts = refFactsOf(m);
  const near = s.nearFacts;
  for (let hi = 0; hi < s.factHits.length; hi++) {
    const h = s.factHits[hi] as PhraseHit;
    const keys = keyFacts[h.phrase];
    if (keys) {
      for (let i = 0; i < keys.length; i++) {
        const fact = keys[i] as number;
        if (keyed[fact] !== 0) continue;
        keyed[fact] = 1;
        keyedFacts.push(fact);
      }
    }
    // A reference or a title alone is key only for a fact the page names nearby ("esta ley", "the governor"),
    // or, for a dated thing, with the very year the dataset gives it ("una antigua ley de guerra de 1798").
    const refs = refFacts[h.phrase];
    if (!refs?.length) continue;
    for (let i = 0; i < refs.length; i++) {
      const fact = refs[i] as number;
      if (keyed[fact] !== 0 || !(near?.has(fact) || yearOfFactIn(m, fact, s))) continue;
      keyed[fact] = 1;
      keyedFacts.push(fact);
    }
  }
  if (!keyedFacts.length) return [];
  // Hits per fact and role; the facts in the order their first hit came (a fact keyed has at least one).
  const byFact = scratch.roles;
  const order: number[] = [];
  for (let hi = 0; hi < s.factHits.length; hi++) {
    const h = s.factHits[hi] as PhraseHit;
    const owners = m.factOwners[h.phrase];
    if (!owners) continue;
    for (let oi = 0; oi < owners.length; oi++) {
      const o = owners[oi] as { fact: number; role: FactRole };
      if (keyed[o.fact] !== 1) continue;
      let roles = byFact[o.fact];
      if (!roles) {
        byFact[o.fact] = roles = new Map();
        order.push(o.fact);
      }
      const list = roles.get(o.role);
      if (list) list.push(h);
      else roles.set(o.role, [h]);
    }
  }
  for (let i = 0; i < keyedFacts.length; i++) keyed[keyedFacts[i] as number] = 0;
  // "She toured the prison": the actor the previous sentence named fills an event's empty actor (or place) role.
  const carried = s.carried;
  if (carried) {
    for (let ci = 0; ci < carried.length; ci++) {
      const h = carried[ci] as CarriedHit;
      if (h.start < s.start || h.end > s.end) continue;
      const owners = m.factOwners[h.phrase];
      if (!owners) continue;
      for (let oi = 0; oi < owners.length; oi++) {
        const o = owners[oi] as { fact: number; role: FactRole };
        const roles = byFact[o.fact];
        if (!roles || o.role !== h.role || m.facts[o.fact]?.fact.kind !== 'event') continue;
        const list = roles.get(o.role);
        if (!list) roles.set(o.role, [h]);
        else if (list.includes(h) || !list.every((x) => x.start === h.start)) continue;
        else list.push(h);
      }
    }
  }
  // (The buffer is cleared before anything is compared.)
  const rolesOf: Array<Map<FactRole, PhraseHit[]>> = [];
  for (let i = 0; i < order.length; i++) {
    rolesOf.push(byFact[order[i] as number] as Map<FactRole, PhraseHit[]>);
    byFact[order[i] as number] = undefined;
  }
  const out: FactFinding[] = [];
  for (let i = 0; i < order.length; i++) {
    const fi = order[i] as number;
    const roles = rolesOf[i] as Map<FactRole, PhraseHit[]>;
    const info = m.facts[fi];
    if (!info) continue;
    const { fact, claim } = info;
    // Sums of money are compared with the number, where the quantity is read (`money-slots`).
    if (fact.kind === 'money') continue;
    const found =
      fact.kind === 'year'
        ? matchYear(s, fact, roles, s.nearFacts?.has(fi) ?? false)
        : fact.kind === 'title'
          ? matchTitleOf(m, s, fi, fact, roles)
          : fact.kind === 'law'
            ? matchLaw(s, fact, roles)
            : fact.kind === 'name'
              ? matchName(s, fact, roles)
              : matchEvent(s, fact, roles, scratch.objectShare);
    if (found) out.push({ claim, factId: fact.id, ...found });
  }
  // One predicate has one object: when two events read the same action ("drew criticism"), the one
  // whose actor and object stand nearest to it is the reading ("a move that drew criticism", not the prison named before).
  // An object many facts share (the prison itself) yields to a specific one of the same action:
  // "criticized the prison's inhumane conditions" is about the conditions, "slammed as inhumane" about what is inhumane.
  // An event the page tells whole, its actor with the action and the object, is the reading over one
  // that has no actor to find ("la cárcel fue cuestionada por organizaciones de derechos humanos por la
  // falta de debido proceso": the groups questioned the prison; the due-process worry has no one saying it),
  // unless the other's object stands nearer the verb ("quiere deportar a criminales estadounidenses a la
  // megacárcel": whom he would deport, not only where).
  // What only neighbours a claim never takes the verb from that claim's own fact ("rights groups and Democrats
  // criticized the deal": the activists' criticism, not only the lawmakers').
  // (One finding or none, as in most sentences, has nothing to beat nor to sort.)
  if (out.length < 2) return out;
  // "Accused the Trump administration of complicity in torture": the one accused is the verb's object, what it is
  // accused of only the charge; the reading whose object stands right after "accused" is the event.
  const kept = out.filter((f) => !(f.action && out.some((g) => g !== f && g.action?.[0] === f.action?.[0] && (accusedFirst(s.folded, g, f) || (!accusedFirst(s.folded, f, g) && beats(g, f))))));
  // Per claim the first finding is kept: conflicts first, then the narrowest slots (a year before the law it dates).
  // A neighbouring fact comes after the claim's own.
  return kept.sort((a, b) => findingRank(a) - findingRank(b));
}

/** A title fact's comparison: another fact's own title is theirs, and a person's name is someone's (made only for title facts). */
function matchTitleOf(m: Matcher, s: FactSentence, fi: number, fact: TitleFact, roles: Map<FactRole, PhraseHit[]>): Found | null {
  return matchTitle(
    s,
    fact,
    roles,
    s.nearFacts?.has(fi) ?? false,
    (h) => (m.factOwners[h.phrase] ?? []).some((o) => o.role === 'title' && o.fact !== fi),
    (h) => (m.factOwners[h.phrase] ?? []).some((o) => o.role === 'person'),
  );
}

function neighbour(f: FactFinding): boolean {
  return f.detail.type === 'event' && f.detail.neighbour === true;
}

/** A verb of accusing ("accused", "acusó a"), read on the folded text. */
const ACCUSE = /^(?:accus|acus)/;
/** How far after the verb of accusing the one accused may start ("accused the", "acusó a la"). */
const ACCUSED_RIGHT_AFTER = 8;
/**
 * Whether `g` reads the one accused, right after a verb of accusing, and `f` only what they are accused of,
 * after it ("accused the Trump administration of complicity in torture").
 */
function accusedFirst(folded: string, g: FactFinding, f: FactFinding): boolean {
  if (!g.action || !g.object || !f.object || !ACCUSE.test(folded.slice(g.action[0], g.action[1]))) return false;
  const gap = g.object[0] - g.action[1];
  return gap >= 0 && gap <= ACCUSED_RIGHT_AFTER && f.object[0] >= g.object[1];
}

/** Whether finding `g` is the reading of the action both read, over `f` (see `matchFacts`). */
function beats(g: FactFinding, f: FactFinding): boolean {
  return g.claim === f.claim && neighbour(g) !== neighbour(f)
    ? !neighbour(g)
    : g.whole !== f.whole && g.whole === true && g.object && f.object && objectGap(g) <= objectGap(f)
    ? true
    : f.whole === true && g.whole !== true && g.object && f.object && objectGap(f) <= objectGap(g)
      ? false
      : g.objectShare !== undefined && f.objectShare !== undefined && g.objectShare !== f.objectShare
    ? g.objectShare < f.objectShare
    : g.span[1] - g.span[0] < f.span[1] - f.span[0];
}

interface Scratch {
  /** One zeroed mark per fact. */
  keyed: Uint8Array;
  /** Per fact, its hits by role while a sentence is compared; cleared after. */
  roles: Array<Map<FactRole, PhraseHit[]> | undefined>;
  objectShare: (h: PhraseHit) => number;
}
const scratches = new WeakMap<Matcher, Scratch>();
/** The matcher's buffers for `matchFacts`, reused by every sentence (each leaves them as it found them). */
function scratchOf(m: Matcher): Scratch {
  let x = scratches.get(m);
  if (!x || x.keyed.length !== m.facts.length) {
    x = { keyed: new Uint8Array(m.facts.length), roles: new Array<Map<FactRole, PhraseHit[]> | undefined>(m.facts.length).fill(undefined), objectShare: (h) => objectShareOf(m, h) };
    scratches.set(m, x);
  }
  return x;
}

/** How far an event's object stands from its action. */
function objectGap(f: FactFinding): number {
  if (!f.action || !f.object) return Infinity;
  return f.object[0] >= f.action[1] ? f.object[0] - f.action[1] : Math.max(0, f.action[0] - f.object[1]);
}

function findingRank(f: FactFinding): number {
  return (f.relation === 'conflicts' ? 0 : 2) + (f.kind === 'law' || f.kind === 'event' ? 1 : 0) + (f.detail.type === 'event' && f.detail.neighbour ? 0.5 : 0);
}

const refFactLists = new WeakMap<Matcher, number[][]>();
/** Per fact phrase: the facts it is a reference or a title of (key only where the page names the fact nearby); listed once per matcher. */
function refFactsOf(m: Matcher): number[][] {
  let lists = refFactLists.get(m);
  if (!lists) {
    lists = m.factOwners.map((owners) => owners.filter((o) => o.role === 'ref' || o.role === 'title' || o.role === 'otherTitle').map((o) => o.fact));
    refFactLists.set(m, lists);
  }
  return lists;
}

const keyFactLists = new WeakMap<Matcher, number[][]>();
/** Per fact phrase: the facts it plays a key role in (an action, a dated thing, a person); listed once per matcher. */
function keyFactsOf(m: Matcher): number[][] {
  let lists = keyFactLists.get(m);
  if (!lists) {
    lists = m.factOwners.map((owners) => owners.filter((o) => o.role === 'action' || o.role === 'of' || o.role === 'person' || o.role === 'named' || o.role === 'fullName').map((o) => o.fact));
    keyFactLists.set(m, lists);
  }
  return lists;
}

/** Words allowed between a basis word and the law's name: "under the rarely used Alien Enemies Act", "bajo la controvertida Ley…". */
const LAW_GAP = /^\s*(?:(?:the|a|an|la|el|una|un|rarely[- ]used|rarely[- ]invoked|little[- ]used|little[- ]known|obscure|controversial|controvertida|polemica|wartime|centuries[- ]old|\d{4}|18th[- ]century|u\.s\.|us|so[- ]called|llamada)\s+)*$/;
/** How far from the law's name the action resting on it may stand. */
const LAW_ACTION_REACH = 120;
/**
 * Right after the law's name, an aside that describes it ("…Act, a law only used before in wartime,",
 * "…Extranjeros, una ley de 1798 pensada para tiempos de guerra"): what it says is said of the law,
 * so the law's part takes it in. It names the law by a noun within its first words and ends at the clause.
 */
const LAW_APPOSITIVE = /^\s*,\s*(?:a|an|the|una|un|la|el)\s+(?:[^\s,.;:]+\s+){0,3}?(?:law|statute|act|ley|norma|estatuto)\b[^,.;:()]{0,80}/;

function matchLaw(s: FactSentence, fact: LawFact, roles: Map<FactRole, PhraseHit[]>): Found | null {
  const markers = roles.get('marker') ?? [];
  if (!markers.length) return null;
  const laws = [...(roles.get('law') ?? []).map((h) => ({ h, own: true })), ...(roles.get('otherLaw') ?? []).map((h) => ({ h, own: false }))].sort((a, b) => a.h.start - b.h.start);
  const actions = roles.get('action') ?? [];
  for (const l of laws) {
    const marker = markers.find((mk) => mk.end <= l.h.start && l.h.start - mk.end <= 40 && LAW_GAP.test(s.folded.slice(mk.end, l.h.start)));
    if (!marker) continue;
    // Another law is a wrong basis only for the action the dataset's law is the basis of ("deported under the Insurrection Act").
    if (!l.own && !actions.some((a) => Math.abs(a.start - l.h.start) <= LAW_ACTION_REACH)) continue;
    const page = s.text.slice(l.h.start, l.h.end);
    const aside = LAW_APPOSITIVE.exec(s.folded.slice(l.h.end, Math.min(s.end, l.h.end + 120)));
    return {
      kind: 'law',
      relation: l.own ? 'agrees' : 'conflicts',
      span: [marker.start, aside ? l.h.end + aside[0].trimEnd().length : l.h.end],
      page,
      dataset: fact.value,
      detail: { type: 'law', slot: { en: fact.label, es: fact.labelEs }, page, data: { en: fact.value, es: fact.valueEs } },
    };
  }
  return null;
}

type Found = Omit<FactFinding, 'claim' | 'factId'>;

/** Small words a full name holds between its capitalised ones: "Center for the Confinement of Terrorism", "Centro de Confinamiento del Terrorismo". */
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'against', 'and', 'on', 'de', 'del', 'la', 'el', 'los', 'las', 'y', 'contra', 'para']);
const NAME_MAX_WORDS = 9;

/**
 * A name's words, for comparing names written in another order or spelling: folded, without the
 * small words, "centre" as "center", "terrorist"/"terrorism" as "terror" ("Center for Terrorism
 * Confinement" is the Terrorism Confinement Center; "Detention Center Against Terrorism" is not).
 */
function nameKey(name: string): string {
  return foldText(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !NAME_JOINERS.has(w))
    .map((w) => (w === 'centre' ? 'center' : /^terror/.test(w) ? 'terror' : w))
    .sort()
    .join(' ');
}

/** How far before the short name its full name may start: nine words, most of them long. */
const NAME_REACH = 120;

/** "Terrorism Confinement Center (CECOT)": the capitalised words right before the short name in brackets, or null. */
function nameBefore(text: string, from: number, at: number): [number, number] | null {
  // Only the words just before it are read: `text` is the whole page.
  const lo = Math.max(from, at - NAME_REACH);
  // Most short names have no bracket right before them: told from the characters, before any slice.
  let j = at - 1;
  while (j >= lo && isSpaceCode(text.charCodeAt(j))) j--;
  if (j < lo || text.charCodeAt(j) !== 40) return null;
  const head = text.slice(lo, at);
  const open = /\(\s*$/.exec(head);
  if (!open) return null;
  const words = [...head.slice(0, open.index).matchAll(/\S+/g)];
  let capitals = 0;
  let first = -1;
  for (let i = words.length - 1; i >= 0 && words.length - i <= NAME_MAX_WORDS; i--) {
    const word = (words[i] as RegExpMatchArray)[0];
    // Punctuation or a possessive ends the name: "El Salvador’s Terrorism Confinement Center".
    if (/[,.;:!?)"“”]$/.test(word) || /['’]s$/.test(word)) break;
    if (/^\p{Lu}/u.test(word)) {
      capitals++;
      first = i;
    } else if (!NAME_JOINERS.has(word.toLowerCase())) break;
  }
  if (capitals < 2 || first < 0) return null;
  return [lo + ((words[first] as RegExpMatchArray).index ?? 0), lo + head.slice(0, open.index).trimEnd().length];
}

/** How far into a bracket the short name may stand after the full name it glosses: "(Spanish: …, abbreviated as CECOT)". */
const GLOSS_REACH = 160;

/**
 * "The Terrorism Confinement Center (Spanish: Centro de Confinamiento del Terrorismo, commonly
 * referred to as CECOT)": the short name later inside the bracket that follows the full name. Where
 * the bracket opens, or null when the short name is not inside one.
 */
function glossOpen(text: string, from: number, at: number): number | null {
  const lo = Math.max(from, at - GLOSS_REACH);
  // The last bracket before `at`, looked for back to `lo` only (`lastIndexOf` would read back through the whole page).
  let open = Math.max(at - 1, 0);
  while (open >= lo && text.charCodeAt(open) !== 40) open--;
  if (open < lo || text.slice(open, at).includes(')')) return null;
  // Only a gloss ("Spanish:", "or", "known as", "abbreviated"), not a bracket that merely contains the name.
  if (!/\b(?:spanish|espanol|español|known|conocid[oa]|abbreviat\w*|abreviad[oa]|sigla\w*|acronym\w*|referred|or|o)\b/i.test(text.slice(open, at))) return null;
  return open + 1;
}

/** "CECOT (Terrorism Confinement Center)": the capitalised words that fill the bracket right after the short name, or null. */
function nameAfter(text: string, end: number, to: number): [number, number] | null {
  const tail = text.slice(end, Math.min(to, end + NAME_REACH));
  const m = /^\s*\(([^()]*)\)/.exec(tail);
  if (!m) return null;
  const inner = (m[1] as string).trim();
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > NAME_MAX_WORDS) return null;
  let capitals = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!NAME_JOINERS.has(w.toLowerCase())) return null;
  }
  if (capitals < 2 || !/^\p{Lu}/u.test(words[0] as string)) return null;
  const start = end + tail.indexOf(inner);
  return [start, start + inner.length];
}

/** A name fact's own names as `nameKey`s, worked out once per fact (every sentence with a short name asks). */
const OWN_NAME_KEYS = new WeakMap<NameFact, ReadonlySet<string>>();
function ownNameKeys(fact: NameFact): ReadonlySet<string> {
  let keys = OWN_NAME_KEYS.get(fact);
  if (!keys) OWN_NAME_KEYS.set(fact, (keys = new Set([...fact.names.en, ...fact.names.es].map(nameKey))));
  return keys;
}

const OWN_NAME_WORDS = new WeakMap<NameFact, ReadonlySet<string>>();
/** The words of a name fact's own names (`nameKey` words). */
function ownNameWords(fact: NameFact): ReadonlySet<string> {
  let words = OWN_NAME_WORDS.get(fact);
  if (!words) OWN_NAME_WORDS.set(fact, (words = new Set([...ownNameKeys(fact)].flatMap((k) => k.split(' ')))));
  return words;
}

/**
 * What may stand between a short name and one of its own full names written beside it, outside
 * brackets: nothing but a dash, a comma or a colon ("the Terrorism Confinement Center—CECOT—",
 * "CECOT terrorism confinement center"), with the article or the country's possessive of the full
 * name ("Cecot — El Salvador's Terrorism Confinement Center").
 */
const NAME_BESIDE = /^\s*[-,:]?\s*(?:(?:the|el|la|el salvador's|el salvador s)\s+)?$/;
/** "The Terrorism Confinement Center, a maximum-security prison known as CECOT": the short name given after a verb of naming. */
const NAME_KNOWN_AS =
  /^[\s,-]*(?:(?:[^.;:!?()"]{0,60}\s)?(?:known as|called|dubbed|nicknamed|referred to as|abbreviated as|conocid[oa] como|llamad[oa]|denominad[oa]|apodad[oa]|(?:known|referred to|called|identified) by its (?:[a-z]+ )?(?:acronym|initials|abbreviation))|or|o)[\s,:]+(?:(?:the|el|la)\s+)?$/;
/** "It's called the Terrorism Confinement Center", "se llama Centro de Confinamiento del Terrorismo": a full name given as what the place is called. */
const CALLED_BEFORE = /\b(?:called|known as|named|dubbed|nicknamed|se llama|se denomina|llamad[oa]|conocid[oa] como|denominad[oa])\s+(?:(?:the|el|la)\s+)?$/;

/**
 * One of the fact's own full names written beside its short name, outside brackets (`NAME_BESIDE`,
 * `NAME_KNOWN_AS`), or given as what the place is called (`CALLED_BEFORE`): the page says the name.
 * The full name's [start, end) and the span of what is said, or null.
 */
function nameBeside(s: FactSentence, short: readonly PhraseHit[], full: readonly PhraseHit[]): { name: [number, number]; span: [number, number] } | null {
  for (const f of full) {
    for (const h of short) {
      if (h.start < f.end && f.start < h.end) continue;
      const gap = h.start >= f.end ? s.folded.slice(f.end, h.start) : s.folded.slice(h.end, f.start);
      const fits = NAME_BESIDE.test(gap) || (h.start >= f.end && NAME_KNOWN_AS.test(gap));
      if (fits) return { name: [f.start, f.end], span: [Math.min(f.start, h.start), Math.max(f.end, h.end)] };
    }
    if (CALLED_BEFORE.test(s.folded.slice(Math.max(s.start, f.start - 30), f.start))) return { name: [f.start, f.end], span: [f.start, f.end] };
  }
  return null;
}

/**
 * One of the fact's own full names written as a proper name, capitalised, without the short name beside
 * it ("the minister toured the Terrorist Confinement Center in Tecoluca"): the page names the place by its
 * name, and that name is the dataset's. (Lower case, "a terrorism confinement center" describes a kind of place.)
 */
function properFullName(s: FactSentence, full: readonly PhraseHit[]): { name: [number, number]; span: [number, number] } | null {
  for (const f of full) {
    const words = s.text.slice(f.start, f.end).split(/\s+/).filter((w) => !NAME_JOINERS.has(w.toLowerCase()));
    // A bracket after it is read as brackets are ("… Center (CECOT)", "… Center (in Tecoluca)"), not as the name alone.
    if (/^\s*\(/.test(s.text.slice(f.end, f.end + 3))) continue;
    if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) return { name: [f.start, f.end], span: [f.start, f.end] };
  }
  return null;
}

function matchName(s: FactSentence, fact: NameFact, roles: Map<FactRole, PhraseHit[]>): Found | null {
  const own = ownNameKeys(fact);
  const found = matchNameInBrackets(s, fact, roles, own);
  if (found) return found;
  const beside = nameBeside(s, roles.get('named') ?? [], roles.get('fullName') ?? []) ?? properFullName(s, roles.get('fullName') ?? []);
  if (!beside) return null;
  const page = s.text.slice(beside.name[0], beside.name[1]);
  return {
    kind: 'name',
    relation: 'agrees',
    span: beside.span,
    page,
    dataset: fact.value,
    detail: { type: 'name', slot: { en: fact.label, es: fact.labelEs }, page, data: { en: fact.value, es: fact.valueEs } },
  };
}

/** The full name in brackets before or after the short name, or in a gloss the short name ends. */
function matchNameInBrackets(s: FactSentence, fact: NameFact, roles: Map<FactRole, PhraseHit[]>, own: ReadonlySet<string>): Found | null {
  for (const h of roles.get('named') ?? []) {
    // The full name before the short one in brackets, in a gloss the short name ends, or in brackets after it.
    const direct = nameBefore(s.text, s.start, h.start);
    const open = direct ? null : glossOpen(s.text, s.start, h.start);
    const before = open === null ? direct : nameBefore(s.text, s.start, open);
    const after = before ? null : nameAfter(s.text, h.end, s.end);
    const at = before ?? after;
    if (!at) continue;
    // A leading article is the sentence's, not the name's: "the Terrorism Confinement Center".
    const article = /^(?:the|el|la)\s+/i.exec(s.text.slice(at[0], at[1]))?.[0].length ?? 0;
    const page = s.text.slice(at[0] + article, at[1]);
    const key = nameKey(page);
    const agrees = own.has(key);
    // In brackets after the short name or in a gloss, only a name of the same kind of place is its full name
    // ("CECOT (El Salvador)" names where it is): it shares a word with the dataset's names.
    if (!agrees && (after || open !== null) && !key.split(' ').some((w) => ownNameWords(fact).has(w))) continue;
    // A gloss after the name ("(Spanish: …") is not part of what is compared: the span ends at the name.
    const end = after ? at[1] : open !== null ? at[1] : h.end;
    return {
      kind: 'name',
      relation: agrees ? 'agrees' : 'conflicts',
      span: [after ? h.start : at[0] + article, end],
      page,
      dataset: fact.value,
      detail: { type: 'name', slot: { en: fact.label, es: fact.labelEs }, page, data: { en: fact.value, es: fact.valueEs } },
    };
  }
  return null;
}

/** Fact `fi` is a year fact and the sentence holds its year. */
function yearOfFactIn(m: Matcher, fi: number, s: FactSentence): boolean {
  const fact = m.facts[fi]?.fact;
  return fact?.kind === 'year' && s.quantities.some((q) => q.category === 'year' && q.value === fact.value);
}

function matchYear(s: FactSentence, fact: YearFact, roles: Map<FactRole, PhraseHit[]>, near: boolean): Found | null {
  // The thing's own name, then the words standing for it once the page has named it nearby ("esta ley");
  // not named nearby, those words stand for it only with its very year ("a wartime law of 1798": no century, no age).
  const names = [...(roles.get('of') ?? []).map((h) => ({ h, own: true, loose: false })), ...(roles.get('ref') ?? []).map((h) => ({ h, own: false, loose: !near }))];
  const years = s.quantities.filter((q) => q.category === 'year' && q.value !== undefined);
  const ages = fact.ageAsOf ? s.quantities.filter((q) => q.category === 'duration' && q.unit === 'years' && AGE_AFTER.test(s.folded.slice(q.end, q.end + 14))) : [];
  // A name inside a longer one ("la ley" in "la Ley de Enemigos Extranjeros") is that one.
  const named = names.filter((n) => n.own || !names.some((o) => o.own && o.h.start <= n.h.start && o.h.end >= n.h.end));
  for (const { h, own, loose } of named) {
    const c = loose ? null : centuryNear(s, h);
    const data = Math.floor((fact.value - 1) / 100) + 1;
    // Another year than the thing's, on words that only stand for it, may be another thing's: only agreement reads it.
    if (c && (own || c.century === data)) {
      return {
        kind: 'year',
        relation: c.century === data ? 'agrees' : 'conflicts',
        span: c.span,
        page: s.text.slice(c.at[0], c.at[1]),
        dataset: String(fact.value),
        detail: { type: 'year', slot: { en: fact.label, es: fact.labelEs }, page: c.century, data: fact.value, century: true },
      };
    }
    for (const q of years) {
      const after = q.start >= h.end && q.start - h.end <= 30 && YEAR_AFTER.test(s.folded.slice(h.end, q.start));
      const before = q.end <= h.start && h.start - q.end <= 6 && YEAR_BEFORE.test(s.folded.slice(q.end, h.start));
      if (!after && !before) continue;
      const page = q.value as number;
      if (!own && page !== fact.value) continue;
      return {
        kind: 'year',
        relation: page === fact.value ? 'agrees' : 'conflicts',
        span: [Math.min(h.start, q.start), Math.max(h.end, q.end)],
        page: String(page),
        dataset: String(fact.value),
        detail: { type: 'year', slot: { en: fact.label, es: fact.labelEs }, page, data: fact.value },
      };
    }
    const age = loose ? null : ageNear(s, fact, h, ages, own);
    if (age) return age;
  }
  return null;
}

/**
 * An age written with the thing it dates ("the law, 227 years old", "in the
 * 227 years since the Act", "una ley de más de 200 años de antigüedad"), read
 * as a year from the years pages are written in (`ageAsOf`). A round age that
 * misses ("a 200-year-old law") is a loose figure, not a wrong one.
 */
function ageNear(s: FactSentence, fact: YearFact, h: PhraseHit, ages: readonly ParsedQuantity[], own: boolean): Found | null {
  const asOf = fact.ageAsOf;
  if (!asOf) return null;
  for (const q of ages) {
    const gap = q.start >= h.end ? q.start - h.end : h.start >= q.end ? h.start - q.end : 0;
    const between = q.start >= h.end ? s.folded.slice(h.end, q.start) : s.folded.slice(q.end, h.start);
    if (gap > AGE_REACH || /[.;:]/.test(between)) continue;
    const a = toInterval(q);
    const fits = fact.value >= asOf.from - a.hi && fact.value <= asOf.to - a.lo;
    const round = q.qualifier === 'exact' && (q.value ?? 0) % 50 === 0;
    if (!fits && (!own || round)) continue;
    const page = s.text.slice(q.start, q.end);
    const year = asOf.from - (q.value ?? q.min ?? 0);
    return {
      kind: 'year',
      relation: fits ? 'agrees' : 'conflicts',
      span: [Math.min(h.start, q.start), Math.max(h.end, q.end)],
      page,
      dataset: String(fact.value),
      detail: { type: 'year', slot: { en: fact.label, es: fact.labelEs }, page: year, data: fact.value, age: page, fits },
    };
  }
  return null;
}

/** Title `t` is written right before the name `p`: with only "U.S.", "the", "estadounidense" between, or its complement and a comma. */
function titleBefore(s: FactSentence, t: PhraseHit, p: PhraseHit): boolean {
  const gap = p.start - t.end;
  if (gap < 0) return false;
  const between = s.folded.slice(t.end, p.start);
  return (gap <= 25 && TITLE_BEFORE_GAP.test(between)) || (gap <= TITLE_COMPLEMENT_REACH && TITLE_COMPLEMENT_GAP.test(between));
}

function matchTitle(
  s: FactSentence,
  fact: TitleFact,
  roles: Map<FactRole, PhraseHit[]>,
  near: boolean,
  othersOwn: (h: PhraseHit) => boolean,
  isPerson: (h: PhraseHit) => boolean,
): Found | null {
  const people = roles.get('person') ?? [];
  const titles = [...(roles.get('title') ?? []).map((h) => ({ h, own: true })), ...(roles.get('otherTitle') ?? []).map((h) => ({ h, own: false }))];
  if (!titles.length) return null;
  if (!people.length) return near ? titleStandingFor(s, fact, titles, othersOwn) : null;
  for (const p of people) {
    // The title written right before the name, else the one set off by a comma after it.
    let best: { h: PhraseHit; own: boolean } | null = null;
    for (const t of titles) {
      if (t.h.end <= p.start && titleBefore(s, t.h, p)) {
        if (!best || best.h.end < t.h.end || best.h.start > p.start) best = t;
      }
    }
    if (!best) {
      for (const t of titles) {
        if (t.h.start >= p.end && t.h.start - p.end <= 30 && TITLE_AFTER_GAP.test(s.folded.slice(p.end, t.h.start))) {
          // "Marco Rubio, el presidente de El Salvador, Nayib Bukele": a title right before another name is that person's.
          if (s.factHits.some((o) => o.start >= t.h.end && o !== p && isPerson(o) && titleBefore(s, t.h, o))) continue;
          if (!best || t.h.start < best.h.start) best = t;
        }
      }
    }
    if (!best) continue;
    const former = FORMER.test(s.folded.slice(Math.max(s.start, best.h.start - 16), best.h.start)) || /\bformer\b|\bex\b/.test(s.folded.slice(p.end, best.h.start));
    const page = s.text.slice(best.h.start, best.h.end);
    const person = s.text.slice(p.start, p.end);
    return {
      kind: 'title',
      relation: best.own ? 'agrees' : former ? 'related' : 'conflicts',
      span: [Math.min(p.start, best.h.start), Math.max(p.end, best.h.end)],
      page,
      dataset: fact.value,
      detail: { type: 'title', slot: { en: fact.label, es: fact.labelEs }, person, page, data: { en: fact.value, es: fact.valueEs }, former: !best.own && former },
    };
  }
  return null;
}

/** "the Homeland Security secretary", "la secretaria", "the governor's": a title with its article and no name. */
const TITLE_ALONE_BEFORE = /\b(?:the|la|el)\s+(?:(?:u\.s\.|us|american|estadounidense)\s+)?$/;

/**
 * A title alone, with its definite article ("the Homeland Security
 * secretary was filmed"), shortly after the page named the person: the
 * title stands for that person. Their own title agrees when it is specific
 * (not a bare "president"); another one conflicts only when the page has
 * already given them a wrong title with their name, else it may be someone
 * else's. A former post says nothing.
 */
function titleStandingFor(s: FactSentence, fact: TitleFact, titles: ReadonlyArray<{ h: PhraseHit; own: boolean }>, othersOwn: (h: PhraseHit) => boolean): Found | null {
  for (const t of titles) {
    const before = s.folded.slice(Math.max(s.start, t.h.start - 20), t.h.start);
    const article = TITLE_ALONE_BEFORE.exec(before);
    if (!article || FORMER.test(before)) continue;
    // Another person's own title ("the Secretary of State") is theirs, not a wrong one of this person's.
    if (!t.own && (!s.wrongTitles?.has(fact.id) || othersOwn(t.h))) continue;
    // A one-word title of one's own ("the president") is as likely anyone's: the US president, a court's.
    if (t.own && !/\s/.test(s.folded.slice(t.h.start, t.h.end).trim())) continue;
    // A name right after the title is someone's ("the governor, Greg Abbott" is caught as a name; "the Governor Greg Abbott" here).
    if (/^\s+\p{Lu}\p{Ll}/u.test(s.text.slice(t.h.end, t.h.end + 4))) continue;
    const page = s.text.slice(t.h.start, t.h.end);
    const person = fact.person.en[0] ?? '';
    return {
      kind: 'title',
      relation: t.own ? 'agrees' : 'conflicts',
      span: [t.h.start - before.length + article.index, t.h.end],
      page,
      dataset: fact.value,
      detail: { type: 'title', slot: { en: fact.label, es: fact.labelEs }, person, page, data: { en: fact.value, es: fact.valueEs }, former: false },
    };
  }
  return null;
}

/** How many facts take phrase `h` as their object. */
function objectShareOf(m: Matcher, h: PhraseHit): number {
  let n = 0;
  for (const o of m.factOwners[h.phrase] ?? []) if (o.role === 'object') n++;
  return n;
}

function spanGap(d: { start: number; end: number }, start: number, end: number): number {
  return d.end <= start ? start - d.end : d.start >= end ? d.start - end : 0;
}

function matchEvent(s: FactSentence, fact: EventFact, roles: Map<FactRole, PhraseHit[]>, objectShare: (h: PhraseHit) => number = () => 0): Found | null {
  const actors = roles.get('actor') ?? NO_HITS;
  const actions = roles.get('action') ?? NO_HITS;
  const objects = roles.get('object') ?? NO_HITS;
  const needsObject = fact.object.en.length + fact.object.es.length > 0;
  const needsActor = fact.actor.en.length + fact.actor.es.length > 0;
  if ((needsActor && !actors.length) || !actions.length || (needsObject && !objects.length)) return null;
  for (const a of actions) {
    // "Transferred out of CECOT", "sacado del CECOT": a move away from the place is not the move into it.
    if (AWAY_AFTER.test(s.folded.slice(a.end, a.end + 12))) continue;
    // "Illegal immigrants": an English adjective right before the people it describes tells no act.
    // (In Spanish the adjective follows the noun, where a predicate may too: "los migrantes fueron torturados".)
    if (DESCRIBES_AFTER.test(s.folded.slice(a.end, a.end + 16))) continue;
    // "A White House spokesperson": the action inside a capitalised name is no verb.
    if (endsAName(s.text, a)) continue;
    // The actor stands before the action, or right after it ("visitó el CECOT la secretaria Noem", "deported by Washington").
    const actor = needsActor ? nearest(actors, a, a, null, a.end + ACTOR_AFTER) : null;
    if (needsActor && !actor) continue;
    // "según el informe", "according to HRW": a preposition that names the source takes it right after
    // itself; "las golpizas constituyen trato inhumano según el derecho internacional" is no report of them.
    if (actor && SOURCE_PREPOSITION.test(s.folded.slice(a.start, a.end)) && !(actor.start >= a.end && actor.start - a.end <= SOURCE_AFTER)) continue;
    // "para encerrar a", "acusados de", "linked to": an action that ends in a preposition takes its object after it
    // ("trasladados a la megacárcel, diseñada para encerrar a 40.000 criminales" does not shut in the men named before).
    const object = needsObject ? nearest(endsInPreposition(fact, s.folded.slice(a.start, a.end)) ? objects.filter((o) => o.start >= a.end) : objects, a, a, actor) : null;
    if (needsObject && !object) continue;
    // "Noem, que llegó a El Salvador el martes, recorrió el CECOT": an action inside an aside whose object
    // stands outside it is the aside's; another action of the fact after the aside is the event's.
    if (object && object.start >= a.end && inOtherClause(s.folded, a, [object]) && actions.some((b) => b.start >= a.end && b.end <= object.start && !inOtherClause(s.folded, b, [a]))) continue;
    // Of two actions before one object, a denial of the nearer one denies the event: "allege that many have
    // no ties to Tren de Aragua" denies the ties, it does not report the allegation of them.
    let inner: PhraseHit | undefined;
    if (object) for (let i = actions.length - 1; i >= 0 && !inner; i--) {
      const b = actions[i] as PhraseHit;
      if (b !== a && b.start >= a.end && b.end <= object.start) inner = b;
    }
    const denied = inner ?? a;
    // (The roles' spans, listed only for the finding: most actions find none.)
    const start = Math.min(a.start, actor ? actor.start : a.start, object ? object.start : a.start);
    const end = Math.max(a.end, actor ? actor.end : a.end, object ? object.end : a.end);
    // "The prison, built for…, became…, but is questioned by rights groups": the clause that goes on
    // with the subject before it may stand farther from that subject than one clause's reach.
    // "Noem spoke about why she felt the need to make an in-person appearance at…": a pronoun after the actor
    // stands for it, and the clause is measured from there.
    const pronoun = pronounAfterActor(s.folded, actor, a);
    const byPronoun = end - start > EVENT_WINDOW && pronoun !== null && end - pronoun <= EVENT_WINDOW ? pronoun : null;
    const reach = end - start > EVENT_WINDOW ? (byPronoun ?? sameSubjectClause(s.folded, start, a.start, end)) : start;
    if (reach === null) continue;
    // "CECOT, which opened in 2023 and which became a symbol of the war on gangs": the event is told
    // in the second relative clause; the first one (a date, a place) is not part of what it says.
    const from = secondRelative(s.folded, reach, a.start);
    // Actor, action and object of one event stand in one clause: not across "; " or ", but".
    if (clauseBreak(s.folded.slice(start, end))) continue;
    // "No evidence that they belong to…" doubts the claim without denying it; "accused without
    // evidence of belonging to…" still reports the accusation, and denies nothing.
    // "He said: 'I'm not a gang member'", "dicen que no son pandilleros": the denial may stand right before the
    // object, after the verb of saying, in the words reported.
    const objectDenied = object !== null && object.start >= denied.end && deniedRightBefore(s, denied.end, object.start);
    const deniedAtAction = deniedBefore(s, a.start) && !modifiesQuantifiedSubject(s, a);
    const deniedHere = deniedAtAction || (inner !== undefined && deniedBefore(s, inner.start)) || objectDenied;
    const noEvidence = deniedHere && NO_EVIDENCE.test(s.folded.slice(Math.max(s.start, a.start - 60), denied.start));
    const accused = noEvidence && fact.attributed && ACCUSED.test(s.folded.slice(Math.max(s.start, start - 40), end));
    // Someone reported denying what the article itself gives only as a claim ("the declarations allege that many
    // have no ties to…") disputes the claim; it does not contradict that the claim was made.
    const disputed = deniedHere && !noEvidence && fact.attributed && ATTRIBUTED.test(s.folded.slice(Math.max(s.start, denied.start - 60), objectDenied && object ? object.start : denied.start));
    const doubted = (noEvidence && !accused) || disputed;
    // A denial on the page contradicts what the article reports, and agrees with what the article denies.
    const denial = !accused && deniedHere;
    const negated = denial !== fact.negative;
    // "Only 8 (3 percent) had been convicted", "solo un 3 % había sido condenado": a figure for the few it
    // happened to says it did not happen to the rest; it bears on what the article denies without saying it.
    const fewFrom = Math.max(s.start, a.start - ONLY_FEW_REACH);
    const few = negated && !doubted && fact.negative ? ONLY_FEW.exec(s.folded.slice(fewFrom, a.start)) : null;
    const fewOnly = few !== null;
    if (negated && !doubted && fact.opposite === 'none' && !fact.neighbour && !fewOnly) continue;
    // The sentence may say who claims it, before or within the event ("said to be members", "insiste en que…", "acusados de pertenecer").
    const unattributed = fact.attributed && !s.attributed && !ATTRIBUTED.test(s.folded.slice(s.start, end)) &&
      !HEDGE_NEAR.test(s.folded.slice(Math.max(s.start, start - 30), end));
    // The day the page gives the event, near it: another day than the article's is a wrong date.
    if (fact.weekday && !negated) {
      // Told through a pronoun, the event's clause is the pronoun's: a day before it is the main clause's
      // ("On Monday, Noem explained why she made an appearance at CECOT", "Noem said on Monday she had toured…").
      const dayFrom = pronoun ?? start;
      const parts = [a, ...(actor ? [actor] : []), ...(object ? [object] : [])];
      const days = findWeekdays(s.folded, Math.max(s.start, dayFrom - 40), Math.min(s.end, end + 40))
        .filter((d) => !inOtherClause(s.folded, d, parts) && (pronoun === null || d.start >= pronoun))
        .sort((x, y) => spanGap(x, dayFrom, end) - spanGap(y, dayFrom, end));
      const day = days[0];
      if (day && day.day !== fact.weekday) {
        const page = s.text.slice(day.start, day.end);
        return {
          kind: 'date',
          relation: 'conflicts',
          span: [day.start, day.end],
          page,
          dataset: fact.weekday,
          detail: { type: 'date', slot: { en: fact.label, es: fact.labelEs }, page, data: fact.weekday },
        };
      }
    }
    // "sin juicio", "never visited": a denial is shown with its negator, what the page says being the lack of it.
    const shownFrom = deniedAtAction && !accused ? Math.min(from, negatorStart(s, a.start) ?? from) : from;
    if (fact.neighbour) {
      return {
        kind: 'event',
        action: [a.start, a.end],
        relation: 'related',
        span: [shownFrom, end],
        page: s.text.slice(shownFrom, end),
        dataset: fact.label,
        detail: { type: 'event', slot: { en: fact.label, es: fact.labelEs }, negated: false, unattributed: false, neighbour: true },
      };
    }
    return {
      kind: 'event',
      action: [a.start, a.end],
      ...(object ? { object: [object.start, object.end] as [number, number], objectShare: objectShare(object) } : {}),
      whole: actor !== null && object !== null,
      roles: [[a.start, a.end], ...(actor ? [[actor.start, actor.end] as [number, number]] : []), ...(object ? [[object.start, object.end] as [number, number]] : [])],
      relation: doubted || fewOnly || (negated && fact.opposite === 'related') ? 'related' : negated ? 'conflicts' : unattributed ? 'related' : 'agrees',
      // The figure is what the page says of it: "only 8 (3.1 percent) had been convicted".
      span: [few ? Math.min(shownFrom, fewFrom + few.index) : shownFrom, end],
      page: s.text.slice(few ? Math.min(shownFrom, fewFrom + few.index) : shownFrom, end),
      dataset: fact.label,
      detail: {
        type: 'event',
        slot: { en: fact.label, es: fact.labelEs },
        negated: negated && !doubted && !fewOnly && fact.opposite === 'conflicts',
        unattributed,
        ...(disputed ? { disputed: true } : doubted ? { doubted: true } : fewOnly || (negated && fact.opposite === 'related') ? { mention: true } : {}),
      },
    };
  }
  return null;
}

/**
 * "None of them were allowed to…", "did not visit", "deprived of", "lack of",
 * "barely see": a negator in the same clause, shortly before the action.
 * A past counterfactual ("should have been given a chance to…", "ought to have had") says it did not happen.
 */
const NEGATOR =
  /\b(?:not|never|no|none|nobody|no one|nunca|jamas|tampoco|ninguno|ninguna|ningun|ningunos|ningunas|nadie|denied|denies|deny|denying|without|sin|nego|niega|negaron|lacks?|lacked|lacking|depriv\w*|barely|hardly|rarely|seldom|little|minimal|carec\w*|falta|faltan|privad\w*|privar\w*|priv[oa]|apenas|escas[oa]s?|nor|ni|rather than|instead of|en lugar de|en vez de|yet to|(?:has|have|had|is|are|was|were) yet|should have|should've|ought to have)\b|n't\b/;
/** Right before the action: "only" and a figure, a count or a share ("only 8 (3.1 percent) had been", "solo un 3 % había sido"). */
const ONLY_FEW = /\b(?:only|just|solo|unicamente)\s+(?:(?:a|un|el|unos|some|about)\s+)?\d[\d.,]*(?:\s*(?:%|percent|per cent|por ciento))?\b[^;:]{0,50}$/;
const ONLY_FEW_REACH = 80;
/** A clause boundary inside an event's stretch. */
const CLAUSE_BREAK = /;|,\s*(?:but|while|although|whereas|yet|pero|aunque|mientras|sin embargo)\b/g;
/**
 * "…, but is criticised by rights groups", "…, pero es cuestionado por…": a clause whose verb comes
 * with no subject of its own goes on with the subject before it, so it is no boundary.
 */
const SAME_SUBJECT = /^\s*(?:is|was|has been|have been|remains|es|fue|ha sido|han sido|esta|sigue siendo)\b/;
/**
 * Where the clause carrying the action starts, when it goes on with a subject named before it
 * (", but is…", ", pero es…") and each side fits one clause's reach; null otherwise.
 */
function sameSubjectClause(folded: string, start: number, action: number, end: number): number | null {
  let at: number | null = null;
  // (`exec` on the one expression, not `matchAll`, which copies it each time.)
  const stretch = folded.slice(start, action);
  CLAUSE_BREAK.lastIndex = 0;
  for (let b = CLAUSE_BREAK.exec(stretch); b; b = CLAUSE_BREAK.exec(stretch)) {
    const after = start + b.index + b[0].length;
    if (b[0] !== ';' && SAME_SUBJECT.test(folded.slice(after, action))) at = after;
  }
  if (at === null || at - start > EVENT_WINDOW || end - at > EVENT_WINDOW) return null;
  return at + (folded.slice(at).length - folded.slice(at).trimStart().length);
}
/** A subject pronoun (English: Spanish leaves it out, and its "él" folds into the article "el"). */
const SUBJECT_PRONOUN = /\b(?:she|he|they)\b/g;
/**
 * The last subject pronoun between the actor and the action, which stands for the actor in a clause of
 * its own ("Noem … why she felt the need to make an appearance at CECOT"); null when there is none.
 */
function pronounAfterActor(folded: string, actor: PhraseHit | null, a: PhraseHit): number | null {
  if (!actor || actor.end > a.start) return null;
  let at = -1;
  for (const m of folded.slice(actor.end, a.start).matchAll(SUBJECT_PRONOUN)) at = actor.end + (m.index ?? 0);
  return at >= 0 ? at : null;
}
/** Two relative clauses of one noun, joined: the second one's start. */
const SECOND_RELATIVE = /\b(?:y|e|and) (?:que|which|that|who)\b/g;
/** Where the clause with the action starts, when it is the second of two relative clauses after the noun; else `from`. */
function secondRelative(folded: string, from: number, action: number): number {
  let at = from;
  const stretch = folded.slice(from, action);
  SECOND_RELATIVE.lastIndex = 0;
  for (let b = SECOND_RELATIVE.exec(stretch); b; b = SECOND_RELATIVE.exec(stretch)) at = from + b.index + b[0].indexOf(' ') + 1;
  return at;
}
function clauseBreak(stretch: string): boolean {
  CLAUSE_BREAK.lastIndex = 0;
  for (let b = CLAUSE_BREAK.exec(stretch); b; b = CLAUSE_BREAK.exec(stretch)) {
    if (b[0] === ';' || !SAME_SUBJECT.test(stretch.slice(b.index + b[0].length))) return true;
  }
  return false;
}
/** Words right after a verb of movement that turn it away from the place: "out of", "fuera de". */
const AWAY_AFTER = /^\s+(?:out of|away from|fuera del?)\b/;
/** An accusation reported in so many words. */
const ACCUSED = /\b(?:accus\w*|alleg\w*|acusad\w*|acusa\w*|senalad\w*|tildad\w*)\b/;
/** A negated "evidence" before the action: doubt, not denial. */
const NO_EVIDENCE = /\b(?:evidence|proof|proven|pruebas?|evidencias?|demostrad[oa]s?|comprobad[oa]s?)\b/;
/**
 * Words in the clause that attribute it ("said to be", "accused of", "presuntos"). A passive of linking
 * ("han sido vinculados al Tren de Aragua", "fueron identificados como…") has someone doing the linking:
 * it reports a claim; "están vinculados" (estar) states it.
 */
const ATTRIBUTED =
  /\b(?:said|says|say|claim\w*|alleg\w*|accus\w*|insist\w*|label\w*|brand\w*|deem\w*|suspect\w*|purported\w*|reported\w*|according to|so-called|dijo|dice|dicen|dicho|afirm\w*|asegur\w*|acus\w*|senal\w*|presunt\w*|supuest\w*|insist\w*|segun|tild\w*|calific\w*|sostien\w*|consider\w*|design\w*|(?:sido|fueron|fue|son|es|seran|serian|sean|fueran) (?:vinculad|relacionad|ligad|asociad|identificad|catalogad|etiquetad)[oa]s?)\b/;
/** A negator right before `at`, within a word of it ("not a", "no son"), after `from`. */
function deniedRightBefore(s: FactSentence, from: number, at: number): boolean {
  return NEGATED.test(s.folded.slice(Math.max(from, at - 20), at));
}
/** A negative quantifier of the subject and the words after it, up to the action, in one clause: "none of the deportees", "ningún deportado". */
const SUBJECT_QUANTIFIER = /\b(?:none of|ninguno de|ninguna de|ningunos de|ningunas de|ningun|ninguna|ningunos|ningunas)\b([^,;:]*)$/;
/** A finite verb between the quantifier and the action: the action is then the clause's verb, which the quantifier denies. */
const FINITE_BETWEEN =
  /\b(?:fue|fueron|era|eran|es|son|ha|han|habia|habian|sera|seran|esta|estan|estaba|estaban|estuvo|estuvieron|sigue|siguen|ser|estar|haber|pudo|pudieron|puede|pueden|podia|podian|tuvo|tuvieron|tiene|tienen|tenia|tenian|se|le|les|was|were|is|are|has|have|had|been|be|will|would|can|could|did|does|do|got|get)\b/;
/** A participle or a word standing for one, which may modify the noun before it ("deportados", "enviadas", "sent", "held", "presos"). */
const PARTICIPLE_WORD = /^(?:\S*(?:ad|id)[oa]s?|\S*(?:ed|en)|sent|held|brought|flown|taken|kept|pres[oa]s?)$/;
/**
 * "None of the deportees sent to CECOT saw a judge", "ninguno de los deportados al CECOT tuvo un juicio",
 * "ningún deportado enviado al penal": the negative quantifier of the subject denies the clause's own
 * verb, not a participle inside the subject's noun phrase (a reduced relative: those who were sent there).
 * True when the only negator before the action is such a quantifier, the action is a participle, and no
 * finite verb stands between them ("ninguno de los deportados fue enviado al CECOT" still denies it).
 */
function modifiesQuantifiedSubject(s: FactSentence, a: PhraseHit): boolean {
  const before = s.folded.slice(Math.max(s.start, a.start - 50), a.start);
  const q = SUBJECT_QUANTIFIER.exec(before);
  if (!q) return false;
  const between = q[1] as string;
  if (FINITE_BETWEEN.test(between) || NEGATOR.test(between) || NEGATOR.test(before.slice(0, q.index))) return false;
  const first = s.folded.slice(a.start, a.end).split(/\s+/)[0] ?? '';
  return PARTICIPLE_WORD.test(first);
}

function deniedBefore(s: FactSentence, at: number): boolean {
  const before = s.folded.slice(Math.max(s.start, at - 50), at);
  if (NEGATED.test(before)) return true;
  // Only within the clause: "No one disputes it, but Noem toured…" is not a denial of the tour;
  // nor is an aside closed by a dash ("with little-to-no due process — to deport alleged gang members";
  // folding writes every dash as a hyphen, spaced when it sets off an aside).
  const clause = before.slice(
    Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' but '), before.lastIndexOf(' pero '), before.lastIndexOf(' - ')) + 1,
  );
  // Nor does a denial reach into a phrase of time after it: "no pudo ver a un juez antes de ser enviado al CECOT",
  // "deported without a hearing before being sent to CECOT" (the sending happened).
  return NEGATOR.test(afterTimePhrase(clause)) || listNegated(before);
}

const NEGATOR_ALL = new RegExp(NEGATOR.source, 'g');
/** Where the negator that `deniedBefore` reads before `at` starts (the word's start), or null. */
function negatorStart(s: FactSentence, at: number): number | null {
  const lo = Math.max(s.start, at - 50);
  const before = s.folded.slice(lo, at);
  const near = NEGATED.exec(before);
  let i: number;
  if (near) i = near.index;
  else {
    const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' but '), before.lastIndexOf(' pero '), before.lastIndexOf(' - ')) + 1;
    const clause = before.slice(cut);
    const timed = afterTimePhrase(clause);
    const from = cut + clause.length - timed.length;
    let last = -1;
    NEGATOR_ALL.lastIndex = 0;
    for (let m = NEGATOR_ALL.exec(timed); m; m = NEGATOR_ALL.exec(timed)) last = m.index;
    if (last < 0) return null;
    i = from + last;
  }
  // "didn't": from the word's start.
  while (i > 0 && /[a-z]/.test(before.charAt(i - 1))) i--;
  return lo + i;
}

/** "before", "after", "antes de", "después de", "luego de" opening a phrase of time. */
const TIME_PHRASE = /\b(?:before|after|antes de|despues de|luego de)\b/g;
/** What of `clause` follows its last phrase-of-time opener (all of it when there is none). */
function afterTimePhrase(clause: string): string {
  let at = 0;
  TIME_PHRASE.lastIndex = 0;
  for (let m = TIME_PHRASE.exec(clause); m; m = TIME_PHRASE.exec(clause)) at = m.index + m[0].length;
  return at ? clause.slice(at) : clause;
}

/** A list's next member: ", or", ", and", ", y", ", ni" before it. */
const LIST_NEXT = /^\s*(?:or|and|nor|o|u|y|e|ni)\s+\S*\s*$/;
/** A preposition of lack before a list's first member: "without", "sin", "no". */
const LIST_NEGATOR = /\b(?:without|no|sin|ni)\s+(\S+(?:\s+\S+){0,2})$/;
/**
 * "held without charges, trials, or legal representation", "sin cargos, juicios o abogados": the negator
 * before a list's first member denies each member, across the commas between its short members (a list
 * of three or more: "never switched off, and cameras watch" is two clauses, not a list).
 */
function listNegated(before: string): boolean {
  const pieces = before.split(',');
  if (pieces.length < 3 || !LIST_NEXT.test(pieces[pieces.length - 1] as string)) return false;
  for (let i = pieces.length - 2; i >= 0; i--) {
    const piece = (pieces[i] as string).trim();
    if (i < pieces.length - 2 && LIST_NEGATOR.test(piece)) return true;
    if (i === 0 || !piece || piece.split(/\s+/).length > 3) return false;
  }
  return false;
}

/**
 * A relative clause or an aside set off by commas, dashes or brackets ("Noem, who landed on Tuesday,
 * toured…", "Noem, que llegó el martes, recorrió…"): what happened in it, not the event around it.
 */
const ASIDE_OPENS = /^\s*(?:who|whom|whose|which|that|where|when|after|before|having|que|quien|quienes|el cual|la cual|los cuales|las cuales|cuyo|cuya|donde|cuando|tras|luego de|despues de|antes de)\b/;
/** How far an aside may reach on either side of the day it holds. */
const ASIDE_REACH = 120;
/** The aside ([from, to)) that words `d` stand in, if any. */
function asideAround(folded: string, d: { start: number; end: number }): [number, number] | null {
  const before = folded.slice(Math.max(0, d.start - ASIDE_REACH), d.start);
  const open = Math.max(before.lastIndexOf(','), before.lastIndexOf('('), before.lastIndexOf(' - '));
  if (open < 0) return null;
  const from = d.start - before.length + open + 1;
  const after = folded.slice(d.end, d.end + ASIDE_REACH);
  const close = after.search(/[,)]| - /);
  if (close < 0) return null;
  if (!ASIDE_OPENS.test(folded.slice(from, d.start))) return null;
  return [from, d.end + close];
}
/** Words `d` stand in an aside between commas (dashes, brackets) that holds none of the event's words `parts`. */
function inOtherClause(folded: string, d: { start: number; end: number }, parts: ReadonlyArray<{ start: number; end: number }>): boolean {
  const aside = asideAround(folded, d);
  return aside !== null && !parts.some((p) => p.start < aside[1] && p.end > aside[0]);
}

/** The hit nearest to `to` that overlaps neither `not` nor `not2`, and ends before `to` or starts by `startBy`. */
function nearest(hits: readonly PhraseHit[], to: PhraseHit, not: PhraseHit, not2: PhraseHit | null, startBy = Infinity): PhraseHit | null {
  let best: PhraseHit | null = null;
  let gap = Infinity;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as PhraseHit;
    if (h.end > to.start && h.start > startBy) continue;
    if ((not.start < h.end && h.start < not.end) || (not2 && not2.start < h.end && h.start < not2.end)) continue;
    const d = h.end <= to.start ? to.start - h.end : h.start >= to.end ? h.start - to.end : 0;
    if (d < gap) {
      gap = d;
      best = h;
    }
  }
  return best;
}

const ORDINAL_WORDS: Record<string, number> = {
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };
function roman(r: string): number {
  let n = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN[r.charAt(i)] ?? 0;
    const next = ROMAN[r.charAt(i + 1)] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)|(fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)`;
/** "the 18th-century Alien Enemies Act", "an eighteenth-century law". */
const CENTURY_BEFORE = new RegExp(`(?:${ORDINAL})[- ]century(?:[- ]old)?\\s+$`);
/** "Ley de Enemigos Extranjeros, del siglo XVIII", "Alien Enemies Act, from the 18th century", "Act — an 18th-century…" (folded dashes are hyphens). */
const CENTURY_AFTER = new RegExp(`^[\\s,(-]*(?:(?:of|from|dating from|de|del|que data del|que data de|que se remonta al)\\s+)?(?:the\\s+|el\\s+|an?\\s+|una?\\s+)?(?:siglo\\s+([xvi]+|\\d{1,2})\\b|(?:${ORDINAL})[- ]century)`);

/** A century written with the thing it dates: the century, its words' span, and the span of name and century. */
function centuryNear(s: FactSentence, h: PhraseHit): { century: number; at: [number, number]; span: [number, number] } | null {
  const before = s.folded.slice(Math.max(s.start, h.start - 30), h.start);
  const b = CENTURY_BEFORE.exec(before);
  if (b) {
    const century = b[1] ? Number(b[1]) : (ORDINAL_WORDS[b[2] ?? ''] ?? 0);
    const from = h.start - before.length + b.index;
    if (century) return { century, at: [from, h.start - (b[0].length - b[0].trimEnd().length)], span: [from, h.end] };
  }
  const after = s.folded.slice(h.end, Math.min(s.end, h.end + 40));
  const a = CENTURY_AFTER.exec(after);
  if (a) {
    const century = a[1] ? (/^\d+$/.test(a[1]) ? Number(a[1]) : roman(a[1])) : a[2] ? Number(a[2]) : (ORDINAL_WORDS[a[3] ?? ''] ?? 0);
    const lead = a[0].length - a[0].trimStart().length;
    const startAt = h.end + (a[0].search(/[a-z0-9]/) >= 0 ? a[0].search(/(?:siglo|\d|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)/) : lead);
    if (century) return { century, at: [startAt, h.end + a[0].length], span: [h.start, h.end + a[0].length] };
  }
  return null;
}
