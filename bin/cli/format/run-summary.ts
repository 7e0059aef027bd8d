import type { ParamValues } from '../../../engine/core/params';
import type { JobShopInstance } from '../../../engine/jobshop/model';
import type { JobShopResult } from '../../../engine/jobshop/run-types';
import type { PolicyInfo } from '../../../workers/node/worker-messages';
import { renderGantt } from './gantt';
import { metricRows } from './metrics';
import { visibleLength, type Style } from './style';

export interface RunSummaryInput {
  readonly scenario: string;
  readonly instance: JobShopInstance;
  readonly policy: PolicyInfo;
  readonly policyFile?: string;
  readonly scheme: string;
  readonly seed: number;
  readonly params: ParamValues;
  /** Extra run settings worth repeating (online, breakdowns, due dates). */
  readonly settings: readonly string[];
  readonly result: JobShopResult;
  readonly gantt: boolean;
  readonly style: Style;
}

function operationCount(instance: JobShopInstance): number {
  return instance.jobs.reduce((sum, job) => sum + job.operations.length, 0);
}

/** The human-readable result of `schedlab run` (without --json). */
export function renderRunSummary(input: RunSummaryInput): string {
  const { instance, policy, style, result } = input;
  const size = `${instance.jobs.length} jobs × ${instance.machineCount} machines, ${operationCount(instance)} operations`;
  const out: string[] = [];
  out.push(`${style.bold(input.scenario)}  ${style.dim(size)}`);
  if (instance.description) out.push(style.dim(instance.description));
  const from = input.policyFile ? ` from ${input.policyFile}` : '';
  out.push(`${style.bold(policy.label)} (${policy.id}${from}): ${policy.description}`);
  const params = Object.entries(input.params).map(([k, v]) => `${k}=${v}`);
  const run = [`scheme ${input.scheme}`, `seed ${input.seed}`, ...input.settings, ...(params.length > 0 ? [`params ${params.join(' ')}`] : [])];
  out.push(style.dim(run.join(' · ')));
  out.push('');
  const rows = metricRows(result.metrics);
  const width = Math.max(...rows.map((r) => r.label.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  for (const row of rows) {
    const value = row.label === 'makespan' ? style.bold(row.value) : row.value;
    const padded = ' '.repeat(valueWidth - visibleLength(row.value)) + value;
    out.push(`  ${row.label.padEnd(width)}  ${padded}  ${style.dim(row.description)}`);
  }
  if (input.gantt) {
    out.push('');
    out.push(renderGantt(result.schedule, { machineCount: instance.machineCount, downtime: result.downtime, style }));
  }
  return out.join('\n');
}
