/**
 * The compact result a sweep run stores beside its metrics, the same whichever runner made it (CLI thread, queue
 * worker, browser tab): a job-shop schedule in db/artifact-codec's format; for a VM run its migrations as
 * ['vm1', [vm, from pm, from NUMA nodes, to pm, to NUMA nodes][]] with the scenario's ids, in order; nothing for an
 * LLM run (a request-level record is tens of thousands of rows: the metrics are what is worth keeping).
 */
import { encodeSchedule } from '../db/artifact-codec';
import type { JobShopResult } from '../engine/jobshop/run-types';
import type { VmResult } from '../engine/vm/run-types';
import type { SweepEngineId } from '../db/sweep-spec';

export function sweepArtifact(engine: SweepEngineId, result: unknown): string | null {
  if (engine === 'jobshop') return encodeSchedule((result as JobShopResult).schedule);
  if (engine === 'vm') return JSON.stringify(['vm1', (result as VmResult).migrations.map((m) => [m.vm, m.from.pm, m.from.numa, m.to.pm, m.to.numa])]);
  return null;
}
