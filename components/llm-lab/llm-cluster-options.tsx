'use client';
import { GPUS, MODELS, type GpuId, type ModelId } from '../../engine/llm/hardware';
import { useLlmLabStore } from '../state/llm-lab-store';
import type { CostModelKind } from '../state/llm-lab-types';

/** The serving cluster: replicas (optionally some prefill-only), GPU, model and cost model, as the CLI's options. */
export function LlmClusterOptions() {
  const { cluster, setCluster } = useLlmLabStore();
  const whole = (value: string, min: number) => Math.max(min, Math.trunc(Number(value) || 0));
  return (
    <section className="panel" aria-label="Cluster">
      <header className="panel-head">
        <h2>Cluster</h2>
      </header>
      <div className="grid">
        <label className="field">
          Replicas
          <input type="number" min={1} aria-label="Replicas" value={cluster.replicas} onChange={(e) => setCluster({ replicas: whole(e.target.value, 1) })} />
        </label>
        <label className="field" title="Disaggregated serving (DistServe): the first k replicas only prefill, the others only decode; 0 = off">
          Prefill-only replicas
          <input type="number" min={0} max={Math.max(0, cluster.replicas - 1)} aria-label="Prefill-only replicas" value={cluster.prefillReplicas} onChange={(e) => setCluster({ prefillReplicas: whole(e.target.value, 0) })} />
        </label>
        <label className="field">
          GPU
          <select aria-label="GPU" value={cluster.gpu} onChange={(e) => setCluster({ gpu: e.target.value as GpuId })}>
            {Object.values(GPUS).map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Model
          <select aria-label="Model" value={cluster.model} onChange={(e) => setCluster({ model: e.target.value as ModelId })}>
            {Object.values(MODELS).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" title="roofline: FLOPs and bytes against the GPU's peaks; fitted: DistServe's quadratic fit; constant: every iteration the same">
          Cost model
          <select aria-label="Cost model" value={cluster.costModel} onChange={(e) => setCluster({ costModel: e.target.value as CostModelKind })}>
            <option value="roofline">roofline</option>
            <option value="fitted">fitted</option>
            <option value="constant">constant</option>
          </select>
        </label>
        {cluster.costModel === 'constant' && (
          <label className="field">
            Iteration (ms)
            <input type="number" min={0.1} step="any" aria-label="Iteration ms" value={cluster.iterationMs} onChange={(e) => setCluster({ iterationMs: Math.max(0.1, Number(e.target.value) || 0.1) })} />
          </label>
        )}
      </div>
    </section>
  );
}
