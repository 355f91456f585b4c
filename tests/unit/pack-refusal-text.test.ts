import { describe, expect, it } from 'vitest';
import { describePackRefusal } from '../../components/dataset/pack-refusal-text';
import type { PackRefusal, PackRefusalCode } from '../../lib/dataset/pack-refusal';
import { translator } from '../../lib/i18n';

/** One refusal of every code, with the details the importer gives it. */
const EVERY: Record<PackRefusalCode, PackRefusal> = {
  'too-large': { code: 'too-large', size: 40_000_000, max: 32_000_000 },
  'not-json': { code: 'not-json' },
  'not-a-pack': { code: 'not-a-pack', expected: 'cecot-lens-dataset-pack' },
  'unsupported-version': { code: 'unsupported-version', version: 3, supported: 1 },
  invalid: { code: 'invalid', path: 'claims.claims [u-guards].webSources', problem: { field: 'webSources', code: 'empty' }, message: 'Too small: expected array to have >=1 items' },
  'other-topic': { code: 'other-topic', topic: 'another-prison', expected: 'cecot' },
  fingerprint: { code: 'fingerprint' },
  duplicate: { code: 'duplicate', kind: 'claim', id: 'u-guards' },
  'bundled-claim-id': { code: 'bundled-claim-id', path: 'claims.claims [c000]', claim: 'c000' },
  'unknown-subject': { code: 'unknown-subject', path: 'claims.claims [u-guards] subject', subject: 'cecot.cooks' },
  'unit-needed': { code: 'unit-needed', path: 'subjects.subjects [cecot.guards] unit' },
  'unknown-claim': { code: 'unknown-claim', path: 'corrections.corrections [nope]', claim: 'nope' },
  'no-claimreview': { code: 'no-claimreview' },
};

describe('pack refusals in the interface language', () => {
  const en = translator('en');
  const es = translator('es');

  it('words every code in both languages, differently, keeping the file’s path and ids as written', () => {
    for (const r of Object.values(EVERY)) {
      const [inEnglish, inSpanish] = [describePackRefusal(en, r), describePackRefusal(es, r)];
      expect(inEnglish).not.toMatch(/\{|\}|undefined/);
      expect(inSpanish).not.toMatch(/\{|\}|undefined/);
      expect(inSpanish, r.code).not.toBe(inEnglish);
      for (const detail of ['path', 'id', 'claim', 'subject', 'topic'] as const) {
        const value = (r as Record<string, unknown>)[detail];
        if (typeof value === 'string') {
          expect(inEnglish).toContain(value);
          expect(inSpanish).toContain(value);
        }
      }
    }
  });

  it('says what is wrong with a field in words, not in the validator’s English', () => {
    const r = EVERY.invalid;
    expect(describePackRefusal(en, r)).toBe('at claims.claims [u-guards].webSources: “webSources” is empty');
    expect(describePackRefusal(es, r)).toBe('en claims.claims [u-guards].webSources: «webSources» está vacío');
    expect(describePackRefusal(es, r)).not.toContain(r.code === 'invalid' ? r.message : '');
  });

  it('tells a newer format (update) from an unknown older one, and formats numbers for the locale', () => {
    expect(describePackRefusal(es, EVERY['unsupported-version'])).toContain('actualice la extensión');
    expect(describePackRefusal(es, { code: 'unsupported-version', version: 0, supported: 1 })).not.toContain('actualice');
    expect(describePackRefusal(es, EVERY['too-large'])).toContain('40.000.000');
    expect(describePackRefusal(es, EVERY['not-json'])).toBe('no es JSON (o está cortado)');
  });
});
