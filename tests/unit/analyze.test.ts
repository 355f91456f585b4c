import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzePage, analyzeText, domPiecesForRange, rangeToDomPoints } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

const dataset = bundledDataset();
const topic = bundledTopic();
const EVAL = join(__dirname, '../fixtures/eval');
const doc = (file: string) => parseHTML(readFileSync(join(EVAL, file), 'utf8')).document as unknown as Document;

describe('the bundled source articles against their own claims', () => {
  const analyses = new Map(dataset.sources.map((s) => [s.id, analyzeText({ text: dataset.texts[s.id] ?? '', title: s.title, language: s.language }, dataset, topic)]));

  const relationAt = (claimId: string, sourceId: string, start: number, end: number) => {
    const claims = analyses.get(sourceId)?.claims ?? [];
    const found = claims.filter((c) => c.start < end && start < c.end).flatMap((c) => c.matches.filter((m) => m.claimId === claimId));
    return found.find((m) => m.relation === 'agrees' || m.relation === 'repeats-error')?.relation ?? found[0]?.relation ?? 'none';
  };

  it('recognizes every source article as on topic', () => {
    for (const [id, a] of analyses) expect(a.topic.onTopic, id).toBe(true);
  });

  // The article's own sentence agrees with its claim, unless the curator flagged the claim as an error or an inconsistency.
  const expectedFor = (c: (typeof dataset.claims)[number]) => (['erroneous', 'inconsistent'].includes(c.assessment.status) ? 'repeats-error' : 'agrees');
  const withQuantity = dataset.claims.filter((c) => c.quantity);
  it.each(withQuantity.flatMap((c) => c.sources.map((s) => [c.id, s.sourceId, s.position.start, s.position.end, expectedFor(c)] as const)))(
    'finds %s in %s as expected',
    (claimId, sourceId, start, end, expected) => {
      expect(relationAt(claimId, sourceId, start, end)).toBe(expected);
    },
  );

  it('finds most of the other claims in their own sentences too', () => {
    let any = 0;
    let agrees = 0;
    for (const c of dataset.claims) {
      const relations = c.sources.map((s) => relationAt(c.id, s.sourceId, s.position.start, s.position.end));
      if (relations.some((r) => r !== 'none')) any++;
      if (relations.includes(expectedFor(c))) agrees++;
    }
    const n = dataset.claims.length;
    console.info(`source claims found: ${any}/${n} with any relation, ${agrees}/${n} as "agrees"`);
    expect(any / n).toBeGreaterThanOrEqual(0.9);
    expect(agrees / n).toBeGreaterThanOrEqual(0.85);
  });
});

describe('analyzeText', () => {
  const text = 'CECOT can hold up to 40,000 prisoners, officials said.\nThe weather was fine. Washington deported 238 Venezuelans to CECOT in March.';
  const r = analyzeText({ text, title: 'CECOT', url: 'https://x.example/cecot' }, dataset, topic);

  it('returns the documented shape, with offsets into the text', () => {
    expect(r.topic.onTopic).toBe(true);
    expect(r.language).toBe('en');
    for (const c of r.claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.checkWorthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkWorthiness).toBeLessThanOrEqual(1);
      for (const q of c.quantities) {
        expect(q.start).toBeGreaterThanOrEqual(c.start);
        expect(q.end).toBeLessThanOrEqual(c.end);
        expect(text.slice(q.start, q.end)).toBe(q.text);
      }
    }
  });

  it('lists check-worthy sentences only, each with its matches', () => {
    expect(r.claims.map((c) => c.text)).toEqual([
      'CECOT can hold up to 40,000 prisoners, officials said.',
      'Washington deported 238 Venezuelans to CECOT in March.',
    ]);
    expect(r.claims[0]?.matches[0]).toMatchObject({ claimId: 'c000-capacity-40000', relation: 'agrees' });
    // 238 Venezuelans are a narrower group than the dataset's 261 people: both can be true.
    const count = r.claims[1]?.matches.find((m) => m.claimId === 'c000-deportees-261');
    expect(count).toMatchObject({ relation: 'related', kind: 'count' });
    expect(count?.explanation).toMatch(/238 Venezuelans.*261 people.*group is narrower/);
  });

  it('does not compare off-topic pages with the dataset, unless asked', () => {
    const off = 'Rikers Island holds 7,000 people, the city said. Its capacity is 10,000, officials said.';
    const plain = analyzeText({ text: off }, dataset, topic);
    expect(plain.topic.onTopic).toBe(false);
    expect(plain.claims.length).toBeGreaterThan(0);
    expect(plain.claims.every((c) => c.matches.length === 0)).toBe(true);
  });

  it('does not compare a sentence about another prison on an on-topic page', () => {
    const page = 'CECOT holds deportees from the US. CECOT is in El Salvador. Guantánamo can hold 30,000 migrants, the Pentagon said.';
    const a = analyzeText({ text: page }, dataset, topic);
    expect(a.topic.onTopic).toBe(true);
    expect(a.claims.find((c) => c.text.startsWith('Guantánamo'))?.matches ?? []).toEqual([]);
  });
});

describe('analyzeText: what is listed', () => {
  const page = (body: string) => `CECOT and the deal with El Salvador\n${body}`;
  const listed = (text: string) => analyzeText({ text, url: 'https://x.example/cecot' }, dataset, topic).claims;

  it('lists a finished statement in the dataset’s terms without a number, not a headline in the same words', () => {
    const text = page('Men held in CECOT receive no visits and never go outdoors.\nMen held in CECOT receive no visits\nLos presos del CECOT no reciben visitas y nunca salen de sus celdas.');
    const texts = listed(text).map((c) => c.text);
    expect(texts).toContain('Men held in CECOT receive no visits and never go outdoors.');
    expect(texts).toContain('Los presos del CECOT no reciben visitas y nunca salen de sus celdas.');
    expect(texts).not.toContain('Men held in CECOT receive no visits');
  });

  it('does not list a sentence for the topic’s background words alone', () => {
    const texts = listed(page('CECOT is a prison in El Salvador, and the deal sends deportees there.\nThe weather in El Salvador was fine for the prison guards.')).map((c) => c.text);
    expect(texts).not.toContain('The weather in El Salvador was fine for the prison guards.');
  });

  it('reads plural and present attributions in Spanish and more verbs in English', () => {
    const all = analyzeText({ text: page('Aseguraron que los golpeaban varias veces al día.\nSus abogados denuncian falta de pruebas.\nThe lawyers contended that the men were never charged.') }, dataset, topic, { minCheckWorthiness: 0 }).claims;
    for (const start of ['Aseguraron', 'Sus abogados', 'The lawyers']) expect(all.find((c) => c.text.startsWith(start))?.features.attribution, start).toBe(true);
  });

  it('lists a clause its sentence’s parts leave out, as a claim of its own inside the sentence', () => {
    const text = page(
      'The men reached CECOT under the Alien Enemies Act of 1798, and a judge in Washington ordered on Saturday that the flights stop.\n' +
        'Supimos esta semana que 179 de ellos no tienen antecedentes, de los 238 hombres que Trump envió al CECOT.',
    );
    const claims = listed(text);
    const sentence = claims.find((c) => c.text.startsWith('The men reached'));
    expect(sentence?.parts.map((p) => p.text)).toEqual(['Alien Enemies Act of 1798']);
    const clause = claims.find((c) => c.text === 'and a judge in Washington ordered on Saturday that the flights stop');
    expect(clause).toBeDefined();
    // The Spanish sentence's fact is underlined, as a part of its own (the dataset knows "antecedentes": a criminal
    // record, close to but not the same as "not convicted", so related) or inside a listed clause.
    const fact = text.indexOf('antecedentes');
    expect(claims.some((c) => c.parts.some((p) => p.start <= fact && fact < p.end && p.claimId === 'c003-many-not-convicted' && p.relation === 'related'))).toBe(true);
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      const around = claims.find((o) => o !== c && o.start <= c.start && c.end <= o.end);
      if (!around) continue;
      // A clause never overlaps its sentence's parts, and beside them shows only what it says, never a mere "related".
      expect(around.parts.some((p) => p.start < c.end && c.start < p.end)).toBe(false);
      expect(c.parts.every((p) => p.relation !== 'related')).toBe(true);
    }
  });
});

describe('analyzeDocument', () => {
  it('gives offsets that map back to the live document', () => {
    const d = doc('en-conflicts.html');
    const r = analyzeDocument(d, 'https://x.example/a', dataset, topic);
    expect(r.topic.onTopic).toBe(true);
    expect(r.claims.length).toBeGreaterThan(3);
    for (const c of r.claims) {
      const pieces = domPiecesForRange(r.map!, c.start, c.end);
      const domText = pieces.map((p) => p.node.data.slice(p.from, p.to)).join(' ');
      expect(domText.replace(/\s+/g, ' ')).toBe(c.text.replace(/\s+/g, ' '));
      const points = rangeToDomPoints(r.map!, c.start, c.end)!;
      expect(d.documentElement.contains(points.startContainer)).toBe(true);
    }
  });
});

describe('analyzePage', () => {
  it('stops at the gate for unrelated pages', async () => {
    const d = parseHTML('<html><head><title>Markets</title></head><body><p>Shares rose on Tuesday.</p></body></html>').document as unknown as Document;
    expect(await analyzePage(d, 'https://x.example/markets', dataset, topic)).toBeNull();
  });

  it('loads Readability on demand and analyses pages that pass', async () => {
    const r = await analyzePage(doc('es-capacidad.html'), 'https://x.example/cecot', dataset, topic);
    expect(r?.extraction).toBe('readability');
    expect(r?.language).toBe('es');
    expect(r?.claims.some((c) => c.matches.some((m) => m.claimId === 'c000-capacity-40000' && m.relation === 'agrees'))).toBe(true);
  });
});
