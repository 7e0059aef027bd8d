/**
 * What "Make lesson" starts from: the lab's state (its scenarios, the editor's policy, the built-ins ticked, the
 * seed and the engine options) as the parts of a lesson spec. A catalogue scenario or an LLM preset is kept by id,
 * so the lesson stays small and readable; a generated or imported one is kept as the data itself, so the lesson
 * shows exactly what the teacher had on screen.
 */
import type { LessonSpecInput } from '../../db/lesson-spec';
import type { ScenarioEntry } from '../../db/sweep-spec';
import type { ScenarioChoice } from '../state/lab-types';
import type { LlmLabState } from '../state/llm-lab-store';
import type { VmScenarioChoice } from '../state/vm-lab-types';
import { clusterSpec } from '../llm-lab/llm-run-requests';

/** The lab-derived part of a lesson; the teacher adds title, text, questions, hidden controls and a challenge. */
export type LessonDraft = Pick<LessonSpecInput, 'engine' | 'scenarios' | 'starter' | 'compare' | 'seed' | 'options'>;

const VM_CATALOGUE_PREFIX = 'catalogue:';

export function jobshopLessonDraft(lab: {
  readonly scenarios: readonly ScenarioChoice[];
  readonly builtinIds: readonly string[];
  readonly seed: number;
  readonly scheme: string;
  readonly source: string;
}): LessonDraft {
  const scenarios: ScenarioEntry[] = lab.scenarios.map((s) =>
    s.origin === 'catalogue' ? { id: s.key, label: s.label } : { label: s.label, instance: s.instance as unknown as Record<string, unknown> },
  );
  return { engine: 'jobshop', scenarios, starter: { source: lab.source, fileName: 'my-policy.ts' }, compare: [...lab.builtinIds], seed: lab.seed, options: { scheme: lab.scheme } };
}

export function vmLessonDraft(lab: {
  readonly scenario: VmScenarioChoice | null;
  readonly builtinIds: readonly string[];
  readonly seed: number;
  readonly mnl: number | null;
  readonly objective: string;
  readonly drift: boolean;
  readonly decisionSeconds: number | null;
  readonly source: string;
}): LessonDraft {
  const s = lab.scenario;
  const scenarios: ScenarioEntry[] = !s
    ? []
    : s.origin === 'catalogue' && s.key.startsWith(VM_CATALOGUE_PREFIX)
      ? [{ id: s.key.slice(VM_CATALOGUE_PREFIX.length), label: s.label }]
      : [{ label: s.label, instance: s.scenario as unknown as Record<string, unknown> }];
  const options: Record<string, unknown> = { objective: lab.objective, ...(lab.mnl === null ? {} : { mnl: lab.mnl }) };
  // A lesson must replay the same way for every student, so drift keeps a fixed decision time (the measured one
  // differs between machines); the lab's "measured" setting becomes 0 s.
  if (lab.drift) options.drift = { decisionSeconds: lab.decisionSeconds ?? 0 };
  return { engine: 'vm', scenarios, starter: { source: lab.source, fileName: 'my-vm-policy.ts' }, compare: [...lab.builtinIds], seed: lab.seed, options };
}

export function llmLessonDraft(lab: Pick<LlmLabState, 'workload' | 'cluster' | 'builtinIds' | 'seed'> & { readonly source: string }): LessonDraft {
  const w = lab.workload;
  const cluster = clusterSpec(lab.cluster) as unknown as Record<string, unknown>;
  const scenarios: ScenarioEntry[] = w.origin === 'preset' ? [{ id: w.presetId, label: w.label }] : [{ label: w.label, instance: w.scenario as unknown as Record<string, unknown> }];
  const options: Record<string, unknown> = {
    cluster,
    ...(w.rate === undefined ? {} : { rate: w.rate }),
    ...(w.origin === 'preset' && w.duration !== undefined ? { duration: w.duration } : {}),
  };
  return { engine: 'llm', scenarios, starter: { source: lab.source, fileName: 'my-llm-policy.ts' }, compare: [...lab.builtinIds], seed: lab.seed, options };
}
