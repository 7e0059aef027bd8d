/**
 * The life of every request as consecutive segments (queued, prefill, decode, preempted, transfer), logged as it
 * happens into growable typed arrays: the timeline is built from it at the end, without per-token records.
 */

export const SEGMENT = { queued: 0, prefill: 1, decode: 2, preempted: 3, transfer: 4 } as const;
export const SEGMENT_NAMES = ['queued', 'prefill', 'decode', 'preempted', 'transfer'] as const;
export type SegmentKind = (typeof SEGMENT)[keyof typeof SEGMENT];

export class SegmentLog {
  private openKind: Int8Array;
  private openStart: Float64Array;
  private openReplica: Int32Array;
  request = new Int32Array(1024);
  kind = new Uint8Array(1024);
  replica = new Int32Array(1024);
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  count = 0;

  constructor(requests: number) {
    this.openKind = new Int8Array(requests).fill(-1);
    this.openStart = new Float64Array(requests);
    this.openReplica = new Int32Array(requests);
  }

  /** Ends the request's current segment at `now` (if any) and starts one of `kind` on `replica`. */
  open(request: number, kind: SegmentKind, now: number, replica = this.openReplica[request]): void {
    if (this.openKind[request] === kind && this.openReplica[request] === replica) return;
    this.close(request, now);
    this.openKind[request] = kind;
    this.openStart[request] = now;
    this.openReplica[request] = replica;
  }

  /** Ends the request's current segment; zero-length segments are not kept. */
  close(request: number, now: number): void {
    const kind = this.openKind[request];
    if (kind < 0) return;
    this.openKind[request] = -1;
    const start = this.openStart[request];
    if (now <= start) return;
    if (this.count === this.request.length) this.grow();
    const i = this.count++;
    this.request[i] = request;
    this.kind[i] = kind;
    this.replica[i] = this.openReplica[request];
    this.start[i] = start;
    this.end[i] = now;
  }

  private grow(): void {
    const size = this.count * 2;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.request = copy(this.request, (n) => new Int32Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.replica = copy(this.replica, (n) => new Int32Array(n));
    this.start = copy(this.start, (n) => new Float64Array(n));
    this.end = copy(this.end, (n) => new Float64Array(n));
  }
}
