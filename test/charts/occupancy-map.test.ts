// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderOccupancyMap, type OccupancyData } from '../../components/charts/occupancy-map';
import { computeOccupancyLayout, panelOrigin, pmPosition } from '../../components/charts/occupancy-layout';
import { indexCluster, initialPlacement, placementAfter, usedCores } from '../../components/vm-lab/replay';
import { vmEngine } from '../../engine/vm';
import { randomCluster } from '../../engine/vm/generators/random';

// jsdom has no canvas: these tests check what the renderer builds around the bars (titles with FR, the legend,
// the tooltip under the pointer, updates). The painted pixels are checked in real Chromium (test/e2e/vm-lab).

const cluster = randomCluster({ seed: 3, pms: 12, utilisation: 0.9 });
const greedy = vmEngine.findPolicy('greedy')!;
const result = vmEngine.simulate(cluster, greedy, { migrationLimit: 10 });

function data(step: number): OccupancyData {
  const index = indexCluster(cluster);
  const before = initialPlacement(cluster);
  const after = placementAfter(cluster, result.migrations, step, index);
  return {
    cluster,
    fragmentSize: 16,
    panels: [
      { label: 'Before', used: usedCores(cluster, before, index), vmPm: before.vmPm, vmNode: before.vmNode },
      { label: `After ${step}`, used: usedCores(cluster, after, index), vmPm: after.vmPm, vmNode: after.vmNode, marks: [{ pm: 1, kind: 'to' }] },
    ],
  };
}

afterEach(() => document.body.replaceChildren());

describe('occupancy map renderer', () => {
  it('titles each panel with its FR, the engine’s FR before and after, and lists the legend classes', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const handle = renderOccupancyMap(container, data(result.migrations.length));
    const titles = [...container.querySelectorAll<HTMLElement>('.occupancy-title')];
    expect(titles.map((t) => Number(t.dataset.fr))).toEqual([result.metrics.frBefore, result.metrics.frAfter]);
    expect(titles[0].textContent).toContain(`FR ${result.metrics.frBefore.toFixed(4)}`);
    expect(handle.summaries()[1].fragmentCores).toBe(result.metrics.fragmentCoresAfter);
    const legend = container.querySelector('.occupancy-legend')!.textContent!;
    for (const word of ['used cores', 'fragment cores', 'usable cores', 'F = 16', 'inactive PM']) expect(legend).toContain(word);
    expect(container.querySelector('canvas')!.getAttribute('aria-label')).toContain('12 PMs');
    handle.destroy();
    expect(container.children).toHaveLength(0);
  });

  it('names the PM under the pointer, its nodes and its VMs in the tooltip, and hides it on leave', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const hovered: (number | null)[] = [];
    renderOccupancyMap(container, data(0), { onHoverPm: (pm) => hovered.push(pm) });
    // jsdom lays nothing out: the chart falls back to 800 px and the canvas sits at the origin.
    const layout = computeOccupancyLayout({ width: 800, pmCount: 12, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    const canvas = container.querySelector('canvas')!;
    const pm = 5;
    const origin = panelOrigin(layout, 1);
    const pos = pmPosition(layout, pm);
    canvas.dispatchEvent(new MouseEvent('pointermove', { clientX: origin.x + pos.x + 2, clientY: origin.y + pos.top + 5, bubbles: true }));
    const tip = container.querySelector<HTMLElement>('.occupancy-tooltip')!;
    expect(tip.style.display).toBe('block');
    const text = tip.textContent!;
    expect(text).toContain(cluster.pms[pm].id);
    expect(text).toContain('node 0:');
    expect(text).toContain('node 1:');
    const vmsHere = cluster.vms.filter((vm) => vm.pm === pm);
    for (const vm of vmsHere.slice(0, 5)) expect(text).toContain(`${vm.id} · ${vm.cpu} cores`);
    expect(hovered).toEqual([pm]);
    expect(container.querySelector<HTMLElement>('.occupancy-map')!.dataset.hoveredPm).toBe(String(pm));
    canvas.dispatchEvent(new MouseEvent('pointerleave'));
    expect(tip.style.display).toBe('none');
    expect(hovered).toEqual([pm, null]);
  });

  it('updates the after panel in place when the step changes', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const handle = renderOccupancyMap(container, data(0));
    const canvas = container.querySelector('canvas');
    const step = Math.min(3, result.migrations.length);
    expect(step).toBeGreaterThan(0);
    handle.update(data(step));
    expect(container.querySelector('canvas')).toBe(canvas);
    expect(Number(container.querySelectorAll<HTMLElement>('.occupancy-title')[1].dataset.fr)).toBe(result.frCurve[step]);
    expect(result.frCurve[step]).toBeLessThan(result.frCurve[0]);
  });
});
