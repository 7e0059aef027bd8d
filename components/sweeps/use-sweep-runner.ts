'use client';
import { useCallback, useRef, useState } from 'react';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { postedRunOf, sweepRunRequest } from '../../workers/browser/sweep-run-request';
import type { PostedSweepRun } from '../../db/sweep-payloads';
import { sweepApi } from './sweep-api';
import { useRunPool } from '../lab/use-run-pool';

export interface SweepProgress {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  readonly etaMs: number;
  readonly error: string | null;
}

/** Runs per post (the API takes up to MAX_POSTED_RUNS; job-shop schedules make each run tens of kB). */
const POST_BATCH = 100;
/** The tab's sign of life while runs are in progress (the server takes 30 s of silence as a stopped sweep). */
const HEARTBEAT_MS = 5_000;

const IDLE: SweepProgress = { running: false, done: 0, total: 0, etaMs: 0, error: null };

/**
 * Runs the sweep's unfinished runs on this tab's Web Worker pool and posts each one as it finishes, so a closed tab
 * or a crash loses no finished run and Run again (Resume) asks the server for what is left. Posts go one at a time:
 * the runs that finish while one is in flight go together in the next, in one transaction. Stop ends the runs in
 * progress (they are not stored) and tells the server the sweep stopped. `onStored` fires after every post.
 */
export function useSweepRunner(sweepId: string, onStored: () => void) {
  const poolRef = useRunPool();
  const [progress, setProgress] = useState<SweepProgress>(IDLE);
  const onStoredRef = useRef(onStored);
  onStoredRef.current = onStored;

  const run = useCallback(async () => {
    const pool = poolRef.current;
    if (!pool) return;
    setProgress({ ...IDLE, running: true });
    const pending: PostedSweepRun[] = [];
    let posting: Promise<void> = Promise.resolve();
    let postError: string | null = null;
    // One post at a time, at most POST_BATCH runs each (a long backlog goes in several posts, so one large or bad
    // batch cannot block the rest); an empty post is the heartbeat that keeps a long run from looking stopped.
    const flush = (alive: boolean): Promise<void> => {
      posting = posting.then(async () => {
        do {
          const runs = pending.splice(0, POST_BATCH);
          try {
            await sweepApi.postRuns(sweepId, { runs, alive: alive || pending.length > 0, workers: pool.size });
            postError = null;
            setProgress((p) => ({ ...p, error: null }));
            onStoredRef.current();
          } catch (error) {
            pending.unshift(...runs); // kept for the next post; nothing is lost while the tab is open
            postError = `could not store runs: ${(error as Error).message}`;
            setProgress((p) => ({ ...p, error: postError }));
            return;
          }
        } while (pending.length > 0);
      });
      return posting;
    };
    const heartbeat = setInterval(() => void flush(true), HEARTBEAT_MS);
    try {
      const plan = await sweepApi.plan(sweepId);
      const planned = new Map(plan.runs.map((r) => [r.key, r]));
      const requests: RunRequest[] = [];
      for (const run of plan.runs) {
        try {
          requests.push(sweepRunRequest(plan, run));
        } catch (error) {
          // A scenario that cannot be built is that run's failure, stored like any other.
          pending.push(postedRunOf(plan, run, { ok: false, failure: { kind: 'input', message: (error as Error).message } }));
        }
      }
      const alreadyDone = plan.total - plan.runs.length;
      setProgress({ running: true, done: alreadyDone, total: plan.total, etaMs: 0, error: null });
      await pool.run(requests, {
        budgetMs: plan.budgetSeconds * 1000,
        onProgress: (done, _total, etaMs) => setProgress((p) => ({ ...p, done: alreadyDone + done, etaMs: etaMs ?? 0 })),
        onOutcome: (key, outcome) => {
          // A stopped run did not finish: it stays in the plan for the next Run.
          if (!outcome.ok && outcome.failure.kind === 'stopped') return;
          pending.push(postedRunOf(plan, planned.get(key)!, outcome, plan.artifacts));
          void flush(true);
        },
      });
      clearInterval(heartbeat);
      await flush(false);
      setProgress((p) => ({ ...p, running: false, error: postError }));
    } catch (error) {
      clearInterval(heartbeat);
      await flush(false);
      setProgress((p) => ({ ...p, running: false, error: (error as Error).message }));
    }
  }, [sweepId, poolRef]);

  const stop = useCallback(() => poolRef.current?.stop(), [poolRef]);
  return { run, stop, progress };
}
