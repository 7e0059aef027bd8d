import { visibleLength, type Style } from './style';

export interface Column {
  readonly header: string;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A plain text table: bold header, a rule under it, columns two spaces apart, indented by `indent`. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, indent = '  '): string {
  const widths = columns.map((c, i) => Math.max(visibleLength(c.header), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    indent + cells.map((cell, i) => pad(cell, widths[i], columns[i].align ?? 'left')).join('  ').trimEnd();
  const out = [style.bold(line(columns.map((c) => c.header))), style.dim(indent + widths.map((w) => '─'.repeat(w)).join('  '))];
  for (const row of rows) out.push(line(row));
  return out.join('\n');
}
