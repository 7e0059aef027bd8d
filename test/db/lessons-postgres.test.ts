/** The lessons database suite on a real Postgres server (skipped loudly when none answers). */
import { afterAll, describe, it } from 'vitest';
import { openDb } from '../../db/client';
import { defineLessonsDbSuite } from './lessons-db-suite';
import { loudSkip, scratchDatabase } from './scratch-postgres';

const scratch = await scratchDatabase();

if ('skip' in scratch) {
  // Skipped only when no Postgres server answers (or it refuses CREATE DATABASE); on our machines and in CI it is there.
  loudSkip('POSTGRES LESSON TESTS', scratch.skip);
  describe.skip(`lessons on Postgres (skipped: ${scratch.skip})`, () => {
    it('needs a reachable Postgres server', () => undefined);
  });
} else {
  afterAll(scratch.drop);
  defineLessonsDbSuite(`Postgres (${scratch.name})`, () => openDb({ databaseUrl: scratch.url }));
}
