import type { ParsedQuantity } from '../text/parse-quantities';
import type { PhraseHit } from '../text/phrase-set';
import type { Matcher } from './build-matcher';

/**
 * Time out of the cell read as time confined: "they may leave their cells for 30 minutes to
 * exercise" says they are locked in for 23.5 hours a day. A duration written with a subject's
 * `timeOut` words (`subjects[].timeOut`) is compared with that subject's hours a day as what is
 * left of the day, and the explanation names both (`detail.timeOut`).
 */
export interface TimeOutReading {
  /** The subject whose hours a day it is. */
  subject: number;
  /** The page's time out, as written. */
  out: { qualifier: ParsedQuantity['qualifier']; value?: number; min?: number; max?: number; unit: 'minutes' | 'hours' };
}

/** How far from the duration its time-out words may stand, within the clause. */
const REACH_BEFORE = 70;
const REACH_AFTER = 50;
const DAY_HOURS = 24;

/** A hedge on the time out bounds the time confined the other way ("at most an hour out": at least 23 hours in). */
const FLIPPED: Partial<Record<ParsedQuantity['qualifier'], ParsedQuantity['qualifier']>> = {
  'up-to': 'at-least',
  'at-least': 'up-to',
  'more-than': 'less-than',
  'less-than': 'more-than',
  nearly: 'about',
};

/**
 * Per duration written with time-out words: the quantity of hours confined it stands for, whose
 * subject, and the time out as written. Other quantities are not in the map.
 */
export function readTimeOut(
  m: Matcher,
  s: { start: number; end: number },
  folded: string,
  quantities: readonly ParsedQuantity[],
): Map<ParsedQuantity, TimeOutReading & { confined: ParsedQuantity }> {
  const out = new Map<ParsedQuantity, TimeOutReading & { confined: ParsedQuantity }>();
  const subjects = timeOutSubjects(m);
  if (!subjects.length) return out;
  const durations = quantities.filter((q) => q.category === 'duration' && (q.unit === 'minutes' || q.unit === 'hours'));
  for (const q of durations) {
    const perHour = q.unit === 'minutes' ? 1 / 60 : 1;
    // Only a part of one day: "36 hours" or "two hours a week" is not what is left of a day.
    const top = hoursOf(q.value ?? q.max, perHour) ?? DAY_HOURS;
    if (top >= DAY_HOURS || PER_WEEK_OR_MONTH.test(folded.slice(q.end, q.end + 16))) continue;
    for (const index of subjects) {
      const set = m.subjects[index]?.timeOut;
      if (!set) continue;
      const from = Math.max(s.start, q.start - REACH_BEFORE);
      const to = Math.min(s.end, q.end + REACH_AFTER);
      // Time-out words belong to the duration nearest them: "locked for 23.5 hours a day and can leave
      // their cells for 30 minutes" gives the time out as the 30 minutes, not the 23.5 hours.
      const near = [...set.findAll(folded, from, to), ...twoPartTimeOut(m.subjects[index], folded, from, to)]
        .some((h) => !SENTENCE_BREAK.test(h.end <= q.start ? folded.slice(h.end, q.start) : folded.slice(q.end, h.start)) && durations.every((o) => o === q || gap(h, o) > gap(h, q)));
      if (!near) continue;
      const confined: ParsedQuantity = {
        ...q,
        qualifier: FLIPPED[q.qualifier] ?? q.qualifier,
        unit: 'hours',
        ...(q.value !== undefined ? { value: round(DAY_HOURS - (hoursOf(q.value, perHour) as number)) } : {}),
        ...(q.max !== undefined ? { min: round(DAY_HOURS - (hoursOf(q.max, perHour) as number)) } : {}),
        ...(q.min !== undefined ? { max: round(DAY_HOURS - (hoursOf(q.min, perHour) as number)) } : {}),
      };
      out.set(q, {
        confined,
        subject: index,
        out: {
          qualifier: q.qualifier,
          unit: q.unit as 'minutes' | 'hours',
          ...(q.value !== undefined ? { value: q.value } : {}),
          ...(q.min !== undefined ? { min: q.min } : {}),
          ...(q.max !== undefined ? { max: q.max } : {}),
        },
      });
      break;
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

const PER_WEEK_OR_MONTH = /^\s*(?:a|per|each|every|por|a la|cada)\s+(?:week|month|semana|mes)\b/;
const SENTENCE_BREAK = /[;.]/;

function gap(h: { start: number; end: number }, q: ParsedQuantity): number {
  return h.end <= q.start ? q.start - h.end : h.start - q.end;
}

function hoursOf(n: number | undefined, perHour: number): number | undefined {
  return n === undefined ? undefined : n * perHour;
}

/** How far after a word of leaving the cell may be named ("let each man out of his cell", "los sacan media hora al día de sus celdas"). */
const CELL_REACH = 40;

/**
 * Time out of the cell told in two parts (`subjects[].timeOutParts`): a word of leaving, then a
 * word for the cell within the clause, as one hit from the first to the second. "Let out of
 * prison", "released" name no cell and give none.
 */
function twoPartTimeOut(info: Matcher['subjects'][number] | undefined, folded: string, from: number, to: number): PhraseHit[] {
  const leave = info?.timeOutLeave;
  const cell = info?.timeOutCell;
  if (!leave || !cell) return [];
  const out: PhraseHit[] = [];
  for (const l of leave.findAll(folded, from, to)) {
    const c = cell.findAll(folded, l.end, Math.min(to, l.end + CELL_REACH)).find((h) => !/[,;.]/.test(folded.slice(l.end, h.start).replace(/(\d)[.,](\d)/g, '$1$2')));
    if (c) out.push({ phrase: l.phrase, start: l.start, end: c.end });
  }
  return out;
}

const lists = new WeakMap<Matcher, number[]>();
/** Indexes of the subjects with time-out words and quantity claims (listed once per matcher). */
function timeOutSubjects(m: Matcher): number[] {
  let list = lists.get(m);
  if (!list) {
    list = m.subjects.flatMap((info, i) => (info.timeOut && info.quantityClaims.length ? [i] : []));
    lists.set(m, list);
  }
  return list;
}
