/**
 * Words the quantity parser reads around a number, folded (lower case, no
 * accents), in English and Spanish. Kept apart from the parser so the lists can
 * grow without touching the logic.
 */
import type { Qualifier } from '../dataset/schema';

export type QuantityCategory = 'count' | 'money' | 'percent' | 'fraction' | 'duration' | 'measure' | 'year';

/** Hedges written before a number, longest first where one contains another. */
export const QUALIFIERS_BEFORE: ReadonlyArray<readonly [string, Qualifier]> = [
  ['no more than', 'up-to'],
  ['not more than', 'up-to'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['more than', 'more-than'],
  ['in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['mas de', 'more-than'],
  ['por encima de', 'more-than'],
  ['superior a', 'more-than'],
  ['less than', 'less-than'],
  ['fewer than', 'less-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
  ['menos de', 'less-than'],
  ['por debajo de', 'less-than'],
  ['inferior a', 'less-than'],
  ['at least', 'at-least'],
  ['a minimum of', 'at-least'],
  ['al menos', 'at-least'],
  ['por lo menos', 'at-least'],
  ['como minimo', 'at-least'],
  ['un minimo de', 'at-least'],
  ['up to', 'up-to'],
  ['as many as', 'up-to'],
  ['as much as', 'up-to'],
  ['a maximum of', 'up-to'],
  ['hasta', 'up-to'],
  ['un maximo de', 'up-to'],
  ['como maximo', 'up-to'],
  ['just under', 'nearly'],
  ['just shy of', 'nearly'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['casi', 'nearly'],
  ['poco menos de', 'nearly'],
  ['close to', 'about'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['roughly', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['alrededor de', 'about'],
  ['aproximadamente', 'about'],
  ['aprox.', 'about'],
  ['unos', 'about'],
  ['unas', 'about'],
  ['cerca de', 'about'],
  ['en torno a', 'about'],
  ['~', 'about'],
];

/** Hedges written after a number ("40,000 or more"). */
export const QUALIFIERS_AFTER: ReadonlyArray<readonly [string, Qualifier]> = [
  ['or more', 'at-least'],
  ['o mas', 'at-least'],
  ['plus', 'at-least'],
  ['or so', 'about'],
  ['or fewer', 'up-to'],
  ['or less', 'up-to'],
  ['o menos', 'up-to'],
];

/** Scale words after a number; single letters only count when attached ("$6m", "40k"). */
export const SCALES: ReadonlyArray<readonly [string, number]> = [
  ['mil millones', 1e9],
  ['hundred', 100],
  ['thousand', 1e3],
  ['thousands', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
  ['millones', 1e6],
  ['millon', 1e6],
  ['millardos', 1e9],
  ['millardo', 1e9],
  ['billones', 1e12],
  ['billon', 1e12],
  ['mil', 1e3],
  ['mln', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
];
export const ATTACHED_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/** Numbers written as words; they count only with a unit or scale after them ("one of", "no one" are not quantities). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'one hundred': 100, 'a thousand': 1000, 'a dozen': 12, dozen: 12,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18,
  diecinueve: 19, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80,
  noventa: 90, cien: 100, 'una docena': 12,
  doscientos: 200, doscientas: 200, trescientos: 300, trescientas: 300, cuatrocientos: 400, cuatrocientas: 400, quinientos: 500, quinientas: 500,
  seiscientos: 600, seiscientas: 600, setecientos: 700, setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900, novecientas: 900,
  veintiuno: 21, veintiun: 21, veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29,
};

/** Fractions of a whole, written before "of"/"de" ("a third of the detainees", "la mitad de"). */
export const FRACTIONS: ReadonlyArray<readonly [string, number]> = [
  ['two thirds', 2 / 3],
  ['two-thirds', 2 / 3],
  ['three quarters', 3 / 4],
  ['three-quarters', 3 / 4],
  ['one third', 1 / 3],
  ['one-third', 1 / 3],
  ['a third', 1 / 3],
  ['one quarter', 1 / 4],
  ['a quarter', 1 / 4],
  ['one half', 1 / 2],
  ['half', 1 / 2],
  ['dos tercios', 2 / 3],
  ['un tercio', 1 / 3],
  ['tres cuartas partes', 3 / 4],
  ['una cuarta parte', 1 / 4],
  ['la mitad', 1 / 2],
  ['mitad', 1 / 2],
];

export interface UnitInfo {
  unit: string;
  category: QuantityCategory;
}

const people: UnitInfo = { unit: 'people', category: 'count' };
/** Nouns after a number and the unit they count in. */
export const UNIT_NOUNS: Readonly<Record<string, UnitInfo>> = {
  people: people, persons: people, person: people, individuals: people, individual: people,
  inmates: people, inmate: people, prisoners: people, prisoner: people, detainees: people, detainee: people,
  deportees: people, deportee: people, migrants: people, migrant: people, immigrants: people, men: people,
  women: people, venezuelans: people, salvadorans: people, members: people, criminals: people, gangsters: people,
  nationals: people, citizens: people, children: people, minors: people, guards: people, soldiers: people,
  officers: people, police: people, officials: people, deported: people, prisioneros: people,
  personas: people, persona: people, individuos: people, reos: people, presos: people, reclusos: people,
  internos: people, detenidos: people, deportados: people, migrantes: people, inmigrantes: people,
  hombres: people, mujeres: people, venezolanos: people, salvadorenos: people, pandilleros: people,
  miembros: people, criminales: people, ciudadanos: people, menores: people, ninos: people, privados: people,
  custodios: people, guardias: people, soldados: people, policias: people, agentes: people, capturados: people,
  cells: { unit: 'cells', category: 'count' }, cell: { unit: 'cells', category: 'count' },
  celdas: { unit: 'cells', category: 'count' }, pabellones: { unit: 'cellblocks', category: 'count' },
  modules: { unit: 'cellblocks', category: 'count' }, modulos: { unit: 'cellblocks', category: 'count' },
  beds: { unit: 'beds', category: 'count' }, bunks: { unit: 'beds', category: 'count' },
  camas: { unit: 'beds', category: 'count' }, literas: { unit: 'beds', category: 'count' },
  flights: { unit: 'flights', category: 'count' }, flight: { unit: 'flights', category: 'count' },
  planes: { unit: 'flights', category: 'count' }, vuelos: { unit: 'flights', category: 'count' },
  aviones: { unit: 'flights', category: 'count' },
  cases: { unit: 'cases', category: 'count' }, casos: { unit: 'cases', category: 'count' },
  deaths: { unit: 'deaths', category: 'count' }, muertes: { unit: 'deaths', category: 'count' },
  killings: { unit: 'deaths', category: 'count' }, fallecidos: { unit: 'deaths', category: 'count' },
  muertos: { unit: 'deaths', category: 'count' }, asesinatos: { unit: 'deaths', category: 'count' },
  complaints: { unit: 'complaints', category: 'count' }, denuncias: { unit: 'complaints', category: 'count' },
  meals: { unit: 'meals', category: 'count' }, comidas: { unit: 'meals', category: 'count' },
  towers: { unit: 'towers', category: 'count' }, torres: { unit: 'towers', category: 'count' },
  dollars: { unit: 'USD', category: 'money' }, dollar: { unit: 'USD', category: 'money' },
  dolares: { unit: 'USD', category: 'money' }, usd: { unit: 'USD', category: 'money' },
  euros: { unit: 'EUR', category: 'money' },
  percent: { unit: 'percent', category: 'percent' }, porcentaje: { unit: 'percent', category: 'percent' },
  hours: { unit: 'hours', category: 'duration' }, hour: { unit: 'hours', category: 'duration' },
  horas: { unit: 'hours', category: 'duration' }, hora: { unit: 'hours', category: 'duration' },
  minutes: { unit: 'minutes', category: 'duration' }, minutos: { unit: 'minutes', category: 'duration' },
  days: { unit: 'days', category: 'duration' }, day: { unit: 'days', category: 'duration' },
  dias: { unit: 'days', category: 'duration' }, dia: { unit: 'days', category: 'duration' },
  weeks: { unit: 'weeks', category: 'duration' }, week: { unit: 'weeks', category: 'duration' },
  semanas: { unit: 'weeks', category: 'duration' }, semana: { unit: 'weeks', category: 'duration' },
  months: { unit: 'months', category: 'duration' }, month: { unit: 'months', category: 'duration' },
  meses: { unit: 'months', category: 'duration' }, mes: { unit: 'months', category: 'duration' },
  years: { unit: 'years', category: 'duration' }, year: { unit: 'years', category: 'duration' },
  anos: { unit: 'years', category: 'duration' }, ano: { unit: 'years', category: 'duration' },
  acres: { unit: 'acres', category: 'measure' }, hectares: { unit: 'hectares', category: 'measure' },
  hectareas: { unit: 'hectares', category: 'measure' }, manzanas: { unit: 'manzanas', category: 'measure' },
  meters: { unit: 'meters', category: 'measure' }, metres: { unit: 'meters', category: 'measure' },
  metros: { unit: 'meters', category: 'measure' }, kilometers: { unit: 'km', category: 'measure' },
  kilometros: { unit: 'km', category: 'measure' }, km: { unit: 'km', category: 'measure' },
  miles: { unit: 'miles', category: 'measure' },
};

/** Words that end the search for a unit noun: the number's noun phrase is over. */
export const UNIT_STOP = new Set([
  'of', 'in', 'at', 'on', 'to', 'for', 'from', 'by', 'with', 'who', 'that', 'which', 'were', 'was', 'are', 'is',
  'and', 'or', 'but', 'the', 'a', 'an', 'this', 'their', 'his', 'her', 'its', 'have', 'had', 'has', 'will', 'would',
  'de', 'del', 'en', 'a', 'al', 'con', 'por', 'para', 'que', 'y', 'o', 'los', 'las', 'el', 'la', 'un', 'una', 'se', 'su',
  'sus', 'fueron', 'fue', 'son', 'es', 'han', 'ha', 'estan', 'era', 'eran',
]);

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre',
  'noviembre', 'diciembre',
]);

/** Unit categories by the unit names a dataset may use ("people", "USD", "hours"), folded. */
export function unitCategory(unit: string | null | undefined): QuantityCategory {
  if (!unit) return 'count';
  const u = unit.toLowerCase().trim();
  if (u === 'usd' || u === 'eur' || u === '$' || u === 'us$' || u.includes('dollar') || u.includes('dolar')) return 'money';
  if (u === '%' || u.startsWith('percent') || u === 'por ciento') return 'percent';
  if (u === 'fraction' || u === 'share' || u === 'proportion') return 'fraction';
  if (u === 'year' || u === 'date') return 'year';
  const known = UNIT_NOUNS[u] ?? UNIT_NOUNS[`${u}s`];
  return known ? known.category : 'count';
}

/**
 * Durations written without a numeral ("half an hour", "media hora"), folded, longest first where
 * one begins another. A space also matches a hyphen ("half-hour"). "una hora", "quince minutos"
 * need no entry: a number word before a unit noun is read already.
 */
export const WORD_DURATIONS: ReadonlyArray<readonly [string, number, 'minutes' | 'hours', Qualifier]> = [
  ['an hour and a half', 1.5, 'hours', 'exact'],
  ['a quarter of an hour', 15, 'minutes', 'exact'],
  ['quarter of an hour', 15, 'minutes', 'exact'],
  ['a quarter hour', 15, 'minutes', 'exact'],
  ['half an hour', 30, 'minutes', 'exact'],
  ['a half hour', 30, 'minutes', 'exact'],
  ['half hour', 30, 'minutes', 'exact'],
  ['a couple of hours', 2, 'hours', 'about'],
  ['a single hour', 1, 'hours', 'exact'],
  ['an hour', 1, 'hours', 'exact'],
  ['un cuarto de hora', 15, 'minutes', 'exact'],
  ['cuarto de hora', 15, 'minutes', 'exact'],
  ['hora y media', 1.5, 'hours', 'exact'],
  ['media hora', 30, 'minutes', 'exact'],
  ['un par de horas', 2, 'hours', 'about'],
  ['una sola hora', 1, 'hours', 'exact'],
];
