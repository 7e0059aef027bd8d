/**
 * Geometry of the occupancy map, as pure arithmetic so it can be tested and so hit-testing is a division, not a
 * search: panels (before / after) side by side, each a grid of PM columns that wraps into rows when the cluster is
 * wider than the panel. Each PM column is split into one bar per NUMA node; a bar's height is the node's capacity.
 *
 * Sizes are whole pixels, so bars stay crisp: at L scale (1,176 PMs) a PM is 5 px wide (two 2-px nodes and a
 * 1-px gap) and the cluster wraps into about ten rows; a small cluster gets wide columns in one row.
 */

export interface OccupancyLayoutInput {
  readonly width: number;
  readonly pmCount: number;
  /** Most NUMA nodes on one PM (2 in every VMR2L file). */
  readonly maxNodes: number;
  /** Largest node capacity in cores: the full bar height. */
  readonly maxNodeCpu: number;
  readonly panels: number;
}

export interface OccupancyLayout {
  readonly width: number;
  readonly height: number;
  /** Panels per line: all side by side when there is room, else stacked. */
  readonly columns: number;
  readonly panelWidth: number;
  readonly panelHeight: number;
  /** Space above each panel's grid for its title. */
  readonly titleHeight: number;
  readonly panelGap: number;
  readonly nodeWidth: number;
  readonly maxNodes: number;
  readonly pmGap: number;
  /** nodeWidth * maxNodes + pmGap. */
  readonly pmPitch: number;
  readonly pmsPerRow: number;
  readonly rows: number;
  /** Height of a full node bar. */
  readonly barHeight: number;
  /** Space above each row of bars, where migration markers go. */
  readonly markerHeight: number;
  /** barHeight + markerHeight + a little air. */
  readonly rowPitch: number;
  /** Pixels per core. */
  readonly coreScale: number;
}

const PANEL_GAP = 24;
const TITLE_HEIGHT = 22;
const MARKER_HEIGHT = 7;
const ROW_AIR = 3;
/** Below this panel width, panels stack instead of sitting side by side. */
const MIN_SIDE_BY_SIDE = 380;
const MIN_NODE = 2;
const MAX_NODE = 14;
const MIN_BAR = 22;
const MAX_BAR = 110;
/** Rows share this many pixels before bars get shorter than MAX_BAR. */
const GRID_BUDGET = 330;

export function computeOccupancyLayout(input: OccupancyLayoutInput): OccupancyLayout {
  const width = Math.max(120, Math.floor(input.width));
  const pmCount = Math.max(1, input.pmCount);
  const maxNodes = Math.max(1, input.maxNodes);
  const panels = Math.max(1, input.panels);
  const sideBySide = (width - PANEL_GAP * (panels - 1)) / panels >= MIN_SIDE_BY_SIDE;
  const columns = sideBySide ? panels : 1;
  const panelWidth = Math.floor((width - PANEL_GAP * (columns - 1)) / columns);

  // Rows first, at the narrowest PM (MIN_NODE per node and a 1-px gap); then the PMs of a row share the panel's
  // width, so a cluster that wraps still fills it. A PM never gets wider than MAX_NODE per node plus a 2-px gap.
  const narrowest = MIN_NODE * maxNodes + 1;
  const rows = Math.ceil(pmCount / Math.max(1, Math.floor(panelWidth / narrowest)));
  // Even rows: 1,176 PMs in rows of 122 would leave a last row of 78; rows of 118 look like a grid.
  const pmsPerRow = Math.ceil(pmCount / rows);
  const pmPitch = Math.max(narrowest, Math.min(MAX_NODE * maxNodes + 2, Math.floor(panelWidth / pmsPerRow)));
  const nodeWidth = Math.max(MIN_NODE, Math.min(MAX_NODE, Math.floor((pmPitch - 1) / maxNodes)));
  const pmGap = pmPitch - nodeWidth * maxNodes;

  const barHeight = Math.max(MIN_BAR, Math.min(MAX_BAR, Math.floor(GRID_BUDGET / rows) - MARKER_HEIGHT - ROW_AIR));
  const rowPitch = barHeight + MARKER_HEIGHT + ROW_AIR;
  const panelHeight = TITLE_HEIGHT + rows * rowPitch;
  const lines = Math.ceil(panels / columns);
  return {
    width,
    height: lines * panelHeight + (lines - 1) * PANEL_GAP,
    columns,
    panelWidth,
    panelHeight,
    titleHeight: TITLE_HEIGHT,
    panelGap: PANEL_GAP,
    nodeWidth,
    maxNodes,
    pmGap,
    pmPitch,
    pmsPerRow,
    rows,
    barHeight,
    markerHeight: MARKER_HEIGHT,
    rowPitch,
    coreScale: barHeight / Math.max(1, input.maxNodeCpu),
  };
}

/** Top-left corner of panel i. */
export function panelOrigin(layout: OccupancyLayout, panel: number): { x: number; y: number } {
  const column = panel % layout.columns;
  const line = Math.floor(panel / layout.columns);
  return { x: column * (layout.panelWidth + layout.panelGap), y: line * (layout.panelHeight + layout.panelGap) };
}

/** Left edge and bar bottom of PM p inside its panel (add panelOrigin for chart coordinates). */
export function pmPosition(layout: OccupancyLayout, pm: number): { x: number; top: number; bottom: number } {
  const row = Math.floor(pm / layout.pmsPerRow);
  const column = pm % layout.pmsPerRow;
  const top = layout.titleHeight + row * layout.rowPitch + layout.markerHeight;
  return { x: column * layout.pmPitch, top, bottom: top + layout.barHeight };
}

/** The panel and PM under chart point (x, y), or null over a gap, a title or past the last PM. */
export function hitTest(layout: OccupancyLayout, panels: number, pmCount: number, x: number, y: number): { panel: number; pm: number } | null {
  const column = Math.floor(x / (layout.panelWidth + layout.panelGap));
  const line = Math.floor(y / (layout.panelHeight + layout.panelGap));
  const panel = line * layout.columns + column;
  if (column < 0 || column >= layout.columns || panel < 0 || panel >= panels) return null;
  const origin = panelOrigin(layout, panel);
  const px = x - origin.x;
  const py = y - origin.y - layout.titleHeight;
  if (px < 0 || px >= layout.panelWidth || py < 0) return null;
  const row = Math.floor(py / layout.rowPitch);
  const col = Math.floor(px / layout.pmPitch);
  if (row >= layout.rows || col >= layout.pmsPerRow) return null;
  const pm = row * layout.pmsPerRow + col;
  return pm < pmCount ? { panel, pm } : null;
}
