/**
 * HiGHS for runs in Node (CLI, worker threads, tests, benchmarks): `loadNodeMipSolver()` once, then pass the
 * result as the run option `mipSolver`; it solves synchronously, as `view.solveMip` needs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import loadHighs from 'highs';
import type { MipSolver } from '../../engine/vm';
import { createMipSolver, type HighsSolveDefaults } from '../mip-solver';

/** highs.wasm compiled once per process: a reload after an out-of-memory abort then only instantiates it again. */
let compiled: Promise<WebAssembly.Module> | undefined;

function compileHighsWasm(): Promise<WebAssembly.Module> {
  // `highs/runtime` is the package's own export of build/highs.wasm, so this follows wherever npm put the package.
  const path = createRequire(import.meta.url).resolve('highs/runtime');
  compiled ??= readFile(path).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/** Loads HiGHS (WebAssembly) and returns a synchronous MipSolver over it. */
export async function loadNodeMipSolver(defaults: HighsSolveDefaults = {}): Promise<MipSolver> {
  const wasmModule = await compileHighsWasm();
  return createMipSolver(() => loadHighs({ wasmModule }), defaults);
}
