import { InputError } from '../../core/errors';
import type { LlmScenario } from '../model';

/** The mean arrival rate of a scenario: arrivals after the first per second of arrival span (0 for one request). */
export function arrivalRate(scenario: LlmScenario): number {
  const r = scenario.requests;
  if (r.length < 2) return 0;
  const span = r[r.length - 1].arrival - r[0].arrival;
  return span > 0 ? (r.length - 1) / span : Infinity;
}

/**
 * The same requests at another mean rate: every arrival time is scaled by (current rate / wanted rate), so bursts
 * keep their shape (as BurstGPT's replay divides timestamps by a scale).
 */
export function withRate(scenario: LlmScenario, rate: number): LlmScenario {
  if (!(rate > 0 && Number.isFinite(rate))) throw new InputError(`rate ${rate} must be > 0 requests per second`);
  const current = arrivalRate(scenario);
  if (!(current > 0 && Number.isFinite(current))) return scenario;
  const factor = current / rate;
  const start = scenario.requests.length > 0 ? scenario.requests[0].arrival : 0;
  return { ...scenario, requests: scenario.requests.map((r) => ({ ...r, arrival: start + (r.arrival - start) * factor })) };
}
