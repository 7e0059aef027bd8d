'use client';
import type { JobShopDecision } from '../../workers/browser/step-protocol';
import { formatMetric } from './step-metrics';
import { CHOSEN_BADGE, CHOSEN_ROW, PLAIN_ROW, TABLE_SCROLL } from './step-styles';

/**
 * The candidates of one job-shop decision with the priority the policy gave each, the chosen one marked three ways
 * that do not rely on colour: a "chosen" badge in its own column, bold text, and aria-current for screen readers.
 */
export function StepCandidates({ decision, decisionNumber }: { decision: JobShopDecision; decisionNumber: number }) {
  const count = decision.candidates.length;
  const prioritised = decision.candidates.some((c) => c.priority !== undefined);
  return (
    <div style={TABLE_SCROLL}>
      <table className="results compact" data-testid="step-candidates">
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '2px 0' }}>
          Decision {decisionNumber}: {count} candidate{count === 1 ? '' : 's'}
          {prioritised ? ', with the priority the policy gave each' : ' (the policy chose directly: no priorities)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Operation</th>
            <th scope="col">Machine</th>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Priority</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {decision.candidates.map((c, i) => {
            const chosen = i === decision.chosen;
            return (
              <tr key={`${c.job}.${c.op}`} data-chosen={String(chosen)} aria-current={chosen ? 'true' : undefined} style={chosen ? CHOSEN_ROW : PLAIN_ROW}>
                <td>J{c.job}</td>
                <td className="num">{c.op}</td>
                <td>M{c.machine}</td>
                <td className="num">{c.start}</td>
                <td className="num">{c.end}</td>
                <td className="num">{c.priority === undefined ? 'n/a' : formatMetric(c.priority)}</td>
                <td>{chosen ? <span style={CHOSEN_BADGE}>chosen</span> : <span className="muted">not chosen</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
