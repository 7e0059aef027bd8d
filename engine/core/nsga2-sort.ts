/**
 * The two orderings NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) ranks a population by: fast non-dominated
 * sorting into fronts, and crowding distance within a front. Kept apart from the optimiser so they can be tested
 * by hand on small sets, ties and duplicates included.
 */

import { dominates, type ObjectiveVector } from './pareto';
import type { Direction } from './policy';

/**
 * Fast non-dominated sort: the fronts, best first, each a list of point indices in ascending order. Front 0 is
 * the points nothing dominates; front k is what is left non-dominated once fronts 0..k-1 are removed. Identical
 * points do not dominate each other, so duplicates share a front. O(n^2 m) comparisons, as in the paper.
 */
export function fastNonDominatedSort(points: readonly ObjectiveVector[], directions: readonly Direction[]): number[][] {
  const n = points.length;
  const dominatedBy = new Array<number>(n).fill(0);
  const dominatesList: number[][] = Array.from({ length: n }, () => []);
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (dominates(points[p], points[q], directions)) {
        dominatesList[p].push(q);
        dominatedBy[q]++;
      } else if (dominates(points[q], points[p], directions)) {
        dominatesList[q].push(p);
        dominatedBy[p]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current = indicesWhere(dominatedBy, (count) => count === 0);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const p of current) {
      for (const q of dominatesList[p]) {
        if (--dominatedBy[q] === 0) next.push(q);
      }
    }
    // Ascending order keeps every later tie-break (stable sorts by index) independent of discovery order.
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * Crowding distance of each point of one front (same order as given): for every objective, the points are sorted
 * by it, the two extremes get Infinity, and each interior point adds the gap between its neighbours divided by the
 * objective's range. Larger means lonelier, which the selection prefers to keep the front spread out.
 *
 * Ties and duplicates are not special-cased (as in the paper): equal values keep their input order in the sort,
 * so the result is deterministic, and of two duplicates at an end of the range only the first in that order is
 * the extreme. An objective whose values are all equal has no extremes and adds nothing. A front of one or two
 * points is all Infinity, since every point is an end of it.
 */
export function crowdingDistances(front: readonly ObjectiveVector[]): number[] {
  const size = front.length;
  const distance = new Array<number>(size).fill(0);
  if (size <= 2) return distance.fill(Infinity);
  const objectives = front[0].length;
  const order = Array.from({ length: size }, (_, i) => i);
  for (let m = 0; m < objectives; m++) {
    // Array.prototype.sort is stable (ES2019), so equal values stay in input order.
    order.sort((a, b) => front[a][m] - front[b][m]);
    const low = front[order[0]][m];
    const high = front[order[size - 1]][m];
    const range = high - low;
    if (!(range > 0)) continue;
    distance[order[0]] = Infinity;
    distance[order[size - 1]] = Infinity;
    for (let k = 1; k < size - 1; k++) {
      distance[order[k]] += (front[order[k + 1]][m] - front[order[k - 1]][m]) / range;
    }
  }
  return distance;
}

/**
 * The crowded-comparison order of NSGA-II: negative when a is better (lower rank, or the same rank and larger
 * crowding distance), positive when b is, 0 on a tie.
 */
export function crowdedCompare(rankA: number, crowdingA: number, rankB: number, crowdingB: number): number {
  if (rankA !== rankB) return rankA - rankB;
  if (crowdingA === crowdingB) return 0;
  return crowdingA > crowdingB ? -1 : 1;
}

function indicesWhere(values: readonly number[], keep: (value: number) => boolean): number[] {
  const result: number[] = [];
  values.forEach((value, i) => {
    if (keep(value)) result.push(i);
  });
  return result;
}
