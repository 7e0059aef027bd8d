/**
 * The JSON form of a job-shop instance. It is the plain JobShopInstance itself, so `JSON.stringify(instance)`
 * reads back unchanged:
 *
 *   { "name"?: string, "description"?: string, "machineCount": number,
 *     "jobs": [ { "operations": [ op, ... ], "release"?, "due"?, "weight"? } ] }
 *
 * where an op is `{ "alternatives": [ { "machine", "duration" }, ... ] }` or the shorthand `[machine, duration]`
 * for a classic operation (an alternative may also be written `[machine, duration]`). Machines are from 0.
 * Unknown properties are rejected, since a misspelt "due" would otherwise vanish silently.
 */
import { InputError } from '../../core/errors';
import type { Alternative, Job, JobShopInstance, Operation } from '../model';
import { findInstanceProblem, formatPath, type InstancePath } from '../validate';
import { findJsonPath, lineColumnAt, parseJsonDocument } from '../../core/json-locate';
import { defaultName, type ParseOptions } from './tokens';

class SchemaProblem {
  constructor(
    readonly path: InstancePath,
    readonly message: string,
    /** Point at the property name rather than its value (an unknown property). */
    readonly atKey = false,
  ) {}
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 20 ? `${value.slice(0, 20)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const describeOrMissing = (value: unknown): string => (value === undefined ? 'missing' : describe(value));

function object(value: unknown, path: InstancePath, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SchemaProblem(path, `is ${describe(value)}; expected an object with ${keys.join(', ')}`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) {
      throw new SchemaProblem([...path, key], `is not a known property; expected one of ${keys.join(', ')}`, true);
    }
  }
  return record;
}

function array(value: unknown, path: InstancePath, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new SchemaProblem(path, `is ${describeOrMissing(value)}; expected an array of ${what}`);
  }
  return value;
}

function number(value: unknown, path: InstancePath, what: string, optional: true): number | undefined;
function number(value: unknown, path: InstancePath, what: string, optional?: false): number;
function number(value: unknown, path: InstancePath, what: string, optional = false): number | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'number') throw new SchemaProblem(path, `is ${describeOrMissing(value)}; expected ${what}`);
  return value;
}

function text(value: unknown, path: InstancePath): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new SchemaProblem(path, `is ${describe(value)}; expected a string`);
  return value;
}

function alternative(value: unknown, path: InstancePath): Alternative {
  if (Array.isArray(value)) {
    if (value.length !== 2) throw new SchemaProblem(path, `has ${value.length} elements; expected [machine, duration]`);
    return {
      machine: number(value[0], [...path, 0], 'a machine index'),
      duration: number(value[1], [...path, 1], 'a duration'),
    };
  }
  const record = object(value, path, ['machine', 'duration']);
  return {
    machine: number(record.machine, [...path, 'machine'], 'a machine index'),
    duration: number(record.duration, [...path, 'duration'], 'a duration'),
  };
}

function operation(value: unknown, path: InstancePath): Operation {
  // The shorthand [machine, duration] is a classic operation with one alternative.
  if (Array.isArray(value)) return { alternatives: [alternative(value, path)] };
  const record = object(value, path, ['alternatives']);
  const list = array(record.alternatives, [...path, 'alternatives'], 'alternatives {machine, duration}');
  return { alternatives: list.map((alt, a) => alternative(alt, [...path, 'alternatives', a])) };
}

function job(value: unknown, path: InstancePath): Job {
  const record = object(value, path, ['operations', 'release', 'due', 'weight']);
  const list = array(record.operations, [...path, 'operations'], 'operations');
  const operations = list.map((op, o) => operation(op, [...path, 'operations', o]));
  const result: { operations: Operation[]; release?: number; due?: number; weight?: number } = { operations };
  for (const key of ['release', 'due', 'weight'] as const) {
    const value = number(record[key], [...path, key], 'a number', true);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function instanceFrom(value: unknown, fallbackName: string, forcedName: string | undefined): JobShopInstance {
  const record = object(value, [], ['name', 'description', 'machineCount', 'jobs']);
  const name = forcedName ?? text(record.name, ['name']) ?? fallbackName;
  const description = text(record.description, ['description']);
  const machineCount = number(record.machineCount, ['machineCount'], 'the number of machines (a positive integer)');
  const jobs = array(record.jobs, ['jobs'], 'jobs').map((j, index) => job(j, ['jobs', index]));
  return description === undefined ? { name, machineCount, jobs } : { name, machineCount, jobs, description };
}

/**
 * The paths in the text that a problem's path may stand for: itself, then the shorthand spellings
 * (`alternatives[a].machine` written as `alternatives[a][0]`, a whole op written as `[machine, duration]`).
 */
function spellings(path: InstancePath): InstancePath[] {
  const last = path[path.length - 1];
  if (last !== 'machine' && last !== 'duration') return [path];
  const index = last === 'machine' ? 0 : 1;
  const pair = [...path.slice(0, -1), index];
  const result = [path, pair];
  // operations[o].alternatives[0].x -> operations[o][i], the shorthand for a single-alternative operation.
  if (path[path.length - 3] === 'alternatives' && path[path.length - 2] === 0) {
    result.push([...path.slice(0, -3), index]);
  }
  return result;
}

interface Problem {
  readonly path: InstancePath;
  readonly message: string;
  readonly atKey?: boolean;
}

function schemaError(body: string, problem: Problem, source: string | undefined): InputError {
  let offset: number | undefined;
  for (const candidate of spellings(problem.path)) {
    const found = findJsonPath(body, candidate, problem.atKey);
    if (found?.exact) {
      offset = found.offset;
      break;
    }
    offset ??= found?.offset;
  }
  const where = lineColumnAt(body, offset ?? 0);
  const detail = `${formatPath(problem.path)} ${problem.message}`;
  return new InputError(detail, { source, line: where.line, column: where.column });
}

/** Position from an engine's SyntaxError message, used only if our own walker disagrees with JSON.parse. */
/**
 * Reads the JSON form. A syntax error names the line and column; a schema error names the path
 * (`jobs[3].operations[2].alternatives[0].duration`) and the line and column of that value.
 */
export function parseJson(input: string, options: ParseOptions = {}): JobShopInstance {
  const { source } = options;
  const { body, value } = parseJsonDocument(input, source);
  let instance: JobShopInstance;
  try {
    instance = instanceFrom(value, defaultName(options, 'json'), options.name === '' ? undefined : options.name);
  } catch (error) {
    if (error instanceof SchemaProblem) throw schemaError(body, error, source);
    throw error;
  }
  const problem = findInstanceProblem(instance);
  if (problem) throw schemaError(body, problem, source);
  return instance;
}

/**
 * Writes the JSON form with one job per line: diff-friendly and far smaller than fully indented JSON, and it
 * reads back with parseJson (or JSON.parse) to an equal instance.
 */
export function formatJson(instance: JobShopInstance): string {
  const head: Record<string, unknown> = { name: instance.name };
  if (instance.description !== undefined) head.description = instance.description;
  head.machineCount = instance.machineCount;
  const fields = Object.entries(head).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  const jobs = instance.jobs.map((job) => JSON.stringify(job)).join(',\n');
  return `{${fields.join(',')},"jobs":[\n${jobs}\n]}\n`;
}
