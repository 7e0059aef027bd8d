'use client';
import type { ReplicaSnapshot } from '../../engine/llm/run-types';
import type { LlmIteration, LlmStepFrame } from '../../workers/browser/step-protocol';
import { KV_FILL, KV_TRACK, REPLICA_CARD, REPLICA_CARD_ACTIVE, REPLICA_GRID, TABLE_SCROLL } from './step-styles';

/** Request ids listed per queue; the count says how many there are in all. */
const IDS_SHOWN = 8;

/** "12: #4, #5, #7 …" — a queue's length and its first requests (ids are indices in the workload). */
export function queueText(ids: readonly number[]): string {
  if (ids.length === 0) return '0';
  const first = ids.slice(0, IDS_SHOWN).map((id) => `#${id}`).join(', ');
  return `${ids.length}: ${first}${ids.length > IDS_SHOWN ? ' …' : ''}`;
}

/** KV blocks in use on a replica, as numbers and a share (0 when the replica has no blocks). */
export function kvUsage(replica: Pick<ReplicaSnapshot, 'freeBlocks' | 'totalBlocks'>): { used: number; total: number; share: number } {
  const used = replica.totalBlocks - replica.freeBlocks;
  return { used, total: replica.totalBlocks, share: replica.totalBlocks > 0 ? used / replica.totalBlocks : 0 };
}

/**
 * An LLM-serving frame: per replica, its queues (waiting, running, swapped out), its KV cache as a bar of used
 * against total blocks with the numbers in text, and, on the replica whose batch the last decision formed, that
 * batch request by request.
 */
export function LlmStepView({ frame }: { frame: LlmStepFrame }) {
  const { snapshot, lastIteration } = frame;
  return (
    <div className="step-view" data-engine="llm">
      <p data-testid="step-summary">
        {lastIteration
          ? `Decision ${frame.decision} formed a batch of ${lastIteration.batch.length} on replica ${lastIteration.replica} at t = ${lastIteration.start.toFixed(3)} s.`
          : 'No batch formed yet.'}{' '}
        <span className="muted">
          t = {snapshot.time.toFixed(3)} s · {snapshot.arrived} requests arrived, {snapshot.finished} finished{snapshot.done ? ' · the run is over' : ''}
        </span>
      </p>
      <div style={REPLICA_GRID}>
        {snapshot.replicas.map((replica, k) => (
          <ReplicaCard key={k} index={k} replica={replica} iteration={lastIteration?.replica === k ? lastIteration : undefined} decision={frame.decision} />
        ))}
      </div>
    </div>
  );
}

function ReplicaCard({ index, replica, iteration, decision }: { index: number; replica: ReplicaSnapshot; iteration?: LlmIteration; decision: number }) {
  const kv = kvUsage(replica);
  const percent = Math.round(kv.share * 100);
  return (
    <section style={iteration ? REPLICA_CARD_ACTIVE : REPLICA_CARD} aria-label={`Replica ${index}`} data-replica={index}>
      <h3 style={{ fontSize: '13px', margin: '0 0 4px' }}>
        Replica {index} <span className="muted">{replica.busy ? 'busy' : 'idle'}</span>
        {iteration && <span> · formed the last batch</span>}
      </h3>
      <dl style={{ margin: '0 0 6px', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '0 8px', fontSize: '12px' }}>
        <dt>Waiting</dt>
        <dd style={{ margin: 0 }} data-queue="waiting">{queueText(replica.waiting)}</dd>
        <dt>Running</dt>
        <dd style={{ margin: 0 }} data-queue="running">{queueText(replica.running)}</dd>
        <dt>Swapped</dt>
        <dd style={{ margin: 0 }} data-queue="swapped">{queueText(replica.swapped)}</dd>
      </dl>
      <div style={{ fontSize: '12px' }} data-testid="step-kv">
        KV cache: {kv.used} of {kv.total} blocks used ({percent}%)
      </div>
      {/* The bar repeats the numbers above for the eye; screen readers get the text. */}
      <div style={KV_TRACK} aria-hidden="true">
        <div style={{ ...KV_FILL, width: `${Math.min(100, kv.share * 100)}%` }} />
      </div>
      {iteration && <BatchTable iteration={iteration} decision={decision} />}
    </section>
  );
}

function BatchTable({ iteration, decision }: { iteration: LlmIteration; decision: number }) {
  const prefill = iteration.batch.reduce((sum, e) => sum + e.prefillTokens, 0);
  const decodes = iteration.batch.filter((e) => e.decode).length;
  return (
    <div style={{ ...TABLE_SCROLL, marginTop: '6px' }}>
      <table className="results compact" data-testid="step-batch">
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '2px 0' }}>
          Batch of decision {decision}: {iteration.batch.length} request{iteration.batch.length === 1 ? '' : 's'}, {prefill} prefill tokens, {decodes} decoding
        </caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Prefill tokens</th>
            <th scope="col">Decode</th>
          </tr>
        </thead>
        <tbody>
          {iteration.batch.map((entry) => (
            <tr key={entry.request} style={{ cursor: 'default' }}>
              <td>#{entry.request}</td>
              <td className="num">{entry.prefillTokens}</td>
              <td>{entry.decode ? 'yes, one token' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
