// Runs a TypeScript file with Node: `node bin/run-ts.js test/bench/x.ts [args...]` (used by the npm scripts).
// Registers tsx's loader, then imports the file; the script sees process.argv as if it had been run directly
// (argv[1] is the script, its own arguments follow).
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

const script = process.argv[2];
if (!script) {
  process.stderr.write('usage: node bin/run-ts.js <file.ts> [args...]\n');
  process.exit(2);
}
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// A .ts file outside a "type": "module" folder loads as CommonJS; tsx has a separate hook for that.
registerCommonJs();
process.argv.splice(1, 2, resolve(script));
await import(pathToFileURL(resolve(script)).href);
