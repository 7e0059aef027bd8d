import { jobshopEngine } from './jobshop';
import { llmEngine } from './llm';
import { vmEngine } from './vm';

/** The engine registry: every engine, listed once. */
export const ENGINES = [jobshopEngine, vmEngine, llmEngine] as const;

export type EngineId = (typeof ENGINES)[number]['id'];

export function findEngine(id: string): (typeof ENGINES)[number] | undefined {
  return ENGINES.find((engine) => engine.id === id);
}
