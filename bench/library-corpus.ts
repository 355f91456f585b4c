/**
 * A reader's large collection of notes, made up for benchmarks and browser
 * tests: 10,000 notes on 500 pages of a dozen sites, in Spanish and English,
 * with tags, verdicts and links to dataset claims. Seeded, so every run sees
 * the same notes. The sentences are word salad built here, not article text.
 */
import type { Annotation, Verdict } from '../lib/annotations/schema';
import { prng } from './prng';


const ES = 'la megacárcel del CECOT tiene capacidad para 40,000 reos según el gobierno de Bukele los deportados venezolanos llegaron en vuelos desde Texas la Ley de Enemigos Extranjeros fue invocada en marzo organizaciones de derechos humanos denuncian torturas y muertes el acuerdo incluye un pago de seis millones de dólares por año la corte ordenó detener los vuelos pero ya habían despegado familias piden información sobre sus parientes presos'.split(' ');
const EN = 'the mega-prison can hold up to forty thousand inmates according to officials deportation flights landed in San Salvador under the Alien Enemies Act judges questioned whether the men were gang members lawyers said many had no criminal record the agreement pays El Salvador millions for housing detainees rights groups documented abuse inside the prison system'.split(' ');
const NOTES_ES = 'revisar la cifra contra el conjunto de datos; otra fuente dice 261 personas; la atribución es vaga; no dice quién lo afirma; cifra oficial sin verificar; contradice lo que dijo el ministro; buena cita para el informe; falta fecha'.split('; ');
const NOTES_EN = 'check this figure; the number differs from the dataset; who said this?; vague attribution; official figure, unverified; contradicts the minister; useful quote for the write-up; no date given'.split('; ');
const TAGS = ['cifras', 'capacidad', 'vuelos', 'deportación', 'derechos humanos', 'acuerdo', 'legal', 'fuentes', 'capacity', 'flights', 'deal', 'follow-up'];
const HOSTS = ['www.elfaro.net', 'www.laprensagrafica.com', 'elsalvador.com', 'apnews.com', 'www.reuters.com', 'www.nytimes.com', 'elpais.com', 'www.bbc.com', 'diario.elmundo.sv', 'news.example.org', 'www.infobae.com', 'www.theguardian.com'];
const VERDICTS: Array<Verdict | null> = [null, null, null, 'accurate', 'inaccurate', 'misleading', 'unverified', 'disputed'];
const CLAIMS = ['c000-capacity-40000', 'c000-deportees-261', 'c000-payment-6-million', 'c003-cell-occupancy-65-70', 'c003-cristosal-174-cases', 'c000-deal-deportation'];
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** `count` notes, 20 per page. */
export function libraryCorpus(count = 10_000, seed = 11): Annotation[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (list: readonly string[], n: number) => {
    const at = Math.floor(random() * (list.length - n));
    return list.slice(at, at + n).join(' ');
  };
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const pageNo = Math.floor(i / 20);
    const spanish = pageNo % 2 === 0;
    const host = HOSTS[pageNo % HOSTS.length] as string;
    const path = spanish ? `noticias/${pageNo}-cecot-deportados` : `world/${pageNo}-el-salvador-prison-deal`;
    const page = `https://${host}/${path}`;
    const quote = words(spanish ? ES : EN, 6 + Math.floor(random() * 18));
    const start = Math.floor(random() * 20_000);
    const created = Date.UTC(2025, 2, 1) + Math.floor(random() * 5e10);
    const tags = random() < 0.6 ? [pick(TAGS)] : random() < 0.5 ? [pick(TAGS), pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k) : [];
    const linked = random() < 0.3 ? [{ claimId: pick(CLAIMS), relation: random() < 0.4 ? ('conflicts' as const) : ('agrees' as const) }] : [];
    out.push({
      id: `${(0x20000000 + i).toString(16)}-0000-4000-8000-${(seed * 1_000_000 + i).toString(16).padStart(12, '0')}`,
      url: `${page}?utm_source=feed`,
      canonicalUrl: page,
      title: spanish ? `${pageNo}: ${words(ES, 7)}` : `${pageNo}: ${words(EN, 7)}`,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'antes ', suffix: ' después' },
        position: { type: 'TextPositionSelector', start, end: start + quote.length },
      },
      quote,
      color: pick(COLORS),
      note: random() < 0.7 ? pick(spanish ? NOTES_ES : NOTES_EN) : '',
      tags,
      verdict: pick(VERDICTS),
      claims: linked,
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created + Math.floor(random() * 1e8)).toISOString(),
      revision: 1,
      deviceId: 'device-bench',
      deletedAt: null,
    });
  }
  return out;
}
