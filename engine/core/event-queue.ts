/**
 * The one place that defines the order of simulation events: by time, then by priority, then by insertion order.
 * Every engine's queue is this queue, so two events never tie in a way that depends on the heap's internals, and a
 * run replays identically in every JavaScript engine.
 */

/** An event in the queue, with the keys that order it. Handed out as it is stored: read it, do not change it. */
export interface QueuedEvent<E> {
  /** Simulation time the event happens at; lower first. */
  readonly time: number;
  /** Among events at the same time, a lower number goes first. */
  readonly priority: number;
  /** Insertion sequence number within this queue; among equal time and priority, the earlier push goes first. */
  readonly seq: number;
  /** The event itself: plain data. */
  readonly event: E;
}

/** True when `a` must come out of the queue before `b`. The single comparator behind the order. */
function precedes<E>(a: QueuedEvent<E>, b: QueuedEvent<E>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

/**
 * A binary min-heap of events ordered by (time, priority, insertion order).
 *
 * A push allocates the entry and nothing else; sifting moves a hole instead of swapping, and pop hands out the
 * entry that push created. Sequence numbers are per queue, so two queues never influence each other's tie order.
 */
export class EventQueue<E> {
  private readonly heap: QueuedEvent<E>[] = [];
  private nextSeq = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.heap.length;
  }

  /** True when no event is waiting. */
  get isEmpty(): boolean {
    return this.heap.length === 0;
  }

  /**
   * Adds an event and returns its queue entry. A NaN time or priority would make the order undefined, so it is a
   * RangeError; infinite times are allowed ("never", ordered last).
   */
  push(time: number, priority: number, event: E): QueuedEvent<E> {
    if (Number.isNaN(time)) throw new RangeError(`event time is NaN (priority ${priority})`);
    if (Number.isNaN(priority)) throw new RangeError(`event priority is NaN (time ${time})`);
    const entry: QueuedEvent<E> = { time, priority, seq: this.nextSeq++, event };
    this.siftUp(this.heap.length, entry);
    return entry;
  }

  /** Removes and returns the first event, or undefined when the queue is empty. */
  pop(): QueuedEvent<E> | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const first = heap[0];
    const last = heap.pop() as QueuedEvent<E>;
    if (heap.length > 0) this.siftDown(0, last);
    return first;
  }

  /** The first event without removing it, or undefined when the queue is empty. */
  peek(): QueuedEvent<E> | undefined {
    return this.heap.length === 0 ? undefined : this.heap[0];
  }

  /** Drops every event and restarts the sequence numbers, so a cleared queue behaves exactly like a new one. */
  clear(): void {
    this.heap.length = 0;
    this.nextSeq = 0;
  }

  /** Places `entry` at the hole `index` (which may be one past the end) and moves it up to where it belongs. */
  private siftUp(index: number, entry: QueuedEvent<E>): void {
    const heap = this.heap;
    let hole = index;
    while (hole > 0) {
      const parentIndex = (hole - 1) >> 1;
      const parent = heap[parentIndex];
      if (!precedes(entry, parent)) break;
      heap[hole] = parent;
      hole = parentIndex;
    }
    heap[hole] = entry;
  }

  /** Places `entry` at the hole `index` and moves it down to where it belongs. */
  private siftDown(index: number, entry: QueuedEvent<E>): void {
    const heap = this.heap;
    const length = heap.length;
    let hole = index;
    for (;;) {
      const left = 2 * hole + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && precedes(heap[right], heap[left]) ? right : left;
      if (!precedes(heap[child], entry)) break;
      heap[hole] = heap[child];
      hole = child;
    }
    heap[hole] = entry;
  }
}
