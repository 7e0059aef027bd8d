/**
 * POST /api/sweeps {spec, workers?} — create a sweep this browser will run: 201 {id, total, url}; 400 naming each
 * bad field of the spec (`spec.policies[1].params`); 413 for a body over MAX_BODY_BYTES.
 * GET /api/sweeps — the newest sweeps with their status: 200 {sweeps: SweepStatus[]}.
 */
import { getDb } from '../../../db/client';
import { createBrowserSweep, listSweeps } from '../../../db/queries';
import { CreateSweepPayloadSchema } from '../../../db/sweep-payloads';
import { readJsonBody } from '../_lib/read-json-body';
import { json, schemaError } from '../_lib/responses';
import { bodyError, specErrorResponse } from '../_lib/sweep-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return bodyError(body);
  const parsed = CreateSweepPayloadSchema.safeParse(body.value);
  if (!parsed.success) return schemaError(parsed.error);
  try {
    const { id, total } = await createBrowserSweep(await getDb(), parsed.data.spec, parsed.data.workers);
    return json({ id, total, url: `/sweeps/${id}` }, 201);
  } catch (error) {
    return specErrorResponse(error, 'spec.');
  }
}

export async function GET(): Promise<Response> {
  return json({ sweeps: await listSweeps(await getDb(), 50) });
}
