/**
 * GET /api/lessons/[id]/results.csv?key=<teacherKey> — the challenge's submissions as CSV (text/csv, an
 * attachment); 403 for a wrong key or a built-in challenge; 404 unknown; 400 not a challenge.
 */
import { getDb } from '../../../../../db/client';
import { isLessonId } from '../../../../../db/lesson-payloads';
import { resultsCsv } from '../../../../../db/queries';
import { refusal, unknownLesson } from '../../_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  if (!isLessonId(id)) return unknownLesson(id);
  const key = new URL(request.url).searchParams.get('key') ?? '';
  const result = await resultsCsv(await getDb(), id, key);
  if (!result.ok) return refusal(result.reason, id);
  return new Response(result.csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.fileName}"`,
      // The key is in the URL: keep the answer out of every cache.
      'cache-control': 'no-store',
    },
  });
}
