import { InputError } from '../../engine/core/errors';
import type { JobShopInstance } from '../../engine/jobshop/model';
import { formatJson, formatStandard, formatTaillard } from '../../engine/jobshop/parsers';
import { RunFailure, UsageError, choices } from './cli-error';
import type { Command } from './command';
import { engineFor } from './engines';
import { flag, numberOption, parseOptions, stringOption, type OptionSpec } from './options';
import { loadScenario, varyScenario } from './scenario';
import { didYouMean } from './suggest';

const WRITERS: Record<string, (instance: JobShopInstance) => string> = {
  standard: formatStandard,
  taillard: (instance) => formatTaillard(instance),
  json: formatJson,
};
const OUTPUT_FORMATS = Object.keys(WRITERS);

const OPTIONS = {
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  'input-format': { type: 'string' },
  format: { type: 'string' },
  'due-factor': { type: 'string' },
  'arrival-mean': { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

const USAGE = `Usage: schedlab show jobshop (--scenario <id> | --scenario-file <file> [--input-format <fmt>]) [--format <fmt>]

Prints an instance, e.g. to save a catalogue instance as a file or to convert between formats.

  --scenario <id>          a catalogue instance (see: schedlab list jobshop)
  --scenario-file <file>   an instance file; --input-format standard|taillard|brandimarte|json (default: detected)
  --format <fmt>           output: ${OUTPUT_FORMATS.join(' | ')} (default: standard, or json when the instance
                           has alternative machines, release or due dates, which the text formats cannot hold)
  --due-factor <f>         add due dates release + round(f x work), as in schedlab run
  --arrival-mean <t>       add Poisson release dates with mean gap t, from --seed (default 1)`;

/** The text formats hold classic instances without dates; anything else is shown as JSON unless asked otherwise. */
function defaultFormat(instance: JobShopInstance): string {
  const plain = instance.jobs.every(
    (job) => job.release === undefined && job.due === undefined && job.weight === undefined && job.operations.every((op) => op.alternatives.length === 1),
  );
  return plain ? 'standard' : 'json';
}

export const showCommand: Command = {
  name: 'show',
  summary: 'print an instance in a file format',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseOptions('show', args, OPTIONS, 1);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const engine = engineFor('show', positionals[0]);
    const format = stringOption(values, 'format');
    if (format !== undefined && !OUTPUT_FORMATS.includes(format)) {
      throw new UsageError(`unknown output format "${format}"${didYouMean(format, OUTPUT_FORMATS)} (formats: ${choices(OUTPUT_FORMATS)})`);
    }
    const seed = numberOption(values, 'seed', { integer: true, what: 'a whole number' }) ?? 1;
    const dueFactor = numberOption(values, 'due-factor', { exclusiveMin: 0, what: 'a number > 0' });
    const arrivalMean = numberOption(values, 'arrival-mean', { min: 0, what: 'a number >= 0' });
    const scenario = loadScenario(engine, {
      scenario: stringOption(values, 'scenario'),
      file: stringOption(values, 'scenario-file'),
      format: stringOption(values, 'input-format'),
    });
    const instance = varyScenario(scenario.instance, { dueFactor, arrivalMean, seed });
    try {
      // The writers end with a newline; io.out adds one.
      io.out(WRITERS[format ?? defaultFormat(instance)](instance).replace(/\n$/, ''));
    } catch (error) {
      if (error instanceof InputError) throw new RunFailure(error.message);
      throw error;
    }
    return 0;
  },
};
