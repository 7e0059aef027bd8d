/**
 * The same database suite on a real Postgres server: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test as
 * on our machines. Each run creates a fresh database (dropped afterwards), so the migrations really apply from empty
 * and nothing another test or a developer's data holds is touched. The generated SQL names the public schema in its
 * foreign keys, which is why a fresh database is used rather than a fresh schema.
 *
 * When no server answers, or it refuses CREATE DATABASE, this half is skipped with a loud warning: the PGlite half
 * still runs, but Postgres-specific behaviour is then untested.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openDb } from '../../db/client';
import { defineDbSuite } from './db-suite';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function createScratchDatabase(): Promise<{ url: string; name: string } | { skip: string }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    return { skip: `no Postgres reachable at ${redact(ADMIN_URL)}: ${(error as Error).message}` };
  }
  const name = `schedlab_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    return { skip: `cannot create a scratch database on ${redact(ADMIN_URL)}: ${(error as Error).message}` };
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

async function dropScratchDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

const scratch = await createScratchDatabase();

if ('skip' in scratch) {
  // Skipped only when no Postgres server answers (or it refuses CREATE DATABASE): the suite needs a scratch
  // database of its own. The banner makes the skip loud; on our machines and in CI the server is there.
  const banner = '!'.repeat(100);
  console.warn(`\n${banner}\n!! POSTGRES DATABASE TESTS SKIPPED: ${scratch.skip}\n!! Set DATABASE_URL to a server where the user may CREATE DATABASE to run them.\n${banner}\n`);
  describe.skip(`results database on Postgres (skipped: ${scratch.skip})`, () => {
    it('needs a reachable Postgres server', () => undefined);
  });
} else {
  afterAll(() => dropScratchDatabase(scratch.name));
  defineDbSuite(`Postgres (${scratch.name})`, () => openDb({ databaseUrl: scratch.url }));
}
