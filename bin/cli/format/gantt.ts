import type { Downtime, ScheduledOperation } from '../../../engine/jobshop/run-types';
import type { Style } from './style';

/**
 * A text Gantt chart: one row per machine, one character per time slot, the character naming the job
 * (0-9, then A-Z, then a-z); × marks a breakdown, · idle time. When the schedule is longer than the width, a
 * character stands for several time units and shows what happens at the middle of its slot, so very short
 * operations may not show.
 */

const SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function jobSymbol(job: number): string {
  return SYMBOLS[job % SYMBOLS.length];
}

export interface GanttOptions {
  readonly machineCount: number;
  /** Columns for the bars (default 72). */
  readonly width?: number;
  readonly downtime?: readonly Downtime[];
  readonly style: Style;
}

/** Time ticks every 1, 2 or 5 times a power of ten, at least 8 columns apart. */
function tickStep(horizon: number, width: number): number {
  const minimum = (horizon / width) * 8;
  const power = 10 ** Math.floor(Math.log10(Math.max(minimum, 1)));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= minimum) return factor * power;
  return 10 * power;
}

function axis(horizon: number, width: number, scale: number, label: string, style: Style): string[] {
  const step = tickStep(horizon, width);
  const marks = Array.from({ length: width + 1 }, () => ' ');
  const numbers = Array.from({ length: width + 12 }, () => ' ');
  for (let t = 0; t <= horizon; t += step) {
    const col = Math.min(width, Math.round(t / scale));
    marks[col] = '┬';
    const text = String(t);
    if (numbers.slice(col, col + text.length + 1).every((c) => c === ' ')) {
      for (let i = 0; i < text.length; i++) numbers[col + i] = text[i];
    }
  }
  // Column c of the marks is the slot that starts at time c x scale, so the marks sit under the bars (past "M0 │").
  const pad = ' '.repeat(label.length + 2);
  return [style.dim(`${pad}${marks.join('')}`), style.dim(`${pad}${numbers.join('').trimEnd()}`)];
}

export function renderGantt(schedule: readonly ScheduledOperation[], options: GanttOptions): string {
  const { machineCount, style } = options;
  const horizon = schedule.reduce((end, op) => Math.max(end, op.end), 0);
  if (horizon <= 0) return style.dim('(empty schedule)');
  const width = Math.max(10, Math.min(options.width ?? 72, Math.ceil(horizon)));
  const scale = horizon / width;
  const labelWidth = `M${machineCount - 1}`.length;
  const rows: string[] = [];
  for (let m = 0; m < machineCount; m++) {
    const ops = schedule.filter((op) => op.machine === m);
    const down = (options.downtime ?? []).filter((d) => d.machine === m);
    // Cells as plain characters first, then styled in runs, so a bar is one escape sequence, not one per cell.
    const cells: { text: string; job: number }[] = [];
    for (let col = 0; col < width; col++) {
      const t = (col + 0.5) * scale;
      // Downtime first: an interrupted operation spans its breakdown, which should still show.
      const op = ops.find((o) => o.start <= t && t < o.end);
      if (down.some((d) => d.start <= t && t < d.end)) cells.push({ text: '×', job: -1 });
      else if (op) cells.push({ text: jobSymbol(op.job), job: op.job });
      else cells.push({ text: '·', job: -1 });
    }
    let row = '';
    for (let start = 0; start < cells.length; ) {
      let end = start + 1;
      while (end < cells.length && cells[end].job === cells[start].job && cells[end].text === cells[start].text) end++;
      const text = cells.slice(start, end).map((c) => c.text).join('');
      row += cells[start].job >= 0 ? style.job(cells[start].job, text) : text[0] === '×' ? style.red(text) : style.dim(text);
      start = end;
    }
    rows.push(`${`M${m}`.padStart(labelWidth)} ${style.dim('│')}${row}${style.dim('│')}`);
  }
  rows.push(...axis(horizon, width, scale, ' '.repeat(labelWidth), style));
  return rows.join('\n');
}
