/**
 * POST /api/lessons {spec} — store a lesson ("Make lesson"): 201 {id, url: '/lessons/<id>', teacherKey}. The id is
 * the spec's content hash, so the same spec gives the same link (with a new teacher key each time); 400 naming each
 * bad field (`spec.challenge.objective`); 413 for a body over LESSON_BODY_LIMITS.lesson.
 * GET /api/lessons — 200 {lessons: LessonSummary[]}: the built-ins, then the newest stored lessons.
 */
import { getDb } from '../../../db/client';
import { CreateLessonPayloadSchema, LESSON_BODY_LIMITS, type CreateLessonResponse } from '../../../db/lesson-payloads';
import { validateLessonSpec } from '../../../db/lesson-validate';
import { listLessons, saveLesson } from '../../../db/queries';
import { readJsonBody } from '../_lib/read-json-body';
import { json, schemaError } from '../_lib/responses';
import { bodyError } from '../_lib/sweep-errors';
import { issuesError } from './_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, LESSON_BODY_LIMITS.lesson);
  if (!body.ok) return bodyError(body);
  const parsed = CreateLessonPayloadSchema.safeParse(body.value);
  if (!parsed.success) return schemaError(parsed.error);
  const validated = validateLessonSpec(parsed.data.spec, 'spec');
  if (!validated.ok) return issuesError(validated.issues);
  const { id, teacherKey } = await saveLesson(await getDb(), validated.spec);
  const response: CreateLessonResponse = { id, url: `/lessons/${id}`, teacherKey };
  return json(response, 201);
}

export async function GET(): Promise<Response> {
  return json({ lessons: await listLessons(await getDb()) });
}
