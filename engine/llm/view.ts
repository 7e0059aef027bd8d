import { PolicyError } from '../core/errors';
import type { ParamValues } from '../core/params';
import type { Rng } from '../core/rng';
import type { LlmView, ReplicaRole, RequestPhase } from './policy-api';
import { PHASE_NAMES, type RunState } from './run-state';

/**
 * The one view object of a run, reused for every call: accessor methods over the run's typed arrays, which it
 * never hands out. Accessors do not range-check (a typed array read out of range gives undefined, as a policy bug
 * should show); only `finished`, `waiting`, `running` and `swapped` guard their index, since a stale index there
 * would silently name another request.
 */
export class RunView implements LlmView {
  now = 0;

  constructor(
    private readonly state: RunState,
    private readonly params: ParamValues,
    private readonly rng: Rng,
    private readonly policyId: string,
    readonly oracleLengths: boolean,
  ) {}

  get replicaCount(): number {
    return this.state.replicaCount;
  }
  get requestCount(): number {
    return this.state.n;
  }
  get arrivedCount(): number {
    return this.state.arrivedCount;
  }
  get blockSize(): number {
    return this.state.blockSize;
  }
  get maxOutputTokens(): number {
    return this.state.requests.maxOutputTokens;
  }
  get finishedCount(): number {
    return this.state.finishedCount;
  }

  finished(k: number): number {
    if (!(k >= 0 && k < this.state.finishedCount)) this.outOfRange('finished', k, this.state.finishedCount);
    return this.state.finishOrder[k];
  }

  replicaRole(replica: number): ReplicaRole {
    const split = this.state.cluster.prefillReplicas;
    if (split === 0) return 'mixed';
    return replica < split ? 'prefill' : 'decode';
  }
  totalBlocks(replica: number): number {
    return this.state.totalBlocks[replica];
  }
  freeBlocks(replica: number): number {
    return this.state.freeBlocks[replica];
  }
  waitingCount(replica: number): number {
    return this.state.waiting[replica].size;
  }
  waiting(replica: number, i: number): number {
    const list = this.state.waiting[replica];
    if (!(i >= 0 && i < list.size)) this.outOfRange('waiting', i, list.size);
    return list.get(i);
  }
  runningCount(replica: number): number {
    return this.state.running[replica].size;
  }
  running(replica: number, i: number): number {
    const list = this.state.running[replica];
    if (!(i >= 0 && i < list.size)) this.outOfRange('running', i, list.size);
    return list.get(i);
  }
  swappedCount(replica: number): number {
    return this.state.swapped[replica].size;
  }
  swapped(replica: number, i: number): number {
    const list = this.state.swapped[replica];
    if (!(i >= 0 && i < list.size)) this.outOfRange('swapped', i, list.size);
    return list.get(i);
  }
  busy(replica: number): boolean {
    return this.state.busy[replica] === 1;
  }

  arrival(request: number): number {
    return this.state.requests.arrival[request];
  }
  promptTokens(request: number): number {
    return this.state.requests.prompt[request];
  }
  generatedTokens(request: number): number {
    return this.state.generated[request];
  }
  outputTokens(request: number): number {
    return this.oracleLengths ? this.state.requests.output[request] : -1;
  }
  cachedTokens(request: number): number {
    return this.state.cached[request];
  }
  prefillRemaining(request: number): number {
    return this.state.prefillRemaining(request);
  }
  phase(request: number): RequestPhase {
    return PHASE_NAMES[this.state.phase[request]];
  }
  replicaOf(request: number): number {
    return this.state.replica[request];
  }
  blocksHeld(request: number): number {
    return this.state.blocks[request];
  }
  blocksFor(tokens: number): number {
    return this.state.blocksFor(tokens);
  }
  preemptions(request: number): number {
    return this.state.preemptions[request];
  }
  firstTokenAt(request: number): number {
    return this.state.firstToken[request];
  }
  sloClass(request: number): string {
    return this.state.requests.sloNames[this.state.requests.slo[request]];
  }
  ttftLimit(request: number): number {
    return this.state.requests.ttftLimit[this.state.requests.slo[request]];
  }
  tpotLimit(request: number): number {
    return this.state.requests.tpotLimit[this.state.requests.slo[request]];
  }
  priority(request: number): number {
    return this.state.requests.priority[request];
  }
  session(request: number): number {
    return this.state.requests.session[request];
  }
  inBatch(request: number): boolean {
    const s = this.state;
    const k = s.replica[request];
    return k >= 0 && s.batchStamp[request] !== 0 && s.batchStamp[request] === s.batches[k].stamp;
  }

  param(name: string): number {
    const value = this.params[name];
    if (value === undefined) throw new PolicyError(this.policyId, `read parameter "${name}", which it does not declare`, this.now);
    return value;
  }

  random(): number {
    return this.rng.next();
  }

  private outOfRange(method: string, i: number, size: number): never {
    throw new PolicyError(this.policyId, `asked view.${method} for index ${i}, outside 0 .. ${size - 1}`, this.now);
  }
}
