import type { Timeline } from '../../engine/core/timeline';

/** Sizes of the chart in CSS pixels. The plot area is where bars go; margins hold the axis and lane labels. */
export interface GanttLayout {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly laneHeight: number;
  /** Space above and below a bar inside its lane, so neighbouring lanes do not touch. */
  readonly barInset: number;
}

export const DEFAULT_LANE_HEIGHT = 22;
/** Observable Plot's conventions: 10px system font, 6px ticks, axis labels in the margin. */
export const CHART_FONT = '10px system-ui, sans-serif';
const CHAR_WIDTH = 6;
const MIN_PLOT_WIDTH = 60;

export function computeLayout(containerWidth: number, timeline: Timeline, laneHeight = DEFAULT_LANE_HEIGHT): GanttLayout {
  const longestLabel = timeline.lanes.reduce((n, lane) => Math.max(n, lane.label.length), 0);
  const marginLeft = Math.max(32, 14 + CHAR_WIDTH * longestLabel);
  const marginRight = 16;
  // A container that has not been laid out yet reports 0: draw at a sane width until the ResizeObserver reports.
  const width = Math.max(containerWidth > 0 ? containerWidth : 640, marginLeft + marginRight + MIN_PLOT_WIDTH);
  const marginTop = 6;
  const marginBottom = 34;
  const plotHeight = Math.max(1, timeline.lanes.length) * laneHeight;
  return {
    width,
    height: marginTop + plotHeight + marginBottom,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    plotWidth: width - marginLeft - marginRight,
    plotHeight,
    laneHeight,
    barInset: Math.max(1, Math.round(laneHeight * 0.12)),
  };
}

/** Top of a bar in `lane`, in plot coordinates. */
export function barTop(layout: GanttLayout, lane: number): number {
  return lane * layout.laneHeight + layout.barInset;
}

export function barHeight(layout: GanttLayout): number {
  return layout.laneHeight - 2 * layout.barInset;
}

/** The lane under plot coordinate y, or -1 outside the lanes. */
export function laneAt(layout: GanttLayout, laneCount: number, y: number): number {
  const lane = Math.floor(y / layout.laneHeight);
  return lane >= 0 && lane < laneCount ? lane : -1;
}
