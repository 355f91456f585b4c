import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { loadDataset } from '../../lib/dataset/load';
import { buildMatcher, type Matcher } from '../../lib/match/build-matcher';
import { compileTopic, type CompiledTopic } from '../../lib/topic/compile-topic';
import { parseTopic } from '../../lib/topic/schema';
import { rawSeedInput, readSeedJson } from './seed-input';

/**
 * Statements without numbers (issue 8, failure kind 3), English: general causes found on the fifth
 * real-page set before it was tuned. The sentences are written here, not taken from pages.
 */
let matcher: Matcher;
let topic: CompiledTopic;
beforeAll(() => {
  matcher = buildMatcher(loadDataset(rawSeedInput()));
  topic = compileTopic(parseTopic(readSeedJson('topic.json')));
});

const analyse = (text: string) => analyzeText({ text, title: 'CECOT', language: 'en' }, matcher, topic, { matchOffTopic: true });
/** Every part shown for `text`, as "relation claimId". */
const parts = (text: string): string[] => analyse(text).claims.flatMap((c) => c.parts.map((p) => `${p.relation} ${p.claimId}`));
/** Every part shown for `text`, as "relation claimId: its words". */
const partTexts = (text: string): string[] => analyse(text).claims.flatMap((c) => c.parts.map((p) => `${p.relation} ${p.claimId}: ${p.text}`));

const NAME = 'c003-name-terrorism-confinement-center';

describe('the prison’s full name', () => {
  it('written alone as a proper name agrees with the name claim', () => {
    for (const text of [
      'A delegation of mayors walked through the Terrorism Confinement Center in Tecoluca on a wet morning.',
      'Reporters were escorted around the Terrorist Confinement Center by a silent colonel.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${NAME}`);
    }
  });

  it('in lower case describes a kind of place, and names nothing', () => {
    expect(parts('Another country wants a terrorism confinement center of its own, built in a desert.')).not.toContain(`agrees ${NAME}`);
  });

  it('alone, leaves the row to what else the sentence claims', () => {
    const shown = parts('The men say they were never given a hearing inside the Terrorism Confinement Center.');
    expect(shown).toContain('agrees c003-no-due-process');
    expect(shown).not.toContain(`agrees ${NAME}`);
  });

  it('given with the short name "known by its Spanish acronym" agrees', () => {
    for (const text of [
      'Some 250 men were flown to the Terrorism Confinement Center, a fortress known by its Spanish acronym, CECOT.',
      'The Terrorism Confinement Center, a vast jail usually referred to by its Spanish initials CECOT, sits in a valley.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${NAME}`);
    }
  });
});

describe('the right name beside a compared number', () => {
  it('is a part of its own where the sentence’s verb sends the people there, or beside a sum', () => {
    expect(parts('Officials flew about 300 alleged gang members to the Terrorism Confinement Center (CECOT) that weekend.')).toContain(`agrees ${NAME}`);
    expect(parts('The government took $15 million in return for locking the men up in the Terrorism Confinement Center (CECOT).')).toContain(`agrees ${NAME}`);
  });

  it('is left to the number where it says where the people counted are held, or what the number is of', () => {
    for (const text of [
      'A judge reviewed the cases of 137 Venezuelans deported in March and held for months at the Terrorism Confinement Center (CECOT).',
      'The Terrorism Confinement Center (CECOT) is a mega-prison built for 40,000 inmates.',
    ]) {
      expect(parts(text), text).not.toContain(`agrees ${NAME}`);
    }
  });

  it('is not brought back by the clause it stands in', () => {
    const shown = partTexts('Bukele opened the Terrorism Confinement Center last year, a huge jail that will hold more than 40,000 inmates.');
    expect(shown.some((p) => p.startsWith(`agrees ${NAME}`)), shown.join('\n')).toBe(false);
  });
});

const TDA = 'c003-tren-de-aragua-link';

describe('the alleged gang link, in the words pages use for it', () => {
  it('agrees when the gang is "a Venezuelan gang", the ties are "gang ties", or the link is an allegation', () => {
    for (const text of [
      'The president signed the order to expel alleged members of a Venezuelan gang within days.',
      'Dozens of men with suspected gang ties were put on the planes that night.',
      'Most were sent on the strength of allegations by both governments that they belonged to Tren de Aragua.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${TDA}`);
    }
  });

  it('doubts it, related, when no evidence of the links to criminal gangs was shown', () => {
    const shown = parts('The Venezuelans were flown out without any evidence being shown of their links to criminal gangs.');
    expect(shown).toContain(`related ${TDA}`);
    expect(shown).not.toContain(`agrees ${TDA}`);
  });

  it('leaves the people counted their words: the link is painted from the gang on, not from "of a"', () => {
    const shown = partTexts('A plane carrying 238 alleged members of a Venezuelan gang landed before dawn.');
    expect(shown).toContain(`agrees ${TDA}: Venezuelan gang`);
  });
});

const HELD = 'c000-deportees-held-in-cecot';

describe('one deportee sent to the prison, in the passive', () => {
  it('agrees with the deportees held in CECOT, with a time or "mistakenly" inside the verb', () => {
    for (const text of [
      'Her brother was deported in April to the CECOT prison despite a pending asylum case.',
      'The Maryland man was mistakenly deported to a prison in El Salvador last spring.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${HELD}`);
    }
  });
});

const DEAL = 'c000-deal-deportation';

describe('the deal told as an agreement between the two governments', () => {
  it('agrees when the agreement is with the United States or Trump', () => {
    for (const text of [
      'The men reached CECOT in April, following an agreement between the United States and its small ally.',
      'They were locked up there under a deal between Trump and Bukele.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${DEAL}`);
    }
  });

  it('names nothing when the other side is not the United States', () => {
    expect(parts('Reporters found that Bukele had struck a secret pact with gang leaders in CECOT.')).not.toContain(`agrees ${DEAL}`);
  });

  it('leaves a sum written right before the agreement to speak for it', () => {
    const shown = parts('The transfers are part of a $6 million agreement between the Trump administration and El Salvador.');
    expect(shown.some((p) => p.endsWith('c000-payment-6-million'))).toBe(true);
    expect(shown).not.toContain(`agrees ${DEAL}`);
  });
});
