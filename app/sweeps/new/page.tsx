import { SweepBuilder } from '../../../components/sweeps/sweep-builder';
import { isSweepId } from '../../../db/sweep-payloads';

/** A new sweep, starting from a stored sweep's spec when `?from=<id>` (Fork on a sweep page). */
export default async function NewSweep({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  return (
    <div className="lab">
      <header className="lab-bar">
        <a href="/" className="brand">
          SchedLab
        </a>
        <span className="muted">
          <a href="/sweeps">Sweeps</a> · new
        </span>
      </header>
      <SweepBuilder forkOf={from && isSweepId(from) ? from : undefined} />
    </div>
  );
}
