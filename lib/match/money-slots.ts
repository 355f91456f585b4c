import type { MoneyFact } from '../dataset/schema';
import type { PhraseHit } from '../text/phrase-set';
import type { ParsedQuantity } from '../text/parse-quantities';
import type { FactRole, Matcher } from './build-matcher';

/**
 * A sum of money compared slot by slot with a money fact: another figure of
 * the same deal (a rate per prisoner, a saving, a further sum), the period the
 * page gives, and who pays whom. The parties and the words of other sums are
 * data (`facts[].kind = "money"`); only the grammar of paying is here.
 */
export interface MoneyReading {
  /** The page's sum is another figure of the same deal: related, not compared. */
  otherSum: boolean;
  /** The period the page puts on the sum, when it gives one. */
  period: 'year' | 'month' | 'once' | null;
  /** The page has the payee paying the payer. */
  swapped: boolean;
  /** The sum with the parties the page names paying and paid: the words compared. */
  span: [number, number];
}

const PERIOD_AFTER: Array<[RegExp, 'year' | 'month']> = [
  [/^\s*(?:(?:a|per|each|every|for (?:a|the|one))\s+year\b|annual(?:ly)?\b|yearly\b|al ano\b|anual(?:es|mente)?\b|por ano\b|cada ano\b|por un ano\b|durante un ano\b)/, 'year'],
  [/^\s*(?:(?:a|per|each|every)\s+month\b|monthly\b|al mes\b|mensual(?:es|mente)?\b|por mes\b|cada mes\b)/, 'month'],
];
const PERIOD_BEFORE: Array<[RegExp, 'year' | 'month']> = [
  [/\b(?:annual|yearly|anual)\s+(?:\w+\s+){0,2}(?:of\s+|de\s+)?$/, 'year'],
  [/\b(?:monthly|mensual)\s+(?:\w+\s+){0,2}(?:of\s+|de\s+)?$/, 'month'],
];
/** Paying, in either language (folded, so "pagó" is "pago"). */
const PAY = /\b(?:pay|pays|paid|paying|payment|pago|paga|pagan|pagara|pagaria|pagar|pagado|pagada|pagaron)\b/;
/** Right before a party: it receives ("to El Salvador", "a El Salvador", "al gobierno de Bukele"). */
const RECEIVES = /\b(?:to|a|al|para|hacia)\s+(?:the\s+|el\s+|la\s+)?$/;
/** Right before a party: it gives ("by the United States", "from Washington", "de Estados Unidos"). */
const GIVES = /\b(?:by|from|por|de|desde)\s+(?:the\s+|el\s+|la\s+)?$/;
/** The party is the subject of paying: "the United States (has) paid", "Estados Unidos pagó". */
const PAYS_NEXT = /^\s+(?:(?:has|have|had|will|would|also|ha|habria|tambien|le)\s+)?(?:pay|pays|paid|paying|pago|paga|pagan|pagara|pagaria|pagaron)\b/;
/** Every verb of paying, for the last one before a sum (not the nouns "payment", "pago": "a payment of" measures the sum, `claim-parts`). */
const PAY_ALL = /\b(?:pay|pays|paid|paying|paga|pagan|pagara|pagaria|pagar|pagado|pagada|pagaron)\b/g;
/** Right before a verb of paying: the deal it is the payment of ("an agreement to", "un acuerdo para"). */
const DEAL_TO = /(?:\b(?:an?|the|un|una|el|la)\s+)?\b(?:agreement|deal|arrangement|contract|acuerdo|contrato|convenio|pacto)\s+(?:to|de|para)\s+$/;
/** What ends the clause of a sum: the words beyond belong to another. */
const CLAUSE_BREAK = /[.,;:()\u2014]/;
/** A rate's words that end in "each", "per" ("per prisoner" is whole; "por cada" wants its noun). */
const RATE_OF = /(?:^|\s)(?:each|every|per|cada|por)$/;
const NEXT_WORD = /^\s+[\p{L}-]+/u;
/** How far from the sum the words about it may stand. */
const REACH = 60;

/** Compares the sum `q` with a money fact, from the fact's phrases found in the sentence. */
export function readMoney(
  m: Matcher,
  factIndex: number,
  fact: MoneyFact,
  s: { start: number; end: number; factHits?: readonly PhraseHit[]; quantities?: readonly ParsedQuantity[] },
  folded: string,
  q: ParsedQuantity,
): MoneyReading {
  const hits = new Map<FactRole, PhraseHit[]>();
  for (const h of s.factHits ?? []) {
    for (const o of m.factOwners[h.phrase] ?? []) {
      if (o.fact !== factIndex) continue;
      const list = hits.get(o.role);
      if (list) list.push(h);
      else hits.set(o.role, [h]);
    }
  }
  // "$20,000 per prisoner a year, totalling $6 million": the words of a rate are the nearer sum's, not every sum's.
  const rates = (hits.get('otherSum') ?? []).filter((h) => gap(h, q) <= REACH && !(h.start >= q.start && h.end <= q.numberStart) && !nearerSum(s.quantities, h, q));
  const otherSum = rates.length > 0;

  let period: MoneyReading['period'] = null;
  const after = folded.slice(q.end, Math.min(s.end, q.end + 30));
  const before = folded.slice(Math.max(s.start, q.start - 30), q.start);
  for (const [re, p] of PERIOD_AFTER) if (re.test(after)) period = p;
  if (!period) for (const [re, p] of PERIOD_BEFORE) if (re.test(before)) period = p;

  let swapped = false;
  const span: [number, number] = [q.start, q.end];
  // "$20,000 a year for each prisoner": the words that make it another figure are the sum's own, up to the
  // noun after "each", "cada" (what it is a rate of), when they follow it in its clause.
  for (const h of rates) {
    if (h.start < q.end || CLAUSE_BREAK.test(folded.slice(q.end, h.start))) continue;
    const noun = RATE_OF.test(folded.slice(h.start, h.end)) ? NEXT_WORD.exec(folded.slice(h.end, Math.min(s.end, h.end + 30))) : null;
    span[1] = Math.max(span[1], h.end + (noun ? noun[0].length : 0));
  }
  const clause = folded.slice(Math.max(s.start, q.start - REACH * 2), Math.min(s.end, q.end + REACH * 2));
  if (PAY.test(clause)) {
    const parties = [
      ...(hits.get('payee') ?? []).filter((h) => !overlapsOther(h, hits.get('payer'))).map((h) => ({ h, payee: true })),
      ...(hits.get('payer') ?? []).filter((h) => !overlapsOther(h, hits.get('payee'))).map((h) => ({ h, payee: false })),
    ].filter((p) => Math.abs(p.h.start - q.start) <= REACH * 2);
    for (const p of parties) {
      const r = partyRole(folded, s, p.h);
      if (!r) continue;
      if ((p.payee && r === 'gives') || (!p.payee && r === 'receives')) swapped = true;
      span[0] = Math.min(span[0], p.h.start);
      span[1] = Math.max(span[1], p.h.end);
    }
    // "pagaría al gobierno de Bukele al menos $6 millones": the verb of paying right before the sum, in
    // its clause, with whom it is paid to, is the sum's own claim (who pays whom), not a statement's words.
    const from = Math.max(s.start, span[0] - REACH);
    const lead = folded.slice(from, span[0]);
    let verb = -1;
    for (const v of lead.matchAll(PAY_ALL)) verb = from + (v.index ?? 0);
    if (verb >= 0 && !CLAUSE_BREAK.test(folded.slice(verb, span[0]))) {
      span[0] = verb;
      // "an agreement to pay El Salvador $6 million": the deal whose payment it is, right before the verb.
      const deal = DEAL_TO.exec(folded.slice(Math.max(s.start, verb - 30), verb));
      if (deal) span[0] = verb - deal[0].length;
    }
  }
  return { otherSum, period, swapped, span };
}

function gap(h: PhraseHit, x: ParsedQuantity): number {
  return h.end <= x.start ? x.start - h.end : h.start >= x.end ? h.start - x.end : 0;
}

/** Another sum of the sentence stands nearer the words `h` than `q` does. */
function nearerSum(quantities: readonly ParsedQuantity[] | undefined, h: PhraseHit, q: ParsedQuantity): boolean {
  return (quantities ?? []).some((x) => x !== q && x.category === 'money' && x.start !== q.start && gap(h, x) < gap(h, q));
}

const PAID_BEFORE = /\b(?:pay|pays|paid|paying)\s+$/;

/** Whether a party named at `h` gives or receives the sum, by the words around it. */
function partyRole(folded: string, s: { start: number; end: number }, h: PhraseHit): 'gives' | 'receives' | null {
  const b = folded.slice(Math.max(s.start, h.start - 12), h.start);
  if (RECEIVES.test(b)) return 'receives';
  if (GIVES.test(b)) return 'gives';
  // "the United States paid El Salvador $6 million": the one right before the verb pays, the one right after is paid.
  if (PAYS_NEXT.test(folded.slice(h.end, Math.min(s.end, h.end + 24)))) return 'gives';
  if (PAID_BEFORE.test(folded.slice(Math.max(s.start, h.start - 8), h.start))) return 'receives';
  return null;
}

/** A payee's name inside a longer payer's name (or the reverse) is not a party of its own. */
function overlapsOther(h: PhraseHit, others: readonly PhraseHit[] | undefined): boolean {
  return (others ?? []).some((o) => o.start < h.end && h.start < o.end && o.end - o.start > h.end - h.start);
}
