/**
 * Evaluating candidates of a parameter search (NSGA-II) or of evolved rules (GP) on the tab's worker pool: every
 * candidate runs on every scenario x seed, through the same request builder as a sweep run (so a candidate's runs
 * reproduce exactly when the result is saved as a sweep), and scores the mean of each objective metric over them.
 * A failed run makes its candidate's scores NaN: the optimisers rank such a candidate last.
 */
import type { SweepPolicy, SweepScenario } from '../../db/sweep-expand';
import { SWEEP_OPTION_SCHEMAS } from '../../db/sweep-options';
import type { SweepEngineId } from '../../db/sweep-spec';
import type { RunPool } from '../../workers/browser/run-pool';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { sweepRunRequest } from '../../workers/browser/sweep-run-request';

export interface EvaluationSetup {
  readonly engine: SweepEngineId;
  readonly scenarioIds: readonly string[];
  readonly seeds: readonly number[];
  /** One value per option (a search does not sweep options). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly budgetMs: number;
}

export interface Candidate {
  readonly policy: SweepPolicy;
  readonly params: Readonly<Record<string, number>>;
}

/** Checks the options the way a sweep spec's are checked; throws naming the bad option. */
export function checkSearchOptions(engine: SweepEngineId, options: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(options)) if (Array.isArray(value)) throw new Error(`options.${name}: a search takes one value, not a list`);
  const parsed = SWEEP_OPTION_SCHEMAS[engine].safeParse(options);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `options.${i.path.join('.')}: ${i.message}`).join('; '));
}

/** Stop was pressed: the generation did not finish, so it is not told to the optimiser. */
export class SearchStopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'SearchStopped';
  }
}

/** scores[c][m]: the mean of metrics[m] over candidate c's runs; NaN when one of them failed. */
export async function evaluateCandidates(pool: RunPool, setup: EvaluationSetup, candidates: readonly Candidate[], metrics: readonly string[]): Promise<number[][]> {
  const scenarios: SweepScenario[] = setup.scenarioIds.map((id) => ({ label: id, id }));
  const plan = { engine: setup.engine, scenarios, policies: candidates.map((c) => c.policy) };
  const requests: RunRequest[] = [];
  const owner = new Map<string, number>();
  candidates.forEach((candidate, c) => {
    scenarios.forEach((_, s) => {
      for (const seed of setup.seeds) {
        const key = `${c}:${s}:${seed}`;
        owner.set(key, c);
        requests.push(sweepRunRequest(plan, { position: requests.length, key, scenario: s, policy: c, params: candidate.params, seed, options: setup.options }));
      }
    });
  });
  const outcomes = await pool.run(requests, { budgetMs: setup.budgetMs });
  const sums = candidates.map(() => metrics.map(() => 0));
  const counts = candidates.map(() => 0);
  for (const [key, outcome] of outcomes) {
    const c = owner.get(key)!;
    if (!outcome.ok && outcome.failure.kind === 'stopped') throw new SearchStopped();
    if (!outcome.ok) {
      sums[c] = metrics.map(() => NaN);
      continue;
    }
    counts[c] += 1;
    metrics.forEach((metric, m) => (sums[c][m] += outcome.result.metrics[metric] ?? NaN));
  }
  return sums.map((row, c) => row.map((sum) => (counts[c] === 0 ? NaN : sum / counts[c])));
}
