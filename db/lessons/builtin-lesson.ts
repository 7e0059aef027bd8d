/** The shape every built-in lesson file exports: a stable slug id and the lesson as a teacher would write it. */
import type { LessonSpecInput } from '../lesson-spec';

export interface BuiltinLessonSource {
  /** A slug matching BUILTIN_LESSON_ID (`jobshop-spt-makespan`); it is the lesson's link, so it never changes. */
  readonly id: string;
  readonly spec: LessonSpecInput;
}

/** Joins paragraphs with blank lines, so the Markdown in the lesson files reads as prose. */
export function markdown(...blocks: readonly string[]): string {
  return blocks.join('\n\n');
}
