import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { DatasetError, loadDataset, type Dataset } from '../../lib/dataset/load';
import { buildMatcher, type Matcher } from '../../lib/match/build-matcher';
import { compileTopic, type CompiledTopic } from '../../lib/topic/compile-topic';
import { parseTopic } from '../../lib/topic/schema';
import { runEval } from '../../scripts/eval';
import { rawSeedInput, readSeedJson } from './seed-input';

/**
 * Statements without numbers (issue 8, failure kind 3): the same statement said
 * in other words — another inflection, a synonym, an alias of the actor, a
 * passive, a denial of what the article denies — agrees; a doubt, a hedge or a
 * bare mention does not. The sentences are written here, not taken from pages.
 */
const readJson = readSeedJson;
const rawInput = rawSeedInput;

let dataset: Dataset;
let matcher: Matcher;
let topic: CompiledTopic;
beforeAll(() => {
  dataset = loadDataset(rawInput());
  matcher = buildMatcher(dataset);
  topic = compileTopic(parseTopic(readJson('topic.json')));
});

/** Every part the engine shows for the one sentence of `text`, as "relation claimId". */
function parts(text: string): string[] {
  const a = analyzeText({ text, title: 'CECOT' }, matcher, topic, { matchOffTopic: true });
  return a.claims.flatMap((c) => c.parts.map((p) => `${p.relation} ${p.claimId}`));
}

/** Every dataset match of the sentences of `text`, as "relation claimId", listed or not as a part. */
function matches(text: string): string[] {
  const a = analyzeText({ text, title: 'CECOT' }, matcher, topic, { matchOffTopic: true });
  return a.claims.flatMap((c) => c.matches.map((m) => `${m.relation} ${m.claimId}`));
}

describe('phrase groups in claims.json', () => {
  it('are expanded by the loader into plain phrases, in the same language', () => {
    const raw = readJson('claims.json') as { phraseGroups: Record<string, { en: string[]; es: string[] }> };
    const claim = dataset.claims.find((c) => c.id === 'c000-rights-groups-condemn');
    const fact = claim?.facts.find((f) => f.id === 'f-rights-groups-condemn-cecot');
    expect(fact?.kind).toBe('event');
    if (fact?.kind !== 'event') return;
    expect(fact.actor.en).toEqual(expect.arrayContaining(raw.phraseGroups['rights-groups']?.en ?? ['(missing)']));
    expect(fact.actor.es).toEqual(expect.arrayContaining(raw.phraseGroups['rights-groups']?.es ?? ['(missing)']));
    for (const c of dataset.claims) {
      for (const f of c.facts) {
        if (f.kind !== 'event') continue;
        for (const list of [f.actor, f.action, f.object]) expect([...list.en, ...list.es].filter((p) => p.startsWith('@'))).toEqual([]);
      }
    }
  });

  it('reject a reference to a group that does not exist, naming the claim and the field', () => {
    const input = rawInput();
    const claims = input.claims as { claims: Array<{ id: string; facts?: Array<{ kind: string; action: { en: string[] } }> }> };
    const claim = claims.claims.find((c) => c.facts?.some((f) => f.kind === 'event'));
    const j = claim?.facts?.findIndex((f) => f.kind === 'event') ?? -1;
    const fact = claim?.facts?.[j];
    if (!claim || !fact) throw new Error('the seeds have no event fact');
    fact.action.en.push('@no-such-group');
    let err: unknown;
    try {
      loadDataset(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).recordId).toBe(claim.id);
    expect((err as DatasetError).field).toBe(`facts[${j}].action.en[${fact.action.en.length - 1}]`);
    expect((err as DatasetError).problem).toContain('@no-such-group');
  });

  it('reject a badly written group name', () => {
    const input = rawInput();
    (input.claims as { phraseGroups: Record<string, unknown> }).phraseGroups['Bad Name'] = { en: ['x'], es: [] };
    expect(() => loadDataset(input)).toThrow(DatasetError);
  });
});

describe('the same statement in other words', () => {
  it('agrees through an alias of the actor and another tense', () => {
    expect(parts('Human Rights Watch has condemned the megaprison again.')).toContain('agrees c000-rights-groups-condemn');
    expect(parts('Organismos de derechos humanos denunciaron la megacárcel.')).toContain('agrees c000-rights-groups-condemn');
  });

  it('agrees when the page denies what the article denies, in either language', () => {
    expect(parts('The deportees never had a hearing before a judge.')).toContain('agrees c003-no-due-process');
    expect(parts('Los deportados carecen de debido proceso, según sus abogados.')).toContain('agrees c003-no-due-process');
    expect(parts('Prisoners at CECOT hardly ever see daylight.')).toContain('agrees c003-little-fresh-air');
  });

  it('calls a bare mention of what the article denies related, or nothing for a common word', () => {
    expect(parts('Lawyers asked the court to guarantee due process for the men.')).toContain('related c003-no-due-process');
    expect(matches('A guard at CECOT said one prisoner was convicted of theft.').filter((m) => m.endsWith('c003-many-not-convicted'))).toEqual([]);
  });

  it('needs the attribution the article gives a claim, and takes it from the clause itself', () => {
    expect(parts('The men, said to be members of Tren de Aragua, were flown out at night.')).toContain('agrees c003-tren-de-aragua-link');
    expect(parts('Muchos venezolanos, acusados de pertenecer al Tren de Aragua, siguen presos.')).toContain('agrees c003-tren-de-aragua-link');
  });

  it('reads a missing proof as doubt, not as a denial', () => {
    const shown = parts('No proof has been offered that the deportees belong to Tren de Aragua.');
    expect(shown).toContain('related c003-tren-de-aragua-link');
    expect(shown).not.toContain('conflicts c003-tren-de-aragua-link');
  });

  it('does not take a hedged mention for the flat statement the curator flagged', () => {
    const found = matches('Officials flew out dozens of alleged gang members last night to CECOT.');
    expect(found).toContain('related c003-deportees-gang-members');
    expect(found).not.toContain('repeats-error c003-deportees-gang-members');
    // Said as fact, it repeats the flagged claim; said as someone's claim, it agrees with the article's attributed claim.
    expect(matches('The men held in CECOT are gang members.')).toContain('repeats-error c003-deportees-gang-members');
    const attributed = matches('The men held in CECOT are gang members, the minister said.');
    expect(attributed).toContain('agrees c003-tren-de-aragua-link');
    expect(attributed).not.toContain('repeats-error c003-deportees-gang-members');
  });

  it('lets a count speak for the clause it counts, and not for another clause about the same people', () => {
    const counted = parts('About 240 Venezuelans were deported to CECOT that weekend.');
    expect(counted).not.toContain('agrees c000-deportees-held-in-cecot');
    expect(counted.some((p) => p.endsWith('c000-deportees-261'))).toBe(true);
    expect(parts('More than 200 Venezuelans accused of belonging to Tren de Aragua arrived at CECOT.')).toContain('agrees c003-tren-de-aragua-link');
  });
});

describe('one event, one clause', () => {
  it('does not join an actor or object across ", but" to an action in the next clause', () => {
    const events = (text: string) =>
      analyzeText({ text, title: 'CECOT' }, matcher, topic, { matchOffTopic: true }).claims.flatMap((c) => c.matches.filter((m) => m.kind === 'event').map((m) => m.claimId));
    expect(events('Few expected Washington to send US citizens abroad, but Rubio thanked Bukele for the offer.')).not.toContain('c003-rubio-us-citizens-offer');
    expect(events('Rubio thanked Bukele for the offer to jail US citizens.')).toContain('c003-rubio-us-citizens-offer');
  });

  it('reads one predicate once, with the object nearest to it', () => {
    const found = matches('The transfers went to the mega-prison in Tecoluca, a plan that drew criticism from Amnesty International.');
    expect(found).toContain('agrees c000-deal-criticised');
    expect(found).not.toContain('agrees c000-rights-groups-condemn');
  });

  it('reads a shared verb as the event whose actor and object are both on the page, in both languages', () => {
    // "questioned"/"accused" are also actions of facts with no actor (the due-process worry, the alleged
    // link); with rights groups questioning the prison, the predicate is theirs.
    for (const text of [
      'The prison has been questioned by human rights groups over the lack of due process for the men held there.',
      'Human rights groups accused the mega-prison of holding men linked to Tren de Aragua without any trial.',
      'La cárcel ha sido cuestionada por organizaciones de derechos humanos por la falta de debido proceso.',
      'Organizaciones de derechos humanos acusan a la megacárcel de retener a hombres vinculados al Tren de Aragua sin juicio.',
    ]) {
      expect(parts(text)[0], text).toBe('agrees c000-rights-groups-condemn');
    }
    // Without the groups, the verb stays with the fact that needs no actor.
    expect(parts('US officials accused the men sent to the prison of belonging to Tren de Aragua.')).toEqual(['agrees c003-tren-de-aragua-link']);
    expect(parts('Los periodistas cuestionaron al director sobre el debido proceso que recibieron los detenidos.')).toEqual(['agrees c003-no-due-process']);
  });

  it('reads a plan to send US citizens as the offer, with the object nearest the verb, in both languages', () => {
    for (const text of [
      'The president plans to send convicted US citizens to CECOT.',
      "He is the man who wants to deport America's most violent offenders to the mega-prison.",
      'El presidente quiere deportar a los delincuentes más violentos de Estados Unidos a la megacárcel.',
      'La Casa Blanca pretende enviar a criminales estadounidenses al CECOT.',
    ]) {
      expect(parts(text)[0], text).toBe('agrees c003-rubio-us-citizens-offer');
    }
    // A plan to send more of the deportees is not the offer about citizens; "no plans" stays a mention.
    expect(matches('The administration plans to send more Venezuelan deportees to CECOT.')).not.toContain('agrees c003-rubio-us-citizens-offer');
    expect(matches('An official said there were no plans to deport American citizens to CECOT.')).not.toContain('agrees c003-rubio-us-citizens-offer');
  });

  it('gives lawmakers questioning the deal as related, and leaves the activists\' criticism its own, in both languages', () => {
    expect(parts('Senators from both parties pressed for answers about the payments under the deal.')).toEqual(['related c000-deal-criticised']);
    expect(parts('Varios senadores exigieron explicaciones sobre el acuerdo con El Salvador.')).toEqual(['related c000-deal-criticised']);
    // The lawmakers named nearer the verb do not take it from the rights groups.
    expect(parts('Rights groups and Democrats criticized the deal with El Salvador.')).toEqual(['agrees c000-deal-criticised']);
    expect(parts('Organizaciones de derechos humanos y senadores demócratas criticaron el acuerdo.')).toEqual(['agrees c000-deal-criticised']);
    expect(matches('A group of senators toured the mega-prison in Tecoluca.')).not.toContain('related c000-deal-criticised');
  });

  it('reads a prison regarded by rights groups as a place of abuse as their condemnation, in both languages', () => {
    expect(parts('Human Rights Watch regards CECOT as a place of systematic abuse.')).toEqual(['agrees c000-rights-groups-condemn']);
    expect(parts('Es una cárcel considerada por organizaciones de derechos humanos como un centro de torturas.')).toEqual(['agrees c000-rights-groups-condemn']);
    // Regarded so by the government, it is no condemnation.
    expect(matches('The prison is regarded by Salvadoran officials as the safest in the Americas.')).not.toContain('agrees c000-rights-groups-condemn');
    expect(matches('La cárcel es considerada por el gobierno como la más segura del continente.')).not.toContain('agrees c000-rights-groups-condemn');
    // Men who say they were beaten there tell of abuse: near the condemnation, not the same fact.
    expect(parts('The men said they were subjected to beatings at CECOT.')).toEqual(['related c000-rights-groups-condemn']);
    expect(parts('Los hombres contaron que en el CECOT fueron sometidos a palizas.')).toEqual(['related c000-rights-groups-condemn']);
  });

  it('still reports an accusation made without evidence', () => {
    const found = matches('Muchos fueron acusados sin pruebas de pertenecer al Tren de Aragua.');
    expect(found).toContain('agrees c003-tren-de-aragua-link');
    expect(found).not.toContain('conflicts c003-tren-de-aragua-link');
  });
});

describe('explanations of statements', () => {
  const explained = (text: string, locale: 'en' | 'es') =>
    analyzeText({ text, title: 'CECOT' }, matcher, topic, { matchOffTopic: true, locale }).claims.flatMap((c) => c.parts.map((p) => p.explanation));
  it('say a doubt is a doubt and a mention a mention, never "the opposite", in both languages', () => {
    const doubt = 'There is no evidence that the men belonged to Tren de Aragua.';
    expect(explained(doubt, 'en').join(' ')).toContain('doubts the alleged link to Tren de Aragua');
    expect(explained(doubt, 'es').join(' ')).toContain('pone en duda el supuesto vínculo con el Tren de Aragua');
    const mention = 'A federal judge said the men deserve due process.';
    for (const locale of ['en', 'es'] as const) expect(explained(mention, locale).join(' ')).not.toMatch(/opposite|contrario/);
    expect(explained(mention, 'en').join(' ')).toContain('without saying either way');
  });
});

describe('written pages of failure kind 3', () => {
  it('are shown first with the right relation, in both languages', async () => {
    const { outcomes } = (await runEval()).facts.written;
    for (const lang of ['en', 'es']) {
      const kind3 = outcomes.filter((o) => o.failureKind === 3 && o.language === lang);
      expect(kind3.length, lang).toBeGreaterThanOrEqual(15);
      expect(kind3.filter((o) => o.firstRight).length / kind3.length, lang).toBeGreaterThanOrEqual(0.95);
      expect(kind3.filter((o) => o.agreeShownAsConflict).length, lang).toBe(0);
    }
  });
});

describe('the same event, and what only neighbours it', () => {
  it('leads with the meeting, not with the title of the man met', () => {
    const a = analyzeText({ text: 'Noem sat down with President Nayib Bukele in San Salvador on Thursday.', title: 'CECOT' }, matcher, topic, { matchOffTopic: true });
    const shown = a.claims.flatMap((c) => c.parts);
    // The meeting takes the words of the man met; his title, given right, does not cut it short.
    expect(shown.find((p) => p.claimId === 'c003-noem-meetings-flights')?.text).toContain('Nayib Bukele');
    expect(shown.some((p) => p.claimId === 'c000-bukele-president')).toBe(false);
    // The actor's own title keeps its part.
    expect(parts('Homeland Security Secretary Kristi Noem toured the mega-prison.')).toContain('agrees c003-noem-role');
  });

  it('does not read a move out of the prison as a move into it', () => {
    expect(matches('One of the deportees was transferred out of CECOT in May.')).not.toContain('agrees c000-deportees-held-in-cecot');
    expect(matches('One of the deportees was transferred to CECOT in May.')).toContain('agrees c000-deportees-held-in-cecot');
  });

  it('keeps the subject across ", but is…"', () => {
    expect(matches('The prison is Bukele’s pride, but is denounced by rights groups.')).toContain('agrees c000-rights-groups-condemn');
    expect(matches('The prison is Bukele’s pride, but rights groups say the minister denounced the press.')).not.toContain('agrees c000-rights-groups-condemn');
  });

  it('gives a criminal record as related to "not convicted", in both languages', () => {
    expect(matches('Most of the men had no criminal record.')).toContain('related c003-many-not-convicted');
    expect(matches('La mayoría no tenía antecedentes penales.')).toContain('related c003-many-not-convicted');
    expect(matches('Most of the men were never convicted of anything.')).toContain('agrees c003-many-not-convicted');
  });

  it('lets the words of an event of one subject make another subject’s claim related, not the same', () => {
    const found = matches('After Rubio spoke, an official said there were no plans to deport American citizens.');
    expect(found).toContain('related c003-us-citizens-not-finalized');
    expect(found).not.toContain('agrees c003-rubio-us-citizens-offer');
  });

  it('takes a number that is an event’s own object for that event', () => {
    const found = matches('Cameras watch the prisoners 24 hours a day.');
    expect(found).toContain('agrees c003-round-the-clock-surveillance');
    expect(found.some((m) => m.endsWith('c003-confinement-24h'))).toBe(false);
  });

  it('reads concerns about the due process as the opponents\' claim, and a bare mention as no agreement', () => {
    // "due process" alone only names the concern; "concerns about the due process" states it.
    const found = matches('Lawyers have raised concerns about the due process the men at CECOT received.');
    expect(found).toContain('agrees c003-no-due-process');
    expect(found).not.toContain('related c003-no-due-process');
    const named = matches('Due process at CECOT worries the lawyers, who raised concerns about the due process the men received.');
    expect(named).toContain('agrees c003-no-due-process');
    expect(matches('The men at CECOT deserve due process, the judge said.')).not.toContain('agrees c003-no-due-process');
  });

  it('reads other words for the statements without numbers, in both languages', () => {
    expect(matches('The Trump administration has designated Tren de Aragua a foreign terrorist organization.')).toContain('agrees c003-trump-labels-tda');
    expect(matches('El gobierno de Trump designó al Tren de Aragua como organización terrorista.')).toContain('agrees c003-trump-labels-tda');
    // Labelling the deportees gang members is the alleged link, not the label given to the gang.
    const deportees = matches('The Trump administration labelled the deportees sent to CECOT members of Tren de Aragua.');
    expect(deportees).toContain('agrees c003-tren-de-aragua-link');
    expect(deportees).not.toContain('agrees c003-trump-labels-tda');
    expect(matches('A cambio, el gobierno de Bukele recibirá una compensación económica por mantener a los deportados en el CECOT.')).toContain('agrees c000-housing-deportees-financial-support');
    expect(matches('Coffee growers near CECOT received payments for their harvest.')).not.toContain('agrees c000-housing-deportees-financial-support');
    expect(matches('The removals to CECOT bypassed immigration judges entirely.')).toContain('agrees c003-no-due-process');
    expect(matches('Salvadoran officials insist there is no torture in the country’s prisons, CECOT included.')).toContain('related c000-government-defends-cecot');
  });
});
