import { InputError } from '../../engine/core/errors';
import { llmEngine } from '../../engine/llm';
import type { LlmWorkloadChoice } from '../state/llm-lab-types';

/**
 * Workloads of the LLM lab: the engine's presets, and trace CSVs imported with the engine's own parser (BurstGPT,
 * Azure, Vidur; the format is found from the header). A bad row throws an InputError naming file:line:column;
 * `errorLocation` hands the line and column to the picker.
 */

export const PRESETS = llmEngine.presets;

export function presetChoice(presetId: string, rate?: number, duration?: number): LlmWorkloadChoice {
  const preset = llmEngine.findPreset(presetId);
  if (!preset) throw new Error(`unknown preset "${presetId}"`);
  const parts = [rate !== undefined ? `${rate} req/s` : '', duration !== undefined ? `${duration} s` : ''].filter(Boolean);
  const label = parts.length > 0 ? `${preset.id} (${parts.join(', ')})` : preset.id;
  return { origin: 'preset', key: `preset:${preset.id}:${rate ?? ''}:${duration ?? ''}`, label, presetId: preset.id, rate, duration };
}

/** Parses a trace; throws the engine's InputError (with its line) when a row is bad. */
export function importedChoice(text: string, fileName: string, includeFailed = false): LlmWorkloadChoice {
  const imported = llmEngine.parse(text, { source: fileName, includeFailed });
  const { imported: report, ...scenario } = imported;
  return { origin: 'imported', key: `file:${fileName}:${scenario.requests.length}`, label: `${fileName} (${scenario.requests.length.toLocaleString('en')} requests, ${report.format})`, scenario, report };
}

/** The imported trace at another rate (the CLI's --rate on a --scenario-file); undefined keeps its own. */
export function withImportRate(choice: LlmWorkloadChoice, rate: number | undefined): LlmWorkloadChoice {
  if (choice.origin !== 'imported') return choice;
  const base = choice.label.replace(/ at [\d.]+ req\/s$/, '');
  return { ...choice, rate, key: `${choice.key.split('@')[0]}@${rate ?? ''}`, label: rate === undefined ? base : `${base} at ${rate} req/s` };
}

export function errorLocation(error: unknown): { line?: number; column?: number } {
  if (error instanceof InputError) return { line: error.where.line, column: error.where.column };
  return {};
}
