import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvOrder, toCsv } from '../../lib/exchange/to-csv';
import { annotationListArb, ctx, makeAnnotation } from './exchange-fixtures';

/**
 * A strict RFC 4180 reader, written here to check the writer: fields separated
 * by commas, records by CRLF, quoted fields may hold anything with "" for ".
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const c = text[i];
        if (c === undefined) throw new Error('unterminated quoted field');
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i];
        i++;
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
}

const unguard = (cell: string) => (/^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);

describe('CSV export', () => {
  it('writes a header and one row per live highlight, with claim statements and relations', () => {
    const a = makeAnnotation({
      title: 'Bukele, the "CECOT" and 40,000',
      note: 'first line\nsecond line',
      tags: ['cecot', 'numbers'],
      verdict: 'misleading',
      claims: [
        { claimId: 'cecot.capacity.40000', relation: 'conflicts' },
        { claimId: 'deportees.march' },
      ],
    });
    const gone = makeAnnotation({ deletedAt: '2025-03-22T00:00:00.000Z', revision: 2 });
    const rows = parseCsv(toCsv([a, gone], ctx));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toEqual({
      page_title: 'Bukele, the "CECOT" and 40,000',
      url: a.canonicalUrl,
      quote: a.quote,
      note: 'first line\nsecond line',
      tags: 'cecot | numbers',
      verdict: 'misleading',
      linked_claims: 'CECOT can hold 40,000 inmates. | The US sent 238 Venezuelans to CECOT in March 2025.',
      relations: 'conflicts | linked',
      claim_ids: 'cecot.capacity.40000 | deportees.march',
      created: a.createdAt,
      created_local: 'Mar 20, 2025, 10:00 AM UTC',
      updated: a.updatedAt,
      updated_local: 'Mar 20, 2025, 10:00 AM UTC',
      annotation_id: a.id,
    });
  });

  it('rows go page by page, then in the order of the quotes on the page, then by time', () => {
    const p1 = 'https://a.example/one';
    const p2 = 'https://b.example/two';
    const at = (start: number | undefined, created: string, url: string, quote: string) =>
      makeAnnotation({
        canonicalUrl: url,
        url,
        quote,
        createdAt: created,
        updatedAt: created,
        selectors: { quote: { type: 'TextQuoteSelector', exact: quote }, ...(start !== undefined ? { position: { type: 'TextPositionSelector', start, end: start + 5 } } : {}) },
      });
    const records = [
      at(900, '2025-03-01T10:00:00.000Z', p2, 'p2 late in page'),
      at(500, '2025-03-05T10:00:00.000Z', p1, 'p1 middle'),
      at(100, '2025-03-06T10:00:00.000Z', p1, 'p1 top'),
      at(undefined, '2025-03-02T10:00:00.000Z', p1, 'p1 no position'),
      at(100, '2025-03-07T10:00:00.000Z', p2, 'p2 top'),
    ];
    const quotes = parseCsv(toCsv(records, ctx)).slice(1).map((r) => r[2]);
    expect(quotes).toEqual(['p2 top', 'p2 late in page', 'p1 top', 'p1 middle', 'p1 no position']);
  });

  it('readable times follow the locale and time zone asked for', () => {
    const a = makeAnnotation({ createdAt: '2025-03-20T10:00:00.000Z', updatedAt: '2025-03-20T10:00:00.000Z' });
    const rows = parseCsv(toCsv([a], ctx, { locale: 'es', timeZone: 'America/El_Salvador' }));
    expect(rows[1]![CSV_COLUMNS.indexOf('created_local')]).toMatch(/^20 mar 2025, 4:00/);
    expect(rows[1]![CSV_COLUMNS.indexOf('created')]).toBe('2025-03-20T10:00:00.000Z');
  });

  it('ends every line with CRLF and quotes only when needed', () => {
    const text = toCsv([makeAnnotation({ note: 'plain' })], ctx);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('adds a UTF-8 byte-order mark only when asked', () => {
    expect(toCsv([], ctx).charCodeAt(0)).not.toBe(0xfeff);
    expect(toCsv([], ctx, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://evil","x")', '+cmd', '-1+1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    const rows = parseCsv(toCsv([makeAnnotation({ note: '=1+1', title: '@title' })], ctx));
    expect(rows[1]![3]).toBe("'=1+1");
    expect(rows[1]![0]).toBe("'@title");
    const raw = parseCsv(toCsv([makeAnnotation({ note: '=1+1' })], ctx, { guardFormulas: false }));
    expect(raw[1]![3]).toBe('=1+1');
  });

  it('any content reads back cell for cell (property)', () => {
    fc.assert(
      fc.property(annotationListArb(8), (records) => {
        const rows = parseCsv(toCsv(records, ctx));
        const live = csvOrder(records.filter((r) => r.deletedAt === null));
        expect(rows).toHaveLength(live.length + 1);
        live.forEach((r, i) => {
          const row = rows[i + 1]!;
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect(unguard(row[2]!)).toBe(r.quote);
          expect(unguard(row[3]!)).toBe(r.note);
          expect(row[CSV_COLUMNS.indexOf('annotation_id')]).toBe(r.id);
          for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        });
      }),
      { numRuns: 150 },
    );
  });
});
