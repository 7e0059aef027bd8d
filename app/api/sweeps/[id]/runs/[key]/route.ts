/** GET /api/sweeps/[id]/runs/[key] — one stored run with its artifact (schedule, migrations): 200 {run}; 404. */
import { getDb } from '../../../../../../db/client';
import { getSweepRun } from '../../../../../../db/queries';
import { isSweepId, RUN_KEY_PATTERN } from '../../../../../../db/sweep-payloads';
import { apiError, json } from '../../../../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string; key: string }> }): Promise<Response> {
  const { id, key } = await context.params;
  const run = isSweepId(id) && RUN_KEY_PATTERN.test(key) ? await getSweepRun(await getDb(), id, key) : null;
  return run ? json({ run }) : apiError(404, `no stored run "${key}" in sweep "${id}"`);
}
