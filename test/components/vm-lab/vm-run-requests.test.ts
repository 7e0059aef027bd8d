import { describe, expect, it } from 'vitest';
import { vmEngine, withChurn } from '../../../engine/vm';
import { catalogueChoice, catalogueGroups } from '../../../components/vm-lab/vm-scenario-sources';
import { CHURN_SECONDS, policiesForMode, scenarioForRun, vmPolicyEntries, vmRunOptions } from '../../../components/vm-lab/vm-run-requests';
import { scenarioMode } from '../../../components/state/vm-lab-store';
import { vmRunUsesMip } from '../../../workers/browser/vm-run-uses-mip';

// The lab's batch is built by these functions; they must ask the engine what `schedlab run vm` asks it.

describe('the VM lab scenarios and run options', () => {
  it('offers every catalogue preset, grouped by family, with its description', () => {
    const ids = catalogueGroups().flatMap((g) => g.entries.map((e) => e.id));
    expect(ids.sort()).toEqual(vmEngine.catalogue.map((e) => e.id).sort());
    const choice = catalogueChoice('teach-fragments');
    expect(choice.description).toBe(vmEngine.findScenario('teach-fragments')!.description);
    expect(choice.scenario).toEqual(vmEngine.findScenario('teach-fragments')!.build());
  });

  it('follows the scenario for the mode, and offers only the policies of that mode', () => {
    expect(scenarioMode(catalogueChoice('placement-priorities'))).toBe('placement');
    expect(scenarioMode(catalogueChoice('vmr2l-s'))).toBe('rescheduling');
    const placement = policiesForMode('placement').map((p) => p.id);
    expect(placement).toEqual(['k8s-least-allocated', 'k8s-most-allocated', 'k8s-balanced']);
    expect(policiesForMode('rescheduling').map((p) => p.id)).toEqual(['greedy', 'ffd', 'bfd', 'search', 'mip']);
    const entries = vmPolicyEntries(['greedy', 'k8s-balanced'], false, '', {}, 'placement');
    expect(entries.map((e) => e.id)).toEqual(['k8s-balanced']);
  });

  it('adds a churn stream seeded with the run seed under drift when the cluster has no events, as the CLI does', () => {
    const fragments = catalogueChoice('teach-fragments');
    const s = catalogueChoice('vmr2l-s');
    expect(scenarioForRun(s, false, 3)).toEqual({ scenario: s.scenario, churn: false });
    const drifted = scenarioForRun(s, true, 3);
    expect(drifted.churn).toBe(true);
    expect(drifted.scenario).toEqual(withChurn(s.scenario, { seed: 3, duration: CHURN_SECONDS }));
    // A drift preset keeps its own events.
    const preset = catalogueChoice('vmr2l-s-drift');
    expect(scenarioForRun(preset, true, 3)).toEqual({ scenario: preset.scenario, churn: false });
    expect(fragments.scenario.events).toBeUndefined();
  });

  it('sends drift (with or without a decision time) only in rescheduling, and a non-default objective', () => {
    expect(vmRunOptions(1, {}, 50)).toEqual({ seed: 1, params: {}, migrationLimit: 50 });
    expect(vmRunOptions(1, {}, null, { drift: true, decisionSeconds: null, objective: 'fragment' })).toEqual({ seed: 1, params: {}, drift: {} });
    expect(vmRunOptions(1, {}, 5, { drift: true, decisionSeconds: 600, objective: 'balance' })).toEqual({
      seed: 1,
      params: {},
      migrationLimit: 5,
      drift: { decisionSeconds: 600 },
      objective: 'balance',
    });
    expect(vmRunOptions(1, {}, null, { drift: true, decisionSeconds: 1, objective: 'fragment' }, 'placement')).toEqual({ seed: 1, params: {} });
  });

  it('knows which runs need HiGHS before they start: usesMip built-ins, and editor source that declares it', () => {
    expect(vmRunUsesMip({ policy: { kind: 'builtin', id: 'mip' } })).toBe(true);
    expect(vmRunUsesMip({ policy: { kind: 'builtin', id: 'greedy' } })).toBe(false);
    expect(vmRunUsesMip({ policy: { kind: 'source', fileName: 'p.ts', source: "const p = { id: 'x', usesMip: true };" } })).toBe(true);
    expect(vmRunUsesMip({ policy: { kind: 'source', fileName: 'p.ts', source: "const p = { id: 'x' };" } })).toBe(false);
  });
});
