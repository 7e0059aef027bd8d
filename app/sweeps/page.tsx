import { getDb } from '../../db/client';
import { listSweeps } from '../../db/queries';
import { SweepBuilder } from '../../components/sweeps/sweep-builder';
import { SweepList } from '../../components/sweeps/sweep-list';

export const dynamic = 'force-dynamic';

/** Sweeps: build a new one, or open a stored one (run here, from `schedlab sweep`, or by queue workers). */
export default async function Sweeps() {
  const sweeps = await listSweeps(await getDb(), 50);
  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">Sweeps: policies x scenarios x parameters x seeds, compared on a Pareto front</span>
        <a href="/sweeps/search">Parameter search (NSGA-II) and evolved rules</a>
      </header>
      <SweepBuilder />
      <section className="panel" aria-label="Stored sweeps">
        <header className="panel-head">
          <h2>Stored sweeps</h2>
        </header>
        <SweepList sweeps={sweeps} />
      </section>
    </div>
  );
}
