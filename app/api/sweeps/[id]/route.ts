/**
 * GET /api/sweeps/[id] — a sweep, its status and its stored runs (without artifacts): 200 {sweep, status, runs};
 * 404 for an unknown id.
 */
import { getDb } from '../../../../db/client';
import { getSweep, getSweepStatus, listSweepRuns } from '../../../../db/queries';
import { isSweepId } from '../../../../db/sweep-payloads';
import { apiError, json } from '../../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!isSweepId(id)) return apiError(404, `no sweep "${id}" (a sweep id is 32 hex digits)`);
  const db = await getDb();
  const sweep = await getSweep(db, id);
  if (!sweep) return apiError(404, `no sweep "${id}"`);
  const [status, runs] = await Promise.all([getSweepStatus(db, id), listSweepRuns(db, id, { withArtifacts: false })]);
  return json({ sweep, status, runs: runs.map(({ artifact: _artifact, attempt: _attempt, ...row }) => row) });
}
