import { describe, expect, it } from 'vitest';
import { ExportRequest } from '../../lib/data/export-request';
import { runExport } from '../../lib/data/run-export';
import { makeAnnotation } from './exchange-fixtures';

const input = (annotations = [makeAnnotation({ tags: ['cecot'], note: 'n' })]) => ({
  annotations,
  claims: [],
  dataset: { id: 'd', version: '1' },
  generator: { name: 'CECOT Lens', version: '0.1.0' },
  now: new Date('2025-04-01T12:00:00Z'),
});

describe('runExport', () => {
  it('a filter matching nothing writes no file and says why', () => {
    for (const format of ['bundle', 'w3c', 'hypothesis', 'csv', 'markdown'] as const) {
      const out = runExport(ExportRequest.parse({ format, tags: ['nothing-has-this'] }), input());
      expect(out).toMatchObject({ count: 0, text: '', empty: 'nothing-selected' });
    }
    const some = runExport(ExportRequest.parse({ format: 'csv', tags: ['cecot'] }), input());
    expect(some.empty).toBeUndefined();
    expect(some.count).toBe(1);
  });

  it('ClaimReview with no verdict among the selection: nothing written, a reason given', () => {
    const out = runExport(ExportRequest.parse({ format: 'claimreview', claimReview: { reviewUrl: 'https://fc.example/r', authorName: 'FC' } }), input());
    expect(out).toMatchObject({ count: 0, text: '', empty: 'no-verdicts' });
  });

  it('CSV times in the reader’s language and zone', () => {
    const out = runExport(ExportRequest.parse({ format: 'csv', locale: 'es', timeZone: 'America/El_Salvador', bom: false }), input());
    expect(out.text).toContain('20 mar 2025');
    const bad = runExport(ExportRequest.parse({ format: 'csv', timeZone: 'Not/AZone', bom: false }), input());
    expect(bad.text).toContain('UTC');
  });
});
