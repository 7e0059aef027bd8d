/**
 * Reads the benchmark files in ../shared/data beside the repository (where CI clones it too). Test-only: the
 * engine itself never touches the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { JobShopInstance } from '../../../engine/jobshop/model';
import { parseInstance } from '../../../engine/jobshop/parsers';

export const SHARED_DATA = new URL('../../../../shared/data/', import.meta.url);

/** Text of a file under shared/data, e.g. `jssp/instances/ft06.txt`. */
export function readShared(path: string): string {
  return readFileSync(new URL(path, SHARED_DATA), 'utf8');
}

/** Parsed JSON of a file under shared/data. */
export function readSharedJson<T>(path: string): T {
  return JSON.parse(readShared(path)) as T;
}

/** A classic instance from jssp/instances by name ("ft06"). */
export function loadJssp(name: string): JobShopInstance {
  return parseInstance(readShared(`jssp/instances/${name}.txt`), { source: `${name}.txt`, name });
}

/** A flexible instance from fjsp/instances by name ("mk01"). */
export function loadFjsp(name: string): JobShopInstance {
  return parseInstance(readShared(`fjsp/instances/${name}.txt`), { source: `${name}.txt`, name });
}

/** File names (sorted) in a folder under shared/data, e.g. `jssp/instances/`. */
export function listShared(folder: string): string[] {
  return readdirSync(new URL(folder, SHARED_DATA)).sort();
}

/** Shape of one entry of jssp/bounds.json that the tests read. */
export interface JsspBoundsEntry {
  name: string;
  family: string;
  jobs: number;
  machines: number;
  optimum: number | null;
  lower_bound: number;
  upper_bound: number;
  total_processing_time: number;
  description?: string;
  relaxation_lower_bounds?: { job_length: number; machine_load: number };
}

/** Shape of one entry of fjsp/bounds.json that the tests read. */
export interface FjspBoundsEntry {
  name: string;
  jobs: number;
  machines_header: number;
  operations: number;
  optimum: number | null;
  lower_bound: number;
  upper_bound: number;
}
