import { CATALOGUE, findScenario } from '../../engine/jobshop/catalogue';
import { withDueDates } from '../../engine/jobshop/generators/due-dates';
import { generateRandom } from '../../engine/jobshop/generators/random';
import { parseInstance } from '../../engine/jobshop/parsers';
import type { ScenarioChoice } from '../state/lab-types';

/** The three ways to get a scenario into the lab, as plain functions the picker (and its tests) call. */

export function catalogueChoice(id: string): ScenarioChoice {
  const entry = findScenario(id);
  if (!entry) throw new Error(`unknown scenario "${id}"`);
  return { key: entry.id, label: entry.label, origin: 'catalogue', instance: entry.create() };
}

export interface GeneratorSettings {
  jobs: number;
  machines: number;
  minDuration: number;
  maxDuration: number;
  flexibility: number;
  /** Due-date allowance factor (due = release + factor x work); 0 means no due dates. */
  dueFactor: number;
  seed: number;
}

export const DEFAULT_GENERATOR: GeneratorSettings = {
  jobs: 10,
  machines: 5,
  minDuration: 1,
  maxDuration: 99,
  flexibility: 0,
  dueFactor: 1.5,
  seed: 1,
};

export function generatedChoice(s: GeneratorSettings): ScenarioChoice {
  const name = `gen-${s.jobs}x${s.machines}-s${s.seed}${s.flexibility > 0 ? `-f${s.flexibility}` : ''}${s.dueFactor > 0 ? `-d${s.dueFactor}` : ''}`;
  let instance = generateRandom({ ...s, name });
  if (s.dueFactor > 0) instance = withDueDates(instance, { factor: s.dueFactor });
  return { key: name, label: `Random ${s.jobs}x${s.machines} (seed ${s.seed})`, origin: 'generated', instance };
}

/** Parses pasted or dropped text; throws the importer's InputError, whose message names the line. */
export function importedChoice(text: string, fileName: string): ScenarioChoice {
  const name = fileName.replace(/\.[a-z]+$/i, '');
  const instance = parseInstance(text, { source: fileName, name });
  return { key: `file:${fileName}`, label: `${fileName} (${instance.jobs.length}x${instance.machineCount})`, origin: 'imported', instance };
}

/** Catalogue entries grouped for the picker's select. */
export function catalogueGroups(): { family: string; entries: { id: string; label: string }[] }[] {
  const groups = new Map<string, { id: string; label: string }[]>();
  for (const entry of CATALOGUE) {
    const family = entry.family === 'ta' ? 'Taillard 1993' : entry.family === 'teaching' ? 'Teaching' : 'Classic';
    groups.set(family, [...(groups.get(family) ?? []), { id: entry.id, label: entry.label }]);
  }
  return [...groups].map(([family, entries]) => ({ family, entries }));
}
