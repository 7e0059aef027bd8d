/**
 * The `Batch` a policy forms an iteration through. Every call is checked against the run state and applied at once
 * (blocks are taken, preempted requests leave), so the view a policy reads while deciding is always current; an
 * invalid call stops the run with a PolicyError that says what was decided, when, and why it is invalid.
 */
import { PolicyError } from '../core/errors';
import type { Batch, PreemptionMode } from './policy-api';
import { PHASE, PHASE_NAMES, type ReplicaBatch, type RunState } from './run-state';
import { SEGMENT } from './segment-log';

export class BatchBuilder implements Batch {
  replica = 0;
  now = 0;
  private batch!: ReplicaBatch;

  constructor(
    private readonly state: RunState,
    private readonly policyId: string,
  ) {}

  /** Points the builder at a fresh batch of `replica` at time `now`. */
  begin(replica: number, batch: ReplicaBatch, now: number): void {
    this.replica = replica;
    this.batch = batch;
    this.now = now;
  }

  get size(): number {
    return this.batch.count;
  }
  get tokens(): number {
    return this.batch.shape.tokens;
  }
  get preempted(): number {
    return this.batch.preempted;
  }

  blocksNeeded(request: number, tokens: number): number {
    const s = this.state;
    if (!this.known(request)) return Infinity;
    const need = s.blocksFor(s.cached[request] + tokens) - s.blocks[request];
    return need > 0 ? need : 0;
  }

  canDecode(request: number): boolean {
    return this.decodeProblem(request) === undefined;
  }

  canPrefill(request: number, tokens: number): boolean {
    return this.prefillProblem(request, tokens) === undefined;
  }

  decode(request: number): void {
    const problem = this.decodeProblem(request);
    if (problem !== undefined) this.reject(`decode(${String(request)})`, problem);
    const s = this.state;
    s.allocate(request, this.replica, this.blocksNeeded(request, 1));
    s.batchStamp[request] = this.batch.stamp;
    // 0 marks a decode entry (one token); a prefill chunk of one token is stored as 1.
    this.batch.add(request, 0);
    const c = s.cached[request];
    const shape = this.batch.shape;
    shape.tokens += 1;
    shape.attentionPairs += c + 0.5;
    shape.cachedRead += c;
    shape.decodes += 1;
    shape.decodeContext += c;
    shape.emitting += 1;
  }

  prefill(request: number, tokens: number): void {
    const problem = this.prefillProblem(request, tokens);
    if (problem !== undefined) this.reject(`prefill(${String(request)}, ${String(tokens)})`, problem);
    const s = this.state;
    const k = this.replica;
    if (s.phase[request] === PHASE.waiting) {
      s.waiting[k].remove(request);
      s.running[k].push(request);
      s.phase[request] = PHASE.running;
      if (Number.isNaN(s.firstScheduled[request])) s.firstScheduled[request] = this.now;
    }
    s.segments.open(request, SEGMENT.prefill, this.now, k);
    s.allocate(request, k, this.blocksNeeded(request, tokens));
    s.batchStamp[request] = this.batch.stamp;
    this.batch.add(request, tokens);
    const c = s.cached[request];
    const shape = this.batch.shape;
    shape.tokens += tokens;
    shape.attentionPairs += tokens * (c + tokens / 2);
    shape.cachedRead += c;
    shape.prefills += 1;
    shape.prefillTokens += tokens;
    shape.prefillSquares += tokens * tokens;
    if (c + tokens === s.target[request]) shape.emitting += 1;
  }

  preempt(request: number, mode: PreemptionMode = 'recompute'): void {
    const s = this.state;
    const call = `preempt(${String(request)}${mode === 'recompute' ? '' : `, '${String(mode)}'`})`;
    if (mode !== 'recompute' && mode !== 'swap') this.reject(call, `mode ${JSON.stringify(mode)} is neither 'recompute' nor 'swap'`);
    const problem = this.ownProblem(request, PHASE.running) ?? (this.inBatch(request) ? 'it is already in this batch' : undefined);
    if (problem !== undefined) this.reject(call, problem);
    if (mode === 'swap') {
      if (s.blocks[request] > s.swapFree[this.replica]) {
        this.reject(call, `swapping out its ${s.blocks[request]} blocks needs CPU swap space, and only ${s.swapFree[this.replica]} blocks are free`);
      }
      this.batch.swapBytes += s.preemptSwap(request, this.now);
      this.batch.swaps++;
    } else {
      s.preemptRecompute(request, this.now);
    }
    this.batch.preempted++;
  }

  swapIn(request: number): void {
    const s = this.state;
    const problem = this.ownProblem(request, PHASE.swapped);
    if (problem !== undefined) this.reject(`swapIn(${String(request)})`, problem);
    if (s.blocks[request] > s.freeBlocks[this.replica]) {
      this.reject(`swapIn(${request})`, `it needs ${s.blocks[request]} KV blocks and replica ${this.replica} has ${s.freeBlocks[this.replica]} free`);
    }
    this.batch.swapBytes += s.swapIn(request, this.now);
  }

  private known(request: number): boolean {
    return Number.isInteger(request) && request >= 0 && request < this.state.arrivedCount;
  }

  private inBatch(request: number): boolean {
    return this.state.batchStamp[request] === this.batch.stamp;
  }

  /** Why the request is not one of this replica's requests in phase `phase`, or undefined when it is. */
  private ownProblem(request: number, phase: number): string | undefined {
    const s = this.state;
    if (!this.known(request)) return `there is no arrived request ${String(request)} (${s.arrivedCount} have arrived)`;
    if (s.replica[request] !== this.replica) return `request ${request} is at replica ${s.replica[request]}, not ${this.replica}`;
    if (s.phase[request] !== phase) return `request ${request} is ${PHASE_NAMES[s.phase[request]]}, not ${PHASE_NAMES[phase]}`;
    return undefined;
  }

  private capacityProblem(request: number, tokens: number): string | undefined {
    const need = this.blocksNeeded(request, tokens);
    const free = this.state.freeBlocks[this.replica];
    if (need <= free) return undefined;
    return `the batch does not fit in the KV cache: it needs ${need} more blocks and replica ${this.replica} has ${free} of ${this.state.totalBlocks[this.replica]} free`;
  }

  private decodeProblem(request: number): string | undefined {
    const problem = this.ownProblem(request, PHASE.running);
    if (problem !== undefined) return problem;
    if (this.inBatch(request)) return `request ${request} is already in this batch`;
    const left = this.state.prefillRemaining(request);
    if (left > 0) return `request ${request} still has ${left} prefill tokens to process; prefill them first`;
    if (this.state.migrateTo[request] >= 0) return `request ${request} is about to migrate to replica ${this.state.migrateTo[request]}`;
    return this.capacityProblem(request, 1);
  }

  private prefillProblem(request: number, tokens: number): string | undefined {
    const s = this.state;
    if (!this.known(request)) return `there is no arrived request ${String(request)} (${s.arrivedCount} have arrived)`;
    const phase = s.phase[request];
    if (phase !== PHASE.waiting && phase !== PHASE.running) return this.ownProblem(request, PHASE.waiting);
    const own = this.ownProblem(request, phase);
    if (own !== undefined) return own;
    if (this.inBatch(request)) return `request ${request} is already in this batch`;
    const left = s.prefillRemaining(request);
    if (!(Number.isInteger(tokens) && tokens >= 1 && tokens <= left)) {
      return left === 0 ? `request ${request} has no prefill left; decode it instead` : `the chunk must be a whole number in [1, ${left}] (its prefill tokens left)`;
    }
    return this.capacityProblem(request, tokens);
  }

  private reject(call: string, why: string): never {
    throw new PolicyError(this.policyId, `schedule() on replica ${this.replica}: ${call} is invalid: ${why}`, this.now);
  }
}
