import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../engine/core/event-queue';

function drain<E>(queue: EventQueue<E>): E[] {
  const out: E[] = [];
  for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) out.push(entry.event);
  return out;
}

describe('EventQueue tie order', () => {
  it('orders by time first, whatever the priority', () => {
    const queue = new EventQueue<string>();
    queue.push(2, 0, 'late-urgent');
    queue.push(1, 9, 'early-lax');
    expect(drain(queue)).toEqual(['early-lax', 'late-urgent']);
  });

  it('at the same time, orders by lower priority number first', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 2, 'p2');
    queue.push(5, 0, 'p0');
    queue.push(5, 1, 'p1');
    queue.push(5, -1, 'p-1');
    expect(drain(queue)).toEqual(['p-1', 'p0', 'p1', 'p2']);
  });

  it('at the same time and priority, is FIFO by insertion', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 50; i++) queue.push(3, 1, i);
    expect(drain(queue)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('mixes all three keys', () => {
    const queue = new EventQueue<string>();
    queue.push(1, 1, 'a');
    queue.push(0, 1, 'b');
    queue.push(1, 0, 'c');
    queue.push(1, 1, 'd');
    queue.push(1, 0, 'e');
    queue.push(0, 1, 'f');
    expect(drain(queue)).toEqual(['b', 'f', 'c', 'e', 'a', 'd']);
  });

  it('hands out entries with the keys and increasing sequence numbers', () => {
    const queue = new EventQueue<string>();
    const pushed = queue.push(4, 2, 'x');
    queue.push(4, 2, 'y');
    expect(queue.pop()).toBe(pushed);
    expect(pushed).toEqual({ time: 4, priority: 2, seq: 0, event: 'x' });
    expect(queue.pop()).toEqual({ time: 4, priority: 2, seq: 1, event: 'y' });
  });
});

describe('EventQueue basics', () => {
  it('is empty when new, and pop/peek give undefined', () => {
    const queue = new EventQueue<number>();
    expect(queue.size).toBe(0);
    expect(queue.isEmpty).toBe(true);
    expect(queue.peek()).toBeUndefined();
    expect(queue.pop()).toBeUndefined();
  });

  it('peek shows the first event without removing it', () => {
    const queue = new EventQueue<string>();
    queue.push(2, 0, 'b');
    queue.push(1, 0, 'a');
    expect(queue.peek()?.event).toBe('a');
    expect(queue.size).toBe(2);
    expect(queue.isEmpty).toBe(false);
  });

  it('clear empties the queue and restarts sequence numbers like a new queue', () => {
    const queue = new EventQueue<string>();
    queue.push(1, 0, 'a');
    queue.push(2, 0, 'b');
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    expect(queue.push(7, 0, 'c').seq).toBe(0);
  });

  it('rejects NaN time and priority, accepts infinite time as last', () => {
    const queue = new EventQueue<string>();
    expect(() => queue.push(NaN, 0, 'x')).toThrow(/time is NaN/);
    expect(() => queue.push(0, NaN, 'x')).toThrow(/priority is NaN/);
    queue.push(Infinity, 0, 'never');
    queue.push(1e300, 0, 'far');
    expect(drain(queue)).toEqual(['far', 'never']);
  });

  it('two queues keep separate sequence counters', () => {
    const first = new EventQueue<string>();
    const second = new EventQueue<string>();
    first.push(0, 0, 'a');
    first.push(0, 0, 'b');
    expect(second.push(0, 0, 'c').seq).toBe(0);
  });
});

interface Item {
  time: number;
  priority: number;
  id: number;
}

/** The specification: a stable sort by (time, priority) keeps insertion order among ties. */
function expectedOrder(items: readonly Item[]): number[] {
  return [...items].sort((a, b) => a.time - b.time || a.priority - b.priority).map((item) => item.id);
}

// Few distinct values, so ties on time and on (time, priority) are common.
const itemKeys = fc.record({ time: fc.integer({ min: 0, max: 6 }), priority: fc.integer({ min: -2, max: 2 }) });

describe('EventQueue properties', () => {
  it('pops exactly a stable sort of the pushed items', () => {
    fc.assert(
      fc.property(fc.array(itemKeys, { maxLength: 200 }), (keys) => {
        const items = keys.map((k, id) => ({ ...k, id }));
        const queue = new EventQueue<number>();
        for (const item of items) queue.push(item.time, item.priority, item.id);
        expect(queue.size).toBe(items.length);
        expect(drain(queue)).toEqual(expectedOrder(items));
      }),
    );
  });

  it('with fractional times, orders like the sort too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.double({ min: -1e6, max: 1e6, noNaN: true }), priority: fc.integer({ min: 0, max: 3 }) })),
        (keys) => {
          const items = keys.map((k, id) => ({ ...k, id }));
          const queue = new EventQueue<number>();
          for (const item of items) queue.push(item.time, item.priority, item.id);
          expect(drain(queue)).toEqual(expectedOrder(items));
        },
      ),
    );
  });

  it('interleaved pushes and pops always pop the least pending item', () => {
    // Each operation is a push of the given keys, or a pop (null).
    const operation = fc.option(itemKeys, { nil: null, freq: 3 });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const queue = new EventQueue<number>();
        const pending: Item[] = [];
        let nextId = 0;
        for (const op of operations) {
          if (op === null) {
            const popped = queue.pop();
            const expected = expectedOrder(pending)[0];
            expect(popped?.event).toBe(expected);
            if (expected !== undefined) pending.splice(pending.findIndex((item) => item.id === expected), 1);
          } else {
            const item = { ...op, id: nextId++ };
            pending.push(item);
            queue.push(item.time, item.priority, item.id);
          }
          expect(queue.size).toBe(pending.length);
          expect(queue.peek()?.event).toBe(expectedOrder(pending)[0]);
        }
        expect(drain(queue)).toEqual(expectedOrder(pending));
      }),
    );
  });
});
