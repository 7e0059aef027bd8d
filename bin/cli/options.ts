import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error';
import { didYouMean } from './suggest';

/**
 * node:util parseArgs with messages in our words: its own errors mention "positional arguments" and quoting
 * tricks that do not help someone who mistyped an option name.
 */

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export function parseOptions(command: string, args: readonly string[], options: OptionSpec, maxPositionals = 0): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    throw new UsageError(rewordParseError(command, error, options));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}" for "schedlab ${command}" (see schedlab ${command} --help)`);
  }
  return parsed;
}

function rewordParseError(command: string, error: unknown, options: OptionSpec): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const name = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(options).map((o) => `--${o}`);
    return `unknown option ${name} for "schedlab ${command}"${didYouMean(name, known)} (see schedlab ${command} --help)`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('argument missing')) return `option ${name} needs a value (see schedlab ${command} --help)`;
    return `option ${name} does not take a value (see schedlab ${command} --help)`;
  }
  return message;
}

export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(values: ParsedArgs['values'], name: string): boolean {
  return values[name] === true;
}

/** A number option, checked against a range; `what` describes the expected value for the message. */
export function numberOption(
  values: ParsedArgs['values'],
  name: string,
  check: { min?: number; exclusiveMin?: number; integer?: boolean; what: string },
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const ok =
    Number.isFinite(value) &&
    (check.min === undefined || value >= check.min) &&
    (check.exclusiveMin === undefined || value > check.exclusiveMin) &&
    (!check.integer || Number.isSafeInteger(value));
  if (!ok) throw new UsageError(`--${name} ${JSON.stringify(raw)} is not ${check.what}`);
  return value;
}

/** `--param k=v` (repeatable) into a name -> text map; the policy's declared ranges are checked later. */
export function paramOptions(values: ParsedArgs['values']): Record<string, string> {
  const raw = values.param;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const params: Record<string, string> = {};
  for (const item of list) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S.*?)\s*$/.exec(item);
    if (!match) throw new UsageError(`bad --param ${JSON.stringify(item)}; expected name=value, e.g. --param k=2`);
    if (match[1] in params) throw new UsageError(`--param ${match[1]} is given twice`);
    params[match[1]] = match[2];
  }
  return params;
}

/** An option with a fixed set of values; anything else is a usage error that lists them. */
export function choiceOption<T extends string>(values: ParsedArgs['values'], name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const found = choices.find((c) => c === raw.trim().toLowerCase());
  if (found === undefined) throw new UsageError(`--${name} ${JSON.stringify(raw)} is not one of: ${choices.join(', ')}`);
  return found;
}
