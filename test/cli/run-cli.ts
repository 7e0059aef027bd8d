import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root: the CLI runs from here, so fixture paths in messages read "test/cli/fixtures/...". */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/schedlab.js', import.meta.url));

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI in a child process (no mocks), the way a user or another tool does. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // NO_COLOR: output is checked as text; SCHEDLAB_DEBUG off: a stack trace would be a failure.
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', SCHEDLAB_DEBUG: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The lines a failure printed on stderr (npm or Node warnings would show up here too, and fail the test). */
export function stderrLines(outcome: CliOutcome): string[] {
  return outcome.stderr.split('\n').filter((line) => line.trim() !== '');
}
