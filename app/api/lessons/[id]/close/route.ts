/**
 * POST /api/lessons/[id]/close {teacherKey} — close a stored challenge: 200 {closed: true, closedAt} (again: the
 * first time); 403 for a wrong key or a built-in challenge; 404 unknown; 400 not a challenge or a bad body.
 */
import { getDb } from '../../../../../db/client';
import { ClosePayloadSchema, LESSON_BODY_LIMITS, isLessonId } from '../../../../../db/lesson-payloads';
import { closeChallenge } from '../../../../../db/queries';
import { readJsonBody } from '../../../_lib/read-json-body';
import { json, schemaError } from '../../../_lib/responses';
import { bodyError } from '../../../_lib/sweep-errors';
import { refusal, unknownLesson } from '../../_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!isLessonId(id)) return unknownLesson(id);
  const body = await readJsonBody(request, LESSON_BODY_LIMITS.close);
  if (!body.ok) return bodyError(body);
  const parsed = ClosePayloadSchema.safeParse(body.value);
  if (!parsed.success) return schemaError(parsed.error);
  const result = await closeChallenge(await getDb(), id, parsed.data.teacherKey);
  return result.ok ? json({ closed: true, closedAt: result.closedAt }) : refusal(result.reason, id);
}
