import { describe, it, expect } from 'vitest';
import { EventLoop } from '../../../engine/core/event-loop';

/** A tiny event union in the style engines use: plain data with a kind. */
type TestEvent = { kind: 'mark'; label: string } | { kind: 'spawn'; label: string; delay: number; priority: number };

/** A loop whose handler logs "label@time" and, for spawn events, schedules a follow-up mark. */
function loggingLoop(startTime?: number) {
  const log: string[] = [];
  const loop = new EventLoop<TestEvent>(
    (event, self) => {
      log.push(`${event.label}@${self.now}`);
      if (event.kind === 'spawn') {
        self.scheduleAfter(event.delay, event.priority, { kind: 'mark', label: `${event.label}.child` });
      }
    },
    { startTime },
  );
  return { loop, log };
}

const mark = (label: string): TestEvent => ({ kind: 'mark', label });

describe('EventLoop ordering', () => {
  it('processes by time, then priority, then scheduling order, moving the clock', () => {
    const { loop, log } = loggingLoop();
    loop.scheduleAt(2, 0, mark('c'));
    loop.scheduleAt(1, 1, mark('b'));
    loop.scheduleAt(1, 0, mark('a'));
    loop.scheduleAt(2, 0, mark('d'));
    while (loop.step());
    expect(log).toEqual(['a@1', 'b@1', 'c@2', 'd@2']);
    expect(loop.now).toBe(2);
  });

  it('step returns false and changes nothing when empty', () => {
    const { loop } = loggingLoop(5);
    expect(loop.step()).toBe(false);
    expect(loop.snapshot()).toEqual({ now: 5, pending: 0, processed: 0 });
  });

  it('a handler can schedule at the current time; the follow-up goes after same-time same-priority events', () => {
    const { loop, log } = loggingLoop();
    loop.scheduleAt(1, 0, { kind: 'spawn', label: 's', delay: 0, priority: 0 });
    loop.scheduleAt(1, 0, mark('m'));
    loop.scheduleAt(1, 5, mark('low'));
    loop.runUntil(Infinity);
    expect(log).toEqual(['s@1', 'm@1', 's.child@1', 'low@1']);
  });

  it('scheduleAfter is relative to now', () => {
    const { loop, log } = loggingLoop(10);
    loop.scheduleAfter(2.5, 0, { kind: 'spawn', label: 's', delay: 1, priority: 0 });
    loop.runUntil(Infinity);
    expect(log).toEqual(['s@12.5', 's.child@13.5']);
  });

  it('counts processed events and reports pending ones', () => {
    const { loop } = loggingLoop();
    loop.scheduleAt(1, 0, mark('a'));
    loop.scheduleAt(2, 0, mark('b'));
    loop.step();
    expect(loop.snapshot()).toEqual({ now: 1, pending: 1, processed: 1 });
    expect(loop.pending).toBe(1);
    expect(loop.processed).toBe(1);
    expect(loop.nextEventTime()).toBe(2);
    loop.step();
    expect(loop.nextEventTime()).toBe(Infinity);
  });
});

describe('EventLoop refuses to go backwards', () => {
  it('scheduling before now is an Error naming the event time and now', () => {
    const { loop } = loggingLoop();
    loop.scheduleAt(5, 0, mark('a'));
    loop.step();
    expect(() => loop.scheduleAt(3, 0, mark('past'))).toThrow('cannot schedule an event at t=3: it is before now (t=5)');
    expect(() => loop.scheduleAfter(-1, 0, mark('past'))).toThrow(/negative delay -1 \(now t=5\)/);
  });

  it('a handler scheduling into the past fails at that call', () => {
    const loop = new EventLoop<string>((_, self) => self.scheduleAt(self.now - 1, 0, 'past'));
    loop.scheduleAt(4, 0, 'x');
    expect(() => loop.step()).toThrow(/t=3: it is before now \(t=4\)/);
  });

  it('rejects non-finite times and delays', () => {
    const { loop } = loggingLoop();
    expect(() => loop.scheduleAt(NaN, 0, mark('x'))).toThrow(RangeError);
    expect(() => loop.scheduleAt(Infinity, 0, mark('x'))).toThrow(RangeError);
    expect(() => loop.scheduleAfter(NaN, 0, mark('x'))).toThrow(RangeError);
    expect(() => loop.runUntil(NaN)).toThrow(RangeError);
    expect(() => new EventLoop(() => {}, { startTime: NaN })).toThrow(RangeError);
  });

  it('a handler may not step the loop itself', () => {
    const loop = new EventLoop<string>((_, self) => {
      self.step();
    });
    loop.scheduleAt(1, 0, 'a');
    loop.scheduleAt(2, 0, 'b');
    expect(() => loop.step()).toThrow(/step\(\) was called from inside an event handler at t=1/);
    // The failed event is consumed but not counted, and the loop is usable afterwards.
    expect(loop.snapshot()).toEqual({ now: 1, pending: 1, processed: 0 });
  });
});

describe('EventLoop.runUntil boundaries', () => {
  function loopWithMarksAt(times: number[]) {
    const { loop, log } = loggingLoop();
    times.forEach((time, i) => loop.scheduleAt(time, 0, mark(`e${i}`)));
    return { loop, log };
  }

  it('processes events strictly before t, leaves events at t pending, and sets now = t', () => {
    const { loop, log } = loopWithMarksAt([1, 2, 3, 3, 4]);
    expect(loop.runUntil(3)).toBe(2);
    expect(log).toEqual(['e0@1', 'e1@2']);
    expect(loop.snapshot()).toEqual({ now: 3, pending: 3, processed: 2 });
  });

  it('consecutive calls split time into half-open slices with every event in exactly one', () => {
    const { loop, log } = loopWithMarksAt([0, 1, 2, 2, 3, 5]);
    expect(loop.runUntil(2)).toBe(2);
    expect(loop.runUntil(3)).toBe(2);
    expect(loop.runUntil(3)).toBe(0);
    expect(loop.runUntil(10)).toBe(2);
    expect(log).toEqual(['e0@0', 'e1@1', 'e2@2', 'e3@2', 'e4@3', 'e5@5']);
    expect(loop.now).toBe(10);
  });

  it('advances the clock to t even with no events, so later delays start from t', () => {
    const { loop, log } = loggingLoop();
    expect(loop.runUntil(7)).toBe(0);
    expect(loop.now).toBe(7);
    loop.scheduleAfter(1, 0, mark('a'));
    loop.runUntil(Infinity);
    expect(log).toEqual(['a@8']);
  });

  it('a t at or before now processes nothing and never moves the clock back', () => {
    const { loop, log } = loopWithMarksAt([5, 6]);
    loop.step();
    expect(loop.runUntil(5)).toBe(0);
    expect(loop.runUntil(2)).toBe(0);
    expect(loop.now).toBe(5);
    expect(log).toEqual(['e0@5']);
  });

  it('processes events handlers schedule inside the window, but not those beyond it', () => {
    const { loop, log } = loggingLoop();
    loop.scheduleAt(1, 0, { kind: 'spawn', label: 'near', delay: 1, priority: 0 });
    loop.scheduleAt(2, 0, { kind: 'spawn', label: 'far', delay: 5, priority: 0 });
    loop.runUntil(4);
    // near.child was scheduled after far, so at the shared time 2 it comes second.
    expect(log).toEqual(['near@1', 'far@2', 'near.child@2']);
    expect(loop.nextEventTime()).toBe(7);
  });

  it('Infinity runs to the end and leaves the clock at the last event', () => {
    const { loop } = loopWithMarksAt([3, 1, 2]);
    expect(loop.runUntil(Infinity)).toBe(3);
    expect(loop.snapshot()).toEqual({ now: 3, pending: 0, processed: 3 });
  });
});

describe('EventLoop isolation', () => {
  it('two loops share no clock, queue, counters or tie order', () => {
    const first = loggingLoop();
    const second = loggingLoop();
    first.loop.scheduleAt(1, 0, mark('a1'));
    first.loop.scheduleAt(1, 0, mark('a2'));
    second.loop.scheduleAt(9, 0, mark('b1'));
    second.loop.scheduleAt(1, 0, mark('b0'));
    first.loop.runUntil(Infinity);
    expect(first.loop.snapshot()).toEqual({ now: 1, pending: 0, processed: 2 });
    expect(second.loop.snapshot()).toEqual({ now: 0, pending: 2, processed: 0 });
    second.loop.runUntil(Infinity);
    expect(first.log).toEqual(['a1@1', 'a2@1']);
    expect(second.log).toEqual(['b0@1', 'b1@9']);
  });

  it('the same schedule gives the same trace in a fresh loop', () => {
    const run = () => {
      const { loop, log } = loggingLoop();
      for (let i = 0; i < 20; i++) loop.scheduleAt(i % 4, i % 3, { kind: 'spawn', label: `s${i}`, delay: i % 2, priority: 1 });
      loop.runUntil(Infinity);
      return log;
    };
    expect(run()).toEqual(run());
  });
});
