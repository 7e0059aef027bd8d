/**
 * POST /api/sweeps/[id]/runs {runs, alive?, workers?} — store finished runs (all or none): 200 {stored} (how many
 * were new; a run posted again is stored once); 400 naming the bad field, or a run key that is not this sweep's;
 * 404 for an unknown sweep; 413 for an oversized body.
 */
import { getDb } from '../../../../../db/client';
import { storeBrowserSweepRuns } from '../../../../../db/queries';
import { isSweepId, PostSweepRunsPayloadSchema } from '../../../../../db/sweep-payloads';
import { readJsonBody } from '../../../_lib/read-json-body';
import { apiError, json, schemaError } from '../../../_lib/responses';
import { bodyError, specErrorResponse } from '../../../_lib/sweep-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!isSweepId(id)) return apiError(404, `no sweep "${id}" (a sweep id is 32 hex digits)`);
  const body = await readJsonBody(request);
  if (!body.ok) return bodyError(body);
  const parsed = PostSweepRunsPayloadSchema.safeParse(body.value);
  if (!parsed.success) return schemaError(parsed.error);
  try {
    const result = await storeBrowserSweepRuns(await getDb(), id, parsed.data);
    return result ? json(result) : apiError(404, `no sweep "${id}"`);
  } catch (error) {
    return specErrorResponse(error);
  }
}
