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

const HEADER_NUMBERS = '"jobs machines time-seed machine-seed upper-bound lower-bound"';
const HEADER_LABELS = [
  'the number of jobs (a positive integer)',
  'the number of machines (a positive integer)',
  'the time seed (an integer)',
  'the machine seed (an integer)',
  'the upper bound (an integer)',
  'the lower bound (an integer)',
];

/** One instance as read, before it becomes a JobShopInstance. */
interface TaillardBlock {
  readonly n: number;
  readonly m: number;
  readonly header: TaillardHeader;
  readonly times: number[][];
  readonly machines: number[][];
}

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

  private error(detail: string, line: number, column?: number): InputError {
    return new InputError(detail, { source: this.source, line, column });
  }

  private take(what: string): TokenLine {
    const line = this.lines[this.next++];
    if (line === undefined) throw this.error(`expected ${what}, found the end of the file`, this.lineCount + 1);
    return line;
  }

  private isKeyword(line: TokenLine, word: string): boolean {
    return line.tokens.length === 1 && line.tokens[0].text.replace(/:$/, '').toLowerCase() === word.toLowerCase();
  }

  /** Skips free header text (lines not starting with a number), then reads `n m [timeSeed machineSeed UB LB]`. */
  header(): { n: number; m: number; header: TaillardHeader } {
    while (!this.done) {
      const line = this.lines[this.next];
      if (isNumberToken(line.tokens[0].text) || this.isKeyword(line, 'Times')) break;
      this.next++;
    }
    const row = this.take(`the header numbers ${HEADER_NUMBERS}`);
    const tokens = row.tokens;
    if (this.isKeyword(row, 'Times')) {
      throw this.error(`expected the header numbers ${HEADER_NUMBERS} before "Times"`, row.line, 1);
    }
    if (tokens.length < 2 || tokens.length > 6) {
      const column = tokens.length > 6 ? tokens[6].column : tokens[0].column;
      throw this.error(`expected 2 to 6 header numbers ${HEADER_NUMBERS}, found ${tokens.length}`, row.line, column);
    }
    const values = tokens.map((t, i) => readInteger(this.source, t, HEADER_LABELS[i], i < 2 ? 1 : 0));
    const [n, m, timeSeed, machineSeed, upperBound, lowerBound] = values;
    return { n, m, header: { timeSeed, machineSeed, upperBound, lowerBound } };
  }

  keyword(word: string): void {
    const row = this.take(`a line "${word}"`);
    if (!this.isKeyword(row, word)) throw tokenError(this.source, row.tokens[0], `a line "${word}"`);
  }

  /** n rows of exactly m integers in [min, max]; `expected` describes one value for errors. */
  matrix(n: number, m: number, what: string, expected: string, min: number, max: number): number[][] {
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = this.take(`row ${i + 1} of ${n} of ${what}`);
      if (row.tokens.length < m) {
        throw this.error(`expected ${m} ${what} in row ${i + 1}, found ${row.tokens.length}`, row.line, row.endColumn);
      }
      if (row.tokens.length > m) throw tokenError(this.source, row.tokens[m], `only ${m} ${what} in row ${i + 1}`);
      rows.push(row.tokens.map((t) => readInteger(this.source, t, expected, min, max)));
    }
    return rows;
  }

  block(): TaillardBlock {
    const { n, m, header } = this.header();
    this.keyword('Times');
    const times = this.matrix(n, m, 'durations', 'a duration (an integer >= 0)', 0, Number.MAX_SAFE_INTEGER);
    this.keyword('Machines');
    const machines = this.matrix(n, m, 'machines', `a machine in ${rangeText(1, m)}`, 1, m);
    return { n, m, header, times, machines };
  }
}

/** The published name when the seeds are Taillard's and no name was given; else the given or file name. */
function blockName(block: TaillardBlock, options: ParseOptions, index: number, count: number): string {
  const { timeSeed, machineSeed } = block.header;
  const known = timeSeed !== undefined && machineSeed !== undefined;
  const published = known ? taillardNameFor(block.n, block.m, timeSeed, machineSeed) : undefined;
  if (options.name === undefined && published !== undefined) return published;
  const base = defaultName(options, 'taillard');
  return count > 1 ? `${base}-${index + 1}` : base;
}

function describeBlock({ n, m, header }: TaillardBlock): string {
  const { timeSeed, machineSeed, upperBound, lowerBound } = header;
  const details = [
    timeSeed !== undefined && machineSeed !== undefined ? `seeds ${timeSeed}/${machineSeed}` : undefined,
    upperBound !== undefined ? `upper bound ${upperBound}` : undefined,
    lowerBound !== undefined ? `lower bound ${lowerBound}` : undefined,
  ].filter((d) => d !== undefined);
  return `Taillard format, ${n}x${m}${details.length > 0 ? `, ${details.join(', ')}` : ''}`;
}

/** Reads every instance in a Taillard-format file (his originals hold ten each). */
export function parseTaillardAll(text: string, options: ParseOptions = {}): JobShopInstance[] {
  const { lines, lineCount } = tokenize(text, true);
  const reader = new TaillardReader(lines, lineCount, options.source);
  const blocks: TaillardBlock[] = [];
  do blocks.push(reader.block());
  while (!reader.done);
  return blocks.map((block, index) => {
    const jobs: Job[] = block.times.map((row, i) => ({
      operations: row.map((duration, j) => ({ alternatives: [{ machine: block.machines[i][j] - 1, duration }] })),
    }));
    const name = blockName(block, options, index, blocks.length);
    return validateInstance({ name, machineCount: block.m, jobs, description: describeBlock(block) }, options.source);
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
    const detail = `asked for instance ${index} but the file holds ${all.length} (indices 0..${all.length - 1})`;
    throw new InputError(detail, { source: options.source });
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
      const detail = `job ${j} is not ${m} single-machine operations; Taillard's format needs a classic n x m instance`;
      throw new InputError(detail, { source: instance.name });
    }
  });
  const row = (values: readonly number[]): string => `${values.map((v) => ` ${pad(v, 2)}`).join('')}\n`;
  return [
    'Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound\n',
    // Taillard's columns: 10 wide for the counts and bounds, a space and 10 for each seed.
    `${pad(instance.jobs.length, 10)}${pad(m, 10)}`,
    ` ${pad(header.timeSeed ?? 0, 10)} ${pad(header.machineSeed ?? 0, 10)}`,
    `${pad(header.upperBound ?? 0, 10)}${pad(header.lowerBound ?? 0, 10)}\n`,
    'Times\n',
    ...instance.jobs.map((job) => row(job.operations.map((op) => op.alternatives[0].duration))),
    'Machines\n',
    ...instance.jobs.map((job) => row(job.operations.map((op) => op.alternatives[0].machine + 1))),
  ].join('');
}
