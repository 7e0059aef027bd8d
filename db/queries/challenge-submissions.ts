/**
 * Challenge submissions: storing one as the server re-ran it, and ranking them. The rank is computed from the
 * stored rows every time (never kept in a column), so it cannot disagree with the scores.
 *
 * Ranking: submissions that ran are ordered by score in the objective's direction, a tie going to the earlier
 * submission; failed ones follow, oldest first, without a rank.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { BUILTIN_LESSON_ID, type LessonRecord } from '../lesson-spec';
import type { LeaderboardEntry, Leaderboard } from '../lesson-payloads';
import { objectiveDirection } from '../lesson-validate';
import { challengeClosures, challengeSubmissions, lessons, type StoredSubmissionError, type StoredSubmissionPolicy, type StoredSubmissionRun } from '../schema';

export interface NewSubmission {
  readonly displayName: string;
  readonly policy: StoredSubmissionPolicy;
  readonly status: 'done' | 'failed';
  /** Null exactly when the submission failed. */
  readonly score: number | null;
  readonly metrics: readonly StoredSubmissionRun[];
  readonly error: StoredSubmissionError | null;
  readonly claimed?: Readonly<Record<string, number>>;
}

export interface StoredSubmission extends Omit<NewSubmission, 'claimed'> {
  readonly id: string;
  readonly lessonId: string;
  readonly claimed: Readonly<Record<string, number>> | null;
  /** ISO 8601. */
  readonly submittedAt: string;
}

export type SaveSubmissionResult = { readonly ok: true; readonly submission: StoredSubmission; readonly rank: number | null } | { readonly ok: false; readonly reason: 'closed' };

type Row = typeof challengeSubmissions.$inferSelect;

function toStored(row: Row): StoredSubmission {
  return {
    id: row.id,
    lessonId: row.lessonId,
    displayName: row.displayName,
    policy: row.policy,
    status: row.status as StoredSubmission['status'],
    score: row.score,
    metrics: row.metrics,
    error: row.error ?? null,
    claimed: row.claimed ?? null,
    submittedAt: row.createdAt.toISOString(),
  };
}

/**
 * Stores a submission unless the challenge was closed meanwhile (the re-run takes seconds; a teacher may close it
 * during them). For a stored lesson the row is held FOR SHARE while the closure is checked, so a concurrent close
 * (FOR UPDATE) either comes before and is seen, or waits until this one is stored.
 */
export async function saveSubmission(db: Db, lesson: LessonRecord, submission: NewSubmission): Promise<SaveSubmissionResult> {
  if (!lesson.spec.challenge) throw new Error(`lesson ${lesson.id} is not a challenge`);
  if (submission.status === 'done' ? !Number.isFinite(submission.score) : submission.score !== null) throw new Error('a done submission needs a finite score, a failed one none');
  const id = randomBytes(16).toString('hex');
  const saved = await db.transaction(async (tx) => {
    if (!BUILTIN_LESSON_ID.test(lesson.id)) {
      await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.id, lesson.id)).for('share');
      const closed = await tx.select({ at: challengeClosures.closedAt }).from(challengeClosures).where(eq(challengeClosures.lessonId, lesson.id));
      if (closed.length > 0) return undefined;
    }
    const [row] = await tx
      .insert(challengeSubmissions)
      .values({
        id,
        lessonId: lesson.id,
        displayName: submission.displayName,
        policy: submission.policy,
        status: submission.status,
        score: submission.score,
        metrics: [...submission.metrics],
        error: submission.error,
        claimed: submission.claimed ? { ...submission.claimed } : null,
      })
      .returning();
    return row;
  });
  if (!saved) return { ok: false, reason: 'closed' };
  const ranked = await rankedSubmissions(db, lesson);
  return { ok: true, submission: toStored(saved), rank: ranked.find((r) => r.submission.id === id)?.rank ?? null };
}

export interface RankedSubmission {
  readonly rank: number | null;
  readonly submission: StoredSubmission;
}

/** Every submission of a challenge in leaderboard order, with its rank (null for a failed one). */
export async function rankedSubmissions(db: Db, lesson: LessonRecord): Promise<RankedSubmission[]> {
  const challenge = lesson.spec.challenge;
  if (!challenge) return [];
  const direction = objectiveDirection(lesson.spec.engine, challenge.objective);
  const rows = await db.select().from(challengeSubmissions).where(eq(challengeSubmissions.lessonId, lesson.id)).orderBy(asc(challengeSubmissions.createdAt), asc(challengeSubmissions.id));
  const all = rows.map(toStored);
  const sign = direction === 'min' ? 1 : -1;
  // Array.prototype.sort is stable, and the rows come oldest first: equal scores keep the earlier submission ahead.
  const done = all.filter((s) => s.status === 'done').sort((a, b) => sign * (a.score! - b.score!));
  const failed = all.filter((s) => s.status !== 'done');
  return [...done.map((submission, i) => ({ rank: i + 1, submission })), ...failed.map((submission) => ({ rank: null, submission }))];
}

/** The leaderboard a challenge page shows. */
export async function leaderboard(db: Db, lesson: LessonRecord): Promise<Leaderboard | undefined> {
  const challenge = lesson.spec.challenge;
  if (!challenge) return undefined;
  const ranked = await rankedSubmissions(db, lesson);
  const entries: LeaderboardEntry[] = ranked.map(({ rank, submission: s }) => ({ rank, displayName: s.displayName, score: s.score, status: s.status, error: s.error, submittedAt: s.submittedAt }));
  return { objective: challenge.objective, direction: objectiveDirection(lesson.spec.engine, challenge.objective), closed: lesson.closed === true, entries };
}
