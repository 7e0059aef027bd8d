'use client';
import { useState } from 'react';
import { createGpSearch, GP_OBJECTIVES, ruleToPolicySource, ruleToString, type GpGenerationStats, type GpObjective, type RuleExpr } from '../../engine/jobshop/gp';
import { writeDraft } from '../editor/use-persistent-source';
import { LAB_DRAFT_KEYS } from '../state/draft-keys';
import { parseOptions } from './build-spec';
import { checkSearchOptions, evaluateCandidates, SearchStopped } from './search-evaluate';
import { initialSetup, SearchSetupFields, type SearchSetupState } from './search-setup-fields';
import { useRunPool } from '../lab/use-run-pool';

/** The policy file of an evolved rule, as the editor and the CLI take it. */
export function evolvedRuleSource(rule: RuleExpr, seed: number, objective: GpObjective): string {
  return ruleToPolicySource(rule, { id: `gp-${objective}-${seed}`, label: `Evolved rule (${objective}, seed ${seed})`, seed, objective });
}

/**
 * Genetic programming of a job-shop priority rule: expressions over the candidate's features, evolved on the worker
 * pool (each rule runs as policy source, exactly as the editor's policy would), the best so far shown per
 * generation. The winner is written out as a readable policy file that opens in the lab's editor.
 */
export function GpPanel() {
  const poolRef = useRunPool();
  const [setup, setSetup] = useState<SearchSetupState>(initialSetup('jobshop', ['ta01', 'ta02', 'ta03']));
  const [objective, setObjective] = useState<GpObjective>('makespan');
  const [population, setPopulation] = useState(20);
  const [generations, setGenerations] = useState(5);
  const [maxDepth, setMaxDepth] = useState(5);
  const [seed, setSeed] = useState(1);
  const [running, setRunning] = useState(false);
  const [history, setHistory] = useState<GpGenerationStats[]>([]);
  const [best, setBest] = useState<{ rule: RuleExpr; fitness: number } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run() {
    const pool = poolRef.current;
    if (!pool) return;
    setError(null);
    setHistory([]);
    setBest(null);
    try {
      const options = parseOptions(setup.options);
      checkSearchOptions('jobshop', options);
      if (setup.scenarios.length === 0) throw new Error('choose at least one scenario');
      const gp = createGpSearch({ population, generations, seed, maxDepth });
      const evaluation = { engine: 'jobshop' as const, scenarioIds: setup.scenarios, seeds: Array.from({ length: setup.seedCount }, (_, i) => i + 1), options, budgetMs: 30_000 };
      setRunning(true);
      while (!gp.done) {
        setStatus(gp.history().length === 0 ? 'initial population' : `generation ${gp.generation + 1} of ${generations}`);
        const rules = gp.ask();
        const candidates = rules.map((rule) => ({ policy: { label: 'evolved', source: evolvedRuleSource(rule, seed, objective), fileName: 'evolved-rule.ts' }, params: {} }));
        const scores = await evaluateCandidates(pool, evaluation, candidates, [objective]);
        gp.tell(scores.map((s) => s[0]));
        setHistory(gp.history());
        setBest(gp.best() ?? null);
      }
      setStatus(`done: ${generations} generations`);
    } catch (e) {
      if (e instanceof SearchStopped) setStatus('stopped');
      else setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  function openInEditor() {
    if (!best) return;
    writeDraft(LAB_DRAFT_KEYS.jobshop, evolvedRuleSource(best.rule, seed, objective));
    window.location.assign('/lab/jobshop');
  }

  const number = (label: string, value: number, set: (v: number) => void, min = 1) => (
    <label className="field">
      {label}
      <input className="seed" type="number" min={min} value={value} onChange={(e) => set(Number(e.target.value))} aria-label={`GP ${label}`} />
    </label>
  );
  return (
    <section className="panel" aria-label="Evolved priority rules">
      <header className="panel-head">
        <h2>Evolve a job-shop priority rule (genetic programming)</h2>
        <span className="muted">priority = an expression over the candidate&apos;s features; lowest first</span>
      </header>
      <div className="row">
        <label className="field">
          objective (mean over the runs)
          <select value={objective} onChange={(e) => setObjective(e.target.value as GpObjective)} aria-label="GP objective">
            {GP_OBJECTIVES.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        {number('population', population, setPopulation, 2)}
        {number('generations', generations, setGenerations, 0)}
        {number('max depth', maxDepth, setMaxDepth)}
        {number('seed', seed, setSeed, -1e9)}
      </div>
      <SearchSetupFields engine="jobshop" state={setup} onChange={setSetup} />
      <div className="row">
        {running ? (
          <button type="button" onClick={() => poolRef.current?.stop()}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void run()}>
            Evolve
          </button>
        )}
        <span className="muted" role="status" data-testid="gp-status">
          {status}
        </span>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      {history.length > 0 && (
        <table className="results compact" aria-label="GP generations">
          <thead>
            <tr>
              <th className="num">generation</th>
              <th className="num">best {objective}</th>
              <th className="num">mean</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.generation}>
                <td className="num">{h.generation}</td>
                <td className="num">{Number(h.best.toPrecision(6))}</td>
                <td className="num">{Number(h.mean.toPrecision(5))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {best && !running && (
        <div data-testid="gp-best">
          <p>
            Best rule ({objective} {best.fitness}): <code data-testid="gp-rule">{ruleToString(best.rule)}</code>
          </p>
          <pre className="import-text">{evolvedRuleSource(best.rule, seed, objective)}</pre>
          <button type="button" className="primary" onClick={openInEditor}>
            Open in the lab editor
          </button>
        </div>
      )}
    </section>
  );
}
