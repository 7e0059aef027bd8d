import type { ClusterState } from './cluster-state';

/** Words for what a policy asked, for the error that stops a run: "moving VM 3 (i-abc, 4 cores, ...) from ... to ...". */
export function describeAsk(state: ClusterState, vm: unknown, pm: unknown, node: unknown): string {
  const { compiled, vmPm, vmNode } = state;
  const nodePart = node === undefined || node === null ? '' : ` node ${String(node)}`;
  const pmPart = typeof pm === 'number' && pm >= 0 && pm < compiled.pmCount ? `PM ${pm} (${compiled.source.pms[pm].id})` : `PM ${String(pm)}`;
  if (!(typeof vm === 'number' && Number.isInteger(vm) && vm >= 0 && vm < compiled.vmCount)) return `moving VM ${String(vm)} to ${pmPart}${nodePart}`;
  const here = vmPm[vm];
  const mode = compiled.vmDouble[vm] === 1 ? 'double-NUMA' : 'single-NUMA';
  const what = `VM ${vm} (${compiled.vmIds[vm]}, ${compiled.vmCpu[vm]} cores, ${compiled.vmMem[vm]} MB, ${mode})`;
  if (here < 0) return `placing pending ${what} on ${pmPart}${nodePart}`;
  const at = compiled.vmDouble[vm] === 1 ? '' : ` node ${vmNode[vm]}`;
  return `moving ${what} from PM ${here} (${compiled.source.pms[here].id})${at} to ${pmPart}${nodePart}`;
}

/** How a non-decision answer looks in an error message. */
export function showAnswer(answer: unknown): string {
  if (answer === undefined) return 'undefined';
  try {
    return JSON.stringify(answer) ?? String(answer);
  } catch {
    return String(answer);
  }
}
