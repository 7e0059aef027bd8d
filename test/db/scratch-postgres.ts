/**
 * A fresh database on the test Postgres server, dropped by the returned function: DATABASE_URL, or
 * postgres://postgres@127.0.0.1:5432/test on our machines. Every real-server suite (results, lessons, the sweep
 * queue, the bench) uses it, so migrations and pg-boss's schema really install from empty and parallel test files
 * never share data. A fresh database, not a schema, because the generated SQL names the public schema in its
 * foreign keys.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export type ScratchDatabase = { url: string; name: string; drop: () => Promise<void> };

export async function scratchDatabase(prefix = 'schedlab_test'): Promise<ScratchDatabase | { skip: string }> {
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
  return { url: url.toString(), name, drop };
}

/** The loud banner a skipped Postgres suite prints: the PGlite half still runs, so the skip must not go unseen. */
export function loudSkip(what: string, reason: string): void {
  const banner = '!'.repeat(100);
  console.warn(`\n${banner}\n!! ${what} SKIPPED: ${reason}\n!! Set DATABASE_URL to a server where the user may CREATE DATABASE to run them.\n${banner}\n`);
}
