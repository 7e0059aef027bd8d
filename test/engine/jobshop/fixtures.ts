import { readFileSync } from 'node:fs';
import { parseInstance } from '../../../engine/jobshop/parsers';
import type { JobShopInstance } from '../../../engine/jobshop/model';

/** The shared benchmark data, beside the project (../shared), as CI lays it out. */
export const SHARED_DATA = new URL('../../../../shared/data/', import.meta.url);

/** Loads a classic instance from ../shared/data/jssp/instances by name ("ft06"). */
export function loadJssp(name: string): JobShopInstance {
  const url = new URL(`jssp/instances/${name}.txt`, SHARED_DATA);
  return parseInstance(readFileSync(url, 'utf8'), { source: `${name}.txt`, name });
}

/** Loads a flexible instance from ../shared/data/fjsp/instances by name ("mk01"). */
export function loadFjsp(name: string): JobShopInstance {
  const url = new URL(`fjsp/instances/${name}.txt`, SHARED_DATA);
  return parseInstance(readFileSync(url, 'utf8'), { source: `${name}.txt`, name });
}
