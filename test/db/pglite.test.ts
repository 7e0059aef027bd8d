/** The database suite on embedded PGlite (in memory), plus what only an on-disk PGlite can show. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, openDb } from '../../db/client';
import { getExperiment, saveExperiment } from '../../db/queries';
import { defineDbSuite } from './db-suite';
import { samplePayload } from './fixtures';

defineDbSuite('PGlite (in memory)', () => openDb({ memory: true }));

describe('PGlite on disk', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schedlab-pglite-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps saved experiments across a close and reopen, and migrating again is a no-op', async () => {
    const dataDir = await tempDir();
    const first = await openDb({ dataDir });
    const { id } = await saveExperiment(first.db, samplePayload());
    await first.close();

    const second = await openDb({ dataDir });
    try {
      expect((await getExperiment(second.db, id))?.payload.title).toBe(samplePayload().title);
    } finally {
      await second.close();
    }
  });

  it('getDb(): concurrent first calls share one open and one migration', async () => {
    const previous = process.env.SCHEDLAB_DATA_DIR;
    const previousUrl = process.env.DATABASE_URL;
    process.env.SCHEDLAB_DATA_DIR = await tempDir();
    delete process.env.DATABASE_URL;
    try {
      const [a, b, c] = await Promise.all([getDb(), getDb(), getDb()]);
      expect(b).toBe(a);
      expect(c).toBe(a);
      const { id } = await saveExperiment(a, samplePayload());
      expect(await getExperiment(await getDb(), id)).not.toBeNull();
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.SCHEDLAB_DATA_DIR;
      else process.env.SCHEDLAB_DATA_DIR = previous;
      if (previousUrl !== undefined) process.env.DATABASE_URL = previousUrl;
    }
  });
});
