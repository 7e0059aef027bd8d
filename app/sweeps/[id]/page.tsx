import { notFound } from 'next/navigation';
import { getDb } from '../../../db/client';
import { getSweep, getSweepStatus, listSweepRuns } from '../../../db/queries';
import { isSweepId } from '../../../db/sweep-payloads';
import { SweepView } from '../../../components/sweeps/sweep-view';

export const dynamic = 'force-dynamic';

/** A sweep: its stored runs straight from the database, then live while this tab (or any worker) runs it. */
export default async function SweepPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ run?: string }> }) {
  const { id } = await params;
  const { run } = await searchParams;
  if (!isSweepId(id)) notFound();
  const db = await getDb();
  const sweep = await getSweep(db, id);
  if (!sweep) notFound();
  const [status, runs] = await Promise.all([getSweepStatus(db, id), listSweepRuns(db, id, { withArtifacts: false })]);
  // React's server-to-client props keep NaN and the infinities as numbers (JSON would not): rows go as they are.
  const rows = runs.map(({ artifact: _artifact, attempt: _attempt, ...row }) => row);
  return <SweepView initial={{ sweep, status: status!, runs: rows }} autoRun={run === '1'} />;
}
