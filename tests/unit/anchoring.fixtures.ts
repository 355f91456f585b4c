/**
 * Texts for the anchoring tests and bench. The article is written for these
 * tests (not copied from a publication); the long text is generated from a
 * seeded random source so every run sees the same characters.
 */

export const ARTICLE_EN = [
  'El Salvador’s Terrorism Confinement Center, known by its Spanish acronym CECOT, sits in a valley near Tecoluca, about seventy kilometres east of the capital.',
  'The government opened it in early 2023 and describes it as the largest prison in the Americas, with room for forty thousand inmates.',
  'In March 2025 the United States sent more than two hundred Venezuelan men there under an agreement with President Nayib Bukele, who offered the cells in exchange for a fee.',
  'Relatives said many of the men had no criminal record in either country, and lawyers in Washington asked a federal judge to halt the flights.',
  'The judge ordered the planes to turn around; the administration said the order came too late because the aircraft had already left American airspace.',
  'Human rights groups have documented deaths in custody across the Salvadoran prison system since the state of exception began in March 2022.',
  'Officials reject the reports and point to a sharp fall in homicides, which the government counts among the lowest in the region.',
  'Independent journalists say access to the facility is controlled: visits are guided, interviews with prisoners are rare, and photographs are approved in advance.',
].join(' ');

export const ARTICLE_ES = [
  'El Centro de Confinamiento del Terrorismo (CECOT) está en Tecoluca, San Vicente, a unos setenta kilómetros de San Salvador.',
  'Según el Gobierno, la cárcel tiene capacidad para cuarenta mil reos y es la más grande de América.',
  'En marzo de 2025 llegaron más de doscientos venezolanos deportados por Estados Unidos, tras un acuerdo con el presidente Nayib Bukele.',
  'Sus familias aseguran que muchos no tenían antecedentes penales; organizaciones de derechos humanos pidieron información sobre su paradero.',
  'El régimen de excepción, vigente desde marzo de 2022, suspende garantías constitucionales como el derecho a la defensa y el plazo de detención.',
  'Periodistas independientes señalan que el acceso al penal es limitado y que las visitas de prensa son guiadas por funcionarios.',
].join(' ');

/** Small seeded PRNG (mulberry32): deterministic texts without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = (
  'prison government deportation agreement detainees court judge lawyer families record ' +
  'security minister president report human rights groups journalists access facility cells ' +
  'inmates gang members flights administration federal order appeal hearing evidence torture ' +
  'conditions visit officials statement interview photographs custody death transfer budget ' +
  'contract payment million dollars year month week march april official sources documents ' +
  'valley capital region country border migrants asylum policy election campaign police army ' +
  'state exception decree congress assembly vote law reform crime homicide rate decline data ' +
  'said told asked denied confirmed reported announced ordered refused allowed claimed argued ' +
  'the a an of to in on for with by from at about after before under over between among ' +
  'and or but because while although since until when where which who that this these those ' +
  'new old large small many few several some most first last other same different local ' +
  'cárcel gobierno acuerdo reos familias juez abogado derechos humanos periodistas acceso ' +
  'penal visitas funcionarios régimen excepción garantías detención paradero antecedentes ' +
  'según también además sin embargo mientras después antes durante hacia desde hasta ' +
  'Bukele Noem Tecoluca Venezuela Salvador Washington CECOT Trump Rubio Abrego García'
).split(' ');

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
}

/** A news-like text of about `words` words: sentences of random vocabulary in paragraphs. */
export function makeLongText(words: number, seed = 1): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const sentenceCount = 3 + Math.floor(random() * 5);
    for (let s = 0; s < sentenceCount && count < words; s += 1) {
      const length = 8 + Math.floor(random() * 18);
      const sentence: string[] = [];
      for (let w = 0; w < length; w += 1) sentence.push(pick(random, VOCABULARY));
      if (random() < 0.3) sentence.push(String(Math.floor(random() * 50_000)));
      count += sentence.length;
      const first = sentence[0] ?? 'the';
      sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(sentence.join(' ') + pick(random, ['.', '.', '.', '?', ';']));
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

export interface EditedText {
  text: string;
  /** New offset of an old offset that falls in an untouched word or separator; undefined inside edits. */
  mapOffset(oldOffset: number): number | undefined;
}

/**
 * Edits about `fraction` of the words of `text` at random places: half
 * replaced by another word, a quarter deleted, a quarter with a word inserted
 * after them. Whitespace between words is kept.
 */
export function editWords(text: string, fraction: number, seed = 2): EditedText {
  const random = seededRandom(seed);
  const tokens = text.split(/(\s+)/);
  const out: string[] = [];
  // [oldStart, newStart, length] of every token copied unchanged.
  const kept: Array<[number, number, number]> = [];
  let oldAt = 0;
  let newAt = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const isWord = i % 2 === 0 && token !== '';
    let replacement = token;
    if (isWord && random() < fraction) {
      const roll = random();
      if (roll < 0.5) replacement = pick(random, VOCABULARY);
      else if (roll < 0.75) replacement = '';
      else replacement = `${token} ${pick(random, VOCABULARY)}`;
    }
    if (replacement === token) kept.push([oldAt, newAt, token.length]);
    out.push(replacement);
    oldAt += token.length;
    newAt += replacement.length;
  }
  const mapOffset = (oldOffset: number): number | undefined => {
    let lo = 0;
    let hi = kept.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const [oldStart, newStart, length] = kept[mid] ?? [0, 0, 0];
      if (oldOffset < oldStart) hi = mid - 1;
      else if (oldOffset >= oldStart + length) lo = mid + 1;
      else return newStart + (oldOffset - oldStart);
    }
    return undefined;
  };
  return { text: out.join(''), mapOffset };
}
