import type { JobShopInstance } from '../../engine/jobshop/model';

/**
 * The baseline of the benchmark: Giffler-Thompson with MWKR for classic instances, written as one straightforward
 * loop over flat typed arrays with no policy API, views or checks — the JavaScript twin of a plain C loop. The
 * engine's time is reported as a ratio to this, measured in the same run, so the ratio means something on any
 * machine. Returns the makespan, which the benchmark checks against the engine's so both do the same work.
 */
export function baselineGifflerThompsonMwkr(instance: JobShopInstance): number {
  const n = instance.jobs.length;
  const opStart = new Int32Array(n + 1);
  instance.jobs.forEach((job, j) => (opStart[j + 1] = opStart[j] + job.operations.length));
  const total = opStart[n];
  const machine = new Int32Array(total);
  const duration = new Float64Array(total);
  const tail = new Float64Array(total);
  instance.jobs.forEach((job, j) => {
    job.operations.forEach((op, k) => {
      machine[opStart[j] + k] = op.alternatives[0].machine;
      duration[opStart[j] + k] = op.alternatives[0].duration;
    });
    for (let o = opStart[j + 1] - 1, sum = 0; o >= opStart[j]; o--) tail[o] = sum += duration[o];
  });
  const next = opStart.slice(0, n);
  const jobReady = new Float64Array(n);
  const machineReady = new Float64Array(instance.machineCount);
  let makespan = 0;
  for (let left = total; left > 0; left--) {
    let bestEnd = Infinity;
    let bestMachine = -1;
    for (let j = 0; j < n; j++) {
      const o = next[j];
      if (o === opStart[j + 1]) continue;
      const m = machine[o];
      const end = (jobReady[j] > machineReady[m] ? jobReady[j] : machineReady[m]) + duration[o];
      if (end < bestEnd || (end === bestEnd && m < bestMachine)) {
        bestEnd = end;
        bestMachine = m;
      }
    }
    let chosen = -1;
    let chosenWork = -Infinity;
    for (let j = 0; j < n; j++) {
      const o = next[j];
      if (o === opStart[j + 1] || machine[o] !== bestMachine) continue;
      const start = jobReady[j] > machineReady[bestMachine] ? jobReady[j] : machineReady[bestMachine];
      if (start < bestEnd && tail[o] > chosenWork) {
        chosen = j;
        chosenWork = tail[o];
      }
    }
    const o = next[chosen];
    const end = (jobReady[chosen] > machineReady[bestMachine] ? jobReady[chosen] : machineReady[bestMachine]) + duration[o];
    jobReady[chosen] = end;
    machineReady[bestMachine] = end;
    next[chosen]++;
    if (end > makespan) makespan = end;
  }
  return makespan;
}
