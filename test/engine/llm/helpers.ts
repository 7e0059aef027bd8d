import type { LlmRequest, LlmScenario } from '../../../engine/llm/model';
import type { ClusterSpec } from '../../../engine/llm/model';

/** A scenario from [arrival, prompt, output] triples. */
export function scenarioOf(rows: readonly (readonly [number, number, number])[], cluster: ClusterSpec = {}, extra: Partial<LlmScenario> = {}): LlmScenario {
  const requests: LlmRequest[] = rows.map(([arrival, promptTokens, outputTokens]) => ({ arrival, promptTokens, outputTokens }));
  return { name: 'test', requests, cluster, ...extra };
}

/** A cluster with a tiny KV cache and a constant iteration time, where memory pressure shows after a few requests. */
export function tinyCluster(kvBlocks: number, replicas = 1, extra: ClusterSpec = {}): ClusterSpec {
  return { replicas, kvBlocks, blockSize: 16, costModel: { kind: 'constant', iterationMs: 10 }, ...extra };
}
