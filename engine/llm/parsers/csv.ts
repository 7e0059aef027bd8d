/**
 * A small RFC 4180 CSV reader that remembers where every field starts, so an importer can name the line and
 * column of a bad value. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and a BOM are fine.
 */
import { InputError } from '../../core/errors';

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly fields: readonly string[];
  /** 1-based column where each field starts. */
  readonly columns: readonly number[];
}

export function readCsv(text: string, source?: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    const columns: number[] = [];
    for (;;) {
      columns.push(i - lineStart + 1);
      let value = '';
      if (text.charCodeAt(i) === 34) {
        const openLine = line;
        const openColumn = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) throw new InputError('unterminated quoted field', { source, line: openLine, column: openColumn });
          const ch = text.charCodeAt(i);
          if (ch === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === 10) {
            line++;
            lineStart = i + 1;
          }
          value += text[i++];
        }
      } else {
        const start = i;
        while (i < n) {
          const ch = text.charCodeAt(i);
          if (ch === 44 || ch === 10 || ch === 13) break;
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    line++;
    lineStart = i;
    if (fields.length === 1 && fields[0].trim() === '') continue; // blank line
    rows.push({ line: rowLine, fields, columns });
  }
  return rows;
}
