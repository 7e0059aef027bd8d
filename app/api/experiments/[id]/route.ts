/** GET /api/experiments/[id] — a saved experiment: 200 SavedExperiment {id, createdAt, payload}, or 404 {error}. */
import { getDb } from '../../../../db/client';
import { getExperiment } from '../../../../db/queries';
import { apiError, json } from '../../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const experiment = await getExperiment(await getDb(), id);
  if (!experiment) return apiError(404, `no saved experiment with id "${id}"`);
  return json(experiment);
}
