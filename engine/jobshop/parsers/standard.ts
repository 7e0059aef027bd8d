/**
 * The standard (OR-Library / JSPLIB) job-shop text format: line 1 `jobs machines`, then one line per job of
 * `machine duration` pairs in operation order, machines from 0. Lines starting with `#` are comments.
 */
import { InputError } from '../../core/errors';
import type { Job, JobShopInstance } from '../model';
import { validateInstance } from '../validate';
import { defaultName, readInteger, rangeText, tokenize, type ParseOptions } from './tokens';

/** Reads the standard format; throws an InputError naming line and column on anything unexpected. */
export function parseStandard(text: string, options: ParseOptions = {}): JobShopInstance {
  const { source } = options;
  const { lines, lineCount } = tokenize(text, true);
  if (lines.length === 0) {
    throw new InputError('expected a header line "jobs machines", found an empty file', { source, line: 1 });
  }
  const header = lines[0];
  if (header.tokens.length !== 2) {
    const where = header.tokens.length > 2 ? header.tokens[2] : undefined;
    throw new InputError(
      `expected a header of two numbers "jobs machines", found ${header.tokens.length} value(s)`,
      { source, line: header.line, column: where?.column ?? header.endColumn },
    );
  }
  const jobCount = readInteger(source, header.tokens[0], 'the number of jobs (a positive integer)', 1);
  const machineCount = readInteger(source, header.tokens[1], 'the number of machines (a positive integer)', 1);

  const jobs: Job[] = [];
  for (let j = 0; j < jobCount; j++) {
    const row = lines[1 + j];
    if (row === undefined) {
      throw new InputError(`expected ${jobCount} job lines, found ${j}; the file ends before job ${j + 1}`, {
        source,
        line: lineCount + 1,
      });
    }
    const tokens = row.tokens;
    if (tokens.length % 2 !== 0) {
      throw new InputError(
        `expected "machine duration" pairs, found ${tokens.length} values (the last machine has no duration)`,
        { source, line: row.line, column: row.endColumn },
      );
    }
    const operations = [];
    for (let t = 0; t < tokens.length; t += 2) {
      const machineText = `a machine index in ${rangeText(0, machineCount - 1)}`;
      const machine = readInteger(source, tokens[t], machineText, 0, machineCount - 1);
      const duration = readInteger(source, tokens[t + 1], 'a duration (an integer >= 0)', 0);
      operations.push({ alternatives: [{ machine, duration }] });
    }
    jobs.push({ operations });
  }
  const extra = lines[1 + jobCount];
  if (extra !== undefined) {
    const token = extra.tokens[0];
    throw new InputError(`expected the end of the file after ${jobCount} job lines, found "${token.text}"`, {
      source,
      line: token.line,
      column: token.column,
    });
  }
  return validateInstance({ name: defaultName(options, 'standard'), machineCount, jobs }, source);
}

/**
 * Writes the standard format exactly as the benchmark files are laid out: single spaces, no alignment, `\n`
 * after every line including the last. Release dates, due dates and weights have no place in this format and
 * are left out; a flexible instance cannot be written at all.
 */
export function formatStandard(instance: JobShopInstance): string {
  const out = [`${instance.jobs.length} ${instance.machineCount}\n`];
  instance.jobs.forEach((job, j) => {
    const parts: number[] = [];
    job.operations.forEach((op, o) => {
      if (op.alternatives.length !== 1) {
        throw new InputError(
          `job ${j} operation ${o} has ${op.alternatives.length} alternative machines; the standard format holds ` +
            'only classic instances (one machine per operation) - save a flexible instance as JSON instead',
          { source: instance.name },
        );
      }
      parts.push(op.alternatives[0].machine, op.alternatives[0].duration);
    });
    out.push(`${parts.join(' ')}\n`);
  });
  return out.join('');
}
