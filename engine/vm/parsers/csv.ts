/**
 * Headerless CSV rows for the trace importers (Azure vmtable, Alibaba 2018): every field keeps its 1-based line and
 * column and its column name, so a bad value is reported as `file:line:column: column "cpu_request" ...`. The traces
 * have no quoted fields, so a quote is refused rather than half-understood.
 */
import { InputError } from '../../core/errors';

export interface CsvRow {
  /** 1-based line in the file. */
  readonly line: number;
  readonly fields: readonly string[];
  /** 1-based column where each field starts. */
  readonly columns: readonly number[];
}

/** Reads the text's non-blank lines; each must have exactly `names.length` fields (or at least `minFields`). */
export function readCsv(text: string, names: readonly string[], source: string | undefined, minFields = names.length): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  body.split(/\r\n|\n|\r/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    const quote = raw.indexOf('"');
    if (quote >= 0) throw new InputError('quoted fields are not supported in this trace format', { source, line, column: quote + 1 });
    const fields = raw.split(',');
    const columns: number[] = [];
    let at = 1;
    for (const field of fields) {
      columns.push(at);
      at += field.length + 1;
    }
    if (fields.length < minFields || fields.length > names.length) {
      const expected = minFields === names.length ? `${names.length}` : `${minFields}-${names.length}`;
      throw new InputError(`expected ${expected} comma-separated fields (${names.join(', ')}), found ${fields.length}`, { source, line });
    }
    rows.push({ line, fields: fields.map((f) => f.trim()), columns });
  });
  return rows;
}

/** Reads fields of one row by column name, with errors that name the column and quote the value. */
export class FieldReader {
  constructor(
    private readonly names: readonly string[],
    private readonly source: string | undefined,
  ) {}

  error(row: CsvRow, name: string, expected: string): InputError {
    const i = this.names.indexOf(name);
    const found = row.fields[i] === undefined || row.fields[i] === '' ? 'an empty field' : `"${row.fields[i]}"`;
    return new InputError(`column "${name}": expected ${expected}, found ${found}`, { source: this.source, line: row.line, column: row.columns[i] });
  }

  /** The raw text ('' when the row is short or the field empty). */
  text(row: CsvRow, name: string): string {
    return row.fields[this.names.indexOf(name)] ?? '';
  }

  /** A finite number >= min; `optional` lets an empty field through as undefined. */
  number(row: CsvRow, name: string, expected: string, min?: number): number;
  number(row: CsvRow, name: string, expected: string, min: number, optional: true): number | undefined;
  number(row: CsvRow, name: string, expected: string, min = 0, optional = false): number | undefined {
    const raw = this.text(row, name);
    if (raw === '' && optional) return undefined;
    // Number('') is 0 and Number(' 1') is 1: the pattern keeps both from passing as numbers.
    const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(Number.isFinite(value) && value >= min)) throw this.error(row, name, expected);
    return value;
  }

  /** A non-empty field. */
  word(row: CsvRow, name: string, expected: string): string {
    const raw = this.text(row, name);
    if (raw === '') throw this.error(row, name, expected);
    return raw;
  }
}
