// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chosenCandidate, placedIndex, stepGanttData } from '../../../components/classroom/jobshop-step-data';
import { jobshopStepRequest, llmStepRequest, vmStepRequest } from '../../../components/classroom/lab-step-requests';
import { LlmStepView } from '../../../components/classroom/llm-step-view';
import { StepCandidates } from '../../../components/classroom/step-candidates';
import { StepFinalMetrics } from '../../../components/classroom/step-metrics';
import { VmStepView } from '../../../components/classroom/vm-step-view';
import { stepsOfDecision, usedCoresOf, vmStepCluster, vmStepOccupancy } from '../../../components/classroom/vm-step-data';
import { catalogueChoice } from '../../../components/lab/scenario-sources';
import { presetChoice } from '../../../components/llm-lab/llm-workload-sources';
import { useLabStore } from '../../../components/state/lab-store';
import { useLlmLabStore } from '../../../components/state/llm-lab-store';
import { useVmLabStore } from '../../../components/state/vm-lab-store';
import { catalogueChoice as vmCatalogueChoice, DEFAULT_CATALOGUE_ID } from '../../../components/vm-lab/vm-scenario-sources';
import type { RunRequest } from '../../../workers/browser/run-protocol';
import type { StepFrame } from '../../../workers/browser/step-protocol';
import { openStepSession, type StepSession } from '../../../workers/browser/step-session';

// The engine views on real frames: each lab's "Step through" request, opened by the step session in-process (the
// code the step worker runs), so the views are tested against what the worker really sends.

function session(result: ReturnType<typeof jobshopStepRequest>): { request: RunRequest; session: StepSession } {
  if ('error' in result) throw new Error(result.error);
  const opened = openStepSession(result.request);
  if (!opened.ok) throw new Error(opened.failure.message);
  return { request: result.request, session: opened.value };
}

function frameOf<E extends StepFrame['engine']>(s: StepSession, k: number, engine: E): Extract<StepFrame, { engine: E }> {
  const outcome = s.goTo(k);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  if (outcome.value.engine !== engine) throw new Error(`a ${outcome.value.engine} frame`);
  return outcome.value as Extract<StepFrame, { engine: E }>;
}

afterEach(cleanup);

// jsdom has no 2D canvas; the occupancy map draws nothing without one, and the text around it is what is tested.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

describe('job-shop step view', () => {
  useLabStore.setState({ scenarios: [catalogueChoice('ft06')], builtinIds: ['mwkr'], includeEditorPolicy: false, scheme: 'active', seed: 3, params: {} });
  const { request, session: s } = session(jobshopStepRequest(useLabStore.getState(), '', 'mwkr'));
  const frame = frameOf(s, 4, 'jobshop');

  it('builds the lab request: the lab scheme, seed and the policy parameters', () => {
    expect(request).toMatchObject({ instance: { name: 'ft06' }, policy: { kind: 'builtin', id: 'mwkr' }, options: { scheme: 'active', seed: 3 } });
    expect(s.info.totalDecisions).toBe(36);
  });

  it('draws the schedule so far on the time axis of the whole run, with the bar just placed outlined', () => {
    const makespan = s.info.metrics.makespan;
    if (request.engine === 'vm' || request.engine === 'llm') throw new Error('not a job-shop request');
    const data = stepGanttData(request.instance, frame, makespan);
    expect(data.timeline.bars).toHaveLength(4);
    expect(data.timeline.horizon).toBe(makespan);
    const outlined = data.criticalPath![0];
    const chosen = chosenCandidate(frame)!;
    expect(frame.snapshot.schedule[outlined]).toMatchObject({ job: chosen.job, op: chosen.op });
    expect(outlined).toBe(placedIndex(frame.snapshot.schedule, chosen));
    // A lesson that hides the makespan gets an axis that grows with the schedule instead.
    const growing = stepGanttData(useLabStore.getState().scenarios[0].instance, frame, undefined);
    expect(growing.timeline.horizon).toBeLessThan(makespan);
  });

  it('marks the chosen candidate, and only it, by text, aria and data attribute', () => {
    render(<StepCandidates decision={frame.lastDecision!} decisionNumber={frame.decision} />);
    const table = screen.getByTestId('step-candidates');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(frame.lastDecision!.candidates.length);
    const chosenRows = rows.filter((r) => r.getAttribute('data-chosen') === 'true');
    expect(chosenRows).toHaveLength(1);
    const chosen = frame.lastDecision!.candidates[frame.lastDecision!.chosen];
    expect(chosenRows[0].getAttribute('aria-current')).toBe('true');
    expect(chosenRows[0].textContent).toContain(`J${chosen.job}`);
    expect(within(chosenRows[0]).getByText('chosen')).toBeTruthy();
    for (const row of rows.filter((r) => r !== chosenRows[0])) {
      expect(row.getAttribute('data-chosen')).toBe('false');
      expect(row.getAttribute('aria-current')).toBeNull();
    }
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Job', 'Operation', 'Machine', 'Start', 'End', 'Priority', 'Decision']);
    expect(table.querySelectorAll('th[scope="col"]')).toHaveLength(7);
  });
});

describe('candidate table', () => {
  it('marks the candidate at the chosen index, wherever it is, and says when there are no priorities', () => {
    const candidates = [
      { job: 0, op: 1, machine: 2, start: 0, end: 3, priority: 5 },
      { job: 1, op: 0, machine: 2, start: 0, end: 4, priority: 9 },
      { job: 4, op: 2, machine: 2, start: 1, end: 2, priority: 7 },
    ];
    render(<StepCandidates decision={{ candidates, chosen: 2 }} decisionNumber={8} />);
    const rows = within(screen.getByTestId('step-candidates')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-chosen'))).toEqual(['false', 'false', 'true']);
    expect(rows[2].textContent).toContain('J4');
    expect(rows[2].textContent).toContain('chosen');
    cleanup();
    render(<StepCandidates decision={{ candidates: candidates.map(({ priority: _, ...c }) => c), chosen: 0 }} decisionNumber={1} />);
    expect(screen.getByTestId('step-candidates').textContent).toContain('no priorities');
  });
});

describe('LLM step view', () => {
  useLlmLabStore.setState({ workload: presetChoice('steady', 2, 20), builtinIds: ['vllm'], includeEditorPolicy: false, dispatch: '' });
  const { session: s } = session(llmStepRequest(useLlmLabStore.getState(), '', 'vllm'));
  const frame = frameOf(s, 5, 'llm');

  it('shows the batch of the last iteration and every replica queue and KV blocks in text', () => {
    render(<LlmStepView frame={frame} />);
    const batch = screen.getByTestId('step-batch');
    expect(within(batch).getAllByRole('row').slice(1)).toHaveLength(frame.lastIteration!.batch.length);
    const kv = screen.getAllByTestId('step-kv');
    expect(kv).toHaveLength(frame.snapshot.replicas.length);
    frame.snapshot.replicas.forEach((r, k) => {
      expect(kv[k].textContent).toContain(`${r.totalBlocks - r.freeBlocks} of ${r.totalBlocks} blocks used`);
      const card = screen.getByRole('region', { name: `Replica ${k}` });
      expect(card.querySelector('[data-queue="waiting"]')!.textContent!.startsWith(String(r.waiting.length))).toBe(true);
    });
  });
});

describe('VM step view', () => {
  useVmLabStore.setState({ scenario: vmCatalogueChoice(DEFAULT_CATALOGUE_ID), builtinIds: ['greedy'], includeEditorPolicy: false, mnl: 5, drift: false });
  const { request, session: s } = session(vmStepRequest(useVmLabStore.getState(), '', 'greedy'));
  if (request.engine !== 'vm') throw new Error('not a VM request');
  const frame = frameOf(s, 2, 'vm');
  const cluster = vmStepCluster(request.scenario);

  it('rebuilds cores in use from the frame: a migration moves cores, it does not create them', () => {
    const initial = s.info.frame.engine === 'vm' ? s.info.frame.snapshot : frame.snapshot;
    const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
    const before = usedCoresOf(cluster.compiled, initial.vmPm, initial.vmNode);
    const after = usedCoresOf(cluster.compiled, frame.snapshot.vmPm, frame.snapshot.vmNode);
    expect(sum(after)).toBe(sum(before));
    expect(Array.from(after)).not.toEqual(Array.from(before));
    const steps = stepsOfDecision(frame.snapshot, 2);
    expect(steps).toHaveLength(1);
    const data = vmStepOccupancy(cluster, initial, frame.snapshot, { decision: 2, total: s.info.totalDecisions });
    const to = cluster.pmIndex.get(steps[0].record.to.pm);
    expect(data.panels[1].marks).toContainEqual({ pm: to, kind: 'to' });
  });

  it('names the last migration and leaves out the FR when frAfter is hidden', () => {
    render(<VmStepView request={request} frame={frame} info={s.info} hiddenMetrics={['frAfter']} />);
    const step = stepsOfDecision(frame.snapshot, 2)[0];
    expect(screen.getByTestId('step-migrations').textContent).toContain(`migrated ${step.record.vm}`);
    expect(screen.getByTestId('step-summary').textContent).not.toContain('FR now');
    expect(screen.getByText('The FR curve is hidden in this lesson.')).toBeTruthy();
    // The map's titles would give the final FR away at the last decision (and its fragment cores, FR's numerator).
    const view = document.querySelector('[data-engine="vm"]')!;
    expect(view.textContent).not.toMatch(/FR \d/);
    expect(view.textContent).not.toContain('fragment of');
    expect(view.querySelector('canvas')!.getAttribute('aria-label')).not.toContain('FR');
  });

  it('shows the FR in the map titles when frAfter is not hidden', () => {
    render(<VmStepView request={request} frame={frame} info={s.info} hiddenMetrics={[]} />);
    const titles = Array.from(document.querySelectorAll('.occupancy-title')).map((t) => t.textContent);
    expect(titles).toHaveLength(2);
    for (const title of titles) expect(title).toMatch(/FR \d\.\d{4} · .* fragment of .* free cores/);
  });
});

describe('final metrics', () => {
  it('leaves out hidden metrics', () => {
    render(<StepFinalMetrics metrics={{ makespan: 55, flowtime: 300 }} hidden={['makespan']} />);
    const text = screen.getByTestId('step-final-metrics').textContent!;
    expect(text).toContain('flowtime');
    expect(text).not.toContain('makespan');
  });
});
