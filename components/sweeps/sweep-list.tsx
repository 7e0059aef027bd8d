import type { SweepStatus } from '../../db/queries/sweep-read';

/** The newest sweeps with their status counts (server-rendered; each links to its page). */
export function SweepList({ sweeps }: { sweeps: readonly SweepStatus[] }) {
  if (sweeps.length === 0) return <p className="muted">No sweeps yet.</p>;
  return (
    <table className="results compact">
      <thead>
        <tr>
          <th>sweep</th>
          <th>engine</th>
          <th>mode</th>
          <th>state</th>
          <th className="num">done</th>
          <th className="num">failed</th>
          <th className="num">runs</th>
          <th>created</th>
        </tr>
      </thead>
      <tbody>
        {sweeps.map((s) => (
          <tr key={s.id}>
            <td>
              <a href={`/sweeps/${s.id}`}>{s.title}</a>
            </td>
            <td>{s.engine}</td>
            <td>{s.mode}</td>
            <td>{s.state}</td>
            <td className="num">{s.done}</td>
            <td className="num">{s.failed}</td>
            <td className="num">{s.total}</td>
            <td className="nowrap">{s.createdAt.slice(0, 16).replace('T', ' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
