/**
 * Brandimarte's flexible job-shop format (FJSPLIB): line 1 `jobs machines average-machines-per-operation`; then
 * one line per job: the number of operations, then per operation the number k of machines that can run it and k
 * pairs `machine duration`, machines from 1.
 */
import { InputError } from '../../core/errors';
import type { Alternative, Job, JobShopInstance, Operation } from '../model';
import { validateInstance } from '../validate';
import { defaultName, readInteger, rangeText, tokenError, tokenize } from './tokens';
import type { ParseOptions, Token, TokenLine } from './tokens';

/** Reads one job line; every token must be used, so a wrong operation count shows up on its own line. */
function readJobLine(row: TokenLine, machineCount: number, source: string | undefined): Job {
  const tokens = row.tokens;
  let at = 0;
  const next = (expected: string): Token => {
    const token = tokens[at++];
    if (token === undefined) {
      const where = { source, line: row.line, column: row.endColumn };
      throw new InputError(`expected ${expected}, found the end of the line`, where);
    }
    return token;
  };
  const opCount = readInteger(source, next('the number of operations'), 'the number of operations (>= 1)', 1);
  const operations: Operation[] = [];
  for (let o = 0; o < opCount; o++) {
    const where = `operation ${o + 1} of ${opCount}`;
    const count = `the number of machines for ${where}`;
    const k = readInteger(source, next(count), `${count} (${rangeText(1, machineCount)})`, 1, machineCount);
    const alternatives: Alternative[] = [];
    for (let a = 0; a < k; a++) {
      const machineToken = next(`machine ${a + 1} of ${k} for ${where}`);
      const machine = readInteger(source, machineToken, `a machine in ${rangeText(1, machineCount)}`, 1, machineCount);
      const durationToken = next(`the duration on machine ${machine} for ${where}`);
      const duration = readInteger(source, durationToken, 'a duration (an integer >= 0)', 0);
      if (alternatives.some((alt) => alt.machine === machine - 1)) {
        throw tokenError(source, machineToken, `a machine not yet listed for ${where}`);
      }
      alternatives.push({ machine: machine - 1, duration });
    }
    operations.push({ alternatives });
  }
  if (at < tokens.length) {
    throw tokenError(source, tokens[at], `the end of the job line after its ${opCount} operations`);
  }
  return { operations };
}

/** True when a line reads as exactly one Brandimarte job line; format detection's tie-breaker. */
export function looksLikeBrandimarteJob(row: TokenLine, machineCount: number): boolean {
  try {
    readJobLine(row, machineCount, undefined);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the Brandimarte format. The machine count is the header's even when fewer machines are used (mk06 says
 * 15 and uses 1..10): the spare machines simply stay idle.
 */
export function parseBrandimarte(text: string, options: ParseOptions = {}): JobShopInstance {
  const { source } = options;
  const { lines, lineCount } = tokenize(text, true);
  const header = lines[0];
  if (header === undefined) {
    throw new InputError('expected a header line "jobs machines average", found an empty file', { source, line: 1 });
  }
  if (header.tokens.length < 2 || header.tokens.length > 3) {
    const column = header.tokens.length > 3 ? header.tokens[3].column : header.endColumn;
    const found = `found ${header.tokens.length} value(s)`;
    const detail = `expected a header "jobs machines [average machines per operation]", ${found}`;
    throw new InputError(detail, { source, line: header.line, column });
  }
  const jobCount = readInteger(source, header.tokens[0], 'the number of jobs (a positive integer)', 1);
  const machineCount = readInteger(source, header.tokens[1], 'the number of machines (a positive integer)', 1);
  const average = header.tokens[2];
  // The average is informative only (and often rounded), but it must at least be a number.
  if (average !== undefined && !/^\d+(\.\d+)?$/.test(average.text)) {
    throw tokenError(source, average, 'the average number of machines per operation (a number)');
  }
  const jobs: Job[] = [];
  for (let j = 0; j < jobCount; j++) {
    const row = lines[1 + j];
    if (row === undefined) {
      const detail = `expected ${jobCount} job lines, found ${j}; the file ends before job ${j + 1}`;
      throw new InputError(detail, { source, line: lineCount + 1 });
    }
    jobs.push(readJobLine(row, machineCount, source));
  }
  const extra = lines[1 + jobCount];
  if (extra !== undefined) throw tokenError(source, extra.tokens[0], `the end of the file after ${jobCount} job lines`);
  return validateInstance({ name: defaultName(options, 'brandimarte'), machineCount, jobs }, source);
}
