import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/core/errors';
import type { JobShopInstance } from '../../engine/jobshop/model';
import { withDueDates, withReleaseDates } from '../../engine/jobshop/generators/due-dates';
import { FORMATS, parseInstance, type InstanceFormat } from '../../engine/jobshop/parsers';
import { RunFailure, UsageError, choices } from './cli-error';
import type { JobshopEngine } from './engines';
import { didYouMean } from './suggest';

/** Where an instance comes from on the command line: a catalogue id or a file (with its format, if stated). */
export interface ScenarioSource {
  readonly scenario?: string;
  readonly file?: string;
  readonly format?: string;
}

export interface LoadedScenario {
  /** The catalogue id, or the instance's name for a file (its file name without extension, by default). */
  readonly id: string;
  readonly instance: JobShopInstance;
  readonly file?: string;
}

export function readTextFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new UsageError(`cannot read ${what} ${file}: ${reason}`);
  }
}

function checkFormat(format: string | undefined): InstanceFormat | undefined {
  if (format === undefined || format === 'auto') return undefined;
  if ((FORMATS as readonly string[]).includes(format)) return format as InstanceFormat;
  throw new UsageError(`unknown scenario file format "${format}"${didYouMean(format, FORMATS)} (formats: ${choices(FORMATS)}; default: detected)`);
}

export function loadScenario(engine: JobshopEngine, source: ScenarioSource): LoadedScenario {
  if (source.scenario !== undefined && source.file !== undefined) {
    throw new UsageError('give --scenario or --scenario-file, not both');
  }
  if (source.file !== undefined) {
    const format = checkFormat(source.format);
    const text = readTextFile(source.file, 'scenario file');
    try {
      const instance = parseInstance(text, { format, source: source.file });
      return { id: instance.name, instance, file: source.file };
    } catch (error) {
      // The importer's message names file:line:column and what was expected; it is the whole story.
      if (error instanceof InputError) throw new RunFailure(error.message);
      throw error;
    }
  }
  if (source.format !== undefined) throw new UsageError('--format applies to --scenario-file only');
  if (source.scenario === undefined) {
    throw new UsageError(`give --scenario <id> (see: schedlab list ${engine.id}) or --scenario-file <file>`);
  }
  const entry = engine.findScenario(source.scenario);
  if (!entry) {
    const ids = engine.catalogue.map((s) => s.id);
    throw new UsageError(`unknown scenario "${source.scenario}"${didYouMean(source.scenario, ids)} (see: schedlab list ${engine.id})`);
  }
  return { id: entry.id, instance: entry.create() };
}

/** Variations a run may add to its instance: Poisson releases (seeded) and total-work-content due dates. */
export interface ScenarioVariation {
  readonly arrivalMean?: number;
  readonly dueFactor?: number;
  readonly seed: number;
}

export function varyScenario(instance: JobShopInstance, variation: ScenarioVariation): JobShopInstance {
  let varied = instance;
  // Releases first: due dates are counted from each job's release.
  if (variation.arrivalMean !== undefined) varied = withReleaseDates(varied, { meanInterarrival: variation.arrivalMean, seed: variation.seed });
  if (variation.dueFactor !== undefined) varied = withDueDates(varied, { factor: variation.dueFactor });
  return varied;
}
