'use client';
import { useMemo, useState } from 'react';
import { findEngine } from '../../engine';
import { createNsga2 } from '../../engine/core/nsga2';
import type { Direction } from '../../engine/core/policy';
import { SWEEP_ENGINES, type SweepEngineId } from '../../db/sweep-spec';
import { ParetoChartView } from '../charts/pareto-chart-view';
import type { ParetoChartData, ParetoPoint } from '../charts/pareto-chart';
import { policyPointLabel } from './aggregate';
import { builderPolicies } from './builder-catalogue';
import { parseOptions } from './build-spec';
import { checkSearchOptions, evaluateCandidates, SearchStopped } from './search-evaluate';
import { initialSetup, SearchSetupFields, type SearchSetupState } from './search-setup-fields';
import { sweepApi } from './sweep-api';
import { useRunPool } from '../lab/use-run-pool';

type Evaluated = { params: Record<string, number>; objectives: readonly number[] };
const FIRST_SCENARIO: Record<SweepEngineId, string> = { jobshop: 'ta01', vm: 'vmr2l-s', llm: 'steady' };

function metricsOf(engine: SweepEngineId): { name: string; direction: Direction }[] {
  const table = (findEngine(engine)?.metrics ?? {}) as Readonly<Record<string, { direction: Direction }>>;
  return Object.entries(table).map(([name, m]) => ({ name, direction: m.direction }));
}

/**
 * NSGA-II over a built-in policy's declared parameters, on two objectives: each generation's offspring run on the
 * worker pool (every scenario x seed), and the population's front is drawn as the generations finish. "Save as
 * sweep" stores the final population as a sweep (each point with its fixed parameters), which re-runs and keeps it.
 */
export function Nsga2Panel() {
  const poolRef = useRunPool();
  const [engine, setEngine] = useState<SweepEngineId>('jobshop');
  const searchable = useMemo(() => builderPolicies(engine).filter((p) => p.params.length > 0), [engine]);
  const [policyId, setPolicyId] = useState('atc');
  const metrics = useMemo(() => metricsOf(engine), [engine]);
  const objectives = findEngine(engine)?.objectives ?? [];
  const [xMetric, setX] = useState(objectives[0]?.metric ?? '');
  const [yMetric, setY] = useState(objectives[1]?.metric ?? '');
  const [setup, setSetup] = useState<SearchSetupState>(initialSetup('jobshop', ['ta01', 'ta02'], true));
  const [population, setPopulation] = useState(12);
  const [generations, setGenerations] = useState(5);
  const [seed, setSeed] = useState(1);
  const [running, setRunning] = useState(false);
  const [generation, setGeneration] = useState<string>('');
  const [points, setPoints] = useState<Evaluated[]>([]);
  const [error, setError] = useState<string | null>(null);
  const policy = searchable.find((p) => p.id === policyId) ?? searchable[0];

  const chooseEngine = (next: SweepEngineId) => {
    setEngine(next);
    const objs = findEngine(next)?.objectives ?? [];
    setX(objs[0]?.metric ?? '');
    setY(objs[1]?.metric ?? metricsOf(next)[1]?.name ?? '');
    setPolicyId(builderPolicies(next).find((p) => p.params.length > 0)?.id ?? '');
    setSetup(initialSetup(next, [FIRST_SCENARIO[next]], true));
    setPoints([]);
  };

  const directions = [xMetric, yMetric].map((m) => metrics.find((x) => x.name === m)?.direction ?? 'min') as [Direction, Direction];

  async function run() {
    const pool = poolRef.current;
    if (!pool || !policy) return;
    setError(null);
    setPoints([]);
    try {
      const options = parseOptions(setup.options);
      checkSearchOptions(engine, options);
      if (setup.scenarios.length === 0) throw new Error('choose at least one scenario');
      const nsga = createNsga2({ parameters: policy.params, directions, population, generations, seed });
      const evaluation = { engine, scenarioIds: setup.scenarios, seeds: Array.from({ length: setup.seedCount }, (_, i) => i + 1), options, budgetMs: 60_000 };
      setRunning(true);
      while (!nsga.done) {
        setGeneration(nsga.generation === 0 && nsga.population().length === 0 ? 'initial population' : `generation ${nsga.generation + 1} of ${generations}`);
        const asked = nsga.ask();
        const scores = await evaluateCandidates(pool, evaluation, asked.map((params) => ({ policy: { label: policy.id, builtin: policy.id }, params })), [xMetric, yMetric]);
        nsga.tell(scores);
        setPoints(nsga.population().filter((p) => !p.failed).map((p) => ({ params: p.params, objectives: p.objectives })));
      }
      setGeneration(`done: ${generations} generations`);
      if (nsga.population().every((p) => p.failed)) setError(`no candidate has values for both ${xMetric} and ${yMetric} on these scenarios (a failed run, or a metric these scenarios lack: tardiness needs due dates)`);
    } catch (e) {
      if (e instanceof SearchStopped) setGeneration('stopped');
      else setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  async function saveAsSweep() {
    const unique = new Map(points.map((p) => [JSON.stringify(p.params), p.params]));
    const spec = {
      engine,
      title: `NSGA-II: ${policy.label} on ${xMetric} and ${yMetric}`,
      scenarios: setup.scenarios,
      policies: [...unique.values()].map((params) => ({ builtin: policy.id, params: { fixed: params } })),
      seeds: { from: 1, count: setup.seedCount },
      options: parseOptions(setup.options),
    };
    try {
      const { url } = await sweepApi.create(spec);
      window.location.assign(`${url}?run=1`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const data: ParetoChartData = {
    points: points.map((p): ParetoPoint => {
      const label = policyPointLabel({ policyLabel: policy?.id ?? '', params: p.params });
      return { id: JSON.stringify(p.params), label, group: policy?.id, x: p.objectives[0], y: p.objectives[1], runs: setup.scenarios.length * setup.seedCount };
    }),
    xLabel: `${xMetric} (mean)`,
    yLabel: `${yMetric} (mean)`,
    directions,
  };
  const metricSelect = (value: string, set: (v: string) => void, label: string) => (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} aria-label={`NSGA-II ${label}`}>
        {metrics.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name} ({m.direction})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel" aria-label="Parameter search">
      <header className="panel-head">
        <h2>Parameter search (NSGA-II)</h2>
        <span className="muted">Deb et al. 2002, over the policy&apos;s declared parameters</span>
      </header>
      <div className="row">
        <label className="field">
          engine
          <select value={engine} onChange={(e) => chooseEngine(e.target.value as SweepEngineId)} aria-label="NSGA-II engine">
            {SWEEP_ENGINES.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label className="field">
          policy
          <select value={policy?.id ?? ''} onChange={(e) => setPolicyId(e.target.value)} aria-label="NSGA-II policy">
            {searchable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} ({p.params.map((s) => s.name).join(', ')})
              </option>
            ))}
          </select>
        </label>
        {metricSelect(xMetric, setX, 'objective 1')}
        {metricSelect(yMetric, setY, 'objective 2')}
        <label className="field">
          population
          <input className="seed" type="number" min={4} value={population} onChange={(e) => setPopulation(Number(e.target.value))} aria-label="NSGA-II population" />
        </label>
        <label className="field">
          generations
          <input className="seed" type="number" min={1} value={generations} onChange={(e) => setGenerations(Number(e.target.value))} aria-label="NSGA-II generations" />
        </label>
        <label className="field">
          seed
          <input className="seed" type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} aria-label="NSGA-II seed" />
        </label>
      </div>
      <SearchSetupFields engine={engine} state={setup} onChange={setSetup} />
      <div className="row">
        {running ? (
          <button type="button" onClick={() => poolRef.current?.stop()}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void run()} disabled={!policy}>
            Search
          </button>
        )}
        <span className="muted" role="status" data-testid="nsga2-generation">
          {generation}
        </span>
        {!running && points.length > 0 && (
          <button type="button" onClick={() => void saveAsSweep()}>
            Save as sweep
          </button>
        )}
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      {points.length > 0 && <ParetoChartView data={data} />}
    </section>
  );
}
