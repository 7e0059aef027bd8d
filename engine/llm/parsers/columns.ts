/** Finding columns by name in a CSV header, and reading checked numbers out of rows, with line and column in errors. */
import { InputError } from '../../core/errors';
import type { CsvRow } from './csv';

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** Index of every wanted column (matched ignoring case, spaces and underscores); missing required ones are an error. */
export function findColumns<K extends string>(
  header: CsvRow,
  wanted: Readonly<Record<K, { readonly name: string; readonly optional?: boolean }>>,
  format: string,
  source?: string,
): Record<K, number> {
  const names = header.fields.map(normalise);
  const found = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    const index = names.indexOf(normalise(wanted[key].name));
    if (index < 0 && !wanted[key].optional) {
      throw new InputError(`${format} header has no "${wanted[key].name}" column (columns: ${header.fields.map((f) => f.trim()).join(', ')})`, { source, line: header.line });
    }
    found[key] = index;
  }
  return found;
}

/** The field at `index` as a number, or an InputError naming the line, column and what was expected. */
export function numberField(row: CsvRow, index: number, name: string, expect: { min?: number; integer?: boolean }, source?: string): number {
  const where = { source, line: row.line, column: row.columns[index] };
  if (index >= row.fields.length) throw new InputError(`row has ${row.fields.length} fields; "${name}" (field ${index + 1}) is missing`, { source, line: row.line });
  const text = row.fields[index].trim();
  const value = text === '' ? NaN : Number(text);
  const what = `${expect.integer ? 'a whole number' : 'a number'}${expect.min === undefined ? '' : ` >= ${expect.min}`}`;
  if (!Number.isFinite(value) || (expect.integer && !Number.isInteger(value)) || (expect.min !== undefined && value < expect.min)) {
    throw new InputError(`"${name}" is ${JSON.stringify(row.fields[index])}; expected ${what}`, where);
  }
  return value;
}
