/**
 * Payloads for the database and API tests, built from real engine runs so the stored data has the shapes and sizes
 * the lab really sends (metrics from computeMetrics, schedules in decision order).
 */
import { findScenario } from '../../engine/jobshop/catalogue';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { jobshopEngine } from '../../engine/jobshop';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { RunInput, SaveExperimentInput, SaveExperimentPayload } from '../../db/payloads';

function realRun(instance: JobShopInstance, label: string, policyId: string, seed: number): RunInput {
  const policy = findBuiltinPolicy(policyId);
  if (!policy) throw new Error(`no built-in policy ${policyId}`);
  const result = simulate(instance, policy, { seed, scheme: 'active' });
  // JSON (and so the API) cannot carry Infinity or NaN: the lab leaves such metrics out, and so does the fixture.
  const metrics = Object.fromEntries(Object.entries(result.metrics).filter(([, v]) => Number.isFinite(v)));
  return {
    scenario: { label, instance },
    policy: { label: policyId.toUpperCase(), builtinId: policyId },
    params: {},
    seed,
    scheme: 'active',
    status: 'done',
    metrics,
    elapsedMs: 1.25,
    schedule: result.schedule,
  };
}

/** Numbers that only survive storage if nothing on the way rounds, truncates or reformats them. */
export const AWKWARD_METRICS: Record<string, number> = {
  pointThree: 0.1 + 0.2,
  third: 1 / 3,
  tiny: 5e-324,
  huge: 1.7976931348623157e308,
  negative: -1e-7,
  big: 2 ** 53 - 1,
  exponent: 1e21,
};

/**
 * Built fresh on each call and deep-copied, so a test may change its copy (the engine's data is readonly, hence
 * the lab-style SaveExperimentInput while building).
 */
export function samplePayload(title = 'ft06 with three rules'): SaveExperimentPayload {
  // Through JSON, as the API sees it: no shared objects between runs, so damaging one run leaves the others intact.
  return JSON.parse(JSON.stringify(buildPayload(title))) as SaveExperimentPayload;
}

function buildPayload(title: string): SaveExperimentInput {
  const ft06 = findScenario('ft06')!.create();
  const fractional: JobShopInstance = {
    name: 'fractional releases',
    machineCount: 2,
    jobs: [
      { operations: [{ alternatives: [{ machine: 0, duration: 3 }] }, { alternatives: [{ machine: 1, duration: 2 }] }], release: 0.5 },
      { operations: [{ alternatives: [{ machine: 1, duration: 4 }] }, { alternatives: [{ machine: 0, duration: 1 }] }], due: 7.25 },
    ],
  };
  return {
    title,
    notes: 'Notes with unicode: Gantt — “quotes” 🚀',
    engine: 'jobshop',
    engineVersion: jobshopEngine.version,
    runs: [
      realRun(ft06, 'ft06', 'mwkr', 1),
      realRun(ft06, 'ft06', 'spt', 1),
      { ...realRun(fractional, 'fractional', 'fifo', 7), params: { alpha: 0.75, k: 3 }, options: { online: true } },
      {
        scenario: { label: 'ft06 again', instance: ft06 },
        policy: { label: 'my policy', source: 'export default { id: "mine", choose(view) { return 0; } };\n' },
        params: { beta: 2 },
        seed: 2 ** 40 + 3,
        scheme: 'non-delay',
        status: 'failed',
        metrics: AWKWARD_METRICS,
        elapsedMs: 12.5,
        error: { kind: 'policy', message: 'returned 99, not a candidate index', line: 3, column: 12 },
      },
    ],
  };
}
