import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Noise (issue 8, kind 5): an event's action word used for something else tells no act: an adjective
 * before the people it describes ("illegal immigrants"), a word inside a capitalised name ("White House").
 * Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const relation = (text: string, claimId: string) =>
  analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true }).claims.flatMap((c) => c.matches).find((m) => m.claimId === claimId)?.relation ?? 'none';

describe('an action word that tells no act', () => {
  it('an adjective before the people it describes: "illegal immigrants … a threat to Americans"', () => {
    expect(relation('The president wants to make sure illegal immigrants are no longer a danger to Americans, his office wrote.', 'c003-us-citizens-illegal')).toBe('none');
  });

  it('a word inside a capitalised name: "a White House spokesperson … Americans"', () => {
    expect(relation('Americans deserve safety, a White House spokesperson told reporters.', 'c003-rubio-us-citizens-offer')).toBe('none');
  });
});

describe('the same words telling the act', () => {
  it('"would be illegal" said of deporting citizens', () => {
    expect(relation('Legal scholars say deporting American citizens to a foreign prison would be illegal.', 'c003-us-citizens-illegal')).toBe('agrees');
  });

  it('"would house American citizens"', () => {
    expect(relation('Marco Rubio said El Salvador would house American citizens serving sentences.', 'c003-rubio-us-citizens-offer')).toBe('agrees');
  });

  it('a headline’s title case keeps its verb: "Kristi Noem Visits the prison"', () => {
    expect(relation('Kristi Noem Visits the prison in Tecoluca', 'c003-noem-visit')).toBe('agrees');
  });
});
