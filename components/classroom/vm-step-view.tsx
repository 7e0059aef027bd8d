'use client';
import { useMemo } from 'react';
import type { FrCurveData, FrCurveOptions } from '../charts/fr-curve';
import { FrCurveView } from '../charts/fr-curve-view';
import { OccupancyView } from '../charts/occupancy-view';
import type { VmRunRequest } from '../../workers/browser/run-protocol';
import type { StepSessionInfo, VmStepFrame } from '../../workers/browser/step-protocol';
import { metricShown } from './step-metrics';
import { VM_BELOW } from './step-styles';
import { stepsOfDecision, stepText, vmStepCluster, vmStepOccupancy } from './vm-step-data';

export interface VmStepViewProps {
  readonly request: VmRunRequest;
  readonly frame: VmStepFrame;
  readonly info: StepSessionInfo;
  readonly hiddenMetrics: readonly string[];
}

const CURVE_OPTIONS: FrCurveOptions = { height: 200, xLabel: 'migrations made' };

/**
 * A VM frame: the occupancy map before the first decision and after this one (the PMs of its migration marked),
 * the FR curve up to here, and what the decision did in words. The FR numbers (text, curve and the map's titles) are
 * left out when the lesson hides the final FR (frAfter): at the last decision they are the same number.
 */
export function VmStepView({ request, frame, info, hiddenMetrics }: VmStepViewProps) {
  const cluster = useMemo(() => vmStepCluster(request.scenario), [request.scenario]);
  const initial = info.frame.engine === 'vm' ? info.frame.snapshot : frame.snapshot;
  const total = info.totalDecisions;
  const fragmentSize = request.options.fragmentSize;
  const showFr = metricShown('frAfter', hiddenMetrics);
  const occupancy = useMemo(
    () => ({ ...vmStepOccupancy(cluster, initial, frame.snapshot, { decision: frame.decision, total, fragmentSize }), hideFragmentRate: !showFr }),
    [cluster, initial, frame, total, fragmentSize, showFr],
  );
  const showMigrations = metricShown('migrations', hiddenMetrics);
  const curve = useMemo<FrCurveData>(
    () => ({ series: [{ id: 'step', label: 'this run', values: frame.snapshot.frCurve }], selectedId: 'step', step: frame.snapshot.frCurve.length - 1 }),
    [frame],
  );
  const steps = stepsOfDecision(frame.snapshot, frame.decision);
  const { migrations, migrationLimit, fragmentRate } = frame.snapshot;
  const limit = Number.isFinite(migrationLimit) ? ` of at most ${migrationLimit}` : '';
  const said =
    frame.decision === 0
      ? 'No decision yet.'
      : steps.length > 0
        ? `Decision ${frame.decision} ${steps.map(stepText).join('; ')}.`
        : `Decision ${frame.decision}: the policy stopped (it answered null).`;
  return (
    <div className="step-view" data-engine="vm">
      <p data-testid="step-summary">
        {said}{' '}
        <span className="muted">
          {showMigrations && `${migrations.length} migration${migrations.length === 1 ? '' : 's'}${limit} so far`}
          {showMigrations && showFr && ' · '}
          {showFr && `FR now ${fragmentRate.toFixed(4)}`}
          {frame.done ? ' · the run is over' : ''}
        </span>
      </p>
      <OccupancyView data={occupancy} />
      <div style={VM_BELOW}>
        {showFr ? (
          <section aria-label="FR curve so far">
            <h3 style={{ fontSize: '13px', margin: '4px 0' }}>FR after each migration, up to this decision</h3>
            <FrCurveView data={curve} options={CURVE_OPTIONS} />
          </section>
        ) : (
          <p className="muted">The FR curve is hidden in this lesson.</p>
        )}
        <section aria-label="Steps of this decision">
          <h3 style={{ fontSize: '13px', margin: '4px 0' }}>This decision</h3>
          {steps.length === 0 ? (
            <p className="muted">{frame.decision === 0 ? 'The map shows the initial placement.' : 'No VM moved.'}</p>
          ) : (
            <ul data-testid="step-migrations" style={{ margin: 0, paddingLeft: '18px' }}>
              {steps.map((s) => (
                <li key={`${s.kind}:${s.record.vm}`}>{stepText(s)}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
