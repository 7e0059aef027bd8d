/**
 * A challenge's results as CSV for the teacher (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it
 * holds a comma, a quote or a line break). One row per submission in leaderboard order: rank, display name, status,
 * score, the objective of each scenario x seed run, submission time, error.
 *
 * Display names, labels and error messages come from students and teachers, and a spreadsheet runs a cell that
 * starts with = + - or @ as a formula ("CSV injection"). Such a text cell is prefixed with an apostrophe, which
 * spreadsheets show as text, and quoted. Numbers are written as numbers: a negative score is not a formula.
 */
import type { Db } from '../client';
import type { LessonRecord } from '../lesson-spec';
import { resolveLesson } from '../lesson-runs';
import { rankedSubmissions } from './challenge-submissions';
import { teacherLesson, type TeacherRefusal } from './lessons';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, escaped and defused. */
export function csvText(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused) || defused !== value ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** A number cell (empty for a missing value); non-finite values as their names, which are not formulas. */
export function csvNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : csvText(value);
}

function csvRow(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

/** The run columns of a challenge: each scenario of its fixed set x each seed, in the order the re-run uses. */
function runColumns(lesson: LessonRecord): { scenario: string; seed: number }[] {
  const scenarios = resolveLesson(lesson.spec).challengeScenarios;
  return scenarios.flatMap((s) => lesson.spec.challenge!.seeds.map((seed) => ({ scenario: s.label, seed })));
}

export async function challengeCsv(db: Db, lesson: LessonRecord): Promise<string> {
  const objective = lesson.spec.challenge!.objective;
  const columns = runColumns(lesson);
  const header = ['rank', 'display_name', 'status', `score (mean ${objective})`, ...columns.map((c) => `${objective}: ${c.scenario} seed ${c.seed}`), 'submitted_at', 'error'];
  let csv = csvRow(header.map(csvText));
  for (const { rank, submission } of await rankedSubmissions(db, lesson)) {
    const perRun = columns.map((c) => submission.metrics.find((m) => m.scenario === c.scenario && m.seed === c.seed)?.metrics[objective]);
    const error = submission.error ? `${submission.error.kind}: ${submission.error.message}` : '';
    csv += csvRow([csvNumber(rank), csvText(submission.displayName), submission.status, csvNumber(submission.score), ...perRun.map(csvNumber), submission.submittedAt, csvText(error)]);
  }
  return csv;
}

export type ResultsCsv = { readonly ok: true; readonly csv: string; readonly fileName: string } | { readonly ok: false; readonly reason: TeacherRefusal };

/** The results of a stored challenge for the holder of one of its teacher keys. */
export async function resultsCsv(db: Db, id: string, key: string): Promise<ResultsCsv> {
  const checked = await teacherLesson(db, id, key);
  if (!checked.ok) return checked;
  return { ok: true, csv: await challengeCsv(db, checked.lesson), fileName: `challenge-${id}-results.csv` };
}
