/**
 * Terminal styling that turns itself off when it would get in the way: output to a file or a pipe, NO_COLOR set,
 * or TERM=dumb. FORCE_COLOR turns it on (for screenshots and tests of the colour path).
 */

export interface Style {
  readonly color: boolean;
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  /** The text on the background colour of job j, so the bars of one job are easy to follow in a Gantt. */
  job(j: number, text: string): string;
}

const wrap = (open: string, close: string) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

// Background colours that keep black or white text readable; 12 before they repeat.
const JOB_BACKGROUNDS = ['44;97', '42;30', '43;30', '45;97', '46;30', '41;97', '104;30', '102;30', '103;30', '105;30', '106;30', '101;30'];

export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function createStyle(color: boolean): Style {
  const plain = (text: string) => text;
  if (!color) return { color, bold: plain, dim: plain, green: plain, yellow: plain, red: plain, cyan: plain, job: (_j, text) => text };
  return {
    color,
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
    green: wrap('32', '39'),
    yellow: wrap('33', '39'),
    red: wrap('31', '39'),
    cyan: wrap('36', '39'),
    job: (j, text) => wrap(JOB_BACKGROUNDS[j % JOB_BACKGROUNDS.length], '0')(text),
  };
}

/** Length as seen on screen: escape codes take no room. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
