/**
 * The challenge re-run's queue and scoring, with a stand-in task runner (no processes): one submission at a time,
 * a full queue refused, a failure not blocking the next, the score the mean over scenario x seed, and an objective
 * a run does not report failing the submission instead of scoring it.
 */
import { describe, expect, it } from 'vitest';
import { parseLessonSpec } from '../../db/lesson-validate';
import type { SweepTask, SweepTaskOutcome } from '../../workers/node/sweep-execute';
import { ChallengeBusyError, MAX_QUEUED_SUBMISSIONS, enqueueChallengeJob, queuedChallengeJobs, runChallengeSubmission, type ChallengeTaskRunner } from '../../workers/node/challenge-run';

const spec = parseLessonSpec({
  engine: 'jobshop',
  title: 'Queue',
  instructions: '',
  scenarios: ['ft06', 'teach-6x4'],
  starter: { builtin: 'spt' },
  challenge: { objective: 'makespan', seeds: [1, 2] },
});

const outcome = (metrics: Record<string, number>, error: SweepTaskOutcome['error'] = null): SweepTaskOutcome => ({ status: error ? 'failed' : 'done', metrics, params: {}, artifact: null, error, elapsedMs: 1 });

function fakeRunner(answer: (task: SweepTask) => SweepTaskOutcome, log: string[] = []): () => ChallengeTaskRunner {
  return () => ({
    run: async (task, limits) => {
      log.push(`${task.scenario.label}/${task.seed}/${limits.budgetSeconds}/${task.policy.builtin ?? task.policy.fileName}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(task);
    },
    close: () => void log.push('close'),
  });
}

describe('challenge re-run queue', () => {
  it('runs one job at a time, in order, and a failed job does not block the next', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      order.push(n);
      if (fail) throw new Error(`job ${n} failed`);
      return n;
    };
    const results = await Promise.allSettled([enqueueChallengeJob(job(1)), enqueueChallengeJob(job(2, true)), enqueueChallengeJob(job(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(order).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    expect(queuedChallengeJobs()).toBe(0);
  });

  it('refuses a job when the queue is full', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: MAX_QUEUED_SUBMISSIONS }, () => enqueueChallengeJob(() => gate));
    await expect(enqueueChallengeJob(async () => 1)).rejects.toBeInstanceOf(ChallengeBusyError);
    release();
    await Promise.all(held);
    await expect(enqueueChallengeJob(async () => 2)).resolves.toBe(2);
  });

  it('scores the mean of the objective over scenario x seed, with the challenge limits, and closes the runner', async () => {
    const log: string[] = [];
    const makespan = { ft06: 60, 'teach-6x4': 40 } as Record<string, number>;
    const result = await runChallengeSubmission(spec, { builtin: 'FDD/MWKR' }, fakeRunner((t) => outcome({ makespan: makespan[t.scenario.label] + t.seed }), log));
    expect(result).toMatchObject({ status: 'done', score: (61 + 62 + 41 + 42) / 4, error: null });
    expect(result.runs.map((r) => [r.scenario, r.seed])).toEqual([['ft06', 1], ['ft06', 2], ['teach-6x4', 1], ['teach-6x4', 2]]);
    expect(log).toEqual(['ft06/1/20/fdd-mwkr', 'ft06/2/20/fdd-mwkr', 'teach-6x4/1/20/fdd-mwkr', 'teach-6x4/2/20/fdd-mwkr', 'close']);
  });

  it('the first failed run fails the submission with its error and where it happened', async () => {
    const log: string[] = [];
    const result = await runChallengeSubmission(
      spec,
      { source: 'x', fileName: 'mine.ts' },
      fakeRunner((t) => (t.seed === 2 ? outcome({}, { kind: 'policy', message: 'mine.ts:3: boom', line: 3 }) : outcome({ makespan: 50 })), log),
    );
    expect(result).toEqual({ status: 'failed', score: null, runs: [{ scenario: 'ft06', seed: 1, metrics: { makespan: 50 } }], error: { kind: 'policy', message: 'mine.ts:3: boom', line: 3, scenario: 'ft06', seed: 2 } });
    expect(log.at(-1)).toBe('close');
  });

  it('a run that does not report the objective fails the submission instead of scoring it', async () => {
    const result = await runChallengeSubmission(spec, { builtin: 'spt' }, fakeRunner(() => outcome({ makespan: Number.NaN })));
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ kind: 'input', scenario: 'ft06', seed: 1 });
    expect(result.runs[0].metrics.makespan).toBe('NaN');
  });
});
