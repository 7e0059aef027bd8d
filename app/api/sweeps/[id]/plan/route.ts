/** GET /api/sweeps/[id]/plan — the runs not stored yet, for the tab that runs (or resumes) it: 200 SweepPlan; 404. */
import { getDb } from '../../../../../db/client';
import { browserSweepPlan } from '../../../../../db/queries';
import { isSweepId } from '../../../../../db/sweep-payloads';
import { apiError, json } from '../../../_lib/responses';
import { specErrorResponse } from '../../../_lib/sweep-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  try {
    const plan = isSweepId(id) ? await browserSweepPlan(await getDb(), id) : null;
    return plan ? json(plan) : apiError(404, `no sweep "${id}"`);
  } catch (error) {
    return specErrorResponse(error);
  }
}
