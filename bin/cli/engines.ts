import { ENGINES, findEngine } from '../../engine';
import type { jobshopEngine } from '../../engine/jobshop';
import { UsageError, choices } from './cli-error';
import { didYouMean } from './suggest';

export type JobshopEngine = typeof jobshopEngine;

/**
 * The engine named on the command line. Only the job shop has CLI commands so far; other engines in the registry
 * get a clear "not yet" rather than an unknown-engine error.
 */
export function engineFor(command: string, id: string | undefined): JobshopEngine {
  const ids = ENGINES.map((e) => e.id);
  if (id === undefined) throw new UsageError(`"schedlab ${command}" needs an engine: schedlab ${command} <engine> (engines: ${choices(ids)})`);
  const engine = findEngine(id);
  if (!engine) throw new UsageError(`unknown engine "${id}"${didYouMean(id, ids)} (engines: ${choices(ids)})`);
  if (engine.id !== 'jobshop') throw new UsageError(`"schedlab ${command}" does not support the ${engine.id} engine yet`);
  return engine;
}
