'use client';
import type { VmLabRun } from '../state/vm-lab-types';
import { CHURN_SECONDS } from './vm-run-requests';
import { formatNotes } from './metric-names';

/**
 * What a run was and what it said, next to its pictures: mode, the drift it ran under (events, decision time,
 * churn the lab added), the policy's notes (the MIP's status and gap, "proven optimal") and how long it decided.
 */
export function RunDetails({ run }: { run: VmLabRun }) {
  const result = run.result!;
  const m = result.metrics;
  const facts: string[] = [`${result.mode} mode`];
  if (run.settings.objective !== 'fragment') facts.push(`objective ${run.settings.objective}`);
  if (result.drift) {
    const how = run.settings.decisionSeconds === null ? 'measured' : 'declared';
    facts.push(
      `drift: ${result.drift.eventsApplied} events in ${m.decisionSeconds.toFixed(3)} s (${how}) — ${m.arrivals} arrivals (${m.rejectedArrivals} found no room), ${m.exits} exits; ` +
        `${m.planned} planned, ${m.dropped} dropped`,
    );
    if (run.settings.churn) facts.push(`churn stream added (${CHURN_SECONDS / 60} min, seed ${run.seed})`);
  }
  if (result.mode === 'placement') facts.push(`placed ${m.placed} of ${m.placed + m.unplaced} pending (${m.placedTopPriority} of the top priority)`);
  facts.push(`decided in ${result.decisionMs.toFixed(0)} ms`);
  const notes = formatNotes(result.notes);
  return (
    <div className="run-details">
      <p className="muted small" data-testid="run-facts">
        {facts.join(' · ')}
      </p>
      {notes.length > 0 && (
        <ul className="run-notes" data-testid="run-notes" aria-label="Policy notes">
          {notes.map((n) => (
            <li key={n.key} data-note={n.key} className={n.key === 'provenOptimal' && result.notes.provenOptimal === true ? 'proven' : undefined}>
              {n.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
