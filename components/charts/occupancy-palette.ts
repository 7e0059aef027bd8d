/**
 * Colours of the occupancy map. Three classes must stay apart for every viewer, in print and on a projector:
 * a neutral grey for used cores, Okabe & Ito's sky blue for usable free cores and their vermillion for fragment
 * cores. Blue against vermillion is the pair the Okabe–Ito set keeps distinct under protanopia, deuteranopia and
 * tritanopia alike, and the grey differs from both in lightness, so the classes also survive greyscale.
 */
export const OCCUPANCY_COLORS = {
  used: '#9a9a9a',
  usable: '#56B4E9',
  fragment: '#D55E00',
  /** An inactive PM: no class applies (it takes no migrations and does not count in FR). */
  inactive: '#ececec',
  /** Outline of the PM under the pointer, and of a migration's destination. */
  outline: '#111111',
} as const;

export type OccupancyClass = 'used' | 'usable' | 'fragment';

/** Legend entries in drawing order (bottom to top of a node's column). */
export const OCCUPANCY_LEGEND: readonly { readonly key: OccupancyClass; readonly label: string }[] = [
  { key: 'used', label: 'used cores' },
  { key: 'fragment', label: 'fragment cores (free mod F)' },
  { key: 'usable', label: 'usable cores (free, whole multiples of F)' },
];

/** How a node's cores split: used = allocated; usable = F * floor(free / F); fragment = free mod F. */
export function splitNode(capacity: number, used: number, fragmentSize: number): { used: number; usable: number; fragment: number } {
  const free = Math.max(0, capacity - used);
  const fragment = free % fragmentSize;
  return { used, usable: free - fragment, fragment };
}
