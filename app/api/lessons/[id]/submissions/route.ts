/**
 * POST /api/lessons/[id]/submissions {displayName, policy: {source, fileName} | {builtin}, claimed?} — the server
 * re-runs the policy on the challenge's fixed set in the isolation boundary (workers/node/challenge-run.ts) and
 * stores the outcome: 201 {submission, rank} (rank null when the re-run failed; a failure is a result too).
 * `claimed` is stored beside the server's metrics and never used for the score.
 * 400 bad body or not a challenge; 404 unknown lesson; 409 the challenge is closed; 503 too many submissions queued.
 */
import { getDb } from '../../../../../db/client';
import { LESSON_BODY_LIMITS, SubmitPayloadSchema, isLessonId } from '../../../../../db/lesson-payloads';
import { builtinPolicyIssues } from '../../../../../db/lesson-validate';
import { getLesson, saveSubmission } from '../../../../../db/queries';
import { ChallengeBusyError, runChallengeSubmission } from '../../../../../workers/node/challenge-run';
import { readJsonBody } from '../../../_lib/read-json-body';
import { apiError, json, schemaError } from '../../../_lib/responses';
import { bodyError } from '../../../_lib/sweep-errors';
import { issuesError, refusal, unknownLesson } from '../../_lib/lesson-responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const closed = (id: string) => apiError(409, `challenge "${id}" is closed: it takes no more submissions`);

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const db = await getDb();
  const lesson = isLessonId(id) ? await getLesson(db, id) : undefined;
  if (!lesson) return unknownLesson(id);
  if (!lesson.spec.challenge) return refusal('not-challenge', id);
  if (lesson.closed) return closed(id);

  const body = await readJsonBody(request, LESSON_BODY_LIMITS.submission);
  if (!body.ok) return bodyError(body);
  const parsed = SubmitPayloadSchema.safeParse(body.value);
  if (!parsed.success) return schemaError(parsed.error);
  const { displayName, policy, claimed } = parsed.data;
  if ('builtin' in policy) {
    const issues = builtinPolicyIssues(lesson.spec, policy.builtin, 'policy.builtin');
    if (issues.length > 0) return issuesError(issues, 'invalid payload');
  }

  let outcome;
  try {
    outcome = await runChallengeSubmission(lesson.spec, policy);
  } catch (error) {
    if (error instanceof ChallengeBusyError) return apiError(503, error.message);
    throw error;
  }
  const saved = await saveSubmission(db, lesson, { displayName, policy, status: outcome.status, score: outcome.score, metrics: outcome.runs, error: outcome.error, claimed });
  if (!saved.ok) return closed(id);
  // The policy is the student's own; the answer does not echo a 200 kB source back.
  const { policy: _policy, ...submission } = saved.submission;
  return json({ submission, rank: saved.rank }, 201);
}
