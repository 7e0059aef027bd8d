/**
 * The lessons part of the database, defined once and run on every driver (lessons-pglite.test.ts,
 * lessons-postgres.test.ts): content-addressed immutable lessons, teacher keys, closing, submissions and their
 * ranking, the results CSV. No policy runs here; submissions are stored as a re-run would store them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client';
import type { LessonRecord, LessonSpecInput } from '../../db/lesson-spec';
import { LessonSpecError } from '../../db/lesson-validate';
import { closeChallenge, getLesson, leaderboard, listLessons, resultsCsv, saveLesson, saveSubmission, type NewSubmission } from '../../db/queries';
import { BUILTIN_LESSONS } from '../../db/lessons';

const TABLES = ['lessons', 'lesson_teacher_keys', 'challenge_closures', 'challenge_submissions'] as const;

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

export const challengeSpec = (title = 'Makespan challenge'): LessonSpecInput => ({
  engine: 'jobshop',
  title,
  instructions: 'Lowest mean makespan wins.',
  scenarios: ['ft06', 'teach-6x4'],
  starter: { builtin: 'spt' },
  compare: ['mwkr'],
  challenge: { objective: 'makespan', seeds: [1, 2] },
});

/** A submission as the re-run stores it: per scenario x seed makespans, the score their mean. */
function done(displayName: string, makespans: readonly number[], claimed?: Record<string, number>): NewSubmission {
  const labels = ['ft06', 'ft06', 'teach-6x4', 'teach-6x4'];
  const metrics = makespans.map((makespan, i) => ({ scenario: labels[i], seed: (i % 2) + 1, metrics: { makespan, utilisation: 0.5 } }));
  return { displayName, policy: { builtin: 'mwkr' }, status: 'done', score: makespans.reduce((a, b) => a + b, 0) / makespans.length, metrics, error: null, ...(claimed ? { claimed } : {}) };
}

function failed(displayName: string, message: string): NewSubmission {
  return { displayName, policy: { source: 'export default 1;', fileName: 'p.ts' }, status: 'failed', score: null, metrics: [], error: { kind: 'budget', message, scenario: 'ft06', seed: 1 } };
}

/** Splits RFC 4180 text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), out.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return out;
}

export function defineLessonsDbSuite(driver: string, open: () => Promise<DbHandle>): void {
  describe(`lessons database on ${driver}`, () => {
    let handle: DbHandle;
    let db: Db;
    beforeAll(async () => {
      handle = await open();
      db = handle.db;
    });
    afterAll(async () => {
      await handle?.close();
    });
    beforeEach(async () => {
      await db.execute(sql.raw(`truncate ${TABLES.join(', ')}`));
    });

    it('migrations create the lesson tables', async () => {
      const tables = await rows(db, sql`select table_name from information_schema.tables where table_schema = 'public'`);
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining([...TABLES]));
    });

    it('save is idempotent on content: same spec, same id, a new teacher key each time', async () => {
      const first = await saveLesson(db, challengeSpec());
      expect(first.id).toMatch(/^[0-9a-f]{32}$/);
      expect(first.teacherKey).toMatch(/^[0-9a-f]{32}$/);
      expect(first.created).toBe(true);
      // The same lesson with its keys in another order and its defaults spelled out.
      const reordered = Object.fromEntries(Object.entries({ ...challengeSpec(), seed: 1, version: 1 }).reverse());
      const second = await saveLesson(db, reordered);
      expect(second.id).toBe(first.id);
      expect(second.created).toBe(false);
      expect(second.teacherKey).not.toBe(first.teacherKey);
      expect(await rows(db, sql`select count(*)::int as n from lessons`)).toEqual([{ n: 1 }]);
      const keys = await rows(db, sql`select key_hash from lesson_teacher_keys`);
      expect(keys).toHaveLength(2);
      // Only hashes are stored.
      expect(keys.map((k) => k.key_hash)).not.toContain(first.teacherKey);
    });

    it('a changed spec gets a new id and the first row stays exactly as it was', async () => {
      const first = await saveLesson(db, challengeSpec());
      const [before] = await rows(db, sql`select spec, spec_hash, created_at, title from lessons where id = ${first.id}`);
      const changed = await saveLesson(db, { ...challengeSpec(), instructions: 'New text.' });
      expect(changed.id).not.toBe(first.id);
      const [after] = await rows(db, sql`select spec, spec_hash, created_at, title from lessons where id = ${first.id}`);
      expect(after).toStrictEqual(before);
      expect((await getLesson(db, first.id))!.spec.instructions).toBe('Lowest mean makespan wins.');
      expect((await getLesson(db, changed.id))!.spec.instructions).toBe('New text.');
    });

    it('an invalid spec throws LessonSpecError and writes nothing', async () => {
      await expect(saveLesson(db, { ...challengeSpec(), scenarios: ['nope'] })).rejects.toThrow(LessonSpecError);
      expect(await rows(db, sql`select count(*)::int as n from lessons`)).toEqual([{ n: 0 }]);
      expect(await rows(db, sql`select count(*)::int as n from lesson_teacher_keys`)).toEqual([{ n: 0 }]);
    });

    it('getLesson: built-ins by slug, stored ones by hash with closed, undefined otherwise', async () => {
      expect(await getLesson(db, BUILTIN_LESSONS[0].id)).toBe(BUILTIN_LESSONS[0]);
      const { id } = await saveLesson(db, challengeSpec());
      const stored = await getLesson(db, id);
      expect(stored).toMatchObject({ id, builtin: false, closed: false, spec: { title: 'Makespan challenge', seed: 1 } });
      expect(Number.isNaN(Date.parse(stored!.createdAt!))).toBe(false);
      const plain = await saveLesson(db, { ...challengeSpec('plain'), challenge: undefined });
      expect((await getLesson(db, plain.id))!.closed).toBeUndefined();
      for (const missing of ['f'.repeat(32), 'jobshop-nope', 'DROP TABLE', '']) expect(await getLesson(db, missing)).toBeUndefined();
    });

    it('listLessons: the built-ins first, then stored lessons newest first', async () => {
      const a = await saveLesson(db, challengeSpec('first'));
      const b = await saveLesson(db, { ...challengeSpec('second'), challenge: undefined });
      const list = await listLessons(db);
      expect(list.slice(0, BUILTIN_LESSONS.length).map((l) => l.id)).toEqual(BUILTIN_LESSONS.map((l) => l.id));
      expect(list.slice(BUILTIN_LESSONS.length)).toMatchObject([
        { id: b.id, builtin: false, title: 'second', challenge: false },
        { id: a.id, builtin: false, title: 'first', challenge: true, closed: false },
      ]);
    });

    it('closeChallenge: needs one of the keys; built-ins and non-challenges cannot be closed; twice is fine', async () => {
      const { id, teacherKey } = await saveLesson(db, challengeSpec());
      const { teacherKey: otherKey } = await saveLesson(db, challengeSpec());
      expect(await closeChallenge(db, id, 'f'.repeat(32))).toEqual({ ok: false, reason: 'forbidden' });
      expect(await closeChallenge(db, id, 'not a key')).toEqual({ ok: false, reason: 'forbidden' });
      const builtin = BUILTIN_LESSONS.find((l) => l.spec.challenge)!;
      expect(await closeChallenge(db, builtin.id, teacherKey)).toEqual({ ok: false, reason: 'builtin' });
      const plain = await saveLesson(db, { ...challengeSpec('plain'), challenge: undefined });
      expect(await closeChallenge(db, plain.id, plain.teacherKey)).toEqual({ ok: false, reason: 'not-challenge' });
      expect(await closeChallenge(db, 'e'.repeat(32), teacherKey)).toEqual({ ok: false, reason: 'not-found' });
      expect((await getLesson(db, id))!.closed).toBe(false);
      const closed = await closeChallenge(db, id, otherKey);
      expect(closed.ok).toBe(true);
      expect((await getLesson(db, id))!.closed).toBe(true);
      expect(await closeChallenge(db, id, teacherKey)).toEqual(closed);
    });

    it('ranks by score in the objective direction, ties to the earlier submission, failed ones last', async () => {
      const { id } = await saveLesson(db, challengeSpec());
      const lesson = (await getLesson(db, id))!;
      const a = await saveSubmission(db, lesson, done('Ada', [60, 60, 40, 40]));
      expect(a).toMatchObject({ ok: true, rank: 1 });
      await saveSubmission(db, lesson, failed('Bob', 'ran past its budget'));
      const c = await saveSubmission(db, lesson, done('Cy', [55, 55, 36, 36], { makespan: 1 }));
      expect(c).toMatchObject({ ok: true, rank: 1, submission: { claimed: { makespan: 1 }, score: 45.5 } });
      const d = await saveSubmission(db, lesson, done('Di', [60, 60, 40, 40]));
      expect(d).toMatchObject({ ok: true, rank: 3 });
      const board = (await leaderboard(db, lesson))!;
      expect(board).toMatchObject({ objective: 'makespan', direction: 'min', closed: false });
      expect(board.entries.map((e) => [e.rank, e.displayName, e.score, e.status])).toEqual([
        [1, 'Cy', 45.5, 'done'],
        [2, 'Ada', 50, 'done'],
        [3, 'Di', 50, 'done'],
        [null, 'Bob', null, 'failed'],
      ]);
      expect(board.entries[3].error).toMatchObject({ kind: 'budget', scenario: 'ft06', seed: 1 });
    });

    it('ranks a max objective highest first', async () => {
      const { id } = await saveLesson(db, { ...challengeSpec(), challenge: { objective: 'utilisation' } });
      const lesson = (await getLesson(db, id))!;
      const at = (u: number): NewSubmission => ({ ...done('x', [50]), displayName: `u${u}`, score: u });
      for (const u of [0.5, 0.9, 0.7]) await saveSubmission(db, lesson, at(u));
      const board = (await leaderboard(db, lesson))!;
      expect(board.direction).toBe('max');
      expect(board.entries.map((e) => e.displayName)).toEqual(['u0.9', 'u0.7', 'u0.5']);
    });

    it('a closed challenge takes no submission, and a built-in challenge takes them without a lessons row', async () => {
      const { id, teacherKey } = await saveLesson(db, challengeSpec());
      const lesson = (await getLesson(db, id))!;
      await closeChallenge(db, id, teacherKey);
      // The record read before closing still says open: the store itself refuses.
      expect(await saveSubmission(db, lesson, done('Late', [1, 1, 1, 1]))).toEqual({ ok: false, reason: 'closed' });
      expect(await rows(db, sql`select count(*)::int as n from challenge_submissions`)).toEqual([{ n: 0 }]);
      const builtin: LessonRecord = BUILTIN_LESSONS.find((l) => l.spec.challenge)!;
      expect(await saveSubmission(db, builtin, done('Ada', [50]))).toMatchObject({ ok: true, rank: 1 });
    });

    it('results CSV: one row per submission in rank order, escaped, formulas defused; only with a key', async () => {
      const { id, teacherKey } = await saveLesson(db, challengeSpec());
      const lesson = (await getLesson(db, id))!;
      await saveSubmission(db, lesson, done('Smith, "J"', [60, 61, 40, 41]));
      await saveSubmission(db, lesson, done('=HYPERLINK("http://x")', [55, 56, 36, 37]));
      await saveSubmission(db, lesson, failed('@bob', 'line one\nline two, "quoted"'));
      await saveSubmission(db, lesson, done('-2+3', [70, 70, 50, 50]));
      expect(await resultsCsv(db, id, 'f'.repeat(32))).toEqual({ ok: false, reason: 'forbidden' });
      const result = await resultsCsv(db, id, teacherKey);
      if (!result.ok) throw new Error(result.reason);
      expect(result.fileName).toBe(`challenge-${id}-results.csv`);
      expect(result.csv.endsWith('\r\n')).toBe(true);
      const table = parseCsv(result.csv);
      expect(table[0]).toEqual(['rank', 'display_name', 'status', 'score (mean makespan)', 'makespan: ft06 seed 1', 'makespan: ft06 seed 2', 'makespan: teach-6x4 seed 1', 'makespan: teach-6x4 seed 2', 'submitted_at', 'error']);
      expect(table).toHaveLength(5);
      expect(table.slice(1).map((r) => r.slice(0, 8))).toEqual([
        ['1', `'=HYPERLINK("http://x")`, 'done', '46', '55', '56', '36', '37'],
        ['2', 'Smith, "J"', 'done', '50.5', '60', '61', '40', '41'],
        ['3', "'-2+3", 'done', '60', '70', '70', '50', '50'],
        ['', "'@bob", 'failed', '', '', '', '', ''],
      ]);
      expect(table[4][9]).toBe('budget: line one\nline two, "quoted"');
      expect(Number.isNaN(Date.parse(table[1][8]))).toBe(false);
      // Every cell that starts with a formula character in the file is quoted and defused.
      expect(result.csv).not.toMatch(/(^|,)[=+\-@]/m);
    });
  });
}
