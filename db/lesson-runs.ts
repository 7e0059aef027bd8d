/**
 * What a lesson runs, resolved from its spec: the scenario entries as the sweep expander resolves them (labels
 * filled in, ids checked) and the engine options as the engine's sweep option schema parses them. The lesson page
 * builds its runs in the browser from these, and the challenge re-run on the server builds its SweepTasks from them,
 * both through workers/sweep-run-inputs.ts — so a student's tab and the leaderboard run the same thing.
 */
import type { LessonSpec } from './lesson-spec';
import { LessonSpecError } from './lesson-validate';
import { scenarioOf, type Issue, type SweepScenario } from './sweep-expand';
import { SWEEP_OPTION_SCHEMAS } from './sweep-options';

export interface ResolvedLesson {
  readonly scenarios: readonly SweepScenario[];
  /** The challenge's fixed set: its own scenarios, or the lesson's. Empty when the lesson is not a challenge. */
  readonly challengeScenarios: readonly SweepScenario[];
  readonly options: Readonly<Record<string, unknown>>;
}

/** Throws LessonSpecError naming the entry when a scenario or option no longer resolves (say, a removed preset). */
export function resolveLesson(spec: LessonSpec): ResolvedLesson {
  const issues: Issue[] = [];
  const resolve = (entries: LessonSpec['scenarios'], at: string) =>
    entries.flatMap((entry, i) => {
      const scenario = scenarioOf(spec.engine, entry, `${at}[${i}]`, issues);
      return scenario ? [scenario] : [];
    });
  const scenarios = resolve(spec.scenarios, 'spec.scenarios');
  const challengeScenarios = spec.challenge ? (spec.challenge.scenarios ? resolve(spec.challenge.scenarios, 'spec.challenge.scenarios') : scenarios) : [];
  const options = SWEEP_OPTION_SCHEMAS[spec.engine].safeParse(spec.options);
  if (!options.success) issues.push(...options.error.issues.map((issue) => ({ path: `spec.options.${issue.path.join('.')}`, message: issue.message })));
  if (issues.length > 0) throw new LessonSpecError(issues);
  return { scenarios, challengeScenarios, options: options.success ? (options.data as Record<string, unknown>) : {} };
}
