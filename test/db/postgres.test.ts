/**
 * The same database suite on a real Postgres server: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/test as
 * on our machines. Each run creates a fresh database (dropped afterwards), so the migrations really apply from empty
 * and nothing another test or a developer's data holds is touched. The generated SQL names the public schema in its
 * foreign keys, which is why a fresh database is used rather than a fresh schema.
 *
 * When no server answers, or it refuses CREATE DATABASE, this half is skipped with a loud warning: the PGlite half
 * still runs, but Postgres-specific behaviour is then untested.
 */
import { afterAll, describe, it } from 'vitest';
import { openDb } from '../../db/client';
import { defineDbSuite } from './db-suite';
import { loudSkip, scratchDatabase } from './scratch-postgres';

const scratch = await scratchDatabase();

if ('skip' in scratch) {
  // Skipped only when no Postgres server answers (or it refuses CREATE DATABASE): the suite needs a scratch
  // database of its own. The banner makes the skip loud; on our machines and in CI the server is there.
  loudSkip('POSTGRES DATABASE TESTS', scratch.skip);
  describe.skip(`results database on Postgres (skipped: ${scratch.skip})`, () => {
    it('needs a reachable Postgres server', () => undefined);
  });
} else {
  afterAll(scratch.drop);
  defineDbSuite(`Postgres (${scratch.name})`, () => openDb({ databaseUrl: scratch.url }));
}
