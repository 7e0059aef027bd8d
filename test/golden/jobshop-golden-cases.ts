import { findScenario } from '../../engine/jobshop/catalogue';
import { withDueDates, withReleaseDates } from '../../engine/jobshop/generators/due-dates';
import type { JobShopInstance } from '../../engine/jobshop/model';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { SCHEMES, type JobShopRunOptions } from '../../engine/jobshop/run-types';
import { simulate } from '../../engine/jobshop/simulate';

/**
 * The fixed runs whose metrics are committed in jobshop.json. Any change to candidate formation, tie-breaking,
 * metrics, random streams or a built-in policy shows up as a diff there, to be reviewed and the engine version
 * bumped. Regenerate on purpose with `npm run golden:update`.
 */
interface GoldenCase {
  readonly key: string;
  readonly instance: () => JobShopInstance;
  readonly policy: string;
  readonly options: JobShopRunOptions;
}

const RULES = ['spt', 'lpt', 'mwkr', 'lwkr', 'mopnr', 'fdd-mwkr', 'fifo', 'edd', 'mdd', 'cr', 'atc', 'random'];
const scenario = (id: string) => () => findScenario(id)!.create();
const withDue = (id: string) => () => withDueDates(findScenario(id)!.create(), { factor: 1.3 });

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const scheme of SCHEMES) {
    for (const policy of RULES) {
      cases.push({ key: `ft06/${policy}/${scheme}`, instance: withDue('ft06'), policy, options: { scheme, seed: 1 } });
      cases.push({ key: `ta01/${policy}/${scheme}`, instance: withDue('ta01'), policy, options: { scheme, seed: 1 } });
    }
    cases.push({ key: `teach-flex-6x4/mwkr/${scheme}`, instance: scenario('teach-flex-6x4'), policy: 'mwkr', options: { scheme } });
    cases.push({ key: `ft06/tabu/${scheme}`, instance: scenario('ft06'), policy: 'tabu', options: { scheme, seed: 1 } });
  }
  cases.push({
    key: 'ta01/atc-k0.5/active',
    instance: withDue('ta01'),
    policy: 'atc',
    options: { params: { k: 0.5 } },
  });
  cases.push({
    key: 'ta01/mwkr/breakdowns-seed-5',
    instance: scenario('ta01'),
    policy: 'mwkr',
    options: { seed: 5, breakdowns: { mtbf: 400, mttr: 40 } },
  });
  cases.push({
    key: 'ta01/fifo/online-releases',
    instance: () => withReleaseDates(findScenario('ta01')!.create(), { meanInterarrival: 50, seed: 2 }),
    policy: 'fifo',
    options: { online: true, scheme: 'non-delay' },
  });
  return cases;
}

/** Metrics of every golden case, keyed by case. */
export function runGoldenCases(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of goldenCases()) out[c.key] = simulate(c.instance(), findBuiltinPolicy(c.policy)!, c.options).metrics;
  return out;
}
