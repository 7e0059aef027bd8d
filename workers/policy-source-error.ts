/**
 * A policy file that cannot become a policy: a syntax error, a value import, a default export that is not a
 * policy object. The message already names the file (and the line, when there is one), so the CLI prints it as it
 * is and the editor can put a marker on `line`.
 */
export class PolicySourceError extends Error {
  /** The policy's file name, as given to compilePolicy. */
  readonly file: string;
  /** 1-based line in the policy file, when the problem has one. */
  readonly line: number | undefined;
  /** 1-based column, when known (syntax errors). */
  readonly column: number | undefined;
  /** The message without the location prefix. */
  readonly detail: string;

  /**
   * `detailNamesLine`: the detail already says which line ("line 3 imports 'lodash'"), so the prefix names only
   * the file instead of saying the line twice.
   */
  constructor(file: string, detail: string, where: { line?: number; column?: number; detailNamesLine?: boolean } = {}) {
    const parts = where.detailNamesLine ? [file] : [file, where.line, where.column];
    super(`${parts.filter((part) => part !== undefined).join(':')}: ${detail}`);
    this.name = 'PolicySourceError';
    this.file = file;
    this.line = where.line;
    this.column = where.column;
    this.detail = detail;
  }
}
