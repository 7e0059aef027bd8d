import { describe, expect, it } from 'vitest';
import { vmEngine } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';
import { VmReplay } from '../../engine/vm/replay';
import { executeRun } from '../../workers/browser/execute-run';
import type { VmBrowserRunOptions, VmRunRequest } from '../../workers/browser/run-protocol';
import type { VmStepFrame } from '../../workers/browser/step-protocol';
import { openStepSession } from '../../workers/browser/step-session';
import { compileVmPolicy } from '../../workers/policy-compile';
import { withSeededMathRandom } from '../../workers/seeded-math-random';
import { VM_MATH_RANDOM } from './fixtures/vm-policies';
import { failureOf, frameAt, open } from './fixtures/step-session';

// The step session on VM runs, in Node: one decision is one policy answer; frames carry what the occupancy map needs.

const cluster = randomCluster({ seed: 5, pms: 30, utilisation: 0.9 });

function request(policy: VmRunRequest['policy'], options: Partial<VmBrowserRunOptions> = {}): VmRunRequest {
  return { engine: 'vm', runId: 'r', scenario: cluster, policy, options: { seed: 1, params: {}, ...options } };
}

const builtin = request({ kind: 'builtin', id: 'greedy' }, { migrationLimit: 20 });
const source = request({ kind: 'source', source: VM_MATH_RANDOM, fileName: 'r.ts' }, { seed: 7, migrationLimit: 15 });

const vm = (frame: ReturnType<typeof frameAt>): VmStepFrame => {
  if (frame.engine !== 'vm') throw new Error(`a ${frame.engine} frame`);
  return frame;
};

/** Moves VMs like VM_MATH_RANDOM's first found node, but throws on line 5 before the fourth migration. */
const THROWS_AT_FOURTH = [
  "import type { VmPolicy } from 'schedlab/vm';", // 1
  'const policy: VmPolicy = {', // 2
  "  id: 'fourth', label: 'Fourth', description: 'throws before migration 4',", // 3
  '  nextMigration: (view) => {', // 4
  "    if (view.migrations === 3) throw new Error('fourth migration');", // 5
  '    for (let vm = 0; vm < view.vmCount; vm++) {',
  '      if (view.vmDouble(vm)) continue;',
  '      for (let pm = 0; pm < view.pmCount; pm++) {',
  '        if (pm === view.vmPm(vm)) continue;',
  '        for (let node = 0; node < view.pmNodeCount(pm); node++) if (view.fragmentChange(vm, pm, node) < 0) return { vm, pm, node };',
  '      }',
  '    }',
  '    return null;',
  '  },',
  '};',
  'export default policy;',
].join('\n');

describe('step session: VM rescheduling', () => {
  it.each([
    ['greedy', builtin],
    ['a source policy using Math.random', source],
  ])('ends on the metrics executeRun gives, to the bit (%s)', (_name, req) => {
    const run = executeRun(req);
    if (!run.ok) throw new Error(run.failure.message);
    const session = open(req);
    expect(session.info.totalDecisions).toBe(run.result.counters.decisions);
    expect(session.info.metrics).toEqual(run.result.metrics);
    const end = vm(frameAt(session, session.info.totalDecisions));
    expect(end.metrics).toEqual(run.result.metrics);
    expect(end.snapshot.migrations).toEqual(run.result.migrations);
    expect(end.snapshot.frCurve).toEqual(run.result.frCurve);
    frameAt(session, 0);
    expect(vm(frameAt(session, session.info.totalDecisions)).metrics).toEqual(run.result.metrics);
  });

  it.each([
    ['greedy', builtin],
    ['a source policy', source],
  ])('gives the same frame at decision 2 going back from 3, in a fresh session, and from a fresh simulation (%s)', (_name, req) => {
    const session = open(req);
    frameAt(session, 3);
    const back = vm(frameAt(session, 2));
    expect(back).toEqual(vm(frameAt(open(req), 2)));
    const policy = req.policy.kind === 'builtin' ? vmEngine.findPolicy(req.policy.id)! : compileVmPolicy(req.policy.source, req.policy.fileName);
    const direct = withSeededMathRandom(req.options.seed, () => {
      const sim = vmEngine.createSimulation(cluster, policy, req.options);
      sim.step();
      sim.step();
      return sim.snapshot();
    });
    expect(back.snapshot).toEqual(direct);
    expect(back.snapshot.migrations).toHaveLength(2);
  });

  it('numbers frames by decision, marks only the last done, and carries what the occupancy map draws', () => {
    const session = open(source);
    expect(session.info.totalDecisions).toBe(15); // the random mover uses the whole budget of 15 migrations
    expect(vm(session.info.frame)).toMatchObject({ decision: 0, done: false, snapshot: { migrations: [], frCurve: [expect.any(Number)] } });
    for (const k of [1, 7, 14]) {
      const frame = vm(frameAt(session, k));
      expect(frame).toMatchObject({ decision: k, done: false });
      expect(frame.snapshot.migrations).toHaveLength(k);
      expect(frame.snapshot.frCurve).toHaveLength(k + 1);
      // The lab's occupancy map replays records on the scenario (use-occupancy-data.ts): the snapshot's records
      // rebuild exactly the placement the snapshot shows, and the last migration gives the from/to marks.
      const replayed = new VmReplay(cluster, frame.snapshot).at(k);
      expect(Array.from(replayed.vmPm)).toEqual(frame.snapshot.vmPm);
      expect(Array.from(replayed.vmNode)).toEqual(frame.snapshot.vmNode);
      expect(replayed.fragmentRate).toBe(frame.snapshot.fragmentRate);
      const last = frame.snapshot.migrations[k - 1];
      expect(cluster.pms[frame.snapshot.vmPm[cluster.vms.findIndex((v) => v.id === last.vm)]].id).toBe(last.to.pm);
    }
    expect(vm(frameAt(session, 15))).toMatchObject({ decision: 15, done: true, snapshot: { migrations: expect.any(Array) } });
    expect(vm(frameAt(session, 15)).snapshot.migrations).toHaveLength(15);
    expect(vm(frameAt(session, 25)).decision).toBe(15);
  });

  it("counts a policy's final null answer as its last decision", () => {
    // Greedy finds 3 improving moves on this cluster, then answers null: 4 decisions, the last one changes nothing.
    const session = open(builtin);
    expect(session.info.totalDecisions).toBe(4);
    const beforeStop = vm(frameAt(session, 3));
    const end = vm(frameAt(session, 4));
    expect(beforeStop).toMatchObject({ decision: 3, done: false });
    expect(end).toMatchObject({ decision: 4, done: true });
    expect(end.snapshot.vmPm).toEqual(beforeStop.snapshot.vmPm);
    expect(end.snapshot.migrations).toHaveLength(3);
  });

  it('steps up to a policy that throws and reports it, with its line, when stepping past it', () => {
    const session = open(request({ kind: 'source', source: THROWS_AT_FOURTH, fileName: 'p.ts' }));
    expect(session.info.totalDecisions).toBe(4);
    expect(session.info.failure).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('p.ts:5') });
    expect(vm(frameAt(session, 3)).snapshot.migrations).toHaveLength(3);
    expect(failureOf(session.goTo(4))).toMatchObject({ kind: 'policy', line: 5, message: expect.stringContaining('fourth migration') });
  });

  it('reports compile errors with line and column, and refuses a policy that needs the MIP solver', () => {
    const bad = ["import type { VmPolicy } from 'schedlab/vm';", 'const policy: VmPolicy = {', "  id: 'x' label: 'x',", '};', 'export default policy;'].join('\n');
    expect(failureOf(openStepSession(request({ kind: 'source', source: bad, fileName: 'bad.ts' })))).toMatchObject({ kind: 'compile', line: 3, column: expect.any(Number) });
    expect(failureOf(openStepSession(request({ kind: 'builtin', id: 'mip' })))).toMatchObject({ kind: 'input', message: expect.stringContaining('MIP solver') });
  });
});
