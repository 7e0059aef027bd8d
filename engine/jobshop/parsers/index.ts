/**
 * One entry point for every instance format, with detection for files whose format the user does not state.
 *
 * Detection, in order (first match wins):
 * 1. `json`        - the first non-blank character is `{`.
 * 2. `taillard`    - a line is just `Times` (any case, optional colon), or a non-comment line mentions `Nb of jobs`.
 * 3. `brandimarte` - the first non-comment line has three numbers, the third may be a decimal (`10 6 2`,
 *                    `10 6 3.5`); or it has two integers and the next line is not `machine duration` pairs (an odd
 *                    number of values) but reads exactly as one Brandimarte job line.
 * 4. `standard`    - everything else; its parser then says what is wrong, if anything.
 */
import type { JobShopInstance } from '../model';
import { looksLikeBrandimarteJob, parseBrandimarte } from './brandimarte';
import { parseJson } from './json';
import { parseStandard } from './standard';
import { parseTaillard } from './taillard';
import { tokenize, type ParseOptions } from './tokens';

/** The formats an instance can be read from. */
export const FORMATS = ['standard', 'taillard', 'brandimarte', 'json'] as const;

export type InstanceFormat = (typeof FORMATS)[number];

/** Options of parseInstance; `format` defaults to 'auto'. */
export interface ParseInstanceOptions extends ParseOptions {
  readonly format?: InstanceFormat | 'auto';
}

const PARSERS: Record<InstanceFormat, (text: string, options: ParseOptions) => JobShopInstance> = {
  standard: parseStandard,
  taillard: parseTaillard,
  brandimarte: parseBrandimarte,
  json: parseJson,
};

/** Guesses the format of a text by the rules in this file's header comment. */
export function detectFormat(text: string): InstanceFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trimStart().startsWith('{')) return 'json';
  const { lines } = tokenize(body, true);
  const isTaillardLine = (words: readonly string[]): boolean =>
    (words.length === 1 && /^times:?$/i.test(words[0])) || /nb of jobs/i.test(words.join(' '));
  if (lines.some((line) => isTaillardLine(line.tokens.map((t) => t.text)))) return 'taillard';
  const header = lines[0];
  if (header !== undefined) {
    const values = header.tokens.map((t) => t.text);
    const integer = /^\d+$/;
    if (values.length === 3 && integer.test(values[0]) && integer.test(values[1]) && /^\d+(\.\d+)?$/.test(values[2])) {
      return 'brandimarte';
    }
    const first = lines[1];
    if (values.length === 2 && integer.test(values[0]) && integer.test(values[1]) && first !== undefined) {
      if (first.tokens.length % 2 === 1 && looksLikeBrandimarteJob(first, Number(values[1]))) return 'brandimarte';
    }
  }
  return 'standard';
}

/**
 * Reads an instance in any supported format (detected unless given). Throws an InputError naming the source,
 * line and column and what was expected; the result has passed validateInstance.
 */
export function parseInstance(text: string, options: ParseInstanceOptions = {}): JobShopInstance {
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(text) : options.format;
  return PARSERS[format](text, { source: options.source, name: options.name });
}

export { parseStandard, formatStandard } from './standard';
export { parseTaillard, parseTaillardAll, formatTaillard, type TaillardHeader } from './taillard';
export { parseBrandimarte } from './brandimarte';
export { parseJson, formatJson } from './json';
export type { ParseOptions } from './tokens';
