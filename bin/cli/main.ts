import { EXIT, RunFailure, UsageError } from './cli-error';
import type { Command, CommandIo } from './command';
import { demoCommand } from './demo-command';
import { listCommand } from './list-command';
import { runCommand } from './run-command';
import { showCommand } from './show-command';
import { sweepCommand } from './sweep-command';
import { workerCommand } from './worker-command';
import { didYouMean } from './suggest';

/**
 * `schedlab <command> ...`: dispatch and the one place errors become exit codes. A mistake the user can make
 * (UsageError, RunFailure) prints one line on stderr; anything else is a bug and says so, with the stack only
 * when SCHEDLAB_DEBUG=1.
 */

const COMMANDS: readonly Command[] = [runCommand, showCommand, listCommand, demoCommand, sweepCommand, workerCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'SchedLab: a scheduling research workbench (job shop, for now, on the command line).',
    '',
    'Usage: schedlab <command> [engine] [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Start with:  schedlab demo',
    'Then:        schedlab list jobshop',
    '             schedlab run jobshop --scenario ta01 --policy mwkr',
    '',
    'schedlab <command> --help shows the options of a command.',
  ].join('\n');
}

const processIo: CommandIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

/** Runs the CLI on arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.out(topic ? topic.usage : overview());
    return EXIT.ok;
  }
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`unknown command "${name}"${didYouMean(name, names)} (commands: ${names.join(', ')}; see schedlab --help)`);
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io);
  }
}

export function reportError(error: unknown, io: CommandIo): number {
  const debug = process.env.SCHEDLAB_DEBUG === '1';
  if (error instanceof UsageError || error instanceof RunFailure) {
    io.err(`schedlab: ${oneLine(error.message)}`);
    if (debug && error.stack) io.err(error.stack);
    return error instanceof UsageError ? EXIT.usage : EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`schedlab: internal error: ${oneLine(message)}${debug ? '' : ' (run with SCHEDLAB_DEBUG=1 for the stack trace)'}`);
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT.failure;
}

/** Messages are written as one line, but a policy's own error text may contain newlines. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
