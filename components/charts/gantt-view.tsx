'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { renderGantt } from './gantt-chart';
import type { GanttData, GanttHandle, GanttOptions } from './gantt-types';

export interface GanttViewProps {
  readonly data: GanttData;
  /** Base name of exported files, e.g. "ta71-mwkr" gives ta71-mwkr.png (default "gantt"). */
  readonly fileName?: string;
  readonly laneHeight?: number;
  readonly timeLabel?: string;
  /** Start with the critical path outlined (default false). */
  readonly initialShowCriticalPath?: boolean;
  /** Called when a click selects a job (or clears the selection with null). */
  readonly onSelectJob?: (job: number | null) => void;
}

/**
 * The Gantt chart with its controls. The chart itself is drawn by renderGantt, once, into a div React never
 * touches; React only owns the buttons and passes state changes on through `update`.
 */
export function GanttView({ data, fileName = 'gantt', laneHeight, timeLabel, initialShowCriticalPath = false, onSelectJob }: GanttViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<GanttHandle | null>(null);
  const [showCriticalPath, setShowCriticalPath] = useState(initialShowCriticalPath);
  const [highlightedJob, setHighlightedJob] = useState<number | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The chart keeps the callback it was given; a ref lets it always reach the latest prop without re-creating it.
  const onSelectRef = useRef(onSelectJob);
  onSelectRef.current = onSelectJob;

  const options = useMemo<GanttOptions>(
    () => ({
      laneHeight,
      timeLabel,
      showCriticalPath,
      highlightedJob,
      onSelectJob: (job) => {
        setHighlightedJob(job);
        onSelectRef.current?.(job);
      },
    }),
    [laneHeight, timeLabel, showCriticalPath, highlightedJob],
  );
  // What the chart last drew with, so the first update after creation is skipped rather than drawn twice.
  const drawnWith = useRef<{ data: GanttData; options: GanttOptions } | null>(null);

  useEffect(() => {
    const handle = renderGantt(containerRef.current!, data, options);
    handleRef.current = handle;
    drawnWith.current = { data, options };
    return () => {
      handle.destroy();
      handleRef.current = null;
      drawnWith.current = null;
    };
    // Created once per mount, with the props of that render; later changes go through update() below.
  }, []);

  useEffect(() => {
    const drawn = drawnWith.current;
    if (!handleRef.current || (drawn && drawn.data === data && drawn.options === options)) return;
    handleRef.current.update(data, options);
    drawnWith.current = { data, options };
  }, [data, options]);

  // A new schedule has its own jobs: an old selection would point at an unrelated one.
  useEffect(() => setHighlightedJob(null), [data.timeline]);

  const hasPath = (data.criticalPath?.length ?? 0) > 0;
  const jobLabel = highlightedJob === null ? null : (data.timeline.groups[highlightedJob] ?? `job ${highlightedJob}`);

  async function exportAs(kind: 'png' | 'svg'): Promise<void> {
    const handle = handleRef.current;
    if (!handle) return;
    try {
      setExportError(null);
      const blob = kind === 'png' ? await handle.exportPng() : new Blob([handle.exportSvg()], { type: 'image/svg+xml' });
      download(blob, `${fileName}.${kind}`);
    } catch (error) {
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="gantt-view">
      <div className="gantt-toolbar" role="toolbar" aria-label="Gantt chart" style={TOOLBAR_STYLE}>
        <button type="button" aria-pressed={showCriticalPath} disabled={!hasPath} onClick={() => setShowCriticalPath((v) => !v)}>
          Critical path
        </button>
        <button type="button" onClick={() => handleRef.current?.resetZoom()}>
          Reset zoom
        </button>
        <button type="button" onClick={() => void exportAs('png')}>
          Export PNG
        </button>
        <button type="button" onClick={() => void exportAs('svg')}>
          Export SVG
        </button>
        <span className="gantt-selection" aria-live="polite">
          {jobLabel === null ? 'Click a bar to highlight its job' : `Highlighted: ${jobLabel}`}
          {jobLabel !== null && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setHighlightedJob(null);
                onSelectRef.current?.(null);
              }}
            >
              clear
            </button>
          )}
        </span>
        {exportError && <span className="error">{exportError}</span>}
      </div>
      <div ref={containerRef} className="gantt-container" />
    </div>
  );
}

/** Inline so the chart lays out the same in the lab, on a shared page and in tests; colours come from the page. */
const TOOLBAR_STYLE = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px', marginBottom: '6px' } as const;

/** Saves a blob through a temporary object URL; revoked after the click so the browser has started the download. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
