import { describe, expect, it } from 'vitest';
import { computeOccupancyLayout, hitTest, panelOrigin, pmPosition } from '../../components/charts/occupancy-layout';
import { splitNode } from '../../components/charts/occupancy-palette';

describe('occupancy map layout', () => {
  it('fits L scale (1,176 PMs of 2 nodes) side by side at 1280 px: whole-pixel bars, even rows, a bounded height', () => {
    const layout = computeOccupancyLayout({ width: 1246, pmCount: 1176, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    expect(layout.columns).toBe(2);
    expect(layout.nodeWidth).toBe(2);
    expect(layout.pmPitch).toBe(5);
    expect(layout.rows).toBeGreaterThan(5);
    expect(layout.rows).toBeLessThanOrEqual(12);
    expect(layout.pmsPerRow * layout.rows).toBeGreaterThanOrEqual(1176);
    expect(layout.pmsPerRow * (layout.rows - 1)).toBeLessThan(1176);
    expect(layout.height).toBeLessThan(420);
    expect(layout.barHeight).toBeGreaterThanOrEqual(22);
    // Every PM lies inside its panel.
    for (const pm of [0, 117, 1175]) {
      const pos = pmPosition(layout, pm);
      expect(pos.x + layout.pmPitch).toBeLessThanOrEqual(layout.panelWidth);
      expect(pos.bottom).toBeLessThanOrEqual(layout.panelHeight);
    }
  });

  it('spreads a wrapped M cluster (280 PMs) over the whole panel width', () => {
    const layout = computeOccupancyLayout({ width: 1246, pmCount: 280, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    expect(layout.pmsPerRow * layout.pmPitch).toBeGreaterThan(0.9 * layout.panelWidth);
    expect(layout.pmsPerRow * layout.pmPitch).toBeLessThanOrEqual(layout.panelWidth);
    expect(layout.pmGap).toBeGreaterThanOrEqual(1);
  });

  it('gives a small cluster wide columns in one row, and stacks the panels on a narrow screen', () => {
    const wide = computeOccupancyLayout({ width: 1246, pmCount: 20, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    expect(wide.rows).toBe(1);
    expect(wide.nodeWidth).toBeGreaterThanOrEqual(10);
    const narrow = computeOccupancyLayout({ width: 500, pmCount: 20, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    expect(narrow.columns).toBe(1);
    expect(panelOrigin(narrow, 1).y).toBeGreaterThan(0);
  });

  it('hit-tests every PM of both panels back to itself (the pointer lookup is the layout inverted)', () => {
    const layout = computeOccupancyLayout({ width: 1246, pmCount: 1176, maxNodes: 2, maxNodeCpu: 44, panels: 2 });
    for (let panel = 0; panel < 2; panel++) {
      const origin = panelOrigin(layout, panel);
      for (let pm = 0; pm < 1176; pm += 7) {
        const pos = pmPosition(layout, pm);
        expect(hitTest(layout, 2, 1176, origin.x + pos.x + 1, origin.y + pos.top + 2)).toEqual({ panel, pm });
      }
    }
    expect(hitTest(layout, 2, 1176, 3, 3)).toBeNull(); // the title
    expect(hitTest(layout, 2, 1176, layout.panelWidth + 5, 60)).toBeNull(); // the gap between panels
  });

  it('splits a node into used, usable (whole multiples of F) and fragment (free mod F) cores', () => {
    expect(splitNode(44, 40, 16)).toEqual({ used: 40, usable: 0, fragment: 4 });
    expect(splitNode(44, 6, 16)).toEqual({ used: 6, usable: 32, fragment: 6 });
    expect(splitNode(44, 44, 16)).toEqual({ used: 44, usable: 0, fragment: 0 });
    expect(splitNode(44, 12, 16)).toEqual({ used: 12, usable: 32, fragment: 0 });
  });
});
