import type { RequestRecord } from '../../engine/llm';
import { SEGMENT_KINDS, type BarIndex } from './request-timeline-layout';

/**
 * What the request timeline's tooltip says about the bar under the pointer: the request, the segment, and the
 * request's own times (arrival, first token, finish, with TTFT and E2E). Text only, set through textContent.
 */

export function seconds(t: number): string {
  if (!Number.isFinite(t)) return '–';
  const a = Math.abs(t);
  if (a < 1) return `${(t * 1000).toFixed(a < 0.01 ? 2 : 1)} ms`;
  if (a < 100) return `${t.toFixed(3)} s`;
  return `${t.toFixed(1)} s`;
}

export function requestTooltipLines(index: BarIndex, bar: number, requests: readonly RequestRecord[]): string[] {
  const r = index.request[bar];
  const kind = SEGMENT_KINDS[index.kind[bar]] ?? 'segment';
  const lines = [`request ${r}`, `${kind} ${seconds(index.start[bar])} → ${seconds(index.end[bar])} (${seconds(index.end[bar] - index.start[bar])}) on replica ${index.replica[bar]}`];
  const record = requests[r];
  if (record) {
    lines.push(`arrived ${seconds(record.arrival)} · first token ${seconds(record.firstTokenAt)} (TTFT ${seconds(record.firstTokenAt - record.arrival)})`);
    lines.push(`finished ${seconds(record.finishedAt)} (E2E ${seconds(record.finishedAt - record.arrival)})`);
    lines.push(`${record.promptTokens} prompt + ${record.outputTokens} output tokens${record.preemptions > 0 ? ` · preempted ${record.preemptions}×` : ''}`);
  }
  return lines;
}

export function createTooltip(parent: HTMLElement): HTMLDivElement {
  const tip = document.createElement('div');
  tip.className = 'request-timeline-tooltip';
  tip.setAttribute('role', 'tooltip');
  Object.assign(tip.style, {
    position: 'absolute',
    display: 'none',
    pointerEvents: 'none',
    fontSize: '11px',
    lineHeight: '1.35',
    background: 'rgba(255,255,255,0.97)',
    color: '#111',
    border: '1px solid #999',
    borderRadius: '3px',
    padding: '4px 6px',
    whiteSpace: 'nowrap',
    boxShadow: '0 1px 3px rgba(0,0,0,0.18)',
    zIndex: '2',
  } satisfies Partial<CSSStyleDeclaration>);
  parent.appendChild(tip);
  return tip;
}

/** Shows the lines beside (x, y) in the parent's coordinates, flipped left near the right edge. */
export function showTooltip(tip: HTMLDivElement, lines: readonly string[], x: number, y: number, width: number): void {
  tip.replaceChildren();
  lines.forEach((text, i) => {
    const line = document.createElement(i === 0 ? 'strong' : 'div');
    line.textContent = text;
    if (i === 0) line.style.display = 'block';
    tip.appendChild(line);
  });
  tip.style.display = 'block';
  const w = tip.offsetWidth;
  tip.style.left = `${Math.max(0, x + 14 + w > width ? x - 14 - w : x + 14)}px`;
  tip.style.top = `${Math.max(0, y - 10)}px`;
}

export function hideTooltip(tip: HTMLDivElement): void {
  tip.style.display = 'none';
}
