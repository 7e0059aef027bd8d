import { fileURLToPath } from 'node:url';

/** The project root, with a trailing slash. */
export const CLI_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
