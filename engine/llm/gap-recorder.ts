/**
 * Inter-token gaps as weighted samples. Most decode tokens of an iteration share one gap (the iteration's length,
 * when the request was also in the previous iteration of a replica that ran back to back), so they are stored once
 * with a count; only the others (after a wait, a preemption, a prefill-only iteration) are stored one by one.
 * That keeps the cost per iteration, not per token, and the percentiles exact.
 */
export class GapRecorder {
  private value = new Float64Array(4096);
  private weight = new Int32Array(4096);
  private count = 0;
  total = 0;

  add(gap: number, weight: number): void {
    if (weight <= 0) return;
    if (this.count === this.value.length) {
      const value = new Float64Array(this.count * 2);
      value.set(this.value);
      this.value = value;
      const w = new Int32Array(this.count * 2);
      w.set(this.weight);
      this.weight = w;
    }
    this.value[this.count] = gap;
    this.weight[this.count++] = weight;
    this.total += weight;
  }

  /** Mean gap; NaN without gaps. */
  mean(): number {
    if (this.total === 0) return NaN;
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.value[i] * this.weight[i];
    return sum / this.total;
  }

  /**
   * Percentiles of the expanded sample (each value repeated `weight` times), with the same R-7 interpolation as
   * core/stats' percentileSorted, so they equal what `percentile` would give on the full list of gaps.
   */
  percentiles(ps: readonly number[]): number[] {
    if (this.total === 0) return ps.map(() => NaN);
    const order = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = i;
    const value = this.value;
    const sorted = Array.from(order).sort((a, b) => value[a] - value[b] || a - b);
    // cumulative[i] = number of expanded samples before sorted[i].
    const cumulative = new Float64Array(this.count + 1);
    for (let i = 0; i < this.count; i++) cumulative[i + 1] = cumulative[i] + this.weight[sorted[i]];
    const at = (rank: number): number => {
      // Binary search for the entry holding expanded position `rank`.
      let lo = 0;
      let hi = this.count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid + 1] <= rank) lo = mid + 1;
        else hi = mid;
      }
      return value[sorted[lo]];
    };
    return ps.map((p) => {
      const h = ((this.total - 1) * p) / 100;
      const below = Math.floor(h);
      const low = at(below);
      const fraction = h - below;
      return fraction === 0 ? low : low + fraction * (at(below + 1) - low);
    });
  }
}
