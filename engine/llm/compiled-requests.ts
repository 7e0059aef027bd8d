/**
 * A scenario's requests as flat typed arrays (what the simulation and the policy view read), checked once: every
 * bad field is an InputError naming the request.
 */
import { InputError } from '../core/errors';
import { DEFAULT_MAX_OUTPUT_TOKENS, DEFAULT_SLO, type LlmScenario } from './model';

export interface CompiledRequests {
  readonly count: number;
  readonly arrival: Float64Array;
  readonly prompt: Int32Array;
  readonly output: Int32Array;
  /** Index into `sloNames`/`ttftLimit`/`tpotLimit`; the default SLO is the last entry. */
  readonly slo: Int32Array;
  readonly priority: Float64Array;
  /** Index into `sessionNames`, -1 without a session. */
  readonly session: Int32Array;
  readonly sloNames: readonly string[];
  readonly ttftLimit: Float64Array;
  readonly tpotLimit: Float64Array;
  readonly sessionNames: readonly string[];
  readonly maxOutputTokens: number;
}

function whole(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

export function compileRequests(scenario: LlmScenario): CompiledRequests {
  if (!Array.isArray(scenario.requests)) throw new InputError('scenario: requests is missing; expected an array');
  const n = scenario.requests.length;
  const maxOutputTokens = scenario.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  if (!whole(maxOutputTokens, 1)) throw new InputError(`scenario: maxOutputTokens is ${maxOutputTokens}; expected a whole number >= 1`);
  const classes = scenario.sloClasses ?? [];
  const sloIndex = new Map<string, number>();
  const sloNames: string[] = [];
  const ttft: number[] = [];
  const tpot: number[] = [];
  classes.forEach((c, i) => {
    if (typeof c.name !== 'string' || sloIndex.has(c.name)) throw new InputError(`scenario: SLO class ${i} has a missing or repeated name`);
    if (!(c.ttft > 0 && c.tpot > 0)) throw new InputError(`scenario: SLO class "${c.name}" needs ttft > 0 and tpot > 0 (seconds)`);
    sloIndex.set(c.name, i);
    sloNames.push(c.name);
    ttft.push(c.ttft);
    tpot.push(c.tpot);
  });
  const fallback = scenario.defaultSlo ?? DEFAULT_SLO;
  if (!(fallback.ttft > 0 && fallback.tpot > 0)) throw new InputError('scenario: defaultSlo needs ttft > 0 and tpot > 0 (seconds)');
  const defaultIndex = sloNames.length;
  sloNames.push('default');
  ttft.push(fallback.ttft);
  tpot.push(fallback.tpot);

  const arrival = new Float64Array(n);
  const prompt = new Int32Array(n);
  const output = new Int32Array(n);
  const slo = new Int32Array(n);
  const priority = new Float64Array(n);
  const session = new Int32Array(n);
  const sessionIndex = new Map<string, number>();
  const sessionNames: string[] = [];
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const r = scenario.requests[i];
    const where = `request ${i}`;
    if (typeof r !== 'object' || r === null) throw new InputError(`${where} is not an object { arrival, promptTokens, outputTokens }`);
    if (!(typeof r.arrival === 'number' && Number.isFinite(r.arrival) && r.arrival >= 0)) throw new InputError(`${where}: arrival is ${r.arrival}; expected seconds >= 0`);
    if (r.arrival < previous) throw new InputError(`${where}: arrival ${r.arrival} is before the previous request's ${previous}; requests must be in arrival order`);
    if (!whole(r.promptTokens, 1)) throw new InputError(`${where}: promptTokens is ${r.promptTokens}; expected a whole number >= 1`);
    if (!whole(r.outputTokens, 1)) throw new InputError(`${where}: outputTokens is ${r.outputTokens}; expected a whole number >= 1`);
    if (r.outputTokens > maxOutputTokens) throw new InputError(`${where}: outputTokens ${r.outputTokens} is above the scenario's maxOutputTokens ${maxOutputTokens}`);
    previous = r.arrival;
    arrival[i] = r.arrival;
    prompt[i] = r.promptTokens;
    output[i] = r.outputTokens;
    if (r.slo === undefined) slo[i] = defaultIndex;
    else {
      const k = sloIndex.get(r.slo);
      if (k === undefined) throw new InputError(`${where}: unknown SLO class "${r.slo}" (classes: ${classes.map((c) => c.name).join(', ') || 'none'})`);
      slo[i] = k;
    }
    if (r.priority !== undefined && !Number.isFinite(r.priority)) throw new InputError(`${where}: priority is ${r.priority}; expected a number`);
    priority[i] = r.priority ?? 0;
    if (r.session === undefined) session[i] = -1;
    else {
      let k = sessionIndex.get(r.session);
      if (k === undefined) {
        k = sessionNames.length;
        sessionIndex.set(r.session, k);
        sessionNames.push(r.session);
      }
      session[i] = k;
    }
  }
  return {
    count: n,
    arrival,
    prompt,
    output,
    slo,
    priority,
    session,
    sloNames,
    ttftLimit: Float64Array.from(ttft),
    tpotLimit: Float64Array.from(tpot),
    sessionNames,
    maxOutputTokens,
  };
}
