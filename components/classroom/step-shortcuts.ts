/**
 * The step player's keyboard shortcuts and play loop as plain functions, so they are tested without a browser.
 *
 * Right steps, Left steps back, Space plays or pauses, anywhere on the page except where the key already means
 * something: typing (text inputs, textareas, selects, contenteditable, the Monaco editor), a focused control whose
 * own key it is (Space presses a button or ticks a checkbox; arrows move a slider or a radio group), a key with a
 * modifier (Alt+Left is the browser's Back), and a key a widget has already handled (the Gantt chart pans with
 * the arrows and calls preventDefault).
 */

export type StepKeyAction = 'forward' | 'back' | 'toggle';

export interface StepKeyEvent {
  readonly key: string;
  readonly target: EventTarget | null;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly defaultPrevented: boolean;
}

const KEYS: Readonly<Record<string, StepKeyAction>> = { ArrowRight: 'forward', ArrowLeft: 'back', ' ': 'toggle', Spacebar: 'toggle' };

/** Input types that take no typing: every other input type (text, number, search, ...) is a text field. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'image', 'color', 'file']);
/** Where Space already presses or ticks something. */
const SPACE_ACTIVATES = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'color', 'file']);
/** Where the arrows already move a value. */
const ARROWS_MOVE = new Set(['range', 'radio']);

function asElement(target: EventTarget | null): Element | null {
  return target && typeof (target as Element).closest === 'function' ? (target as Element) : null;
}

/** Whether the key goes to what has focus, i.e. the player must leave it alone. */
function keyBelongsToTarget(element: Element, action: StepKeyAction): boolean {
  if (element.closest('textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'input') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    if (!NON_TEXT_INPUTS.has(type)) return true;
    return action === 'toggle' ? SPACE_ACTIVATES.has(type) : ARROWS_MOVE.has(type);
  }
  if (action === 'toggle') return element.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]') !== null;
  return element.closest('[role="slider"], [role="radiogroup"], [role="tablist"], [role="listbox"], [role="menu"]') !== null;
}

/** What a key press means to the player, or null when it is not the player's. */
export function stepKeyAction(event: StepKeyEvent): StepKeyAction | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  const element = asElement(event.target);
  if (element && keyBelongsToTarget(element, action)) return null;
  return action;
}

/** Play speeds: decisions per second as the select offers them, and the interval they give. */
export const PLAY_SPEEDS = [
  { perSecond: 1, label: '1 decision/s' },
  { perSecond: 2, label: '2 decisions/s' },
  { perSecond: 5, label: '5 decisions/s' },
  { perSecond: 10, label: '10 decisions/s' },
  { perSecond: 25, label: '25 decisions/s' },
] as const;

export const DEFAULT_SPEED = 5;

/**
 * What one tick of Play does: advance once the frame shown is the one asked for (so a slow worker is never
 * flooded and no frame is skipped), wait while it is on its way, stop at the end.
 */
export function playTick(state: { readonly frameDecision: number | null; readonly target: number; readonly loading: boolean; readonly total: number }): 'advance' | 'wait' | 'stop' {
  if (state.target >= state.total) return state.loading ? 'wait' : 'stop';
  if (state.loading || state.frameDecision !== state.target) return 'wait';
  return 'advance';
}
