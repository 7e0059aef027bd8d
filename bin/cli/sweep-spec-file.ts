import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../../engine/core/errors';
import { parseInstance, type InstanceFormat } from '../../engine/jobshop/parsers';
import { vmEngine } from '../../engine/vm';
import { llmEngine } from '../../engine/llm';
import type { TraceFormat } from '../../engine/llm/parsers';
import { expandSweep, type ExpandedSweep } from '../../db/sweep-expand';
import { parseSweepSpec, SweepSpecError, type SweepSpec } from '../../db/sweep-spec';
import { RunFailure, UsageError } from './cli-error';
import { readTextFile } from './scenario';

/**
 * Reading `schedlab sweep spec.json`: parse and validate the spec, then *resolve* it: every `file` (a policy or a
 * scenario) is read, relative to the spec's folder, and replaced by its content. The resolved spec is what is
 * stored with the sweep, so a resume or a worker on another machine runs exactly these sources.
 */

function parseScenarioFile(engine: SweepSpec['engine'], path: string, shownAs: string, format: string | undefined): Record<string, unknown> {
  const text = readTextFile(path, 'scenario file');
  try {
    if (engine === 'jobshop') return { ...parseInstance(text, { format: format as InstanceFormat | undefined, source: shownAs }) };
    if (engine === 'vm') {
      const name = basename(path).replace(/\.(json|csv)$/i, '');
      return { ...vmEngine.parse(text, { source: shownAs, name, ...(format === undefined ? {} : { format: format as 'vmr2l' }) }) };
    }
    const { imported: _report, ...scenario } = llmEngine.parse(text, { source: shownAs, format: format as TraceFormat | undefined });
    return { ...scenario };
  } catch (error) {
    // The importer names file:line:column and what was expected.
    if (error instanceof InputError) throw new RunFailure(error.message);
    throw error;
  }
}

/** The spec with files read in: still a valid spec, now without `file` entries. */
export function resolveSpecFiles(spec: SweepSpec, baseDir: string): SweepSpec {
  const scenarios = spec.scenarios.map((entry) => {
    if (typeof entry === 'string' || entry.file === undefined) return entry;
    const path = resolve(baseDir, entry.file);
    const instance = parseScenarioFile(spec.engine, path, entry.file, entry.format);
    return { instance, label: entry.label ?? (typeof instance.name === 'string' ? instance.name : basename(entry.file)) };
  });
  const policies = spec.policies.map((entry) => {
    if (typeof entry === 'string' || entry.file === undefined) return entry;
    const { file, ...rest } = entry;
    const source = readTextFile(resolve(baseDir, file), 'policy file');
    return { ...rest, source, fileName: file, label: entry.label ?? basename(file).replace(/\.[cm]?[jt]s$/, '') };
  });
  return { ...spec, scenarios, policies };
}

function specError(error: unknown, file: string): never {
  if (error instanceof SweepSpecError) throw new UsageError(`${file}: ${error.message}`);
  throw error;
}

export interface LoadedSpec {
  readonly spec: SweepSpec;
  readonly expanded: ExpandedSweep;
}

/** Reads, validates, resolves and expands a spec file; every mistake is a one-line UsageError naming the field. */
export function loadSpecFile(file: string): LoadedSpec {
  const text = readTextFile(file, 'sweep spec');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    const spec = resolveSpecFiles(parseSweepSpec(json), dirname(resolve(file)));
    return { spec, expanded: expandSweep(spec) };
  } catch (error) {
    return specError(error, file);
  }
}

/** The stored spec of a sweep, expanded again (it is already resolved). */
export function expandStored(spec: SweepSpec, sweepId: string): ExpandedSweep {
  try {
    return expandSweep(spec);
  } catch (error) {
    return specError(error, `sweep ${sweepId}`);
  }
}
