'use client';
import { useEffect, useRef, type RefObject } from 'react';

/** What every chart renderer returns: new data goes through update, unmounting through destroy. */
interface ChartHandle<D, O> {
  update(data: D, options?: O): void;
  destroy(): void;
}

/**
 * Mounts a chart renderer `(element, data, options)` into a div React never touches: created once per mount,
 * updated when data or options change (by identity: memoise them), destroyed on unmount.
 */
export function useD3Chart<D, O>(render: (element: HTMLElement, data: D, options: O) => ChartHandle<D, O>, data: D, options: O): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  const handle = useRef<ChartHandle<D, O> | null>(null);
  const drawn = useRef<{ data: D; options: O } | null>(null);
  useEffect(() => {
    handle.current = render(ref.current!, data, options);
    drawn.current = { data, options };
    return () => {
      handle.current?.destroy();
      handle.current = null;
      drawn.current = null;
    };
    // Created once per mount; later changes go through update() below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const last = drawn.current;
    if (!handle.current || (last && last.data === data && last.options === options)) return;
    handle.current.update(data, options);
    drawn.current = { data, options };
  }, [data, options]);
  return ref;
}
