import { InputError } from '../../engine/core/errors';
import { vmEngine, type VmCatalogueEntry } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import type { VmScenarioChoice } from '../state/vm-lab-types';

/**
 * The three ways to get a cluster into the VM lab, as plain functions the picker (and its tests) call: the
 * engine's catalogue (the same presets as `schedlab run vm --scenario <id>`), a random cluster of any size (the
 * "custom" generator), or a VMR2L snapshot file.
 */

/** Catalogue families in the order the picker groups them, with their group titles. */
export const CATALOGUE_FAMILIES = [
  { family: 'teaching', title: 'Teaching' },
  { family: 'vmr2l', title: 'VMR2L-like sizes' },
  { family: 'drift', title: 'With churn (state drift)' },
  { family: 'placement', title: 'Placement (pending VMs)' },
] as const;

/** The catalogue grouped for the picker; a family the engine adds later still shows, under its own name. */
export function catalogueGroups(): { title: string; entries: readonly VmCatalogueEntry[] }[] {
  const known = CATALOGUE_FAMILIES.map(({ family, title }) => ({ title, entries: vmEngine.catalogue.filter((e) => e.family === family) }));
  const others = vmEngine.catalogue.filter((e) => !CATALOGUE_FAMILIES.some((f) => f.family === e.family));
  return [...known, ...(others.length > 0 ? [{ title: 'Other', entries: others }] : [])].filter((g) => g.entries.length > 0);
}

/** The first cluster a visitor gets: big enough that Run compares policies, small enough to read. */
export const DEFAULT_CATALOGUE_ID = 'vmr2l-s';

export function catalogueChoice(id: string): VmScenarioChoice {
  const entry = vmEngine.findScenario(id);
  if (!entry) throw new Error(`unknown VM scenario "${id}" (scenarios: ${vmEngine.catalogue.map((e) => e.id).join(', ')})`);
  return { key: `catalogue:${entry.id}`, label: entry.id, origin: 'catalogue', description: entry.description, scenario: entry.build() };
}

export interface VmGeneratorSettings {
  pms: number;
  /** Share of CPU allocated, in (0, 1]. */
  utilisation: number;
  seed: number;
}

export const DEFAULT_VM_GENERATOR: VmGeneratorSettings = { pms: 20, utilisation: 0.9, seed: 1 };

export function generatedVmChoice(s: VmGeneratorSettings): VmScenarioChoice {
  const scenario = randomCluster({ seed: s.seed, pms: s.pms, utilisation: s.utilisation });
  return {
    key: `gen-${s.pms}-u${s.utilisation}-s${s.seed}`,
    label: `Random ${s.pms} PMs · ${Math.round(s.utilisation * 100)}% · seed ${s.seed}`,
    origin: 'generated',
    scenario,
  };
}

/** Parses a VMR2L snapshot; throws the importer's InputError, whose message names the line and column. */
export function importedVmChoice(text: string, fileName: string): VmScenarioChoice {
  const scenario = vmEngine.parse(text, { source: fileName, name: fileName.replace(/\.json$/i, '') });
  return { key: `file:${fileName}`, label: `${fileName} (${scenario.pms.length} PMs, ${scenario.vms.length} VMs)`, origin: 'imported', scenario };
}

/** Where an import error points, for the picker's message ("line 12, column 5"); undefined when it names no line. */
export function errorLocation(error: unknown): { line: number; column?: number } | undefined {
  if (error instanceof InputError && error.where.line !== undefined) return { line: error.where.line, column: error.where.column };
  return undefined;
}
