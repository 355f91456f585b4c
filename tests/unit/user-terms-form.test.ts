import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bundledTopic } from '../../lib/topic/bundled';
import { parseTopic } from '../../lib/topic/schema';
import { recognizeTopic } from '../../lib/topic/recognize';
import { pageGate } from '../../lib/topic/page-gate';
import { topicWithUserTerms, userTopicStore } from '../../lib/topic/user-terms';
import { formToClaim, prefillClaimForm } from '../../lib/dataset/claim-form';
import { loadSeedsFromDir } from '../../scripts/load-seeds';

const term = { id: 'zacatraz', kind: 'place' as const, label: 'Zacatraz', phrases: ['Zacatraz'], strength: 'strong' as const };
const page = { title: 'Notes from the Zacatraz visit', text: 'The Zacatraz facility was shown to reporters. Officials said about 1,200 guards work at Zacatraz.' };

describe('the reader’s recognition terms', () => {
  it('a strong term puts a page on topic that was not; the extended topic still validates', () => {
    expect(recognizeTopic(page, bundledTopic()).onTopic).toBe(false);
    const extended = topicWithUserTerms(bundledTopic(), [term]);
    expect(() => parseTopic(extended)).not.toThrow();
    expect(recognizeTopic(page, extended).onTopic).toBe(true);
    expect(topicWithUserTerms(bundledTopic(), [term])).toBe(extended); // cached: compiled once
    expect(topicWithUserTerms(bundledTopic(), [])).toBe(bundledTopic());
  });

  it('the always-on gate also tests the stored phrases', () => {
    const { document } = parseHTML(`<html><head><title>${page.title}</title></head><body><p>${page.text}</p></body></html>`);
    const doc = document as unknown as Document;
    expect(pageGate(doc, 'https://x.example/')).toBe(false);
    expect(pageGate(doc, 'https://x.example/', userTopicStore([term]).gatePhrases)).toBe(true);
  });
});

describe('the add-to-dataset form', () => {
  const seeds = loadSeedsFromDir('seeds');
  const captured = { type: 'TextQuoteSelector' as const, exact: 'about 1,200 guards watch the inmates', prefix: 'Inside CECOT, ', suffix: ' in shifts' };
  const base = () =>
    prefillClaimForm({ text: captured.exact, captured, pageUrl: 'https://news.example/a', pageTitle: 'A', language: 'en', matchedClaims: [], now: new Date('2026-12-01T00:00:00Z') });

  it('is pre-filled from the page: the number and hedge, the source, the quote', () => {
    const f = base();
    expect(f).toMatchObject({ valueKind: 'quantity', quantity: { value: '1200', qualifier: 'about' }, sourceUrl: 'https://news.example/a', quote: captured.exact, subject: '' });
  });

  it('gives a valid claim and subject; a trimmed quote keeps its context as prefix and suffix', () => {
    const f = { ...base(), statement: 'About 1,200 guards work at CECOT.', statementEs: 'Unos 1.200 custodios trabajan en el CECOT.', quote: '1,200 guards' };
    f.newSubject = { key: 'cecot.guards', label: 'Guards', labelEs: 'Custodios', kind: 'quantity', unit: 'people', cuesEn: 'guards, wardens', cuesEs: 'custodios' };
    const r = formToClaim(f, seeds.subjects);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.subject).toMatchObject({ key: 'cecot.guards', unit: 'people', cues: { en: ['guards', 'wardens'], es: ['custodios'] } });
    expect(r.claim.value).toEqual({ kind: 'quantity', quantity: { value: 1200, unit: 'people', qualifier: 'about', text: 'about 1,200 guards' } });
    expect(r.claim.webSources[0]!.quote).toEqual({ type: 'TextQuoteSelector', exact: '1,200 guards', prefix: 'Inside CECOT, about ', suffix: ' watch the inmates in shifts' });
  });

  it('writes the note of an added claim in English and Spanish, so it reads in either interface language', async () => {
    const { curatorNoteFor } = await import('../../lib/dataset/localize');
    const f = { ...base(), statement: 'About 1,200 guards work at CECOT.', statementEs: 'Unos 1.200 custodios trabajan en el CECOT.', quote: '1,200 guards', sourceTitle: 'Inside the prison' };
    f.newSubject = { key: 'cecot.guards', label: 'Guards', labelEs: 'Custodios', kind: 'quantity', unit: 'people', cuesEn: 'guards', cuesEs: 'custodios' };
    const r = formToClaim(f, seeds.subjects);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.claim.assessment).toMatchObject({ note: 'Added by the reader from Inside the prison.', noteEs: 'Agregada por el lector desde Inside the prison.' });
    expect(curatorNoteFor(r.claim, 'es')).toEqual({ text: 'Agregada por el lector desde Inside the prison.', lang: 'es' });
  });

  it('refuses a quote that is not on the page, an existing subject key and a missing unit, naming each field', () => {
    const f = { ...base(), quote: 'about 9,999 guards' };
    f.newSubject = { key: 'cecot.capacity', label: 'x', labelEs: '', kind: 'quantity', unit: '', cuesEn: '', cuesEs: '' };
    const r = formToClaim(f, seeds.subjects);
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.errors.map((e) => e.field);
    expect(fields).toContain('quote');
    expect(fields).toContain('newSubject.unit');
  });
});
