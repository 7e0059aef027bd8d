/**
 * The step-wise discrete-event loop every engine drives: a clock, the event queue and one handler. It is the
 * mechanism under each engine's `createSimulation(...)`, so a worker can run a simulation in slices and a lesson
 * can animate it event by event. All state lives in the loop object; two loops share nothing.
 */

import { EventQueue } from './event-queue';

/** Handles one event: changes the engine's state and schedules follow-up events on `loop`. */
export type EventHandler<E> = (event: E, loop: EventLoop<E>) => void;

/** A plain-data picture of a loop's progress. */
export interface EventLoopSnapshot {
  /** Current simulation time. */
  readonly now: number;
  /** Events scheduled and not yet processed. */
  readonly pending: number;
  /** Events whose handler has returned. */
  readonly processed: number;
}

export interface EventLoopOptions {
  /** The clock's initial value; 0 when not given. */
  readonly startTime?: number;
}

/**
 * Pops events in (time, priority, insertion order) and hands each to the handler, moving the clock to the event's
 * time. The clock never goes backwards: scheduling before `now` is an error at the call that does it, where the
 * stack still says who did it, rather than a silent reordering later.
 */
export class EventLoop<E> {
  private readonly queue = new EventQueue<E>();
  private readonly handler: EventHandler<E>;
  private clock: number;
  private processedCount = 0;
  // Set while the handler runs: a handler that steps the loop itself would process events out of order.
  private handling = false;

  constructor(handler: EventHandler<E>, options: EventLoopOptions = {}) {
    const startTime = options.startTime ?? 0;
    assertFiniteTime(startTime, 'start time');
    this.handler = handler;
    this.clock = startTime;
  }

  /** Current simulation time: the time of the event being or last processed, or where `runUntil` stopped. */
  get now(): number {
    return this.clock;
  }

  /** Number of events scheduled and not yet processed. */
  get pending(): number {
    return this.queue.size;
  }

  /** Number of events whose handler has returned. An event whose handler threw is consumed but not counted. */
  get processed(): number {
    return this.processedCount;
  }

  /** Time of the next event, or Infinity when none is pending. */
  nextEventTime(): number {
    return this.queue.peek()?.time ?? Infinity;
  }

  /**
   * Schedules `event` at absolute time `time` (>= now). Among events at the same time a lower `priority` goes
   * first; equal priorities keep scheduling order.
   */
  scheduleAt(time: number, priority: number, event: E): void {
    assertFiniteTime(time, 'event time');
    if (time < this.clock) {
      throw new Error(`cannot schedule an event at t=${time}: it is before now (t=${this.clock})`);
    }
    this.queue.push(time, priority, event);
  }

  /** Schedules `event` `delay` time units from now (delay >= 0); same ordering rules as `scheduleAt`. */
  scheduleAfter(delay: number, priority: number, event: E): void {
    assertFiniteTime(delay, 'delay');
    if (delay < 0) throw new Error(`cannot schedule an event with negative delay ${delay} (now t=${this.clock})`);
    this.queue.push(this.clock + delay, priority, event);
  }

  /** Processes the next event. Returns false, and changes nothing, when no event is pending. */
  step(): boolean {
    this.assertNotInsideHandler('step');
    const entry = this.queue.pop();
    if (entry === undefined) return false;
    this.dispatch(entry.time, entry.event);
    return true;
  }

  /**
   * Processes, in order, every event whose time is strictly before `time`, including events the handlers schedule
   * along the way, and then sets the clock to `time`. Events at exactly `time` stay pending, so consecutive calls
   * split time into half-open slices [previous, time) and every event falls in exactly one slice, as SimPy's
   * `run(until)` does.
   *
   * A `time` at or before now processes nothing and leaves the clock unchanged (it never goes backwards).
   * `Infinity` processes every event and leaves the clock at the last event's time. Returns the number of events
   * processed by this call.
   */
  runUntil(time: number): number {
    if (Number.isNaN(time)) throw new RangeError('runUntil time is NaN');
    this.assertNotInsideHandler('runUntil');
    let count = 0;
    for (let next = this.queue.peek(); next !== undefined && next.time < time; next = this.queue.peek()) {
      this.queue.pop();
      this.dispatch(next.time, next.event);
      count++;
    }
    if (time > this.clock && Number.isFinite(time)) this.clock = time;
    return count;
  }

  /** A plain-data picture of the loop's progress. */
  snapshot(): EventLoopSnapshot {
    return { now: this.clock, pending: this.queue.size, processed: this.processedCount };
  }

  private dispatch(time: number, event: E): void {
    this.clock = time;
    this.handling = true;
    try {
      this.handler(event, this);
    } finally {
      this.handling = false;
    }
    this.processedCount++;
  }

  private assertNotInsideHandler(method: string): void {
    if (this.handling) {
      throw new Error(`${method}() was called from inside an event handler at t=${this.clock}; schedule an event instead`);
    }
  }
}

function assertFiniteTime(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}
