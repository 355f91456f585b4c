import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumeral, parseQuantities } from '../../lib/text/parse-quantities';

const one = (text: string) => {
  const qs = parseQuantities(text);
  expect(qs, `${text} → ${JSON.stringify(qs)}`).toHaveLength(1);
  const q = qs[0]!;
  // The span is exactly the text reported.
  expect(text.slice(q.start, q.end)).toBe(q.text);
  return q;
};

describe('parseQuantities: number formats', () => {
  it.each([
    ['holds 40,000 inmates', 40000, 'people'],
    ['alberga 40.000 reos', 40000, 'people'],
    ['hasta 40 mil presos', 40000, 'people'],
    ['a $6 million agreement', 6_000_000, 'USD'],
    ['recibirá 6 millones de dólares', 6_000_000, 'USD'],
    ['un pago de US$6 millones', 6_000_000, 'USD'],
    ['the $6.5m deal', 6_500_000, 'USD'],
    ['1.500 millones', 1_500_000_000, null],
    ['2000 presos', 2000, 'people'],
    ['two planes', 2, 'flights'],
    ['a three-day tour', 3, 'days'],
    ['30% of inmates', 30, 'percent'],
    ['30 por ciento de los reos', 30, 'percent'],
    ['locked up 23 and a half hours a day', 23.5, 'hours'],
    ['lit twenty-four hours a day', 24, 'hours'],
    ['thirty five men per cell', 35, 'people'],
    ['encerrados veinticuatro horas al día', 24, 'hours'],
    ['treinta y cinco presos', 35, 'people'],
  ])('%s', (text, value, unit) => {
    const q = one(text);
    expect(q.value).toBe(value);
    expect(q.unit).toBe(unit);
  });
});

describe('parseQuantities: table rows that lost the gap between label and value', () => {
  it('reads the figure after a line-starting label', () => {
    const qs = parseQuantities('Status: open\nCapacity40,000\nOpened2023');
    expect(qs.map((q) => q.text)).toContain('40,000');
  });
  it('still leaves names glued to numbers alone (MS13, H1B, a word inside a line)', () => {
    expect(parseQuantities('the gang MS13 and visas H1B')).toHaveLength(0);
    expect(parseQuantities('He saw room40 there')).toHaveLength(0);
  });
});

describe('parseQuantities: hedges and ranges', () => {
  it.each([
    ['with as many as 40,000 detainees', 'up-to', 'as many as 40,000 detainees'],
    ['up to 40,000 inmates', 'up-to', 'up to 40,000 inmates'],
    ['hasta 40.000 reos', 'up-to', 'hasta 40.000 reos'],
    ['more than 200 Venezuelans', 'more-than', 'more than 200 Venezuelans'],
    ['más de 200 venezolanos', 'more-than', 'más de 200 venezolanos'],
    ['casi 300 migrantes', 'nearly', 'casi 300 migrantes'],
    ['confined for nearly 24 hours a day', 'nearly', 'nearly 24 hours'],
    ['at least 174 cases of torture', 'at-least', 'at least 174 cases'],
    ['al menos 174 casos', 'at-least', 'al menos 174 casos'],
    ['some 261 people', 'about', 'some 261 people'],
    ['unos 14.000 internos', 'about', 'unos 14.000 internos'],
    ['40,000 or more', 'at-least', '40,000 or more'],
    ['fewer than 500 migrants', 'less-than', 'fewer than 500 migrants'],
  ])('%s', (text, qualifier, span) => {
    const q = one(text);
    expect(q.qualifier).toBe(qualifier);
    expect(q.text).toBe(span);
  });

  it.each([
    ['cells packed with 65 to 70 individuals', 65, 70, 'people'],
    ['celdas con 65 a 70 reos', 65, 70, 'people'],
    ['home to 10,000-20,000 inmates', 10000, 20000, 'people'],
    ['between 65 and 70 people', 65, 70, 'people'],
    ['entre 6 y 7 millones de dólares', 6_000_000, 7_000_000, 'USD'],
  ])('range: %s', (text, min, max, unit) => {
    const q = one(text);
    expect(q).toMatchObject({ qualifier: 'range', min, max, unit });
    expect(q.value).toBeUndefined();
  });

  it('reads a change as two values, not a range', () => {
    expect(parseQuantities('the count rose from 238 to 261').map((q) => [q.value, q.qualifier])).toEqual([
      [238, 'exact'],
      [261, 'exact'],
    ]);
  });

  it.each([
    ['a third of the detainees', 1 / 3],
    ['un tercio de los presos', 1 / 3],
    ['half of the men', 1 / 2],
    ['la mitad de los reos', 1 / 2],
  ])('fraction: %s', (text, value) => {
    const q = one(text);
    expect(q.value).toBeCloseTo(value, 6);
    expect(q.category).toBe('fraction');
  });
});

describe('parseQuantities: what is not a quantity', () => {
  it.each([['el 15 de marzo'], ['on March 15'], ['MS-13 and Barrio 18'], ['Article 3 of the law'], ['one of the men'], ['at 10:30'], ['in the first half of 2024 the']])(
    '%s',
    (text) => {
      expect(parseQuantities(text).filter((q) => q.category !== 'year')).toEqual([]);
    },
  );

  it('marks years as years', () => {
    expect(parseQuantities('the Alien Enemies Act of 1798').map((q) => q.category)).toEqual(['year']);
    expect(parseQuantities('in 2024, 174 cases').map((q) => [q.value, q.category])).toEqual([
      [2024, 'year'],
      [174, 'count'],
    ]);
  });

  it('finds every quantity of a sentence with its own span', () => {
    const text = 'On March 15, 238 Venezuelans were flown to CECOT, which holds up to 40,000 inmates at a cost of $200 million a year.';
    const qs = parseQuantities(text);
    expect(qs.map((q) => q.text)).toEqual(['238 Venezuelans', 'up to 40,000 inmates', '$200 million']);
    for (const q of qs) expect(text.slice(q.numberStart, q.numberEnd)).toMatch(/^\d/);
  });

  it('respects from/to and keeps offsets relative to the whole text', () => {
    const text = 'First 10 people. Then 20 people.';
    const qs = parseQuantities(text, { from: 17 });
    expect(qs.map((q) => [q.value, q.start])).toEqual([[20, 22]]);
  });
});

describe('parseQuantities: number words and table rows', () => {
  it('reads tens and units written as words as one number', () => {
    expect(parseQuantities('lights on twenty-four hours a day').map((q) => q.value)).toEqual([24]);
    expect(parseQuantities('treinta y cuatro presos').map((q) => q.value)).toEqual([34]);
    expect(parseQuantities('veinticuatro horas al día').map((q) => q.value)).toEqual([24]);
  });

  it('reads thousands grouped by a space, a no-break space or a narrow space as one number', () => {
    expect(parseQuantities('hasta 40 000 reos').map((q) => q.value)).toEqual([40000]);
    expect(parseQuantities('built for 60\u202f000 inmates').map((q) => q.value)).toEqual([60000]);
    expect(parseQuantities('entre 10\u00a0000 y 20\u00a0000 presos').map((q) => [q.min, q.max])).toEqual([[10000, 20000]]);
    // A year or a longer number before another is not one group of thousands.
    expect(parseQuantities('in 2025 261 people').map((q) => q.value)).toContain(261);
  });

  it('reads a scale joined to its number by a hyphen ("forty-thousand", "$6-million")', () => {
    expect(parseQuantities('can house forty-thousand inmates').map((q) => q.value)).toEqual([40000]);
    expect(parseQuantities('a $6-million deal').map((q) => q.value)).toEqual([6e6]);
    expect(parseQuantities('cuarenta-mil presos').map((q) => q.value)).toEqual([40000]);
  });

  it('reads a number glued to its row label at the start of a line, with the label, and not past the line', () => {
    const text = 'Status\nCapacity40,000\nInmates today\nPopulation15,200 (as of 2024)';
    const qs = parseQuantities(text).filter((q) => q.category !== 'year');
    expect(qs.map((q) => [q.value, q.unit, q.label && text.slice(q.label[0], q.label[1])])).toEqual([
      [40000, null, 'Capacity'],
      [15200, null, 'Population'],
    ]);
  });

  it('still skips numbers glued to letters inside a line or to a short name', () => {
    expect(parseQuantities('members of MS13 and the B18 cell').filter((q) => q.value === 13 || q.value === 18)).toEqual([]);
    expect(parseQuantities('MS13 members')).toEqual([]);
  });
});

describe('parseNumeral', () => {
  it.each([
    ['40,000', 40000],
    ['40.000', 40000],
    ['6.5', 6.5],
    ['6,5', 6.5],
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,000,000', 1_000_000],
    ['1.000.000', 1_000_000],
  ])('%s', (s, v) => expect(parseNumeral(s)).toBe(v));

  it('reads grouped integers in either convention', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
        const en = n.toLocaleString('en-US');
        const es = en.replace(/,/g, '.');
        expect(parseNumeral(en)).toBe(n);
        expect(parseNumeral(es)).toBe(n);
      }),
    );
  });
});

describe('durations written in words', () => {
  it.each([
    ['they may leave their cells for half an hour a day', 30, 'minutes', 'exact'],
    ['let out for a half-hour', 30, 'minutes', 'exact'],
    ['let out for a quarter of an hour', 15, 'minutes', 'exact'],
    ['allowed out for an hour and a half', 1.5, 'hours', 'exact'],
    ['allowed out for less than an hour', 1, 'hours', 'less-than'],
    ['salen de sus celdas media hora al día', 30, 'minutes', 'exact'],
    ['salen un cuarto de hora', 15, 'minutes', 'exact'],
    ['salen durante hora y media', 1.5, 'hours', 'exact'],
    ['salen un par de horas', 2, 'hours', 'about'],
  ])('%s', (text, value, unit, qualifier) => {
    const qs = parseQuantities(text);
    expect(qs.map((q) => [q.value, q.unit, q.category, q.qualifier])).toEqual([[value, unit, 'duration', qualifier]]);
  });

  it('keeps the reading of a numeral phrase that contains one ("una hora y media")', () => {
    expect(parseQuantities('salen una hora y media').map((q) => [q.text, q.value])).toEqual([['una hora y media', 1.5]]);
  });

  it('reads a rate as no duration ("$2 an hour")', () => {
    expect(parseQuantities('paid $2 an hour').map((q) => q.unit)).toEqual(['USD']);
  });

  it('keeps a share that is not of an hour ("a quarter of the men")', () => {
    expect(parseQuantities('a quarter of the men').map((q) => q.category)).toEqual(['fraction']);
  });
});
