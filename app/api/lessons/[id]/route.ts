/** GET /api/lessons/[id] — a lesson: 200 LessonRecord (built-in or stored); 404 for an unknown id. */
import { getDb } from '../../../../db/client';
import { getLesson } from '../../../../db/queries';
import { isLessonId } from '../../../../db/lesson-payloads';
import { json } from '../../_lib/responses';
import { unknownLesson } from '../_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const lesson = isLessonId(id) ? await getLesson(await getDb(), id) : undefined;
  return lesson ? json(lesson) : unknownLesson(id);
}
