/**
 * POST /api/experiments — save an experiment: 201 {id, url} (200 with the same body when that exact snapshot was
 * already saved), 400 {error, issues} for malformed JSON or a schema error, 413 for a body over MAX_BODY_BYTES.
 * GET /api/experiments?limit=N — the newest saved experiments: 200 {experiments: ExperimentSummary[]}.
 */
import { getDb } from '../../../db/client';
import { parseSaveExperimentPayload, type SaveExperimentResponse } from '../../../db/payloads';
import { listExperiments, saveExperiment } from '../../../db/queries';
import { readJsonBody } from '../_lib/read-json-body';
import { apiError, json, schemaError } from '../_lib/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) {
    return body.reason === 'too-large'
      ? apiError(413, body.message)
      : apiError(400, body.message, [{ path: '(top level)', message: body.message }]);
  }
  const parsed = parseSaveExperimentPayload(body.value);
  if (!parsed.success) return schemaError(parsed.error);

  const { id, created } = await saveExperiment(await getDb(), parsed.data);
  const response: SaveExperimentResponse = { id, url: `/e/${id}` };
  return json(response, created ? 201 : 200);
}

export async function GET(request: Request): Promise<Response> {
  const raw = new URL(request.url).searchParams.get('limit');
  const limit = raw === null ? undefined : Number(raw);
  if (limit !== undefined && !Number.isInteger(limit)) {
    return apiError(400, `limit must be a whole number (got "${raw}")`, [{ path: 'limit', message: 'expected an integer' }]);
  }
  const experiments = await listExperiments(await getDb(), { limit });
  return json({ experiments });
}
