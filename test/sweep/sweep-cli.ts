import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ROOT } from './paths';

export { CLI_ROOT };
const CLI = `${CLI_ROOT}bin/schedlab.js`;

/** A real `schedlab` process (no mocks) whose stderr is watched line by line. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the first stderr line matching, rejects if the process ends first. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray>;
  readonly exited: Promise<number | null>;
}

export function startCli(args: readonly string[], env: Record<string, string | undefined>, cwd = CLI_ROOT): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', SCHEDLAB_DEBUG: '', ...env } as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void; reject: (e: Error) => void }[] = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      const match = err.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`schedlab ${args.join(' ')} exited (${code}) before printing ${waiter.pattern}; stderr:\n${err}`));
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
  };
}

export async function runCliToEnd(args: readonly string[], env: Record<string, string | undefined>, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = startCli(args, env, cwd);
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
