import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/text/fold';
import { PhraseSet } from '../../lib/text/phrase-set';
import { withGapHits } from '../../lib/text/phrase-gaps';

const set = new PhraseSet(['were sent to', 'was deported to', 'fueron trasladados al', 'war against gangs', 'guerra contra pandillas', 'sin debido proceso', 'without due process', 'response to gang violence', 'inhumanas condiciones', 'prison', 'cecot']);

/** The phrases found in `text` as one sentence, with their words as the page writes them. */
function found(text: string): string[] {
  const folded = foldText(text);
  const hits = withGapHits(set, folded, 0, folded.length, set.findAll(folded));
  return hits.map((h) => `${set.phrases[h.phrase]} = ${text.slice(h.start, h.end)}`);
}

describe('withGapHits: a phrase matched with words put inside it', () => {
  it('reads an adverb or a time phrase inside a verb', () => {
    expect(found('The men were quickly sent to CECOT.')).toContain('were sent to = were quickly sent to');
    expect(found('He was deported in March to the prison.')).toContain('was deported to = was deported in March to');
    expect(found('Los presos fueron trasladados el domingo al CECOT.')).toContain('fueron trasladados al = fueron trasladados el domingo al');
  });

  it('reads a determiner, a possessive or an adjective inside a noun phrase', () => {
    expect(found('As he waged his war against the gangs, he built the prison.')).toContain('war against gangs = war against the gangs');
    expect(found('La guerra contra las pandillas llenó el CECOT.')).toContain('guerra contra pandillas = guerra contra las pandillas');
    expect(found('Fueron enviados al CECOT sin su debido proceso.')).toContain('sin debido proceso = sin su debido proceso');
    expect(found('They were held without any due process in the prison.')).toContain('without due process = without any due process');
    expect(found('The prison was built in response to surging gang violence.')).toContain('response to gang violence = response to surging gang violence');
  });

  it('replaces the shorter hits the gapped phrase covers, and keeps the others in order', () => {
    const text = 'The men were quickly sent to CECOT.';
    const folded = foldText(text);
    const hits = withGapHits(set, folded, 0, folded.length, set.findAll(folded));
    expect(hits.map((h) => set.phrases[h.phrase])).toEqual(['were sent to', 'cecot']);
  });

  it('never crosses a clause boundary, a negator or too long a gap', () => {
    expect(found('The men were, quickly, sent to CECOT.')).not.toContain('were sent to = were, quickly, sent to');
    expect(found('The men were not sent to CECOT.').some((f) => f.startsWith('were sent to'))).toBe(false);
    expect(found('The men were then also quickly and quietly sent to CECOT.').some((f) => f.startsWith('were sent to'))).toBe(false);
    expect(found('He was deported. In March, to the prison.').some((f) => f.startsWith('was deported to'))).toBe(false);
  });

  it('takes no word of meaning for an inserted one', () => {
    // A noun is not insertable: "war against rival gangs" is not read as the war against gangs.
    expect(found('A war against rival gangs broke out.').some((f) => f.startsWith('war against gangs'))).toBe(false);
    // A Spanish article between an adjective and a noun makes no noun phrase: "calificó de inhumanas las condiciones".
    expect(found('El informe calificó de inhumanas las condiciones del CECOT.').some((f) => f.startsWith('inhumanas condiciones'))).toBe(false);
  });

  it('returns the page scan hits themselves when nothing is added', () => {
    const folded = foldText('The men were sent to CECOT.');
    const hits = set.findAll(folded);
    expect(withGapHits(set, folded, 0, folded.length, hits)).toBe(hits);
  });
});

describe('withGapHits: only a sentence with hits of its own is looked at', () => {
  it('adds nothing to a sentence the page scan found nothing in (no scan of its own)', () => {
    const folded = foldText('It was built in response to surging gang violence.');
    expect(withGapHits(set, folded, 0, folded.length, [])).toEqual([]);
  });
});
