import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

const dataset = bundledDataset();
const topic = bundledTopic();

describe('clauses beside a sentence’s parts', () => {
  const rows = (text: string, language: string) => analyzeText({ text, language }, dataset, topic).claims;

  it('are listed on their own only when the dataset knows what they claim', () => {
    for (const [text, language] of [
      ['Esa misma noche aterrizaron tres aviones en el aeropuerto de Comalapa, con 261 hombres a bordo del vuelo al CECOT.', 'es'],
      ['In its ruling on the CECOT flights the court cited the Alien Enemies Act, a wartime law passed in 1798 that the judges called obsolete.', 'en'],
    ] as const) {
      const claims = rows(text, language);
      const sentence = claims.find((c) => c.start === 0);
      expect(sentence?.parts.length, text).toBeGreaterThan(0);
      // Every other row inside the sentence says how it stands with the dataset.
      const inside = claims.filter((c) => c !== sentence && c.start >= 0 && c.end <= text.length);
      expect(inside.filter((c) => !c.matches.length).map((c) => c.text)).toEqual([]);
    }
  });
});
