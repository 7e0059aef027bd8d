import type { Timeline } from '../../engine/core/timeline';

/** What the Gantt chart draws: any engine's timeline model, plus the job shop's critical path when known. */
export interface GanttData {
  readonly timeline: Timeline;
  /**
   * Indices into `timeline.bars` of the critical path, outlined when `showCriticalPath` is on. For a job-shop
   * result these are the indices `criticalPath(instance, result.schedule, result.downtime)` returns: the engine
   * adds one work bar per scheduled operation, in schedule order, before any downtime bar.
   */
  readonly criticalPath?: readonly number[];
}

/** What one redraw of the canvas cost; for benchmarks and tests, never for logic. */
export interface GanttRenderStats {
  /** Wall time of the redraw (canvas, axis and overlays), in ms. */
  readonly durationMs: number;
  /** Bars painted (those in the visible time window). */
  readonly barsDrawn: number;
  /** The time window drawn. */
  readonly domain: readonly [number, number];
}

export interface GanttOptions {
  /** Height of one lane in CSS pixels (default 22); the chart is as tall as its lanes need. */
  readonly laneHeight?: number;
  /** Outline the bars of `data.criticalPath` (default false). */
  readonly showCriticalPath?: boolean;
  /** The highlighted colour group (job): its bars are outlined and every other bar is faded; null for none. */
  readonly highlightedJob?: number | null;
  /** Called when a click on a bar selects its job, or a click on empty space clears the selection (null). */
  readonly onSelectJob?: (job: number | null) => void;
  /** Axis label under the time axis (default "time"). */
  readonly timeLabel?: string;
  /** Called after every redraw. */
  readonly onRender?: (stats: GanttRenderStats) => void;
}

export interface GanttHandle {
  /** Replaces the data and options; keeps the zoom when the horizon is unchanged, resets it otherwise. */
  update(data: GanttData, options: GanttOptions): void;
  /** Highlights one job (fades the rest) or none, without calling `onSelectJob`. */
  highlightJob(job: number | null): void;
  /** Back to the whole schedule, [0, horizon]. */
  resetZoom(): void;
  /** Pans the time axis by `pixels` (positive moves the view later in time); keyboard and benchmarks use it. */
  panBy(pixels: number): void;
  /** Zooms the time axis by `factor` (> 1 zooms in) around the middle of the view. */
  zoomBy(factor: number): void;
  /** The time window currently shown. */
  xDomain(): readonly [number, number];
  /** The whole chart (every bar, at the full time range and current width) as a standalone SVG document. */
  exportSvg(): string;
  /** The same picture as `exportSvg`, rasterised at twice the CSS size. */
  exportPng(): Promise<Blob>;
  /** Removes the chart's elements and listeners. */
  destroy(): void;
}
