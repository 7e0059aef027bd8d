import type { JobShopInstance } from '../../engine/jobshop/model';

/**
 * The baseline of the benchmark: Giffler-Thompson with MWKR written as one straightforward loop over flat arrays,
 * with no policy API, views or checks — what a C programmer would write. The engine's time is reported as a ratio
 * to this, measured in the same run, so the ratio means something on any machine.
 * Returns the makespan, which the benchmark checks against the engine's so both do the same work.
 */
export function baselineGifflerThompsonMwkr(instance: JobShopInstance): number {
  const n = instance.jobs.length;
  const machine: number[][] = instance.jobs.map((job) => job.operations.map((op) => op.alternatives[0].machine));
  const duration: number[][] = instance.jobs.map((job) => job.operations.map((op) => op.alternatives[0].duration));
  const tail: number[][] = duration.map((d) => {
    const t = new Array<number>(d.length);
    for (let k = d.length - 1, s = 0; k >= 0; k--) t[k] = s += d[k];
    return t;
  });
  const next = new Int32Array(n);
  const jobReady = new Float64Array(n);
  const machineReady = new Float64Array(instance.machineCount);
  let left = duration.reduce((sum, d) => sum + d.length, 0);
  let makespan = 0;
  while (left > 0) {
    let bestEnd = Infinity;
    let bestMachine = -1;
    for (let j = 0; j < n; j++) {
      const k = next[j];
      if (k === machine[j].length) continue;
      const m = machine[j][k];
      const end = Math.max(jobReady[j], machineReady[m]) + duration[j][k];
      if (end < bestEnd || (end === bestEnd && m < bestMachine)) {
        bestEnd = end;
        bestMachine = m;
      }
    }
    let chosen = -1;
    let chosenWork = -Infinity;
    for (let j = 0; j < n; j++) {
      const k = next[j];
      if (k === machine[j].length || machine[j][k] !== bestMachine) continue;
      const start = Math.max(jobReady[j], machineReady[bestMachine]);
      if (start < bestEnd && tail[j][k] > chosenWork) {
        chosen = j;
        chosenWork = tail[j][k];
      }
    }
    const k = next[chosen];
    const end = Math.max(jobReady[chosen], machineReady[bestMachine]) + duration[chosen][k];
    jobReady[chosen] = end;
    machineReady[bestMachine] = end;
    next[chosen]++;
    left--;
    if (end > makespan) makespan = end;
  }
  return makespan;
}
