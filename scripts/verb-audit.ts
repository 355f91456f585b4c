/**
 * npx tsx scripts/verb-audit.ts [--matcher DIR] [--seeds DIR] [--verbose]
 *
 * For every event fact's action phrase in seeds/, the common forms of its verb, and which of them
 * the matcher does not catch as that fact's action. English: base, -s, past, participle, -ing,
 * "has/have/had been", "is/are/was/were" + participle, "will" + base. Spanish: infinitive; present,
 * preterite, imperfect, future, conditional in the 3rd persons; the participle in both genders and
 * numbers; "fue/fueron/ha sido/han sido" + participle; "se" + present/preterite; the gerund and
 * infinitive with an enclitic. A phrase starting with an auxiliary is a passive: its forms are the
 * auxiliary's. A phrase with no listed verb (a noun: "international attention") is not counted.
 *
 * --matcher DIR builds the matcher from another checkout's lib/ (e.g. the code before a change), so
 * coverage before and after are measured with the same expected forms; --seeds DIR reads another
 * seed folder (default seeds/).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { foldKey, foldText } from '../lib/text/fold';
import { nounLike, verbIndex, phraseVerb, type Lang } from '../lib/match/conjugate';
import type { Matcher, MatcherDataset } from '../lib/match/build-matcher';
import { loadSeedsFromDir } from './load-seeds';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--matcher');
const matcherDir = dirArg >= 0 ? resolve(args[dirArg + 1] as string) : resolve('.');
const verbose = args.includes('--verbose');
const seedsArg = args.indexOf('--seeds');
const seedsDir = seedsArg >= 0 ? (args[seedsArg + 1] as string) : 'seeds';

const EN_PASSIVE = ['has been', 'have been', 'had been', 'is', 'are', 'was', 'were'];
const ES_PASSIVE = ['fue', 'fueron', 'ha sido', 'han sido'];
// Auxiliaries that alternate in a passive or a state ("were sent to", "have been sent to"; "fue
// enviado", "han sido enviados"; "esta recluido", "estan recluidos").
const AUX_GROUPS: Record<Lang, string[][]> = {
  en: [['was', 'were', 'is', 'are', 'has been', 'have been', 'had been', 'will be', 'being']],
  es: [['fue', 'fueron', 'ha sido', 'han sido', 'es', 'son'], ['esta', 'estan', 'estaba', 'estaban', 'permanece', 'permanecen']],
};
let excluded = 0;

/** The forms a page may write for this phrase, each with the name of its form. */
function expectedForms(phrase: string, lang: Lang): Array<[string, string]> {
  const idx = verbIndex()[lang];
  const words = phrase.split(' ');
  const group = AUX_GROUPS[lang].find((g) => g.some((a) => phrase.startsWith(`${a} `)));
  const aux = group?.filter((a) => phrase.startsWith(`${a} `)).sort((a, b) => b.length - a.length)[0];
  if (group && aux) {
    const rest = phrase.slice(aux.length + 1).split(' ');
    const head = rest[0] as string;
    const parts = lang === 'es' && /[oa]s?$/.test(head) ? ['o', 'a', 'os', 'as'].map((e) => head.replace(/[oa]s?$/, e)) : [head];
    const out: Array<[string, string]> = [];
    for (const a of group) for (const p of parts) out.push([[a, p, ...rest.slice(1)].join(' '), `${a} + participle`]);
    return out;
  }
  const verb = phraseVerb(phrase, lang, idx);
  if (!verb) return [];
  const out: Array<[string, string]> = [];
  const put = (form: string, name: string, before = '') => out.push([words.with(verb.at, before ? `${before} ${form}` : form).join(' '), name]);
  for (const lemma of verb.lemmas) {
    const paradigm = idx.paradigm.get(lemma) ?? [];
    // Auxiliaries go before a verb that opens the phrase ("only allowed out" is not "only is allowed out").
    const first = verb.at === 0;
    for (const { form, slot } of paradigm) {
      if (slot === 'clitic' && !/(?:lo|la|los|las)$/.test(form)) continue;
      // Left out on purpose: a bare form that is also a noun, alone ("visit", "condena").
      if (words.length === 1 && nounLike(idx, lemma, form, slot)) {
        excluded++;
        continue;
      }
      put(form, slot);
      if (!first) continue;
      if (lang === 'en' && slot === 'participle') for (const a of EN_PASSIVE) put(form, `${a} + participle`, a);
      if (lang === 'en' && slot === 'base') put(form, 'will + base', 'will');
      if (lang === 'es' && slot === 'participle') for (const a of ES_PASSIVE) put(form, `${a} + participle`, a);
      if (lang === 'es' && (slot === 'present' || slot === 'preterite') && true) put(form, `se + ${slot}`, 'se');
    }
  }
  return out;
}

async function main(): Promise<void> {
  const dataset = loadSeedsFromDir(seedsDir);
  const { buildMatcher } = (await import(pathToFileURL(`${matcherDir}/lib/match/build-matcher.ts`).href)) as { buildMatcher: (d: MatcherDataset) => Matcher };
  const matcher = buildMatcher(dataset);
  let total = 0;
  let caught = 0;
  const perLang: Record<Lang, { caught: number; total: number }> = { en: { caught: 0, total: 0 }, es: { caught: 0, total: 0 } };
  const missedBySlot = new Map<string, number>();
  const lines: string[] = [];
  matcher.facts.forEach(({ fact }, f) => {
    if (fact.kind !== 'event') return;
    for (const lang of ['en', 'es'] as const) {
      for (const raw of fact.action[lang]) {
        const phrase = foldKey(raw);
        const forms = expectedForms(phrase, lang);
        if (!forms.length) continue;
        const missed: string[] = [];
        for (const [form, name] of forms) {
          total++;
          perLang[lang].total++;
          const hit = matcher.factPhrases.findAll(foldText(` ${form} `)).some((h) => matcher.factOwners[h.phrase]?.some((o) => o.fact === f && o.role === 'action'));
          if (hit) {
            caught++;
            perLang[lang].caught++;
          }
          else {
            missed.push(`${form} (${name})`);
            missedBySlot.set(`${lang} ${name}`, (missedBySlot.get(`${lang} ${name}`) ?? 0) + 1);
          }
        }
        if (missed.length) lines.push(`${fact.id} [${lang}] "${phrase}": ${missed.length}/${forms.length} not matched${verbose ? `: ${missed.join(', ')}` : ''}`);
      }
    }
  });
  process.stdout.write(`${lines.join('\n')}\n\nmissed by form:\n`);
  for (const [k, v] of [...missedBySlot].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${k.padEnd(32)} ${v}\n`);
  for (const lang of ['en', 'es'] as const) process.stdout.write(`\ncoverage ${lang}: ${perLang[lang].caught}/${perLang[lang].total} = ${(perLang[lang].caught / perLang[lang].total).toFixed(3)}`);
  process.stdout.write(`\ncoverage: ${caught}/${total} = ${(caught / total).toFixed(3)} of the common forms of the event actions' verbs (${excluded} bare forms that are also nouns left out on purpose)\n`);
}

void main();
