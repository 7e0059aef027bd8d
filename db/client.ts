/**
 * The database connection: embedded PGlite by default (nothing to install; files under `.data/pglite`), or a real
 * Postgres through node-postgres when DATABASE_URL is set. Both speak the same pg-core schema, and the SQL migrations
 * in db/migrations are applied at start-up by the migrator of the driver in use.
 *
 * Server only (Node runtime). A PGlite data folder must be opened by one process at a time: do not run the CLI
 * against the same folder while `next start` has it open.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { schema } from './schema';

/** What queries take: either driver's drizzle instance (or a transaction of it) over our schema. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  readonly db: Db;
  readonly driver: 'pglite' | 'postgres';
  /** Closes the PGlite instance or ends the pg pool. */
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** Postgres connection string; when set, node-postgres is used and the PGlite options are ignored. */
  readonly databaseUrl?: string;
  /** PGlite in memory (tests): nothing is written to disk. */
  readonly memory?: boolean;
  /** PGlite data folder (default: SCHEDLAB_DATA_DIR, else `<cwd>/.data/pglite`). */
  readonly dataDir?: string;
  /** Default: SCHEDLAB_MIGRATIONS_DIR, else `<cwd>/db/migrations` (Next runs with the project root as cwd). */
  readonly migrationsFolder?: string;
}

function migrationsFolderOf(options: OpenDbOptions): string {
  return options.migrationsFolder ?? process.env.SCHEDLAB_MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations');
}

// Any fixed 64-bit key: serialises start-up migrations of several processes sharing one Postgres.
const MIGRATION_LOCK_KEY = 7_310_451_220_481;

async function openPostgres(databaseUrl: string, migrationsFolder: string): Promise<DbHandle> {
  // Migrate over one dedicated connection holding an advisory lock, so workers starting together on the same server
  // do not race to create the same tables (drizzle's migrator does not lock by itself).
  const lockClient = new pg.Client({ connectionString: databaseUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client: lockClient, schema }), { migrationsFolder });
  } finally {
    await lockClient.end(); // ending the session releases the lock
  }
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle pooled connection that the server closes (restart, failover, admin kill) emits 'error' on the pool;
  // unhandled, that would crash the whole web server. The pool drops the client and opens a new one when needed.
  pool.on('error', (error) => console.error(`[db] idle Postgres connection lost: ${error.message}`));
  const db = drizzlePg({ client: pool, schema });
  return { db, driver: 'postgres', close: () => pool.end() };
}

async function openPglite(options: OpenDbOptions, migrationsFolder: string): Promise<DbHandle> {
  let client: PGlite;
  if (options.memory) {
    client = await PGlite.create();
  } else {
    const dataDir = options.dataDir ?? process.env.SCHEDLAB_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
    await mkdir(dataDir, { recursive: true });
    client = await PGlite.create(dataDir);
  }
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Opens a new connection and applies pending migrations. Tests use this for a private in-memory database. */
export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  const migrationsFolder = migrationsFolderOf(options);
  const databaseUrl = options.databaseUrl ?? (options.memory ? undefined : process.env.DATABASE_URL || undefined);
  return databaseUrl ? openPostgres(databaseUrl, migrationsFolder) : openPglite(options, migrationsFolder);
}

// Kept on globalThis, not in a module variable: Next may evaluate this module more than once in one process (dev
// reloads, separate route bundles), and two PGlite instances on one data folder would corrupt it.
const SINGLETON = Symbol.for('schedlab.db');
type Holder = { [SINGLETON]?: Promise<DbHandle> };
const holder = globalThis as Holder;

/**
 * The process-wide database, opened and migrated on the first call (from the environment: DATABASE_URL, else PGlite
 * in SCHEDLAB_DATA_DIR or .data/pglite). Concurrent first calls share one promise, so migrations run once. A failed
 * open is forgotten, so the next call tries again instead of failing forever.
 */
export function getDb(): Promise<Db> {
  let pending = holder[SINGLETON];
  if (!pending) {
    const opening = openDb();
    holder[SINGLETON] = opening;
    opening.catch(() => {
      if (holder[SINGLETON] === opening) delete holder[SINGLETON];
    });
    pending = opening;
  }
  return pending.then((handle) => handle.db);
}

/** Closes the process-wide database (CLI exit, tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const pending = holder[SINGLETON];
  delete holder[SINGLETON];
  if (pending) await (await pending).close();
}

/**
 * Tests: make getDb() return this database (e.g. an in-memory PGlite from openDb), or undefined to forget it. The
 * caller keeps ownership: closeDb() after setDb() closes the handle passed here.
 */
export function setDb(handle: DbHandle | undefined): void {
  if (handle) holder[SINGLETON] = Promise.resolve(handle);
  else delete holder[SINGLETON];
}
