/**
 * The database suite, defined once and run against every driver (pglite.test.ts, postgres.test.ts): both must
 * behave the same for the same SQL migrations.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client';
import { getExperiment, listExperiments, saveExperiment } from '../../db/queries';
import { snapshotHashOf } from '../../db/queries/save-experiment';
import { SaveExperimentPayloadSchema } from '../../db/payloads';
import { AWKWARD_METRICS, samplePayload } from './fixtures';

const TABLES = ['experiments', 'runs', 'scenarios', 'policies', 'run_artifacts'] as const;

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  // Both drivers' execute() results carry `rows`.
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await rows(db, sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Every key at every depth, reversed: the same data in another key order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reverseKeys(v)])) as T;
}

export function defineDbSuite(driver: string, open: () => Promise<DbHandle>): void {
  describe(`results database on ${driver}`, () => {
    let handle: DbHandle;
    let db: Db;

    beforeAll(async () => {
      handle = await open();
      db = handle.db;
    });
    afterAll(async () => {
      await handle?.close();
    });
    beforeEach(async () => {
      await db.execute(sql.raw(`truncate ${TABLES.join(', ')}`));
    });

    it('applies the migrations from empty: every table exists and the journal has each migration once', async () => {
      const tables = await rows(
        db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...TABLES]));
      const journal = await rows(db, sql`select hash from drizzle.__drizzle_migrations`);
      expect(journal.length).toBeGreaterThanOrEqual(1);
      expect(new Set(journal.map((j) => j.hash)).size).toBe(journal.length);
    });

    it('gives back exactly what was saved: metrics to the bit, schedules decoded, optional members absent', async () => {
      const payload = samplePayload();
      const { id, created } = await saveExperiment(db, payload);
      expect(created).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{32}$/);

      const saved = await getExperiment(db, id);
      expect(saved).not.toBeNull();
      expect(saved!.id).toBe(id);
      expect(Number.isNaN(Date.parse(saved!.createdAt))).toBe(false);
      expect(saved!.payload).toStrictEqual(SaveExperimentPayloadSchema.parse(payload));

      for (let r = 0; r < payload.runs.length; r++) {
        const sent = payload.runs[r].metrics;
        const got = saved!.payload.runs[r].metrics;
        expect(Object.keys(got).sort()).toEqual(Object.keys(sent).sort());
        for (const [name, value] of Object.entries(sent)) {
          // Object.is tells 0 from -0 and compares doubles bit for bit (NaN aside, which JSON cannot carry).
          expect(Object.is(got[name], value), `${name}: ${got[name]} vs ${value}`).toBe(true);
        }
        expect(saved!.payload.runs[r].schedule).toStrictEqual(payload.runs[r].schedule);
      }
      expect(saved!.payload.runs[3].metrics).toStrictEqual(AWKWARD_METRICS);
      expect(saved!.payload.runs[3].seed).toBe(2 ** 40 + 3);
      expect(saved!.payload.runs[3].schedule).toBeUndefined();
      // The snapshot read back hashes to the id it was saved under.
      expect(snapshotHashOf(saved!.payload).slice(0, 32)).toBe(id);
    });

    it('stores each scenario and policy once, keeping each run its own scenario label', async () => {
      const payload = samplePayload();
      await saveExperiment(db, payload);
      const counts = await countRows(db);
      // ft06 is used by three runs under two labels, the fractional instance by one.
      expect(counts).toEqual({ experiments: 1, runs: 4, scenarios: 2, policies: 4, run_artifacts: 3 });
      await saveExperiment(db, samplePayload('another title, same runs'));
      expect(await countRows(db)).toEqual({ experiments: 2, runs: 8, scenarios: 2, policies: 4, run_artifacts: 6 });
    });

    it('saving the same snapshot twice, in any key order, gives the same id and stores it once', async () => {
      const first = await saveExperiment(db, samplePayload());
      const again = await saveExperiment(db, reverseKeys(samplePayload()));
      expect(again).toEqual({ id: first.id, created: false });
      expect(await countRows(db)).toMatchObject({ experiments: 1, runs: 4 });

      const different = await saveExperiment(db, { ...samplePayload(), notes: 'other notes' });
      expect(different.id).not.toBe(first.id);
    });

    it('concurrent saves of one snapshot store it once and agree on the id', async () => {
      const results = await Promise.all([saveExperiment(db, samplePayload()), saveExperiment(db, samplePayload())]);
      expect(results[0].id).toBe(results[1].id);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await countRows(db)).toMatchObject({ experiments: 1, runs: 4, run_artifacts: 3 });
    });

    it('a failure in the middle of a save leaves nothing behind', async () => {
      await saveExperiment(db, samplePayload('saved before'));
      const before = await countRows(db);
      // Fail the last insert of the transaction (the artifacts), after the experiment, scenarios, policies and
      // runs went in: a real database error, as a full disk or a dropped connection would raise.
      await db.execute(sql.raw(`create or replace function schedlab_test_fail() returns trigger language plpgsql as
        $$ begin raise exception 'injected failure'; end $$`));
      await db.execute(sql.raw(`create trigger schedlab_test_fail before insert on run_artifacts
        for each row execute function schedlab_test_fail()`));
      try {
        const fresh = samplePayload('never stored');
        fresh.runs[0] = { ...fresh.runs[0], scenario: { label: 'new', instance: { ...fresh.runs[0].scenario.instance, name: 'new one' } } };
        const failure = await saveExperiment(db, fresh).then(() => null, (error: unknown) => error as Error);
        // drizzle wraps the driver's error ("Failed query: ..."); the database's own message is its cause.
        expect((failure?.cause as Error | undefined)?.message).toMatch(/injected failure/);
        expect(await countRows(db)).toEqual(before);
        expect(await listExperiments(db)).toHaveLength(1);
      } finally {
        await db.execute(sql.raw('drop trigger schedlab_test_fail on run_artifacts'));
        await db.execute(sql.raw('drop function schedlab_test_fail()'));
      }
      // And the same payload saves fine once the fault is gone.
      await expect(saveExperiment(db, samplePayload('never stored'))).resolves.toMatchObject({ created: true });
    });

    it('lists newest first, ties by id, with run counts, honouring the limit', async () => {
      const ids: string[] = [];
      for (const title of ['oldest', 'middle', 'newest']) ids.push((await saveExperiment(db, samplePayload(title))).id);
      // Pin created_at: saves within one millisecond would otherwise make the order depend on the clock.
      await db.execute(sql`update experiments set created_at = '2026-01-01T00:00:00Z' where id = ${ids[0]}`);
      await db.execute(sql`update experiments set created_at = '2026-01-02T00:00:00Z' where id = ${ids[1]}`);
      await db.execute(sql`update experiments set created_at = '2026-01-03T00:00:00Z' where id = ${ids[2]}`);

      const list = await listExperiments(db);
      expect(list.map((e) => e.title)).toEqual(['newest', 'middle', 'oldest']);
      expect(list[0]).toEqual({ id: ids[2], title: 'newest', createdAt: '2026-01-03T00:00:00.000Z', runCount: 4, engine: 'jobshop' });
      expect((await listExperiments(db, { limit: 2 })).map((e) => e.title)).toEqual(['newest', 'middle']);
      expect(await listExperiments(db, { limit: 0 })).toHaveLength(1); // clamped to at least one

      await db.execute(sql`update experiments set created_at = '2026-01-05T00:00:00Z'`);
      expect((await listExperiments(db)).map((e) => e.id)).toEqual([...ids].sort());
    });

    it('returns null for an unknown or malformed id', async () => {
      expect(await getExperiment(db, '0'.repeat(32))).toBeNull();
      expect(await getExperiment(db, "x' or 1=1 --")).toBeNull();
    });
  });
}
