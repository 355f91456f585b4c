import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Green on a known error (issue 8, kind 6): "pandilleros pertenecientes al Tren de Aragua"
 * states as fact the link the article gives only as the administration's claim, which the
 * curator flags when stated flat. The adjective "perteneciente(s)" is a word of that link.
 * Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const parts = (text: string) =>
  analyzeText({ text: `CECOT y el acuerdo de deportación. ${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' }).claims.flatMap((c) => c.parts ?? []);

describe('"pertenecientes a" the gang', () => {
  it('stated as fact repeats the flagged error', () => {
    const ps = parts('Ese domingo llegaron a la cárcel unos reos, entre ellos pandilleros pertenecientes a la banda venezolana Tren de Aragua.');
    expect(ps.find((p) => p.claimId === 'c003-deportees-gang-members')?.relation).toBe('repeats-error');
  });

  it('hedged, it reports the administration’s claim', () => {
    const ps = parts('Según Washington, llegaron a la cárcel presuntos pandilleros pertenecientes al Tren de Aragua.');
    expect(ps.find((p) => p.claimId === 'c003-tren-de-aragua-link')?.relation).toBe('agrees');
    expect(ps.some((p) => p.relation === 'repeats-error')).toBe(false);
  });
});

describe('a negation inside an aside closed by a dash', () => {
  const en = (text: string) =>
    analyzeText({ text: `CECOT and the deportation deal. ${text}` }, dataset, topic, { matchOffTopic: true, locale: 'en' }).claims.flatMap((c) => c.parts ?? []);
  it('does not deny what follows the aside', () => {
    const p = en('Officials used the old law, with little or no due process — to fly alleged gang members to CECOT.').find((x) => x.claimId === 'c003-tren-de-aragua-link');
    expect(p?.relation).toBe('agrees');
  });
  it('a negation in the same clause still denies', () => {
    const p = en('Lawyers said the men were not members of Tren de Aragua at all.').find((x) => x.claimId === 'c003-tren-de-aragua-link');
    expect(p?.relation).not.toBe('agrees');
  });
});
