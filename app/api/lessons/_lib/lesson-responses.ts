/** The lesson API's answers to refused requests, in one place so every lesson route says them the same way. */
import type { LessonIssue } from '../../../../db/lesson-validate';
import type { TeacherRefusal } from '../../../../db/queries';
import { apiError } from '../../_lib/responses';

/** 400 naming every bad field (`spec.scenarios[0]: unknown jobshop scenario "xx" ...`); the first is in `error`. */
export function issuesError(issues: readonly LessonIssue[], what = 'invalid lesson'): Response {
  const first = issues[0];
  return apiError(400, first ? `${what}: ${first.path ? `${first.path}: ` : ''}${first.message}` : what, issues.slice(0, 50));
}

export function unknownLesson(id: string): Response {
  return apiError(404, `no lesson "${id}"`);
}

const REFUSALS: Record<TeacherRefusal, [number, string]> = {
  'not-found': [404, 'no such lesson'],
  'not-challenge': [400, 'this lesson is not a challenge'],
  builtin: [403, 'a built-in challenge has no teacher key: it cannot be closed or exported'],
  forbidden: [403, 'wrong teacher key for this lesson'],
};

export function refusal(reason: TeacherRefusal, id: string): Response {
  const [status, message] = REFUSALS[reason];
  return apiError(status, reason === 'not-found' ? `no lesson "${id}"` : message);
}
