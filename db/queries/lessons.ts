/**
 * Stored lessons (issue 7): saving a spec behind its content hash with a new teacher key, reading a lesson (the
 * built-ins first, then the database), listing them, and closing a challenge with its teacher key.
 *
 * A lesson row is only ever inserted: the same spec saved again finds its row and adds nothing but a key, and a
 * changed spec is a new row with a new id, so a link once shared always shows what it showed. Every write is one
 * transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { contentHash } from '../content-hash';
import { BUILTIN_LESSON_ID, LessonSpecSchema, STORED_LESSON_ID, type LessonRecord, type LessonSpec } from '../lesson-spec';
import { TEACHER_KEY, type LessonSummary } from '../lesson-payloads';
import { parseLessonSpec } from '../lesson-validate';
import { BUILTIN_LESSONS, findBuiltinLesson } from '../lessons';
import { challengeClosures, lessonTeacherKeys, lessons } from '../schema';

export interface SavedLesson {
  readonly id: string;
  /** 32 hex digits, new on every call; only its sha-256 is stored. */
  readonly teacherKey: string;
  /** False when the same spec was already stored (only the new key was written). */
  readonly created: boolean;
}

/** 128 bits of the spec hash, as for experiments: short enough for a link, far beyond accidental collisions. */
export function lessonIdOf(specHash: string): string {
  return specHash.slice(0, 32);
}

export function teacherKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Validates the spec (throws LessonSpecError naming each problem) and stores it under its content hash. What is
 * hashed is the parsed spec, defaults filled in, so `{seed: 1}` and a spec without a seed are the same lesson.
 */
export async function saveLesson(db: Db, input: unknown): Promise<SavedLesson> {
  const spec = parseLessonSpec(input);
  const specHash = contentHash(spec);
  const id = lessonIdOf(specHash);
  const teacherKey = randomBytes(16).toString('hex');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(lessons)
      .values({ id, engine: spec.engine, title: spec.title, spec, specHash })
      .onConflictDoNothing({ target: lessons.id })
      .returning({ id: lessons.id });
    if (inserted.length === 0) {
      const [existing] = await tx.select({ specHash: lessons.specHash }).from(lessons).where(eq(lessons.id, id));
      if (existing?.specHash !== specHash) throw new Error(`lesson id ${id} is taken by a different spec (truncated hash collision)`);
    }
    await tx.insert(lessonTeacherKeys).values({ lessonId: id, keyHash: teacherKeyHash(teacherKey) });
    return { id, teacherKey, created: inserted.length > 0 };
  });
}

function storedRecord(row: { id: string; spec: unknown; createdAt: Date; closedAt: Date | null }): LessonRecord {
  // Stored specs were parsed before they were saved; parsing again fills in defaults a later schema version added.
  const spec: LessonSpec = LessonSpecSchema.parse(row.spec);
  return { id: row.id, builtin: false, spec, createdAt: row.createdAt.toISOString(), ...(spec.challenge ? { closed: row.closedAt !== null } : {}) };
}

/** A lesson by id: a built-in slug or a stored content hash; undefined for anything else. */
export async function getLesson(db: Db, id: string): Promise<LessonRecord | undefined> {
  if (BUILTIN_LESSON_ID.test(id)) return findBuiltinLesson(id);
  if (!STORED_LESSON_ID.test(id)) return undefined;
  const [row] = await db
    .select({ id: lessons.id, spec: lessons.spec, createdAt: lessons.createdAt, closedAt: challengeClosures.closedAt })
    .from(lessons)
    .leftJoin(challengeClosures, eq(challengeClosures.lessonId, lessons.id))
    .where(eq(lessons.id, id));
  return row ? storedRecord(row) : undefined;
}

export const LESSON_LIST_LIMIT = 50;

/** The built-ins in their order, then the newest stored lessons (without their specs: a list needs no instances). */
export async function listLessons(db: Db, limit = LESSON_LIST_LIMIT): Promise<LessonSummary[]> {
  const builtins: LessonSummary[] = BUILTIN_LESSONS.map((l) => ({ id: l.id, builtin: true, engine: l.spec.engine, title: l.spec.title, challenge: l.spec.challenge !== undefined, ...(l.spec.challenge ? { closed: false } : {}) }));
  const rows = await db
    .select({
      id: lessons.id,
      engine: lessons.engine,
      title: lessons.title,
      createdAt: lessons.createdAt,
      challenge: sql<boolean>`(${lessons.spec} -> 'challenge') is not null`,
      closed: sql<boolean>`${challengeClosures.lessonId} is not null`,
    })
    .from(lessons)
    .leftJoin(challengeClosures, eq(challengeClosures.lessonId, lessons.id))
    .orderBy(desc(lessons.createdAt), lessons.id)
    .limit(Math.max(1, Math.min(LESSON_LIST_LIMIT, Math.floor(limit))));
  const stored: LessonSummary[] = rows.map((r) => ({ id: r.id, builtin: false, engine: r.engine, title: r.title, challenge: Boolean(r.challenge), ...(r.challenge ? { closed: Boolean(r.closed) } : {}), createdAt: r.createdAt.toISOString() }));
  return [...builtins, ...stored];
}

/** Why a teacher's request about a lesson was refused; the routes map each to a status (404, 400, 403). */
export type TeacherRefusal = 'not-found' | 'not-challenge' | 'builtin' | 'forbidden';

/** Whether `key` is one of the lesson's teacher keys (compared as hashes, so timing tells nothing about a key). */
export async function hasTeacherKey(db: Db, lessonId: string, key: string): Promise<boolean> {
  if (!TEACHER_KEY.test(key)) return false;
  const rows = await db
    .select({ lessonId: lessonTeacherKeys.lessonId })
    .from(lessonTeacherKeys)
    .where(and(eq(lessonTeacherKeys.lessonId, lessonId), eq(lessonTeacherKeys.keyHash, teacherKeyHash(key))));
  return rows.length > 0;
}

/** Checks that `id` is a stored challenge and `key` one of its keys; the lesson when it is. */
export async function teacherLesson(db: Db, id: string, key: string): Promise<{ ok: true; lesson: LessonRecord } | { ok: false; reason: TeacherRefusal }> {
  if (BUILTIN_LESSON_ID.test(id)) return findBuiltinLesson(id) ? { ok: false, reason: 'builtin' } : { ok: false, reason: 'not-found' };
  const lesson = await getLesson(db, id);
  if (!lesson) return { ok: false, reason: 'not-found' };
  if (!lesson.spec.challenge) return { ok: false, reason: 'not-challenge' };
  if (!(await hasTeacherKey(db, id, key))) return { ok: false, reason: 'forbidden' };
  return { ok: true, lesson };
}

export type CloseResult = { readonly ok: true; readonly closedAt: string } | { readonly ok: false; readonly reason: TeacherRefusal };

/**
 * Closes a stored challenge: no submission is accepted afterwards. Closing twice is fine and keeps the first time.
 * The lesson row is locked FOR UPDATE, which waits for submissions being saved (they hold it FOR SHARE), so none
 * is stored after the closure it did not see.
 */
export async function closeChallenge(db: Db, id: string, key: string): Promise<CloseResult> {
  const checked = await teacherLesson(db, id, key);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.id, id)).for('update');
    await tx.insert(challengeClosures).values({ lessonId: id }).onConflictDoNothing({ target: challengeClosures.lessonId });
    const [row] = await tx.select({ closedAt: challengeClosures.closedAt }).from(challengeClosures).where(eq(challengeClosures.lessonId, id));
    return { ok: true as const, closedAt: row.closedAt.toISOString() };
  });
}
