/**
 * GET /api/lessons/[id]/leaderboard — 200 {objective, direction, closed, entries: [{rank|null, displayName,
 * score|null, status, error|null, submittedAt}]}, ranked by the server's scores; 404 unknown; 400 not a challenge.
 */
import { getDb } from '../../../../../db/client';
import { isLessonId } from '../../../../../db/lesson-payloads';
import { getLesson, leaderboard } from '../../../../../db/queries';
import { json } from '../../../_lib/responses';
import { refusal, unknownLesson } from '../../_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const db = await getDb();
  const lesson = isLessonId(id) ? await getLesson(db, id) : undefined;
  if (!lesson) return unknownLesson(id);
  const board = await leaderboard(db, lesson);
  return board ? json(board) : refusal('not-challenge', id);
}
