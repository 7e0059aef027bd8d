'use client';
import { useCallback, useMemo, useState } from 'react';
import type { HideableControl, LessonRecord } from '../../db/lesson-spec';
import type { SweepScenario } from '../../db/sweep-expand';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { PolicyEditor, usePersistentSource, type EditorMarker } from '../editor';
import { useRunPool } from '../lab/use-run-pool';
import type { RunFailure } from '../state/lab-types';
import { ChallengePanel } from './challenge-panel';
import { LessonMetrics, type LessonRunRow } from './lesson-metrics';
import { renderLessonMarkdown, renderLessonMarkdownInline } from './lesson-markdown';
import { lessonPolicyOptions, lessonSweepPolicy, starterFileName, starterSource, STUDENT_POLICY } from './lesson-policies';
import { lessonRunRequest } from './lesson-run';
import { StepPlayer } from './step-player';

const ENGINE_TITLES = { jobshop: 'Job shop', vm: 'VM rescheduling', llm: 'LLM serving' } as const;

export interface LessonPageProps {
  readonly lesson: LessonRecord;
  /** The lesson's scenarios, resolved by the server. */
  readonly scenarios: readonly SweepScenario[];
  /** Engine options as the engine's option schema parsed them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The challenge's scenario count (its own set, or the lesson's). */
  readonly challengeScenarioCount: number;
  /** Controls hidden by the link (`?hide=editor,metrics`) on top of the lesson's own; a link can only hide more. */
  readonly extraHidden: readonly HideableControl[];
}

/**
 * A lesson: the teacher's text and questions beside the parts of the lab the teacher left visible — the scenario
 * and policy pickers, the editor with the starter policy, the step-by-step player and the metrics of the runs made
 * here — and, for a challenge, the submit form and leaderboard. Everything comes from the stored lesson, so the same
 * link shows every student the same thing; a student's edits stay in their own browser (a draft per lesson).
 */
export function LessonPage({ lesson, scenarios, options, challengeScenarioCount, extraHidden }: LessonPageProps) {
  const { spec } = lesson;
  const hidden = useMemo(() => new Set<HideableControl>([...spec.hidden.controls, ...extraHidden]), [spec.hidden.controls, extraHidden]);
  const shows = (control: HideableControl) => !hidden.has(control);
  const editorShown = shows('editor');
  const [source, setSource, draft] = usePersistentSource(`lesson:${lesson.id}`, starterSource(spec));
  const policies = useMemo(() => lessonPolicyOptions(spec, editorShown), [spec, editorShown]);
  const [scenarioIndex, setScenarioIndex] = useState(0);
  const [policyKey, setPolicyKey] = useState(STUDENT_POLICY);
  const [request, setRequest] = useState<RunRequest | null>(null);
  const [rows, setRows] = useState<LessonRunRow[]>([]);
  const [failure, setFailure] = useState<RunFailure | null>(null);
  const [running, setRunning] = useState(false);
  const poolRef = useRunPool();
  const inputs = useMemo(() => ({ engine: spec.engine, scenarios, seed: spec.seed, options }), [spec.engine, scenarios, spec.seed, options]);

  const run = useCallback(async () => {
    const pool = poolRef.current;
    if (!pool || running) return;
    const policy = lessonSweepPolicy(spec, policyKey, editorShown, source);
    const scenarioLabel = scenarios[scenarioIndex].label;
    const key = `${policyKey}@${scenarioIndex}`;
    setFailure(null);
    let next: RunRequest;
    try {
      next = lessonRunRequest(inputs, scenarioIndex, policy, key);
    } catch (error) {
      setFailure({ kind: 'input', message: (error as Error).message });
      return;
    }
    setRequest(next);
    setRunning(true);
    try {
      const outcome = (await pool.run([next])).get(key);
      const row: LessonRunRow = outcome?.ok
        ? { key, policyLabel: policy.label, scenarioLabel, metrics: outcome.result.metrics }
        : { key, policyLabel: policy.label, scenarioLabel, failure: outcome?.failure.message ?? 'stopped' };
      if (outcome && !outcome.ok) setFailure(outcome.failure);
      setRows((old) => [...old.filter((r) => r.key !== key), row]);
    } finally {
      setRunning(false);
    }
  }, [poolRef, running, spec, policyKey, editorShown, source, scenarios, scenarioIndex, inputs]);

  const markers = useMemo<EditorMarker[]>(
    () => (failure?.line ? [{ line: failure.line, column: failure.column, message: failure.message, severity: 'error' }] : []),
    [failure],
  );
  const instructions = useMemo(() => renderLessonMarkdown(spec.instructions), [spec.instructions]);
  // What the tab computed for the student's policy goes with a submission as a claim; the server ignores it for the rank.
  const claimed = rows.find((r) => r.key === `${STUDENT_POLICY}@0`)?.metrics;

  return (
    <div className="lesson" data-testid="lesson-page">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <a href="/lessons">Lessons</a>
        <span className="muted">{ENGINE_TITLES[spec.engine]}</span>
        <h1 className="lesson-title">{spec.title}</h1>
      </header>
      <div className="lesson-grid">
        {/* The panel scrolls on its own (it is sticky beside the work area), so it takes focus for keyboard scrolling. */}
        <article className="panel lesson-text-panel" aria-label="Instructions" tabIndex={0}>
          <div className="lesson-text" dangerouslySetInnerHTML={{ __html: instructions }} />
          {spec.questions.length > 0 && (
            <section aria-label="Questions">
              <h2>Questions</h2>
              <ol className="lesson-questions">
                {spec.questions.map((q, i) => (
                  <li key={i} id={`q${i + 1}`} dangerouslySetInnerHTML={{ __html: renderLessonMarkdownInline(q) }} />
                ))}
              </ol>
            </section>
          )}
        </article>
        <div className="lesson-work">
          <section className="panel" aria-label="Run">
            <div className="row">
              {shows('scenario') && (
                <label data-control="scenario">
                  Scenario{' '}
                  <select value={scenarioIndex} onChange={(e) => setScenarioIndex(Number(e.target.value))}>
                    {scenarios.map((s, i) => (
                      <option key={i} value={i}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {shows('policy') && policies.length > 1 && (
                <label data-control="policy">
                  Policy{' '}
                  <select value={policyKey} onChange={(e) => setPolicyKey(e.target.value)}>
                    {policies.map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button className="primary" onClick={() => void run()} disabled={running} title="Ctrl/Cmd+Enter" data-testid="lesson-run">
                {running ? 'Running…' : 'Run'}
              </button>
              <span className="muted small">seed {spec.seed}</span>
            </div>
            {failure && (
              <p className="error" role="alert" data-testid="lesson-error">
                {failure.message}
              </p>
            )}
          </section>
          {editorShown && (
            <section className="panel" aria-label="Policy editor" data-control="editor">
              <header className="panel-head">
                <h2>Your policy</h2>
                {draft.restored && (
                  <button className="link" onClick={draft.discard} title="Back to the lesson's starter policy">
                    Start over
                  </button>
                )}
              </header>
              <PolicyEditor value={source} onChange={setSource} markers={markers} onRun={() => void run()} height={300} path={starterFileName(spec)} ariaLabel="Policy source" />
            </section>
          )}
          {shows('player') && (
            <section className="panel" aria-label="Step by step" data-control="player">
              <header className="panel-head">
                <h2>Step by step</h2>
                {!request && <span className="muted">Run a policy, then step through its decisions.</span>}
              </header>
              <StepPlayer request={request} hiddenMetrics={spec.hidden.metrics} />
            </section>
          )}
          {shows('metrics') && (
            <section className="panel" aria-label="Metrics" data-control="metrics">
              <header className="panel-head">
                <h2>Metrics</h2>
              </header>
              <LessonMetrics engine={spec.engine} rows={rows} hidden={spec.hidden.metrics} />
            </section>
          )}
          {spec.challenge && (
            <ChallengePanel
              lessonId={lesson.id}
              challenge={spec.challenge}
              scenarioCount={challengeScenarioCount}
              policy={editorShown ? { source, fileName: starterFileName(spec) } : 'source' in spec.starter ? spec.starter : null}
              claimed={claimed}
              initiallyClosed={lesson.closed === true}
            />
          )}
        </div>
      </div>
    </div>
  );
}
