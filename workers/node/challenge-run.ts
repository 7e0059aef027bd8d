/**
 * The server's re-run of a challenge submission (issue 7). The client's numbers are never trusted: each scenario of
 * the challenge's fixed set x each of its seeds is run here, as a sweep run (sweep-execute.ts) with the lesson's
 * options, inside the isolation boundary (isolated-runner.ts: a separate OS process under Node's permission model,
 * a heap limit and a wall-clock budget per run). The score is the mean of the objective over those runs; the
 * first run that fails fails the submission, with its error and where it happened.
 *
 * All submissions of the process go through one queue, one at a time: a classroom submitting at once gets a line,
 * not thirty policy processes on a two-core server. A submission that loops forever holds the line for one budget
 * and is killed; the next one then runs.
 */
import { findBuiltin } from '../../db/sweep-options';
import type { LessonSpec } from '../../db/lesson-spec';
import { resolveLesson } from '../../db/lesson-runs';
import type { SubmissionPolicy } from '../../db/lesson-payloads';
import { encodeMetrics } from '../../db/queries/sweep-store';
import type { StoredSubmissionError, StoredSubmissionRun } from '../../db/schema';
import type { SweepPolicy } from '../../db/sweep-expand';
import { IsolatedRunner } from './isolated-runner';
import type { SweepTask, SweepTaskOutcome } from './sweep-execute';

export interface ChallengeOutcome {
  readonly status: 'done' | 'failed';
  /** Mean of the objective over the runs; null when the submission failed. */
  readonly score: number | null;
  /** The server's metrics of each run, in scenario-then-seed order (up to the failed one). */
  readonly runs: readonly StoredSubmissionRun[];
  readonly error: StoredSubmissionError | null;
}

/** What runs one task; the isolated runner in production, replaceable in tests. */
export interface ChallengeTaskRunner {
  run(task: SweepTask, limits: { readonly budgetSeconds: number; readonly memoryMb: number }): Promise<SweepTaskOutcome>;
  close(): void;
}

/** Refused before running: the queue is full. The route answers 503 so the student tries again. */
export class ChallengeBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`the server is re-running ${waiting} other submissions; try again in a minute`);
    this.name = 'ChallengeBusyError';
  }
}

/** Submissions waiting or running at most; beyond it a submission is refused rather than left waiting for minutes. */
export const MAX_QUEUED_SUBMISSIONS = 60;

// On globalThis rather than in a module variable: Next may evaluate this module once per route bundle, and two
// queues would run two submissions at once.
const QUEUE = Symbol.for('schedlab.challenge-queue');
interface Queue {
  tail: Promise<unknown>;
  size: number;
}
const holder = globalThis as { [QUEUE]?: Queue };
function queue(): Queue {
  return (holder[QUEUE] ??= { tail: Promise.resolve(), size: 0 });
}

/** Runs `job` after every job queued before it; throws ChallengeBusyError when the queue is full. */
export function enqueueChallengeJob<T>(job: () => Promise<T>): Promise<T> {
  const q = queue();
  if (q.size >= MAX_QUEUED_SUBMISSIONS) return Promise.reject(new ChallengeBusyError(q.size));
  q.size++;
  const result = q.tail.then(job).finally(() => {
    q.size--;
  });
  // The next job waits for this one to settle, whether it succeeded or not.
  q.tail = result.catch(() => undefined);
  return result;
}

/** Submissions waiting or running now (for tests and a status line). */
export function queuedChallengeJobs(): number {
  return queue().size;
}

function sweepPolicy(spec: LessonSpec, policy: SubmissionPolicy): SweepPolicy {
  if ('source' in policy) return { label: policy.fileName, source: policy.source, fileName: policy.fileName };
  const id = findBuiltin(spec.engine, policy.builtin)?.id ?? policy.builtin;
  return { label: id, builtin: id };
}

/** Runs every scenario x seed of the challenge, one after another, in one runner (closed at the end). */
async function runAll(spec: LessonSpec, policy: SubmissionPolicy, runner: ChallengeTaskRunner): Promise<ChallengeOutcome> {
  const challenge = spec.challenge;
  if (!challenge) throw new Error('not a challenge: the lesson has no challenge');
  const { challengeScenarios, options } = resolveLesson(spec);
  const limits = { budgetSeconds: challenge.budgetSeconds, memoryMb: challenge.memoryMb };
  const runs: StoredSubmissionRun[] = [];
  let total = 0;
  try {
    for (const scenario of challengeScenarios) {
      for (const seed of challenge.seeds) {
        const task: SweepTask = { engine: spec.engine, scenario, policy: sweepPolicy(spec, policy), params: {}, seed, options, artifacts: false };
        const outcome = await runner.run(task, limits);
        const where = { scenario: scenario.label, seed };
        if (outcome.status !== 'done' || outcome.error) {
          const error = outcome.error ?? { kind: 'crash' as const, message: 'the run failed without an error' };
          return { status: 'failed', score: null, runs, error: { ...where, kind: error.kind, message: error.message, ...(error.line === undefined ? {} : { line: error.line }) } };
        }
        runs.push({ ...where, metrics: encodeMetrics(outcome.metrics) });
        const value = outcome.metrics[challenge.objective];
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          const got = value === undefined ? 'does not report it' : `reports ${value}`;
          return { status: 'failed', score: null, runs, error: { ...where, kind: 'input', message: `the objective "${challenge.objective}" has no finite value for this run (the engine ${got})` } };
        }
        total += value;
      }
    }
  } finally {
    runner.close();
  }
  return { status: 'done', score: total / runs.length, runs, error: null };
}

/**
 * Re-runs a submission on the challenge's fixed set, after the submissions queued before it. `makeRunner` gives a
 * fresh runner per submission (default: an IsolatedRunner), so one student's process never serves another's code.
 */
export function runChallengeSubmission(spec: LessonSpec, policy: SubmissionPolicy, makeRunner: () => ChallengeTaskRunner = () => new IsolatedRunner()): Promise<ChallengeOutcome> {
  return enqueueChallengeJob(() => runAll(spec, policy, makeRunner()));
}
