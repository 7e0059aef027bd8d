import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      // Policy files import their types from the public name; at run time only types are imported, but keep the
      // alias so a policy that imports a value still resolves to the one API file.
      'schedlab/jobshop': fileURLToPath(new URL('./engine/jobshop/policy-api.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
