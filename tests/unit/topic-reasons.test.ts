import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, publicAnalysis } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { recognizeTopic } from '../../lib/topic';
import { bundledTopic } from '../../lib/topic/bundled';
import { reasonText } from '../../lib/topic/reason-text';
import { PageReport } from '../../lib/page/page-report';

const topic = bundledTopic();

describe('topic reasons as data, worded in the interface language', () => {
  const page = {
    url: 'https://news.example/cecot',
    title: 'CECOT: deportees from the United States',
    text: 'The CECOT mega-prison in El Salvador holds Venezuelan migrants deported under the Alien Enemies Act. Bukele defends CECOT. Bitcoin is legal tender.',
  };
  const verdict = recognizeTopic(page, topic);

  it('gives one part per English reason, and the English wording of each part is that reason exactly', () => {
    expect(verdict.reasonParts).toHaveLength(verdict.reasons.length);
    expect(verdict.reasons.length).toBeGreaterThan(3);
    verdict.reasonParts.forEach((p, i) => expect(reasonText(p, 'en')).toBe(verdict.reasons[i]));
  });

  it('words the same reasons in Spanish with the topic file’s Spanish labels', () => {
    const es = verdict.reasonParts.map((p) => reasonText(p, 'es'));
    const cecot = verdict.reasonParts.findIndex((p) => p.kind === 'term' && p.label === 'CECOT');
    const count = (verdict.reasonParts[cecot] as { count: number }).count;
    expect(es[cecot]).toBe(`nombra el CECOT ${count} veces, también en el título`);
    expect(es).toContain('habla de la Ley de Enemigos Extranjeros y El Salvador');
    for (const r of es) expect(r).not.toMatch(/\b(names|mentions|speaks|once|times|about|points away)\b|\+/);
  });

  it('falls back to the English label where a topic term has no Spanish one (the reader’s own terms)', () => {
    expect(reasonText({ kind: 'term', verb: 'mentions', label: 'Izalco', count: 1, inTitle: false }, 'es')).toBe('menciona Izalco una vez');
    expect(reasonText({ kind: 'negative', label: 'bitcoin', labelEs: 'bitcóin' }, 'es')).toBe('habla de bitcóin, lo que la aleja del tema');
    expect(reasonText({ kind: 'negative', label: 'bitcoin', labelEs: 'bitcóin' }, 'en')).toBe('speaks of bitcoin, which points away from the topic');
  });

  it('every term, combination and near-miss of the bundled topic has a Spanish label', () => {
    for (const x of [...topic.terms, ...topic.combos, ...topic.negatives]) expect(x.labelEs, x.id).toBeTruthy();
  });

  it('the analysis carries the parts through scan --json and the page report’s schema', () => {
    const text = readFileSync(join(__dirname, '../fixtures/eval/es-conflictos.txt'), 'utf8');
    const a = publicAnalysis(analyzeText({ text, url: 'https://diario.example/cecot' }, bundledDataset(), topic));
    expect(a.topic.reasonParts.length).toBeGreaterThan(0);
    expect(a.topic.reasonParts.map((p) => reasonText(p, 'en'))).toEqual(a.topic.reasons);
    const parsed = PageReport.shape.topic.parse(a.topic);
    expect(parsed.reasonParts).toEqual(a.topic.reasonParts);
    expect(() => PageReport.shape.topic.parse({ ...a.topic, reasonParts: [{ kind: 'term', label: 'x' }] })).toThrow();
  });
});
