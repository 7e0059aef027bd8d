/**
 * Taillard's original job-shop format (1993 files tai015_15.txt ...): a header text line
 * `Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound`, the line of those numbers,
 * `Times` and n rows of m durations, `Machines` and n rows of m machines numbered from 1. One file may hold
 * several instances back to back. The header text is free; the numbers are checked strictly.
 */
import { InputError } from '../../core/errors';
import type { Job, JobShopInstance } from '../model';
import { validateInstance } from '../validate';
import { taillardNameFor } from '../generators/taillard';
import { defaultName, readInteger, rangeText, tokenError, tokenize, type ParseOptions, type TokenLine } from './tokens';

/** The numbers of a Taillard header; seeds and bounds are absent when the file leaves them out. */
export interface TaillardHeader {
  readonly timeSeed?: number;
  readonly machineSeed?: number;
  readonly upperBound?: number;
  readonly lowerBound?: number;
}

const isNumberToken = (text: string): boolean => /^[+-]?\d/.test(text);

class TaillardReader {
  private next = 0;
  constructor(
    private readonly lines: readonly TokenLine[],
    private readonly lineCount: number,
    private readonly source: string | undefined,
  ) {}

  get done(): boolean {
    return this.next >= this.lines.length;
  }

  private take(what: string): TokenLine {
    const line = this.lines[this.next++];
    if (line === undefined) throw new InputError(`expected ${what}, found the end of the file`, { source: this.source, line: this.lineCount + 1 });
    return line;
  }

  /** Skips free header text (lines not starting with a number), then reads `n m [timeSeed machineSeed UB LB]`. */
  header(): { n: number; m: number; header: TaillardHeader; line: number } {
    while (!this.done && !isNumberToken(this.lines[this.next].tokens[0].text) && !this.isKeyword(this.lines[this.next], 'times')) this.next++;
    const row = this.take('the header numbers "jobs machines time-seed machine-seed upper-bound lower-bound"');
    const tokens = row.tokens;
    if (this.isKeyword(row, 'times')) {
      throw new InputError('expected the header numbers "jobs machines time-seed machine-seed upper-bound lower-bound" before "Times"', {
        source: this.source,
        line: row.line,
        column: 1,
      });
    }
    if (tokens.length < 2 || tokens.length > 6) {
      throw new InputError(`expected 2 to 6 header numbers (jobs, machines, time seed, machine seed, upper bound, lower bound), found ${tokens.length}`, {
        source: this.source,
        line: row.line,
        column: tokens.length > 6 ? tokens[6].column : tokens[0].column,
      });
    }
    const labels = ['the number of jobs', 'the number of machines', 'the time seed', 'the machine seed', 'the upper bound', 'the lower bound'];
    const values = tokens.map((t, i) => readInteger(this.source, t, `${labels[i]} (${i < 2 ? 'a positive' : 'an'} integer)`, i < 2 ? 1 : 0));
    const [n, m, timeSeed, machineSeed, upperBound, lowerBound] = values;
    return { n, m, header: { timeSeed, machineSeed, upperBound, lowerBound }, line: row.line };
  }

  private isKeyword(line: TokenLine, word: string): boolean {
    return line.tokens.length === 1 && line.tokens[0].text.replace(/:$/, '').toLowerCase() === word;
  }

  keyword(word: string): void {
    const row = this.take(`a line "${word}"`);
    if (!this.isKeyword(row, word.toLowerCase())) throw tokenError(this.source, row.tokens[0], `a line "${word}"`);
  }

  /** n rows of exactly m integers in [min, max]. */
  matrix(n: number, m: number, what: string, min: number, max: number): number[][] {
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = this.take(`row ${i + 1} of ${n} of ${what}`);
      if (row.tokens.length < m) {
        throw new InputError(`expected ${m} ${what} in row ${i + 1}, found ${row.tokens.length}`, {
          source: this.source,
          line: row.line,
          column: row.endColumn,
        });
      }
      if (row.tokens.length > m) throw tokenError(this.source, row.tokens[m], `only ${m} ${what} in row ${i + 1}`);
      const expected = max === Number.MAX_SAFE_INTEGER ? `a positive integer` : `an integer in ${rangeText(min, max)}`;
      rows.push(row.tokens.map((t) => readInteger(this.source, t, `${what.replace(/s$/, '')} ${expected}`, min, max)));
    }
    return rows;
  }
}

/** Reads every instance in a Taillard-format file (his originals hold ten each). */
export function parseTaillardAll(text: string, options: ParseOptions = {}): JobShopInstance[] {
  const { source } = options;
  const { lines, lineCount } = tokenize(text, true);
  const reader = new TaillardReader(lines, lineCount, source);
  const parsed: { n: number; m: number; header: TaillardHeader; times: number[][]; machines: number[][] }[] = [];
  do {
    const { n, m, header } = reader.header();
    reader.keyword('Times');
    const times = reader.matrix(n, m, 'durations', 1, Number.MAX_SAFE_INTEGER);
    reader.keyword('Machines');
    const machines = reader.matrix(n, m, 'machines', 1, m);
    parsed.push({ n, m, header, times, machines });
  } while (!reader.done);

  return parsed.map(({ n, m, header, times, machines }, index) => {
    const jobs: Job[] = times.map((row, i) => ({
      operations: row.map((duration, j) => ({ alternatives: [{ machine: machines[i][j] - 1, duration }] })),
    }));
    const { timeSeed, machineSeed, upperBound, lowerBound } = header;
    const published = timeSeed !== undefined && machineSeed !== undefined ? taillardNameFor(n, m, timeSeed, machineSeed) : undefined;
    const fallback = defaultName(options, 'taillard');
    const name = options.name !== undefined ? (parsed.length > 1 ? `${options.name}-${index + 1}` : options.name) : published ?? (parsed.length > 1 ? `${fallback}-${index + 1}` : fallback);
    const details = [
      timeSeed !== undefined && machineSeed !== undefined ? `seeds ${timeSeed}/${machineSeed}` : undefined,
      upperBound !== undefined ? `upper bound ${upperBound}` : undefined,
      lowerBound !== undefined ? `lower bound ${lowerBound}` : undefined,
    ].filter((d) => d !== undefined);
    const description = `Taillard format, ${n}x${m}${details.length > 0 ? `, ${details.join(', ')}` : ''}`;
    return validateInstance({ name, machineCount: m, jobs, description }, source);
  });
}

/**
 * Reads one instance from a Taillard-format file: the one at `index` (0-based, default 0) when the file holds
 * several, as Taillard's originals do.
 */
export function parseTaillard(text: string, options: ParseOptions & { readonly index?: number } = {}): JobShopInstance {
  const all = parseTaillardAll(text, options);
  const index = options.index ?? 0;
  const instance = all[index];
  if (instance === undefined) {
    throw new InputError(`asked for instance ${index} but the file holds ${all.length} (indices 0..${all.length - 1})`, { source: options.source });
  }
  return instance;
}

const pad = (value: number, width: number): string => String(value).padStart(width);

/**
 * Writes one classic instance in Taillard's layout (his column widths, machines from 1). Every job must visit
 * m operations; seeds and bounds the caller does not know are written as 0.
 */
export function formatTaillard(instance: JobShopInstance, header: TaillardHeader = {}): string {
  const m = instance.machineCount;
  instance.jobs.forEach((job, j) => {
    if (job.operations.length !== m || job.operations.some((op) => op.alternatives.length !== 1)) {
      throw new InputError(`job ${j} is not ${m} single-machine operations; Taillard's format needs a square classic instance`, {
        source: instance.name,
      });
    }
  });
  const row = (values: readonly number[]): string => `${values.map((v) => ` ${pad(v, 2)}`).join('')}\n`;
  return [
    'Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound\n',
    `${pad(instance.jobs.length, 10)}${pad(m, 10)} ${pad(header.timeSeed ?? 0, 10)} ${pad(header.machineSeed ?? 0, 10)}`,
    `${pad(header.upperBound ?? 0, 10)}${pad(header.lowerBound ?? 0, 10)}\n`,
    'Times\n',
    ...instance.jobs.map((job) => row(job.operations.map((op) => op.alternatives[0].duration))),
    'Machines\n',
    ...instance.jobs.map((job) => row(job.operations.map((op) => op.alternatives[0].machine + 1))),
  ].join('');
}
