#!/usr/bin/env node
// The `schedlab` command. The CLI is written in TypeScript; tsx's loader compiles it on the fly, so there is no
// build step between editing the engine and running it.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const debug = process.env.SCHEDLAB_DEBUG === '1';

/** Last line of defence: even a bug prints one line, unless SCHEDLAB_DEBUG=1 asks for the stack. */
function fatal(error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`schedlab: internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
// `schedlab list jobshop | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  fatal(error);
});

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
