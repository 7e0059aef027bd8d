/**
 * Line and token reading shared by the text importers. Every token keeps its 1-based line and column, so an
 * error can point at the exact place in the file the user has open.
 */
import { InputError } from '../../core/errors';

/** A run of non-blank characters and where it starts. */
export interface Token {
  readonly text: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (a tab counts as one column, as editors report character offsets). */
  readonly column: number;
}

/** A line that holds at least one token. */
export interface TokenLine {
  readonly line: number;
  readonly tokens: readonly Token[];
  /** Column just past the last character, for "the line ends here" errors. */
  readonly endColumn: number;
}

/** The lines of a text file with their tokens; a byte-order mark and Windows line ends are tolerated. */
export interface TokenizedText {
  /** Non-blank lines, in order; comment lines dropped when asked. */
  readonly lines: readonly TokenLine[];
  /** Number of physical lines, so "the file ends here" can name the line after the last one. */
  readonly lineCount: number;
}

/**
 * Splits text into lines of whitespace-separated tokens. Blank lines are dropped; with `comments`, so are lines
 * whose first non-blank character is `#` (the JSPLIB headers).
 */
export function tokenize(text: string, comments = false): TokenizedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const physical = body.split(/\r\n|\n|\r/);
  // A final newline ends the last line rather than opening an empty one.
  const lineCount = physical.length > 1 && physical[physical.length - 1] === '' ? physical.length - 1 : physical.length;
  const lines: TokenLine[] = [];
  const tokenPattern = /\S+/g;
  physical.forEach((raw, index) => {
    const tokens: Token[] = [];
    for (const match of raw.matchAll(tokenPattern)) {
      tokens.push({ text: match[0], line: index + 1, column: (match.index ?? 0) + 1 });
    }
    if (tokens.length === 0) return;
    if (comments && tokens[0].text.startsWith('#')) return;
    const last = tokens[tokens.length - 1];
    lines.push({ line: index + 1, tokens, endColumn: last.column + last.text.length });
  });
  return { lines, lineCount };
}

/** Error at a token, quoting what was found. */
export function tokenError(source: string | undefined, token: Token, expected: string): InputError {
  const where = { source, line: token.line, column: token.column };
  return new InputError(`expected ${expected}, found "${token.text}"`, where);
}

/**
 * Reads an integer token in [min, max]; anything else (a decimal, a word, out of range) is an InputError at the
 * token that says what was expected.
 */
export function readInteger(
  source: string | undefined,
  token: Token,
  expected: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!/^[+-]?\d+$/.test(token.text)) throw tokenError(source, token, expected);
  const value = Number(token.text);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw tokenError(source, token, expected);
  return value;
}

/** Describes an inclusive integer range for messages ("in 0..5"). */
export function rangeText(min: number, max: number): string {
  return `${min}..${max}`;
}

/** The instance name an importer uses: the caller's, else the file name without folders and extension. */
export function defaultName(options: { source?: string; name?: string }, fallback: string): string {
  if (options.name !== undefined && options.name !== '') return options.name;
  if (options.source !== undefined) {
    const base = options.source.split(/[\\/]/).pop() ?? '';
    const stem = base.replace(/\.[^.]*$/, '');
    if (stem !== '') return stem;
  }
  return fallback;
}

/** Options every importer takes. */
export interface ParseOptions {
  /** File name or label for error messages ("ft06.txt", "pasted text"); also the default instance name. */
  readonly source?: string;
  /** Instance name; defaults to the source's file name without extension. */
  readonly name?: string;
}
