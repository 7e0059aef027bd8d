import { jobshopEngine } from './jobshop';
import { vmEngine } from './vm';

/** The engine registry: every engine, listed once. The LLM engine joins here. */
export const ENGINES = [jobshopEngine, vmEngine] as const;

export type EngineId = (typeof ENGINES)[number]['id'];

export function findEngine(id: string): (typeof ENGINES)[number] | undefined {
  return ENGINES.find((engine) => engine.id === id);
}
