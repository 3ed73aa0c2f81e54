/**
 * A small RFC 4180 CSV reader: comma-separated fields, double-quoted fields may hold commas, quotes
 * (doubled: "") and line breaks; CRLF or LF line ends; a leading byte-order mark is dropped; blank
 * lines are skipped. Each record keeps its spreadsheet row number (header = row 1), counting records,
 * not physical lines, so a quoted line break does not shift later row numbers.
 */
import { csvCell } from '../csvCell.js';
import { InputError, issue } from '../errors.js';

/** One CSV record and its row number (the header is row 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** A parsed CSV: the header's column names and the data records. */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses CSV text. Throws an `InputError` (path `<source>`) for an empty file, an unterminated quote or
 * text after a closing quote.
 * @example parseCsv('a,b\n1,"x, y"\n').records[0].fields // ['1', 'x, y']
 */
export function parseCsv(text: string, source = 'csv'): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let record = 1;
  let quotedField = false;
  let line = 1;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !quotedField;
    if (!blank) rows.push({ row: record++, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '' && !quotedField) {
      // quoted field
      const startLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new InputError([issue(`${source}.rows[${record}]`, `has a quote opened on line ${startLine} that is never closed`)]);
        const chunk = text.slice(i, q);
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
        field += chunk;
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      quotedField = true;
      const next = text[i];
      if (i < n && next !== ',' && next !== '\n' && next !== '\r')
        throw new InputError([issue(`${source}.rows[${record}]`, `has text after a closing quote on line ${line} (quote the whole field and double inner quotes)`)]);
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      continue;
    }
    // an unquoted run up to the next delimiter
    let j = i + 1;
    while (j < n) {
      const cc = text.charCodeAt(j);
      if (cc === 44 || cc === 10 || cc === 13) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  if (rows.length === 0) throw new InputError([issue(source, 'is empty (expected a header row and at least one data row)')]);
  const [head, ...records] = rows;
  return { header: head.fields.map((h) => h.trim()), records };
}

/**
 * One CSV field: quoted when it needs it (comma, quote or line break), and neutralised when a
 * spreadsheet would run it as a formula (engine/csvCell.ts: a leading =, +, -, @, tab or CR gets a
 * single quote; numbers stay numbers).
 * @example csvField('a, b') // '"a, b"'
 */
export function csvField(v: string): string {
  return csvCell(v);
}

/**
 * Formats rows as CSV text with LF line ends.
 * @example toCsv([['a', 'b'], ['1', '2']]) // 'a,b\n1,2\n'
 */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
