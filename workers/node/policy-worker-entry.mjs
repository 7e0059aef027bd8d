// Worker threads do not inherit the parent's module hooks on Node 20, so each policy worker registers the
// TypeScript loader itself before loading the worker module (written in TypeScript like the rest of the project).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./policy-worker.ts');
