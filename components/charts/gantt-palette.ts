import { hcl, rgb } from 'd3';

/**
 * Job colours. The base is Okabe & Ito's colour-blind-safe set without its black (black would read as "down" or as
 * an outline). Seven hues cannot tell 100 jobs apart, so later cycles keep the hue and step the lightness; the
 * click-to-highlight is what singles out one job in a large schedule.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

/** Lightness offsets (CIE L*) of successive cycles through the hues. */
const CYCLE_LIGHTNESS = [0, 18, -18, 32, -30] as const;

/** Grey of downtime bars; hatched over this fill so breakdowns differ from work in print and for every viewer. */
export const DOWN_FILL = '#bdbdbd';
export const DOWN_HATCH = '#6e6e6e';

/** How much a faded bar is mixed with white when another job is highlighted. */
const FADE_TO_WHITE = 0.78;

/** The colour of group (job) `group`; groups < 0 (no job) get the downtime grey. */
export function jobColor(group: number): string {
  if (group < 0) return DOWN_FILL;
  const base = OKABE_ITO[group % OKABE_ITO.length];
  const cycle = Math.floor(group / OKABE_ITO.length) % CYCLE_LIGHTNESS.length;
  if (cycle === 0) return base;
  const c = hcl(base);
  c.l = Math.max(15, Math.min(92, c.l + CYCLE_LIGHTNESS[cycle]));
  return c.formatHex();
}

/** `color` mixed towards white, for the bars of jobs that are not highlighted. */
export function fadedColor(color: string): string {
  const c = rgb(color);
  const mix = (v: number) => Math.round(v + (255 - v) * FADE_TO_WHITE);
  return rgb(mix(c.r), mix(c.g), mix(c.b)).formatHex();
}

/** Black or white, whichever reads better on `fill` (relative luminance threshold). */
export function labelColor(fill: string): string {
  const c = rgb(fill);
  const luminance = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return luminance > 0.55 ? '#111' : '#fff';
}

/** Fill colours indexed by colour slot: slot 2g is job g, 2g + 1 its faded form. Computed once per data set. */
export function jobColorSlots(groupCount: number): string[] {
  const slots: string[] = new Array(2 * groupCount);
  for (let g = 0; g < groupCount; g++) {
    slots[2 * g] = jobColor(g);
    slots[2 * g + 1] = fadedColor(slots[2 * g]);
  }
  return slots;
}
