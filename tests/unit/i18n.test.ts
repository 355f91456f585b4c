import { describe, expect, it } from 'vitest';
import { CATALOGS, pickLocale, placeholders, render, translator, type Message } from '../../lib/i18n';

describe('interface catalogs', () => {
  for (const [area, catalog] of Object.entries(CATALOGS)) {
    const en = catalog.en as Record<string, Message>;
    const es = catalog.es as Record<string, Message>;
    it(`${area}: English and Spanish have the same keys`, () => {
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${area}: every message uses the same placeholders and plural shape in both languages`, () => {
      for (const key of Object.keys(en)) {
        const a = en[key]!;
        const b = es[key]!;
        expect(typeof b, `${area}.${key}`).toBe(typeof a);
        expect(placeholders(b), `${area}.${key}`).toEqual(placeholders(a));
        expect(String(typeof b === 'string' ? b : b.other).trim(), `${area}.${key} is empty`).not.toBe('');
      }
    });
  }
});

describe('translator', () => {
  it('follows the reader, then the browser, then falls back to English', () => {
    expect(pickLocale('es', 'en-US')).toBe('es');
    expect(pickLocale('auto', 'es-SV')).toBe('es');
    expect(pickLocale('auto', 'fr-FR')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
  });
  it('picks plural forms and formats numbers for the locale', () => {
    const msg = { one: '{count} claim', other: '{count} claims' };
    expect(render('en', msg, { count: 1 })).toBe('1 claim');
    expect(render('en', msg, { count: 40000 })).toBe('40,000 claims');
    expect(render('es', { one: '{count} afirmación', other: '{count} afirmaciones' }, { count: 40000 })).toBe('40.000 afirmaciones');
    expect(render('en', { zero: 'no claims', one: 'one', other: 'many' }, { count: 0 })).toBe('no claims');
  });
  it('leaves a missing parameter visible instead of printing "undefined"', () => {
    expect(render('en', 'page says {page}', {})).toBe('page says {page}');
  });
  it('translates keys by area and language', () => {
    expect(translator('es')('common.cancel')).toBe('Cancelar');
    expect(translator('en')('common.error', { message: 'disk full' })).toBe('Something went wrong: disk full');
  });
});
