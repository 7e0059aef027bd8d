import type { JobShopPolicy } from '../policy-api';
import atc from './atc';
import cr from './cr';
import edd from './edd';
import fddMwkr from './fdd-mwkr';
import fifo from './fifo';
import lpt from './lpt';
import lwkr from './lwkr';
import mdd from './mdd';
import mopnr from './mopnr';
import mwkr from './mwkr';
import random from './random';
import spt from './spt';
import tabu from './tabu';

/** The built-in policies, in the order the CLI and the editor list them. Each is a policy file on the public API. */
export const BUILTIN_POLICIES: readonly JobShopPolicy[] = [
  spt,
  lpt,
  mwkr,
  lwkr,
  mopnr,
  fddMwkr,
  fifo,
  edd,
  mdd,
  cr,
  atc,
  random,
  tabu,
] as JobShopPolicy[];

export function findBuiltinPolicy(id: string): JobShopPolicy | undefined {
  // "FDD/MWKR" as printed in papers is accepted for the id fdd-mwkr.
  const wanted = id.toLowerCase().replace('/', '-');
  return BUILTIN_POLICIES.find((p) => p.id === wanted);
}
