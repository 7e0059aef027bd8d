'use client';
import { useMemo } from 'react';
import { FrCurveView } from '../charts/fr-curve-view';
import type { FrCurveData, FrCurveOptions } from '../charts/fr-curve';
import { OccupancyView } from '../charts/occupancy-view';
import { useVmLabStore } from '../state/vm-lab-store';
import type { VmLabRun } from '../state/vm-lab-types';
import { MigrationStepper } from './migration-stepper';
import { RunDetails } from './run-details';
import { useOccupancyData } from './use-occupancy-data';
import { stepRates, useReplay } from './use-replay';

/** A placement run's steps are placements (and the migrations that made room). */
const PLACEMENT_CURVE: FrCurveOptions = { xLabel: 'steps made (placements and migrations)' };

type Finished = VmLabRun & { result: NonNullable<VmLabRun['result']> };

/**
 * The selected run in pictures: its details and notes, the occupancy map before and after step k (the engine's
 * replay: drift events first, placements as steps), the list to step through, and FR after each step for every
 * run on the same cluster (the selected one bold, at step k).
 */
export function VmRunView({ run, runs }: { run: Finished; runs: readonly VmLabRun[] }) {
  const step = useVmLabStore((s) => s.step);
  const setStep = useVmLabStore((s) => s.setStep);
  const { replay, rates } = useReplay(run);
  const occupancy = useOccupancyData(run, replay, step);
  const curve = useMemo<FrCurveData>(
    () => ({
      series: runs
        .filter((r): r is Finished => r.result !== undefined && r.scenario.key === run.scenario.key)
        .map((r) => ({ id: r.id, label: r.policyLabel, values: stepRates(r) })),
      selectedId: run.id,
      step,
    }),
    [runs, run, step],
  );
  const result = run.result;
  const placement = result.mode === 'placement';
  const stepsDone = placement ? `${result.placements.length} placements and ${result.migrations.length} migrations` : `${result.migrations.length} migration${result.migrations.length === 1 ? '' : 's'}`;
  return (
    <>
      <section className="panel" aria-label="Occupancy map">
        <header className="panel-head">
          <h2>
            Occupancy: {run.policyLabel} on {run.scenario.label}
          </h2>
          <span className="muted">
            FR <span data-testid="fr-before">{result.metrics.frBefore.toFixed(4)}</span> → <span data-testid="fr-after">{result.metrics.frAfter.toFixed(4)}</span> in {stepsDone}{' '}
            · hover a PM for its VMs
          </span>
        </header>
        <RunDetails run={run} />
        {occupancy && <OccupancyView data={occupancy} />}
        {occupancy && occupancy.skipped > 0 && (
          <p className="muted">{occupancy.skipped} step(s) did not replay on this cluster; the map leaves them out.</p>
        )}
      </section>
      <div className="vm-two">
        <section className="panel" aria-label="Migration list">
          <header className="panel-head">
            <h2>{placement ? 'Placements and migrations, step by step' : 'Migrations, step by step'}</h2>
          </header>
          <MigrationStepper
            steps={replay.steps}
            frCurve={rates}
            step={step}
            onStep={setStep}
            startLabel={result.drift ? `snapshot + ${replay.eventsApplied} drift events (the plan is applied after them)` : 'initial placement'}
            dropped={result.drift?.dropped}
          />
        </section>
        <section className="panel" aria-label="FR curve">
          <header className="panel-head">
            <h2>{placement ? 'FR after each step' : 'FR after each migration'}</h2>
            <span className="muted">all runs on this cluster</span>
          </header>
          <FrCurveView data={curve} options={placement ? PLACEMENT_CURVE : undefined} />
        </section>
      </div>
    </>
  );
}
