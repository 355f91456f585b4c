import { describe, expect, it } from 'vitest';
import { readSessionStart, writeSessionStart } from '../../lib/page/session-start';

describe('the settings handed to a page session', () => {
  it('come back as they were written, nulls included', () => {
    const start = { settings: { disabledSites: ['a.example'], language: null }, userTerms: [{ id: 't', phrases: ['x'] }] };
    expect(readSessionStart(writeSessionStart(start))).toEqual(start);
  });

  it('are none for anything the background did not write (the session then reads storage)', () => {
    for (const value of [undefined, null, '', 'not json', '{}', '{"settings":{}}', 42, { settings: {}, userTerms: [] }]) {
      expect(readSessionStart(value)).toBeNull();
    }
  });
});
