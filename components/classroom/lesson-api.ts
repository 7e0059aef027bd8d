/**
 * The classroom pages' calls to the lesson API (app/api/lessons). A refused call throws LessonApiError with the
 * server's message, which names the field at fault (`spec.scenarios[0]: ...`), so a page can show it as it is.
 */
import type { LessonSpecInput } from '../../db/lesson-spec';

export class LessonApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'LessonApiError';
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const body = (await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }))) as T & { error?: string; issues?: { path: string; message: string }[] };
  if (!response.ok) {
    const issues = body.issues && body.issues.length > 0 ? body.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : '';
    throw new LessonApiError(issues && !body.error?.includes(issues) ? `${body.error ?? response.statusText} (${issues})` : (body.error ?? response.statusText), response.status);
  }
  return body;
}

export interface CreatedLesson {
  readonly id: string;
  readonly url: string;
  readonly teacherKey: string;
}

export function createLesson(spec: LessonSpecInput): Promise<CreatedLesson> {
  return call<CreatedLesson>('/api/lessons', { method: 'POST', body: JSON.stringify({ spec }) });
}

/** The teacher key of a lesson this browser made: it lets the teacher close the challenge and export its results. */
const TEACHER_KEY_PREFIX = 'schedlab.lesson-key.';

export function rememberTeacherKey(lessonId: string, key: string): void {
  try {
    localStorage.setItem(TEACHER_KEY_PREFIX + lessonId, key);
  } catch {
    // Storage full or blocked: the page shows the key once, so the teacher can keep it by hand.
  }
}

export function teacherKeyOf(lessonId: string): string | null {
  try {
    return localStorage.getItem(TEACHER_KEY_PREFIX + lessonId);
  } catch {
    return null;
  }
}

export interface LeaderboardEntry {
  readonly rank: number | null;
  readonly displayName: string;
  readonly score: number | null;
  readonly status: 'done' | 'failed';
  readonly error: { readonly kind: string; readonly message: string; readonly line?: number } | null;
  readonly submittedAt: string;
}

export interface Leaderboard {
  readonly objective: string;
  readonly direction: 'min' | 'max';
  readonly closed: boolean;
  readonly entries: readonly LeaderboardEntry[];
}

export function fetchLeaderboard(lessonId: string): Promise<Leaderboard> {
  return call<Leaderboard>(`/api/lessons/${lessonId}/leaderboard`);
}

export interface SubmissionPolicy {
  readonly source: string;
  readonly fileName: string;
}

export function submitToChallenge(lessonId: string, displayName: string, policy: SubmissionPolicy, claimed?: Readonly<Record<string, number>>): Promise<{ rank: number | null }> {
  return call(`/api/lessons/${lessonId}/submissions`, { method: 'POST', body: JSON.stringify({ displayName, policy, ...(claimed ? { claimed } : {}) }) });
}

export function closeChallenge(lessonId: string, teacherKey: string): Promise<unknown> {
  return call(`/api/lessons/${lessonId}/close`, { method: 'POST', body: JSON.stringify({ teacherKey }) });
}

export function resultsCsvUrl(lessonId: string, teacherKey: string): string {
  return `/api/lessons/${lessonId}/results.csv?key=${encodeURIComponent(teacherKey)}`;
}
