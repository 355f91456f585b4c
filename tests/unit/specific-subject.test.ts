import { describe, expect, it } from 'vitest';
import { relationOn } from './relation-on';

// A topic term marked `specific` (seeds/topic.json: US citizens to be held in El Salvador) names a subject of
// the topic, not its background: a sentence naming it relates to the one claim that holds it, with no more words.
describe('a specific subject of the topic, named, relates to the claim that holds it alone', () => {
  const ON = 'El CECOT, la megacárcel de El Salvador, recibe a deportados de Estados Unidos desde marzo.\n\n';
  it('"incluso ciudadanos estadounidenses" (another speaker, no offer stated) is related to Rubio’s announcement', () => {
    const text = ON + 'El mandatario salvadoreño comentó que el convenio podría abarcar a reos de varios países, incluso a ciudadanos estadounidenses.';
    expect(relationOn(text, 'es', 'incluso a ciudadanos estadounidenses', 'c003-rubio-us-citizens-offer')).toBe('related');
  });

  it('in English too: "might one day include American citizens"', () => {
    const text = 'CECOT, El Salvador’s mega-prison, has held deportees from the United States since March.\n\nThe Salvadoran leader hinted that the arrangement might one day include American citizens.';
    expect(relationOn(text, 'en', 'include American citizens', 'c003-rubio-us-citizens-offer')).toBe('related');
  });

  it('US citizens with none of the topic’s places or the deal beside them ("freed by Venezuela") name no subject of it', () => {
    const text = 'El CECOT, la megacárcel de El Salvador, recibe a deportados de Estados Unidos desde marzo.\n\nA cambio, Caracas soltó a seis ciudadanos estadounidenses que llevaban meses detenidos en Venezuela, junto a varios presos venezolanos.';
    expect(relationOn(text, 'es', 'soltó a seis ciudadanos estadounidenses', 'c003-rubio-us-citizens-offer')).toBe('none');
  });

  it('a common word one claim holds ("guards") is no specific subject: nothing is related through it alone', () => {
    const text = 'CECOT, El Salvador’s mega-prison, has held deportees from the United States since March.\n\nThe fact sheet gives the number of guards on staff as 600.';
    expect(relationOn(text, 'en', 'guards on staff', 'c003-round-the-clock-surveillance')).toBe('none');
  });
});
