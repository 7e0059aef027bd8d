'use client';
import { useEffect, useRef } from 'react';
import { renderOccupancyMap } from './occupancy-map';
import type { OccupancyData, OccupancyHandle } from './occupancy-types';

/**
 * The occupancy map in React: renderOccupancyMap draws into a div React never touches; new data goes through
 * `update`, so stepping through migrations repaints without rebuilding the chart.
 */
export function OccupancyView({ data, onHoverPm }: { data: OccupancyData; onHoverPm?: (pm: number | null) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<OccupancyHandle | null>(null);
  const drawn = useRef<OccupancyData | null>(null);
  // The chart keeps the callback it was given; the ref lets it reach the latest prop.
  const hoverRef = useRef(onHoverPm);
  hoverRef.current = onHoverPm;

  useEffect(() => {
    const handle = renderOccupancyMap(containerRef.current!, data, { onHoverPm: (pm) => hoverRef.current?.(pm) });
    handleRef.current = handle;
    drawn.current = data;
    return () => {
      handle.destroy();
      handleRef.current = null;
      drawn.current = null;
    };
    // Created once per mount; later data goes through update() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!handleRef.current || drawn.current === data) return;
    handleRef.current.update(data);
    drawn.current = data;
  }, [data]);

  return <div ref={containerRef} className="occupancy-container" />;
}
