import { jobshopEngine } from './jobshop';

/** The engine registry: every engine, listed once. The VM and LLM engines join here. */
export const ENGINES = [jobshopEngine] as const;

export type EngineId = (typeof ENGINES)[number]['id'];

export function findEngine(id: string): (typeof ENGINES)[number] | undefined {
  return ENGINES.find((engine) => engine.id === id);
}
