import { describe, expect, it } from 'vitest';
import { estimateRemainingMs } from '../../workers/browser/run-eta';

describe('estimateRemainingMs', () => {
  it('is the mean finished run times the runs left over the parallelism', () => {
    // 4 left at 100 ms each on 2 workers.
    expect(estimateRemainingMs({ finishedElapsedMs: [80, 120], running: [], queued: 4, parallelism: 2 })).toBe(200);
  });

  it('counts the unfinished part of running runs', () => {
    const running = [{ elapsedMs: 50, fraction: 0.5 }];
    expect(estimateRemainingMs({ finishedElapsedMs: [100], running, queued: 1, parallelism: 2 })).toBe(75);
  });

  it('extrapolates from runs in flight before any has finished, and waits for a useful fraction', () => {
    expect(estimateRemainingMs({ finishedElapsedMs: [], running: [{ elapsedMs: 30, fraction: 0.25 }], queued: 0, parallelism: 4 })).toBe(90);
    expect(estimateRemainingMs({ finishedElapsedMs: [], running: [{ elapsedMs: 5, fraction: 0.01 }], queued: 3, parallelism: 4 })).toBeUndefined();
  });

  it('is 0 when nothing is left', () => {
    expect(estimateRemainingMs({ finishedElapsedMs: [], running: [], queued: 0, parallelism: 1 })).toBe(0);
  });
});
