// Worker threads do not inherit the parent's module hooks on Node 20, so each sweep thread registers the TypeScript
// loader itself before loading the thread module (as policy-worker-entry.mjs does).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./sweep-thread.ts');
