import { describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n';
import { explain, renderValue, type ExplainDetail } from '../../lib/match/explain';

// The grammar of explanations that the pages in the evaluation do not all reach: agreement, singular
// units, and labels that are names.
const quantity = (over: Partial<Extract<ExplainDetail, { type: 'quantity' }>>): ExplainDetail => ({
  type: 'quantity',
  subject: { en: 'CECOT capacity', es: 'Capacidad del CECOT' },
  page: { qualifier: 'about', value: 40000, unit: 'people' },
  data: { qualifier: 'up-to', value: 40000, unit: 'people' },
  compatible: true,
  ...over,
});

describe('values in explanations', () => {
  it('agree in gender in Spanish: unas personas, unas horas, unos dólares', () => {
    expect(renderValue({ qualifier: 'about', value: 40000, unit: 'people' }, 'es')).toBe('unas 40.000 personas');
    expect(renderValue({ qualifier: 'about', value: 23, unit: 'hours/day' }, 'es')).toBe('unas 23 horas al día');
    expect(renderValue({ qualifier: 'about', value: 24000, unit: 'USD' }, 'es')).toBe('unos 24.000 dólares');
    expect(renderValue({ qualifier: 'about', value: 40000, unit: 'people' }, 'en')).toBe('about 40,000 people');
  });

  it('one of a unit is singular, a range and a fraction are not', () => {
    expect(renderValue({ qualifier: 'up-to', value: 1, unit: 'hours' }, 'en')).toBe('up to 1 hour');
    expect(renderValue({ qualifier: 'exact', value: 1, unit: 'hours/day' }, 'es')).toBe('1 hora al día');
    expect(renderValue({ qualifier: 'exact', value: 1.5, unit: 'hours' }, 'en')).toBe('1.5 hours');
    expect(renderValue({ qualifier: 'range', min: 1, max: 2, unit: 'hours' }, 'en')).toBe('1–2 hours');
    expect(renderValue({ qualifier: 'exact', value: 1, unit: 'people' }, 'en')).toBe('1 person');
  });
});

describe('subjects in explanations', () => {
  it('name the subject in brackets, lowercasing only its first letter, so names in it keep their capitals', () => {
    const d = quantity({
      subject: { en: 'Length of Noem’s Latin America tour', es: 'Duración de la gira de Noem' },
      page: { qualifier: 'exact', value: 4, unit: 'days' },
      data: { qualifier: 'exact', value: 3, unit: 'days' },
      compatible: false,
    });
    expect(explain(d, 'conflicts', 'en')).toBe('The page says 4 days; the dataset’s source says 3 days (length of Noem’s Latin America tour). They cannot both be true.');
    expect(explain(d, 'conflicts', 'es')).toBe('La página dice 4 días; la fuente del conjunto de datos dice 3 días (duración de la gira de Noem). No pueden ser ciertas las dos.');
  });

  it('quote a statement’s subject as the dataset names it', () => {
    const d: ExplainDetail = { type: 'statement', subject: { en: 'Tren de Aragua', es: 'Tren de Aragua' }, words: ['gang'], says: false, negated: false, noFigure: false };
    expect(explain(d, 'related', 'en')).toBe('The page touches on the subject “Tren de Aragua” (shared words: “gang”); it neither confirms nor contradicts the dataset.');
    expect(explain(d, 'related', 'es')).toBe('La página toca el tema «Tren de Aragua» (palabras en común: «gang»); no confirma ni contradice el conjunto de datos.');
  });

  it('quote an age as the page writes it', () => {
    const d: ExplainDetail = { type: 'year', slot: { en: 'year of the Alien Enemies Act', es: 'año de la Ley de Enemigos Extranjeros' }, page: 1798, data: 1798, age: 'más de 200 años', fits: true };
    expect(explain(d, 'agrees', 'en')).toBe('The page says “más de 200 años”, an age that fits 1798, the year of the Alien Enemies Act in the dataset’s source.');
  });
});

describe('a time out of the cell', () => {
  it('reads as a sentence about leaving the cell and being confined, in both languages', () => {
    const d = quantity({
      subject: { en: 'Hours confined per day', es: 'Horas de encierro al día' },
      page: { qualifier: 'at-least', value: 23, unit: 'hours/day' },
      data: { qualifier: 'nearly', value: 24, unit: 'hours/day' },
      timeOut: { qualifier: 'up-to', value: 1, unit: 'hours' },
    });
    expect(explain(d, 'agrees', 'en')).toBe(
      'The page says prisoners leave their cells for up to 1 hour a day, so they are confined at least 23 hours a day; the dataset’s source says they are confined nearly 24 hours a day. The figures fit together.',
    );
    expect(explain(d, 'agrees', 'es')).toBe(
      'La página dice que los presos salen de sus celdas hasta 1 hora al día, así que pasan encerrados al menos 23 horas al día; la fuente del conjunto de datos dice que pasan encerrados casi 24 horas al día. Las cifras son compatibles.',
    );
  });
});

describe('today’s new explanations read as plain sentences naming both sides', () => {
  it('a later event told of the same people (a release) says what the page tells and what the source reports', () => {
    const d: ExplainDetail = { type: 'event', slot: { en: 'deportees held in CECOT', es: 'deportados recluidos en el CECOT' }, negated: false, unattributed: false, otherEvent: true };
    expect(explain(d, 'related', 'en')).toBe('The page tells what happened to the same people afterwards (a release, a return home); the dataset’s source reports deportees held in CECOT. The two are related, but not the same fact.');
    expect(explain(d, 'related', 'es')).toBe('La página cuenta lo que les pasó después a las mismas personas (una liberación, un regreso a casa); la fuente del conjunto de datos reporta deportados recluidos en el CECOT. Los dos hechos están relacionados, pero no son el mismo.');
  });

  it('a part of a whole’s cost gives the page’s figure for the part and the source’s for the whole, without matcher words', () => {
    const d = quantity({
      subject: { en: 'Annual cost of the prison system', es: 'Costo anual del sistema penitenciario' },
      page: { qualifier: 'about', value: 150_000_000, unit: 'USD/year' },
      data: { qualifier: 'exact', value: 200_000_000, unit: 'USD/year' },
      compatible: false,
      partOf: true,
    });
    const en = explain(d, 'related', 'en');
    const es = explain(d, 'related', 'es');
    expect(en).toBe('The page gives about $150 million a year for only one part; the dataset’s source gives $200 million a year for the whole (annual cost of the prison system). Both figures can be true.');
    expect(es).toBe('La página da unos 150 millones de dólares al año solo para una parte; la fuente del conjunto de datos da 200 millones de dólares al año para el total (costo anual del sistema penitenciario). Ambas cifras pueden ser ciertas.');
    for (const text of [en, es]) expect(text).not.toMatch(/\b(?:measures|mide|scope|narrower)\b/);
  });

  it('a count in parts with one hedge keeps the hedge on that part and on the sum, in both languages', () => {
    const d = quantity({
      subject: { en: 'Number of deportees sent to CECOT', es: 'Número de deportados enviados al CECOT' },
      page: { qualifier: 'more-than', value: 223, unit: 'people' },
      data: { qualifier: 'exact', value: 261, unit: 'people' },
      parts: [
        { value: 200, group: { en: 'Venezuelans', es: 'venezolanos' }, qualifier: 'more-than' },
        { value: 23, group: { en: 'Salvadorans', es: 'salvadoreños' } },
      ],
    });
    expect(explain(d, 'agrees', 'en')).toBe('The page counts more than 200 Venezuelans and 23 Salvadorans, more than 223 in all; the dataset’s source gives 261 people (number of deportees sent to CECOT). The figures fit together.');
    expect(explain(d, 'agrees', 'es')).toBe('La página cuenta más de 200 venezolanos y 23 salvadoreños, más de 223 en total; la fuente del conjunto de datos da 261 personas (número de deportados enviados al CECOT). Las cifras son compatibles.');
  });
});

describe('the page’s words a part covers', () => {
  it('are quoted as the interface’s language quotes them: “…” in English, «…» in Spanish, as the explanations do', () => {
    expect(translator('en')('matching.partQuote', { text: 'senador Marco Rubio' })).toBe('“senador Marco Rubio”');
    expect(translator('es')('matching.partQuote', { text: 'senador Marco Rubio' })).toBe('«senador Marco Rubio»');
  });
});
