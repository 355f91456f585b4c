import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, toCsv } from '../../lib/exchange/to-csv';
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

const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

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
      tags: 'cecot\nnumbers',
      verdict: 'misleading',
      claim_ids: 'cecot.capacity.40000\ndeportees.march',
      claim_statements: 'CECOT can hold 40,000 inmates.\nThe US sent 238 Venezuelans to CECOT in March 2025.',
      relations: 'conflicts\n',
      created: a.createdAt,
      updated: a.updatedAt,
      annotation_id: a.id,
    });
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
        const live = records.filter((r) => r.deletedAt === null);
        expect(rows).toHaveLength(live.length + 1);
        live.forEach((r, i) => {
          const row = rows[i + 1]!;
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect(unguard(row[2]!)).toBe(r.quote);
          expect(unguard(row[3]!)).toBe(r.note);
          expect(row[11]).toBe(r.id);
          for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        });
      }),
      { numRuns: 150 },
    );
  });
});
