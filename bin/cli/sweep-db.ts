import { fileURLToPath } from 'node:url';

/**
 * The CLI may run from any folder (the data folder is `.data/` under it), but its migrations are the ones shipped
 * beside this code, not whatever `db/migrations` the current folder may hold.
 */
export function useShippedMigrations(): void {
  process.env.SCHEDLAB_MIGRATIONS_DIR ??= fileURLToPath(new URL('../../db/migrations', import.meta.url));
}
