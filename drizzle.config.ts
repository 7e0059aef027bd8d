// drizzle-kit reads this to generate SQL migrations from db/schema.ts (`npm run db:generate`). Generation needs no
// database: the same SQL is applied at start-up by the PGlite and node-postgres migrators (db/client.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
