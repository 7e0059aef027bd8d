import type { CSSProperties } from 'react';
import { OKABE_ITO } from '../charts/gantt-palette';

/**
 * Inline styles of the step player and its views (kept here rather than in app/globals.css so the player looks the
 * same in the labs, in lessons and in tests). Colours come from the Okabe–Ito set the charts use; every colour has a
 * text twin (the "chosen" badge, the numbers beside the KV bar), so nothing is told by colour alone. Text colours
 * keep a contrast of at least 4.5:1 on white: Okabe–Ito blue #0072B2 with white text is 5.2:1.
 */
export const STEP_BLUE = OKABE_ITO[4];
export const STEP_ORANGE = OKABE_ITO[0];

export const CONTROLS: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px', margin: '4px 0 8px' };
export const SLIDER_LABEL: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: '6px', flex: '1 1 240px', minWidth: '200px' };
export const SLIDER: CSSProperties = { flex: '1 1 auto', minWidth: '120px' };
export const POSITION: CSSProperties = { fontVariantNumeric: 'tabular-nums', minWidth: '11em' };

/** The row of the chosen candidate: bold, a tint and a left rule, besides the "chosen" badge in its own column. */
export const CHOSEN_ROW: CSSProperties = { fontWeight: 700, background: '#fdf1d8', boxShadow: `inset 4px 0 0 ${STEP_ORANGE}`, cursor: 'default' };
export const PLAIN_ROW: CSSProperties = { cursor: 'default' };
export const CHOSEN_BADGE: CSSProperties = { background: STEP_BLUE, color: '#fff', borderRadius: '4px', padding: '0 6px', fontSize: '12px' };

export const TABLE_SCROLL: CSSProperties = { maxHeight: '260px', overflow: 'auto' };

/** Replica cards of the LLM view: as many columns as fit, so 1 to 8 replicas read at 1280 and at 1920 wide. */
export const REPLICA_GRID: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: '10px' };
export const REPLICA_CARD: CSSProperties = { border: '1px solid #e2e2e0', borderRadius: '6px', padding: '6px 8px', minWidth: 0 };
export const REPLICA_CARD_ACTIVE: CSSProperties = { ...REPLICA_CARD, border: `2px solid ${STEP_BLUE}` };
export const KV_TRACK: CSSProperties = { position: 'relative', height: '14px', background: '#f1f1ef', border: '1px solid #6b6b70', borderRadius: '3px', overflow: 'hidden' };
export const KV_FILL: CSSProperties = { position: 'absolute', left: 0, top: 0, bottom: 0, background: STEP_BLUE };

/** VM view: the occupancy map full width, the FR curve and the last step's text side by side below. */
export const VM_BELOW: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: '12px', alignItems: 'start' };
