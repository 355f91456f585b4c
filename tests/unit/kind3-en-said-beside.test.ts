import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { loadDataset } from '../../lib/dataset/load';
import { buildMatcher, type Matcher } from '../../lib/match/build-matcher';
import { compileTopic, type CompiledTopic } from '../../lib/topic/compile-topic';
import { parseTopic } from '../../lib/topic/schema';
import { rawSeedInput, readSeedJson } from './seed-input';

/**
 * Statements without numbers (issue 8, failure kind 3), English: causes seen on real pages the
 * rules had not been tuned to — the full name written beside the short one without brackets, a
 * claim's paraphrase family, a past counterfactual, a claim agreed with on the names of its people
 * alone. The sentences are written here, not taken from pages.
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
/** Every dataset match of `text`, as "relation claimId". */
const matches = (text: string): string[] => analyse(text).claims.flatMap((c) => c.matches.map((m) => `${m.relation} ${m.claimId}`));

const NAME = 'c003-name-terrorism-confinement-center';

describe('the full name written beside the short name, outside brackets', () => {
  it('agrees with the name claim across a dash, a comma with "or", "known as", or as one compound', () => {
    for (const text of [
      'Officials flew the men to a compound called the Terrorism Confinement Center, or CECOT, in spring.',
      'Its formal title is the Terrorism Confinement Center\u2014CECOT\u2014and few outsiders enter it.',
      'The Terrorism Confinement Center, a fortress of concrete known as CECOT, stands in a valley.',
      'Families say their sons are still locked inside the CECOT terrorism confinement center.',
      'This is CECOT \u2014 El Salvador\u2019s Terrorism Confinement Center \u2014 seen from the air.',
    ]) {
      expect(parts(text), text).toContain(`agrees ${NAME}`);
    }
  });

  it('agrees when the page says the place is called by its full name, without the short one', () => {
    expect(parts('The site is formally named the Terrorism Confinement Center.')).toContain(`agrees ${NAME}`);
    // Named as where something happens, the full name is still the place's name, written as the dataset's
    // source writes it (a real page labelled so: the fifth set); lower case, it names no place.
    expect(matches('Reporters walked through the Terrorism Confinement Center in silence.')).toContain(`agrees ${NAME}`);
    expect(matches('Reporters walked through a terrorism confinement center in silence.')).not.toContain(`agrees ${NAME}`);
  });

  it('leaves the full name its own part when an event took in only the short name', () => {
    const shown = parts('The deportees were flown to El Salvador\u2019s CECOT terrorism confinement center in March.');
    expect(shown).toContain(`agrees ${NAME}`);
    expect(shown).toContain('agrees c000-deportees-held-in-cecot');
    // An event whose object is the full name keeps it: the visit is what the sentence claims.
    expect(parts('Noem toured the Terrorism Confinement Center (CECOT) on Wednesday.')).not.toContain(`agrees ${NAME}`);
  });

  it('reads the words of the prison\u2019s name as its name, not as another subject\u2019s word', () => {
    const found = matches('The men were driven to a hilltop, then into the Center for the Confinement of Terrorism (CECOT).');
    expect(found).toContain(`agrees ${NAME}`);
    expect(found.filter((m) => m.endsWith('c003-confinement-24h'))).toEqual([]);
  });
});

describe('paraphrase families of claims', () => {
  it('reads a prison system that pays for itself as the financial support the deal brings', () => {
    expect(parts('The president boasted that the arrangement would make his prisons pay for themselves.')).toContain('agrees c000-housing-deportees-financial-support');
    expect(parts('Bukele wrote that taking the detainees makes the penitentiary system self-sustaining.')).toContain('agrees c000-housing-deportees-financial-support');
    expect(matches('The prison system is badly underfunded, the minister said.')).not.toContain('agrees c000-housing-deportees-financial-support');
  });

  it('reads the powers of the Act in other words: extraordinary powers, foreigners deemed a threat, in time of war', () => {
    expect(parts('The wartime law lets the president expel foreigners considered a threat in time of war.')).toContain('agrees c003-aea-powers');
    expect(parts('The Act hands the executive extraordinary powers over noncitizens deemed a threat.')).toContain('agrees c003-aea-powers');
  });

  it('reads prisoners held without charges as not convicted', () => {
    expect(parts('Many of the prisoners have been held for months without charges.')).toContain('agrees c003-many-not-convicted');
  });
});

describe('a past counterfactual denies what it says should have happened', () => {
  it('agrees with the claim that the deportees could not challenge their removal', () => {
    expect(parts('A judge ruled that the men should have had the opportunity to contest the accusations before they were flown out.')).toContain('agrees c003-no-due-process');
    expect(parts("The court said the men should've been given a chance to challenge their removal.")).toContain('agrees c003-no-due-process');
    // Said as done, it contradicts the claim; said as owed, it only touches on it.
    expect(matches('The men were given a chance to challenge the accusations in court.')).toContain('conflicts c003-no-due-process');
    expect(matches('A federal judge said the men deserve due process.')).toContain('related c003-no-due-process');
  });
});

describe('a claim agreed with on the names of the people it mentions alone', () => {
  it('is related, not agreed with: the names say who, not what was said', () => {
    const found = matches('Donald Trump hosted Nayib Bukele in Washington in April.');
    expect(found).not.toContain('agrees c000-flores-macias-quote');
    // With the quote's own words, it is said.
    expect(matches('Flores-Macias said the deportees will struggle to prove their innocence.')).toContain('agrees c000-flores-macias-quote');
  });
});

describe('what happened next to the people of an event', () => {
  it('is another event, related to the claim that they are held (subjects[].otherEvents)', () => {
    const freed = analyse('Every one of the Venezuelans locked up in CECOT was freed last July.').claims.flatMap((c) => c.matches);
    expect(freed.map((m) => `${m.relation} ${m.claimId}`)).toContain('related c000-deportees-held-in-cecot');
    expect(freed.find((m) => m.claimId === 'c000-deportees-held-in-cecot')?.explanation).toMatch(/what happened to the same people afterwards/);
    expect(parts('The Venezuelans locked up in CECOT wait for news from home.')).toContain('agrees c000-deportees-held-in-cecot');
  });
});

describe('the deal told as an agreement to hold the deportees', () => {
  it('agrees with the claim that CECOT is at the centre of a deportation deal', () => {
    expect(parts('Bukele won friends in Washington with a deal to house hundreds of Venezuelan migrants sent from the United States.')).toContain('agrees c000-deal-deportation');
    expect(matches('El Salvador signed a trade deal to accept more American goods.')).not.toContain('agrees c000-deal-deportation');
  });
});

describe('actors and actions named another way', () => {
  it('reads Noem posing or appearing in front of the cells as her visit', () => {
    expect(parts('Kristi Noem posed in front of a cell full of shaved prisoners at CECOT.')).toContain('agrees c003-noem-visit');
    expect(matches('Noem stood in front of the crowd in Washington.')).not.toContain('agrees c003-noem-visit');
  });

  it('reads the prison\u2019s director or a minister rejecting the accusations as the government defending CECOT', () => {
    expect(parts('Yet the warden, a tall and stern man, rejects these accusations, crediting the strict routine for the calm.')).toContain('agrees c000-government-defends-cecot');
    expect(parts('Salvadoran officials dismissed the allegations of torture at CECOT.')).toContain('agrees c000-government-defends-cecot');
    // Someone else denying an accusation against himself is no defence of the prison.
    expect(matches('Abrego denied the allegations, his lawyers said.')).not.toContain('agrees c000-government-defends-cecot');
  });
});

describe('a neighbour of a claim told in its own words', () => {
  it('reads lights kept on at all hours as related to the round-the-clock watch, not as the watch', () => {
    const shown = parts('Under lights left on all the time and without any privacy, the inmates endure inhumane conditions.');
    expect(shown).toContain('related c003-round-the-clock-surveillance');
    expect(parts('In CECOT the lights stay on 24 hours a day.')).toEqual(['related c003-round-the-clock-surveillance']);
    expect(parts('Cameras watch the prisoners around the clock.')).toContain('agrees c003-round-the-clock-surveillance');
  });
});
