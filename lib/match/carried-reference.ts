import type { PhraseHit } from '../text/phrase-set';
import type { Matcher } from './build-matcher';

/**
 * Words that stand for something the previous sentence named: "She toured the prison…" after a
 * sentence naming Noem, "They were sent there…" after one naming the deportees and CECOT. Each
 * reference is given the previous sentence's phrase for the role it can take (an actor, an
 * object), placed where the reference stands, so an event is read in this sentence as if the name
 * were written there. Only the previous sentence is looked at (a sentence naming no one in between
 * carries nothing on), and a person is carried only when it names no one else.
 */

/** A subject pronoun or a title with its article, at the start of the sentence (folded; "él" is read on the text). */
const PERSON_SUBJECT = /^[\s"“'‘(]*(she|he|ella|the secretary|the official|la secretaria|la funcionaria|el funcionario)\b/;
const PERSON_SUBJECT_ACCENTED = /^[\s"“'‘(]*(Él)(?![\p{L}])/u;
/** A plural subject pronoun at the start: the group the previous sentence named. */
const GROUP_SUBJECT = /^[\s"“'‘(]*(they|ellos|ellas)\b/;
/**
 * A definite description of a group or of what a group wrote, at the start (folded): "The men arrived…"
 * after a sentence naming the deportees, "El informe advierte…" after one naming Human Rights Watch. It
 * stands for a group or an organisation the previous sentence named, never for a person. Words that
 * are themselves a dataset phrase ("the deportees", "los detenidos") need no carrying and are not here.
 */
const DEFINITE_SUBJECT =
  /^[\s"“'‘(]*((?:the|these|those)\s+(?:men|women|report|reports|study|investigation|group|groups|organi[sz]ations?|researchers|activists)|(?:el|este|dicho)\s+(?:informe|reporte|estudio|grupo|organismo)|(?:la|esta|dicha)\s+(?:investigacion|organizacion)|(?:los|estos)\s+(?:hombres|informes|grupos|organismos|investigadores)|(?:las|estas)\s+(?:mujeres|organizaciones))\b/;
/**
 * A place adverb standing for the place the previous sentence named (the "there" of "there may be" says
 * no place), or "the authorities", "las autoridades": those who run it ("…deaths inside El Salvador's
 * prisons. They accuse the authorities of…" accuses the prisons').
 */
const PLACE = /\b(?:(?:the|its|sus?|las)\s+(?:prison\s+)?(?:authorities|autoridades(?:\s+penitenciarias)?)|there(?!\s+(?:is|are|was|were|will|would|may|might|could|can|should|must|has|have|had|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|being|been|be)\b)|alli|ahi)\b/g;

/** How far into the sentence "there" may stand: the clause that the subject opens. */
const PLACE_REACH = 120;

/** A phrase of the previous sentence placed at the word standing for it, with the role it fills there. */
export interface CarriedHit extends PhraseHit {
  role: 'actor' | 'object';
}

export interface CarrySentence {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/**
 * The hits the sentence borrows from the previous one: for each reference, one hit per phrase of
 * the previous sentence that can fill the reference's role, at the reference's offsets.
 */
export function carriedReferences(m: Matcher, s: CarrySentence, previous: readonly PhraseHit[]): CarriedHit[] {
  if (!previous.length) return [];
  const out: CarriedHit[] = [];
  const head = s.folded.slice(s.start, Math.min(s.end, s.start + 40));
  const person = PERSON_SUBJECT.exec(head) ?? PERSON_SUBJECT_ACCENTED.exec(s.text.slice(s.start, Math.min(s.end, s.start + 40)));
  const group = person ? null : GROUP_SUBJECT.exec(head);
  const definite = person || group ? null : DEFINITE_SUBJECT.exec(head);
  const subject = person ?? group ?? definite;
  if (subject?.[1]) {
    const at = s.start + subject.index + subject[0].length - subject[1].length;
    // "She" is one person: a previous sentence naming two people says nothing about which one.
    const people = outermost(previous.filter((h) => isPerson(m, h)));
    const actors = outermost(previous.filter((h) => hasRole(m, h, 'actor') && (person ? isPerson(m, h) : !definite || !isPerson(m, h))));
    if (actors.length && (!person || samePerson(m, people))) {
      for (const h of actors) out.push({ phrase: h.phrase, start: at, end: at + subject[1].length, role: 'actor' });
    }
  }
  const places = outermost(previous.filter((h) => hasRole(m, h, 'object')));
  if (places.length) {
    // Searched in the clause's own stretch: from the sentence on, the whole page would be searched for
    // the next "there" at every sentence.
    // (A little past it, so that a word or a "there is" running on beyond it reads as on the page.)
    const limit = Math.min(s.end, s.start + PLACE_REACH) - s.start;
    const reach = s.folded.slice(s.start, s.start + limit + 48);
    PLACE.lastIndex = 0;
    let p: RegExpExecArray | null;
    while ((p = PLACE.exec(reach)) !== null && p.index < limit) {
      const at = s.start + p.index;
      for (const h of places) out.push({ phrase: h.phrase, start: at, end: at + p[0].length, role: 'object' });
    }
  }
  return out;
}

const ROLE_BITS = { actor: 1, object: 2, person: 4, title: 8 } as const;
const roleMasks = new WeakMap<Matcher, Uint8Array>();

function hasRole(m: Matcher, h: PhraseHit, role: 'actor' | 'object' | 'person' | 'title'): boolean {
  // The roles each fact phrase plays, worked out once per matcher.
  let masks = roleMasks.get(m);
  if (!masks) {
    masks = new Uint8Array(m.factOwners.length);
    m.factOwners.forEach((owners, phrase) => {
      let bits = 0;
      for (const o of owners) if (o.role === 'actor' || o.role === 'object' || o.role === 'person' || o.role === 'title') bits |= ROLE_BITS[o.role];
      (masks as Uint8Array)[phrase] = bits;
    });
    roleMasks.set(m, masks);
  }
  return ((masks[h.phrase] ?? 0) & ROLE_BITS[role]) !== 0;
}

/** A person's name or title, as the dataset's title facts give them ("Noem", "Homeland Security Secretary"); "San Salvador" is not one. */
const isPerson = (m: Matcher, h: PhraseHit) => hasRole(m, h, 'person') || hasRole(m, h, 'title');

/** The hits not inside a longer one ("Noem" in "Kristi Noem"). */
function outermost(hits: readonly PhraseHit[]): PhraseHit[] {
  return hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
}

/**
 * The people named are one person when every phrase plays its roles in the same facts as the
 * others ("Homeland Security Secretary Kristi Noem": both name the visitor); Noem and Bukele are two.
 */
function samePerson(m: Matcher, people: readonly PhraseHit[]): boolean {
  const first = people[0];
  if (!first) return false;
  const base = personFacts(m, first);
  return people.every((h) => {
    const own = personFacts(m, h);
    return [...own].some((f) => base.has(f));
  });
}

function personFacts(m: Matcher, h: PhraseHit): Set<number> {
  return new Set((m.factOwners[h.phrase] ?? []).filter((o) => o.role === 'actor' || o.role === 'person' || o.role === 'title').map((o) => o.fact));
}

/** The articles and possessives that make a prison noun a reference to one already named (folded). */
const DEFINITE = '(?:the|this|that|its|la|esta|esa|dicha|el|este|ese|dicho|las|los|sus?)';

/**
 * A definite reference to a prison, folded ("the prison", "its cells", "la cárcel", "el penal"), from the
 * topic's `prisonNouns`: it stands for the prison the paragraph last named. Null when there are none.
 */
export function prisonReference(nouns: readonly string[]): RegExp | null {
  if (!nouns.length) return null;
  const words = [...nouns].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+'));
  return new RegExp(`\\b${DEFINITE}\\s+(?:[\\w-]+\\s+){0,2}?(?:${words.join('|')})\\b`);
}

/** Where a paragraph's sentences are: the topic's own prison (CECOT) or another prison or country. */
export type Place = 'own' | 'other';

/**
 * The place a paragraph last named, carried to its later sentences that refer to "the prison", "its
 * cells", "la cárcel" without naming one: "CECOT opened in 2023. The prison holds…" is about CECOT;
 * "Honduras is building a mega-prison. The prison will hold…" is not, and a reference never carries
 * past the paragraph (a "\n"). Sentences are given in order.
 */
export class ParagraphPlace {
  private place: Place | null = null;
  private end = 0;
  private readonly reference: RegExp | null;
  constructor(
    private readonly text: string,
    prisonNouns: readonly string[],
  ) {
    this.reference = prisonReference(prisonNouns);
  }

  /**
   * The place the sentence's reference stands for, or null (no reference, or nothing named before it
   * in the paragraph). `named`: the place the sentence names itself, which it speaks of instead.
   */
  refersTo(s: { start: number; end: number }, folded: string, named: Place | null): Place | null {
    if (this.text.slice(this.end, s.start).includes('\n')) this.place = null;
    this.end = s.end;
    if (named) {
      this.place = named;
      return null;
    }
    return this.place && this.reference?.test(folded.slice(s.start, s.end)) ? this.place : null;
  }
}
