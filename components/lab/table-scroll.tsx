import type { ReactNode } from 'react';

/**
 * A horizontally scrolling box around a wide table. It takes keyboard focus and names itself, because a region
 * that scrolls but cannot be focused is out of reach for someone without a mouse (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
