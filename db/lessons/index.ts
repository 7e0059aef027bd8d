/**
 * The built-in lessons: three or more per engine, simple to hard within each engine, job shop first. They live in
 * code, not in the database, so every installation has them and a new release can improve their text; their ids
 * are slugs (BUILTIN_LESSON_ID), never content hashes, so a link to one keeps working across such edits.
 *
 * test/lessons/builtin-lessons.test.ts checks that each one passes the server's validation and that every scenario
 * builds and every policy runs.
 */
import { LessonSpecSchema, type LessonRecord } from '../lesson-spec';
import type { BuiltinLessonSource } from './builtin-lesson';
import { JOBSHOP_LESSONS } from './jobshop-lessons';
import { LLM_LESSONS } from './llm-lessons';
import { VM_LESSONS } from './vm-lessons';

function toRecord({ id, spec }: BuiltinLessonSource): LessonRecord {
  const parsed = LessonSpecSchema.parse(spec);
  // A built-in challenge cannot be closed (it has no teacher key), so it is always open.
  return { id, builtin: true, spec: parsed, ...(parsed.challenge ? { closed: false } : {}) };
}

export const BUILTIN_LESSONS: readonly LessonRecord[] = [...JOBSHOP_LESSONS, ...VM_LESSONS, ...LLM_LESSONS].map(toRecord);

export function findBuiltinLesson(id: string): LessonRecord | undefined {
  return BUILTIN_LESSONS.find((lesson) => lesson.id === id);
}
