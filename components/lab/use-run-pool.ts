'use client';
import { useEffect, useRef } from 'react';
import { RunPool } from '../../workers/browser/run-pool';

/** The tab's Web Worker pool (one worker per core), created on mount and disposed on unmount. */
export function useRunPool(): React.RefObject<RunPool | null> {
  const poolRef = useRef<RunPool | null>(null);
  useEffect(() => {
    poolRef.current = new RunPool({
      createWorker: () => new Worker(new URL('../../workers/browser/simulation-worker.ts', import.meta.url), { type: 'module' }),
    });
    return () => poolRef.current?.dispose();
  }, []);
  return poolRef;
}
