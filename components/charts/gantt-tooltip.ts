import type { Timeline } from '../../engine/core/timeline';
import { CHART_FONT, type GanttLayout } from './gantt-layout';

/**
 * The hover tooltip: an HTML box (it wraps text and takes CSS, which SVG text does not) placed over the chart.
 * Built with textContent, never innerHTML, since bar labels can come from imported files.
 */
export function createTooltip(parent: HTMLElement): HTMLDivElement {
  const tip = document.createElement('div');
  tip.className = 'gantt-tooltip';
  tip.setAttribute('role', 'tooltip');
  Object.assign(tip.style, {
    position: 'absolute',
    display: 'none',
    pointerEvents: 'none',
    font: CHART_FONT,
    fontSize: '11px',
    lineHeight: '1.35',
    background: 'rgba(255,255,255,0.96)',
    color: '#111',
    border: '1px solid #999',
    borderRadius: '3px',
    padding: '4px 6px',
    whiteSpace: 'nowrap',
    boxShadow: '0 1px 3px rgba(0,0,0,0.18)',
    zIndex: '1',
  } satisfies Partial<CSSStyleDeclaration>);
  parent.appendChild(tip);
  return tip;
}

/** Times as short as they can be without losing what an engine computed (integers stay integers). */
export function formatTime(value: number): string {
  return Number.isInteger(value) ? String(value) : String(+value.toPrecision(6));
}

/** The lines shown for one bar: label (job and operation), lane (machine), start, end. */
export function tooltipLines(timeline: Timeline, bar: number): string[] {
  const b = timeline.bars[bar];
  const lane = timeline.lanes[b.lane]?.label ?? `lane ${b.lane}`;
  return [b.label, `${b.kind === 'down' ? 'down' : 'on'} ${lane}`, `start ${formatTime(b.start)} · end ${formatTime(b.end)}`,
    `length ${formatTime(b.end - b.start)}`];
}

/** Shows the bars under the pointer (px, py in chart coordinates) next to it, kept inside the chart. */
export function showTooltip(tip: HTMLDivElement, timeline: Timeline, bars: readonly number[], px: number, py: number, layout: GanttLayout): void {
  tip.replaceChildren();
  bars.forEach((bar, i) => {
    const lines = tooltipLines(timeline, bar);
    const block = document.createElement('div');
    block.dataset.bar = String(bar);
    if (i > 0) block.style.marginTop = '3px';
    lines.forEach((text, k) => {
      const line = document.createElement(k === 0 ? 'strong' : 'div');
      line.textContent = text;
      if (k === 0) line.style.display = 'block';
      block.appendChild(line);
    });
    tip.appendChild(block);
  });
  tip.style.display = 'block';
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = px + 14 + w > layout.width ? px - 14 - w : px + 14;
  const top = Math.min(Math.max(0, py - h / 2), Math.max(0, layout.height - h));
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${top}px`;
}

export function hideTooltip(tip: HTMLDivElement): void {
  tip.style.display = 'none';
}
