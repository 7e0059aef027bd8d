import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  // Policy files import their types from the public name; at run time only types are imported, but keep the
  // alias so a policy that imports a value still resolves to the one API file.
  'schedlab/jobshop': fileURLToPath(new URL('./engine/jobshop/policy-api.ts', import.meta.url)),
  'schedlab/vm': fileURLToPath(new URL('./engine/vm/policy-api.ts', import.meta.url)),
  'schedlab/llm': fileURLToPath(new URL('./engine/llm/policy-api.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser flow at a time: the machine has two cores and next start is shared.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
