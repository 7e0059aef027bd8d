/**
 * An ordered list of request indices over an Int32Array with room at both ends: the waiting, running and swapped
 * lists of a replica. Pushing at either end is O(1); removing shifts the shorter side, so taking requests from near
 * the front of a long FCFS queue (the common case) stays cheap.
 */
export class RequestList {
  private buf: Int32Array;
  private head: number;
  private count = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity * 2);
    this.head = capacity;
  }

  get size(): number {
    return this.count;
  }

  /** The i-th request (0 .. size-1); undefined behaviour outside, as with a typed array. */
  get(i: number): number {
    return this.buf[this.head + i];
  }

  push(request: number): void {
    if (this.head + this.count === this.buf.length) this.regrow();
    this.buf[this.head + this.count++] = request;
  }

  unshift(request: number): void {
    if (this.head === 0) this.regrow();
    this.buf[--this.head] = request;
    this.count++;
  }

  indexOf(request: number): number {
    const buf = this.buf;
    for (let i = this.head, end = this.head + this.count; i < end; i++) if (buf[i] === request) return i - this.head;
    return -1;
  }

  removeAt(i: number): void {
    const start = this.head;
    if (i < this.count >> 1) {
      this.buf.copyWithin(start + 1, start, start + i);
      this.head++;
    } else {
      this.buf.copyWithin(start + i, start + i + 1, start + this.count);
    }
    this.count--;
  }

  /** Removes the request; false when it is not in the list. */
  remove(request: number): boolean {
    const i = this.indexOf(request);
    if (i < 0) return false;
    this.removeAt(i);
    return true;
  }

  /** A copy, for snapshots. */
  toArray(): number[] {
    return Array.from(this.buf.subarray(this.head, this.head + this.count));
  }

  /** Re-centres the contents in a buffer with room at both ends (twice as large when at least half full). */
  private regrow(): void {
    const capacity = Math.max(16, this.count * 2);
    const next = this.count * 2 >= this.buf.length ? new Int32Array(capacity * 2) : this.buf;
    const head = (next.length - this.count) >> 1;
    if (next === this.buf) next.copyWithin(head, this.head, this.head + this.count);
    else next.set(this.buf.subarray(this.head, this.head + this.count), head);
    this.buf = next;
    this.head = head;
  }
}
