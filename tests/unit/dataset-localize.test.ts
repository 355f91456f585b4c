import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/dataset/bundled';
import { crossAssessmentFor, curatorNoteFor, sourceTitleFor, statementById, statementFor, subjectLabelFor } from '../../lib/dataset/localize';
import { searchClaims } from '../../lib/dataset/claim-search';

const data = bundledDataset();
const capacity = data.claims.find((c) => c.id === 'c000-capacity-40000')!;

describe('dataset text in the interface language', () => {
  it('gives the Spanish statement and subject label in Spanish, the English ones in English', () => {
    expect(statementFor(capacity, 'es')).toBe('El CECOT tiene capacidad para hasta 40.000 presos.');
    expect(statementFor(capacity, 'en')).toBe('CECOT can hold up to 40,000 prisoners.');
    const subject = data.subjects.find((s) => s.key === capacity.subject)!;
    expect(subjectLabelFor(subject, 'es')).toBe(subject.labelEs);
    expect(subjectLabelFor(subject, 'en')).toBe(subject.label);
    expect(subject.labelEs).not.toBe(subject.label);
  });
  it('every claim has a Spanish statement that differs from the English one', () => {
    for (const c of data.claims) expect(statementFor(c, 'es'), c.id).not.toBe(statementFor(c, 'en'));
  });
  it('gives the curator’s notes in Spanish, marked as Spanish, when the interface is Spanish', () => {
    const es = curatorNoteFor(capacity, 'es');
    expect(es.lang).toBe('es');
    expect(es.text).toMatch(/^Ambos artículos dan 40.000 /);
    expect(curatorNoteFor(capacity, 'en')).toEqual({ text: capacity.assessment.note, lang: 'en' });
    const cross = data.assessments.find((a) => a.id === 'a-000-uzbekistan')!;
    const crossEs = crossAssessmentFor(cross, 'es');
    expect(crossEs.title).toEqual({ text: cross.titleEs, lang: 'es' });
    expect(crossEs.note.text).toContain('Un informe sobre Uzbekistán no puede respaldar afirmaciones sobre El Salvador');
    expect(crossAssessmentFor(cross, 'en').note).toEqual({ text: cross.note, lang: 'en' });
  });
  it('every bundled note, and every cross-claim title, has a Spanish version that differs from the English', () => {
    for (const c of data.claims) expect(c.assessment.noteEs, c.id).toBeTruthy();
    for (const c of data.claims) expect(c.assessment.noteEs, c.id).not.toBe(c.assessment.note);
    for (const a of data.assessments) {
      expect(a.titleEs, a.id).toBeTruthy();
      expect(a.noteEs, a.id).not.toBe(a.note);
    }
  });
  it('keeps figures exact in the Spanish notes: every number of the English note is in the Spanish one, whatever the thousands separator', () => {
    // The Spanish prose writes thousands as "40.000" (as the Spanish statements do); quotes keep the article's "40,000".
    const numbers = (t: string) => (t.match(/\d[\d,.-]*\d|\d/g) ?? []).map((n) => n.replace(/[.,]$/, '').replace(/(\d)[.,](?=\d{3}\b)/g, '$1')).sort();
    for (const c of data.claims) expect(numbers(c.assessment.noteEs!), c.id).toEqual(numbers(c.assessment.note));
    for (const a of data.assessments) expect(numbers(a.noteEs!), a.id).toEqual(numbers(a.note));
  });
  it('falls back to the English note, marked English, where no Spanish one was written (packs, older data)', () => {
    const packNote = { assessment: { note: 'Only the pack article says so.' } };
    expect(curatorNoteFor(packNote, 'es')).toEqual({ text: 'Only the pack article says so.', lang: 'en' });
    expect(crossAssessmentFor({ title: 'T', note: 'N' }, 'es')).toEqual({ title: { text: 'T', lang: 'en' }, note: { text: 'N', lang: 'en' } });
  });
  it('marks text the dataset holds in one language with that language', () => {
    const spanish = data.sources.find((s) => s.language === 'es');
    if (spanish) expect(sourceTitleFor(spanish).lang).toBe('es');
  });
  it('looks a statement up by id, falling back to the report text, then the id', () => {
    const map = new Map(data.claims.map((c) => [c.id, c]));
    expect(statementById(capacity.id, map, 'es')).toBe(capacity.statementEs);
    expect(statementById('missing', map, 'es', 'from the report')).toBe('from the report');
    expect(statementById('missing', map, 'es')).toBe('missing');
  });
});

describe('claim picker search', () => {
  it('finds by words in either language, ignoring accents and case, and by number however it is written', () => {
    const es = searchClaims(data.claims, 'CAPACIDAD', 'en').map((o) => o.id);
    expect(es).toContain(capacity.id);
    expect(searchClaims(data.claims, '40000', 'es').map((o) => o.id)).toContain(capacity.id);
    expect(searchClaims(data.claims, '40.000 capacidad', 'es')[0]?.statement).toBe(capacity.statementEs);
    expect(searchClaims(data.claims, 'zzzz-nothing', 'en')).toEqual([]);
  });
  it('lists the claims matched on the page first, in the page order, and everything on an empty query', () => {
    const last = data.claims[data.claims.length - 1]!.id;
    const all = searchClaims(data.claims, '  ', 'es', [last, capacity.id]);
    expect(all).toHaveLength(data.claims.length);
    expect(all.slice(0, 2).map((o) => [o.id, o.suggested])).toEqual([
      [last, true],
      [capacity.id, true],
    ]);
    expect(all[2]!.suggested).toBe(false);
  });
});
