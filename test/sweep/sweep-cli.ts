import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
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

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * A fresh database on the test Postgres server (dropped by the returned function), as test/db/postgres.test.ts does:
 * migrations and pg-boss's schema then really install from empty, and parallel test files never share a queue.
 */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> } | { skip: string }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return { skip: `no Postgres reachable at ${redact(ADMIN_URL)}: ${(error as Error).message}` };
  }
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    return { skip: `cannot create a scratch database on ${redact(ADMIN_URL)}: ${(error as Error).message}` };
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  };
  return { url: url.toString(), drop };
}

export function loudSkip(what: string, reason: string): void {
  const banner = '!'.repeat(100);
  console.warn(`\n${banner}\n!! ${what} SKIPPED: ${reason}\n!! Set DATABASE_URL to a server where the user may CREATE DATABASE to run them.\n${banner}\n`);
}
