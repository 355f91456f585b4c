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
