import type { VmScenario } from '../../engine/vm';
import { splitNode } from './occupancy-palette';

/**
 * The occupancy map's tooltip: the PM under the pointer, how its nodes split, and the VMs on it in the panel's
 * placement. Text only (textContent), never HTML: ids come from imported files.
 */

/** More VMs than this on one PM are summarised as "+N more", so the box stays on screen. */
const MAX_VMS_LISTED = 16;

export function tooltipLines(
  cluster: VmScenario,
  pm: number,
  nodeStart: Int32Array,
  used: ArrayLike<number>,
  vmPm: ArrayLike<number>,
  vmNode: ArrayLike<number>,
  fragmentSize: number,
  panelLabel: string,
  vmList: readonly { readonly id: string; readonly cpu: number }[] = cluster.vms,
): string[] {
  const host = cluster.pms[pm];
  const lines = [`${host.id}`, `${panelLabel} · ${host.status}${host.rack ? ` · rack ${host.rack}` : ''}`];
  host.nodes.forEach((node, n) => {
    const split = splitNode(node.cpu, used[nodeStart[pm] + n], fragmentSize);
    lines.push(`node ${n}: ${split.used} used · ${split.usable} usable · ${split.fragment} fragment (of ${node.cpu})`);
  });
  const vms: string[] = [];
  for (let v = 0; v < vmPm.length; v++) {
    if (vmPm[v] !== pm) continue;
    const vm = vmList[v];
    const where = vmNode[v] < 0 ? 'both nodes' : `node ${vmNode[v]}`;
    vms.push(`${vm.id} · ${vm.cpu} cores · ${where}`);
  }
  lines.push(vms.length === 0 ? 'no VMs' : `${vms.length} VM${vms.length === 1 ? '' : 's'}:`);
  lines.push(...vms.slice(0, MAX_VMS_LISTED));
  if (vms.length > MAX_VMS_LISTED) lines.push(`+${vms.length - MAX_VMS_LISTED} more`);
  return lines;
}

export function createOccupancyTooltip(parent: HTMLElement): HTMLDivElement {
  const tip = document.createElement('div');
  tip.className = 'occupancy-tooltip';
  tip.setAttribute('role', 'tooltip');
  Object.assign(tip.style, {
    position: 'absolute',
    display: 'none',
    pointerEvents: 'none',
    fontSize: '11px',
    lineHeight: '1.35',
    background: 'rgba(255,255,255,0.97)',
    color: '#111',
    border: '1px solid #999',
    borderRadius: '3px',
    padding: '4px 6px',
    whiteSpace: 'nowrap',
    boxShadow: '0 1px 3px rgba(0,0,0,0.18)',
    zIndex: '2',
  } satisfies Partial<CSSStyleDeclaration>);
  parent.appendChild(tip);
  return tip;
}

/** Shows `lines` next to (x, y) in the parent's coordinates, kept inside width x height. */
export function showOccupancyTooltip(tip: HTMLDivElement, lines: readonly string[], x: number, y: number, width: number, height: number): void {
  tip.replaceChildren();
  lines.forEach((text, i) => {
    const line = document.createElement(i === 0 ? 'strong' : 'div');
    line.textContent = text;
    if (i === 0) line.style.display = 'block';
    tip.appendChild(line);
  });
  tip.style.display = 'block';
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = x + 14 + w > width ? x - 14 - w : x + 14;
  const top = Math.min(Math.max(0, y - h / 2), Math.max(0, height - h));
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${top}px`;
}

export function hideOccupancyTooltip(tip: HTMLDivElement): void {
  tip.style.display = 'none';
}
