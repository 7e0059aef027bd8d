/**
 * The policies a lesson offers: the student's (the editor's source, or the starter as it is when the editor is
 * hidden) and the built-ins the teacher listed to compare with.
 */
import type { LessonSpec } from '../../db/lesson-spec';
import type { SweepPolicy } from '../../db/sweep-expand';
import type { SweepEngineId } from '../../db/sweep-spec';
import { findBuiltin } from '../../db/sweep-options';
import { findLlmPolicyTemplate, findPolicyTemplate, findVmPolicyTemplate } from '../editor';

export const STUDENT_POLICY = 'student';

export interface LessonPolicyOption {
  /** STUDENT_POLICY or a built-in id. */
  readonly key: string;
  readonly label: string;
}

const TEMPLATE_FINDERS = { jobshop: findPolicyTemplate, vm: findVmPolicyTemplate, llm: findLlmPolicyTemplate } as const;

/** What the editor starts with: the starter's source, or for a built-in starter its file as a template. */
export function starterSource(spec: LessonSpec): string {
  if ('source' in spec.starter) return spec.starter.source;
  return TEMPLATE_FINDERS[spec.engine](spec.starter.builtin)?.source ?? '';
}

export function starterFileName(spec: LessonSpec): string {
  return 'source' in spec.starter ? spec.starter.fileName : `my-${spec.starter.builtin}.ts`;
}

export function lessonPolicyOptions(spec: LessonSpec, editorShown: boolean): LessonPolicyOption[] {
  const starterLabel = editorShown ? 'Your policy (the editor)' : 'source' in spec.starter ? 'The starter policy' : labelOf(spec.engine, spec.starter.builtin);
  const compare = spec.compare.filter((id) => editorShown || 'source' in spec.starter || id !== spec.starter.builtin);
  return [{ key: STUDENT_POLICY, label: starterLabel }, ...compare.map((id) => ({ key: id, label: labelOf(spec.engine, id) }))];
}

function labelOf(engine: SweepEngineId, id: string): string {
  return findBuiltin(engine, id)?.label ?? id;
}

/** The policy to run for a picker choice; the student's is the editor's source unless the editor is hidden. */
export function lessonSweepPolicy(spec: LessonSpec, key: string, editorShown: boolean, source: string): SweepPolicy {
  if (key !== STUDENT_POLICY) return { label: labelOf(spec.engine, key), builtin: findBuiltin(spec.engine, key)?.id ?? key };
  if (!editorShown && 'builtin' in spec.starter) return { label: labelOf(spec.engine, spec.starter.builtin), builtin: findBuiltin(spec.engine, spec.starter.builtin)?.id ?? spec.starter.builtin };
  return { label: editorShown ? 'Your policy' : 'Starter policy', source: editorShown ? source : starterSource(spec), fileName: starterFileName(spec) };
}
