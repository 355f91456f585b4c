import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

const dataset = bundledDataset();
const topic = bundledTopic();

/** The relation the page shows for `claimId` on the sentence that contains `contains`, or 'none'. */
function relationOn(text: string, language: 'en' | 'es', contains: string, claimId: string): string {
  const a = analyzeText({ text, title: 'A written page', language }, dataset, topic);
  const c = a.claims.find((x) => x.text.includes(contains));
  return c?.matches.find((m) => m.claimId === claimId)?.relation ?? 'none';
}

describe('a pronoun or "there" stands for what the previous sentence named', () => {
  it('"She toured" after a sentence naming Noem agrees with the visit', () => {
    const text = 'Kristi Noem landed in San Salvador on a Wednesday for talks on security and migration. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).toBe('agrees');
  });

  it('"Ella recorrió" after a sentence naming Noem agrees with the visit', () => {
    const text = 'La secretaria Kristi Noem aterrizó en El Salvador para hablar de seguridad y migración. Ella recorrió el CECOT junto al director del penal.';
    expect(relationOn(text, 'es', 'Ella recorrió', 'c003-noem-visit')).toBe('agrees');
  });

  it('does not carry a person from a sentence that names two people', () => {
    const text = 'Kristi Noem and Nayib Bukele spoke in San Salvador about security and migration. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).not.toBe('agrees');
  });

  it('does not carry from two sentences back', () => {
    const text = 'Kristi Noem landed in San Salvador on a Wednesday. The weather was hot and humid that week. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).not.toBe('agrees');
  });

  it('"They were held there" after a sentence naming the deportees and CECOT agrees that they are held there', () => {
    const text = 'Hundreds of Venezuelan deportees were flown by the Trump administration to the CECOT mega-prison in March. They were held there for months without charge or a hearing.';
    expect(relationOn(text, 'en', 'They were held there', 'c000-deportees-held-in-cecot')).toBe('agrees');
  });
});

describe('a "there" that names no place', () => {
  it('"there are…" after a sentence naming the prison carries nothing', () => {
    const text = 'Hundreds of Venezuelan deportees were flown by the Trump administration to the CECOT mega-prison in March. They say there are many more held without a hearing, lawyers add.';
    expect(relationOn(text, 'en', 'They say there are', 'c000-deportees-held-in-cecot')).toBe('none');
  });
});
