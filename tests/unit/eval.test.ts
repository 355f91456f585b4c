import { describe, expect, it } from 'vitest';
import { runEval, type EvalReport } from '../../scripts/eval';

/**
 * Floors on the figures `npm run eval` prints, set just below what the engine
 * achieves now: a change that makes recognition or matching worse fails here.
 */
describe('evaluation on the labelled pages', () => {
  let report: EvalReport;
  const get = async () => (report ??= await runEval());

  it('has enough labelled material to mean something', async () => {
    const r = await get();
    expect(r.pages).toBeGreaterThanOrEqual(25);
    expect(r.matching.labels).toBeGreaterThanOrEqual(50);
  });

  it('recognizes the topic (precision and recall ≥ 0.95)', async () => {
    const r = await get();
    expect(r.recognition.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recognition.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.language.correct).toBe(r.language.total);
  });

  // Pages written after the real-page misses: the deal told without the prison's name or a
  // deportation word, and near-misses that name El Salvador's prison only as a comparison or
  // are about another Salvadoran prison.
  it.each([
    'en-offer-us-prisoners.txt',
    'es-oferta-presos-estadounidenses.txt',
    'off-en-honduras-island-prison.txt',
    'off-es-ecuador-megacarcel.txt',
    'off-es-penal-mariona.txt',
    'off-en-izalco-deaths.txt',
  ])('gives %s its labelled topic verdict', async (file) => {
    const r = await get();
    expect(r.recognition.errors.map((e) => e.file)).not.toContain(file);
    expect(r.facts.written.all.pages).toBeGreaterThanOrEqual(50);
  });

  it('extracts the article and drops the furniture', async () => {
    const r = await get();
    expect(r.extraction.passed / r.extraction.total).toBeGreaterThanOrEqual(0.95);
  });

  it('matches claims to the dataset', async () => {
    const { matching } = await get();
    expect(matching.agrees.precision).toBeGreaterThanOrEqual(0.95);
    expect(matching.agrees.recall).toBeGreaterThanOrEqual(0.97);
    expect(matching.conflicts.precision).toBeGreaterThanOrEqual(0.95);
    expect(matching.conflicts.recall).toBeGreaterThanOrEqual(0.95);
    // Agreeing with a claim the curator flagged is told apart from agreement.
    expect(matching['repeats-error'].tp).toBeGreaterThanOrEqual(4);
    expect(matching['repeats-error'].precision).toBeGreaterThanOrEqual(0.95);
    expect(matching['repeats-error'].recall).toBeGreaterThanOrEqual(0.95);
    // "related" needs something specific in common now, so it is right most of the time.
    expect(matching.related.precision).toBeGreaterThanOrEqual(0.85);
    expect(matching.related.recall).toBeGreaterThanOrEqual(0.8);
    expect(matching.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(matching.overall.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('holds written pages for every failure kind of issue 8, in both languages', async () => {
    const { written } = (await get()).facts;
    expect(written.all.pages).toBeGreaterThanOrEqual(40);
    expect(written.all.facts).toBeGreaterThanOrEqual(120);
    for (const kind of ['1', '2', '3', '4', '5', '6', '7']) {
      for (const lang of ['en', 'es']) {
        expect(written.outcomes.filter((o) => String(o.failureKind) === kind && o.language === lang).length, `kind ${kind} ${lang}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  // Fact-level floors on the written pages, set just below what the engine
  // achieved before issue 8's matcher work (first right 0.596, any right 0.640,
  // errors caught 0.485, explanations readable 0.504): that work raises them.
  it('holds the fact-level figures on the written pages', async () => {
    const { all } = (await get()).facts.written;
    expect(all.topic.f1).toBeGreaterThanOrEqual(0.97);
    // Statements without numbers, Spanish attributions in the plural and clauses beside a sentence's parts are listed too.
    expect(all.flagged.rate).toBeGreaterThanOrEqual(0.95);
    expect(all.firstRight.rate).toBeGreaterThanOrEqual(0.55);
    expect(all.anyRight.rate).toBeGreaterThanOrEqual(0.6);
    expect(all.agreeShownAsConflict.rate).toBeLessThanOrEqual(0.03);
    expect(all.errorsCaught.rate).toBeGreaterThanOrEqual(0.45);
    expect(all.readableExplanations.rate).toBeGreaterThanOrEqual(0.45);
  });

  // The typed-slot pages (groups told in parts, other events, a law's century and basis,
  // payer and payee, rates per prisoner, periods), written in our own words from patterns of real pages.
  it('holds the typed-slot pages in both languages', async () => {
    const { written } = (await get()).facts;
    for (const lang of ['en', 'es']) {
      const mine = written.outcomes.filter((o) => o.page.startsWith('typed-') && o.language === lang);
      expect(mine.length, lang).toBeGreaterThanOrEqual(10);
      expect(mine.filter((o) => o.firstRight).length / mine.length, lang).toBeGreaterThanOrEqual(0.9);
      const errors = mine.filter((o) => o.caught !== null);
      expect(errors.filter((o) => o.caught).length, `${lang} errors caught`).toBe(errors.length);
      expect(mine.some((o) => o.agreeShownAsConflict), lang).toBe(false);
    }
  });

  it('finds the bundled articles’ own claims', async () => {
    const { sources } = await get();
    expect(sources.quantityAgrees).toBe(sources.quantityClaims);
    expect(sources.anyMatch / sources.claims).toBeGreaterThanOrEqual(0.9);
    expect(sources.agrees / sources.claims).toBeGreaterThanOrEqual(0.85);
  });
});
