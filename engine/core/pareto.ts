/**
 * Pareto utilities for comparing runs on several objectives at once (makespan vs tardiness, cost vs SLO
 * violations): dominance, the non-dominated front, and the exact hypervolume in two and three dimensions.
 *
 * A point is one objective vector, one number per objective, and `directions[i]` says whether objective i is
 * minimised or maximised. Internally every 'max' objective is negated so the geometry is written once, for
 * minimisation.
 */

import type { Direction } from './policy';

/** One point in objective space: one value per objective, in the order of the directions. */
export type ObjectiveVector = readonly number[];

/**
 * True when `a` Pareto-dominates `b`: at least as good in every objective and strictly better in at least one.
 * Identical points do not dominate each other.
 */
export function dominates(a: ObjectiveVector, b: ObjectiveVector, directions: readonly Direction[]): boolean {
  assertDirections(directions);
  assertVector(a, directions.length, 'first point');
  assertVector(b, directions.length, 'second point');
  return dominatesUnchecked(a, b, directions);
}

/**
 * Indices, ascending, of the points no other point dominates. Identical points do not dominate each other, so
 * duplicates on the front are all kept: two runs with the same metrics are both shown. O(n^2 m), which is
 * instant at the scale of a comparison view (thousands of runs).
 */
export function nonDominated(points: readonly ObjectiveVector[], directions: readonly Direction[]): number[] {
  assertDirections(directions);
  points.forEach((point, i) => assertVector(point, directions.length, `point ${i}`));
  const front: number[] = [];
  for (let i = 0; i < points.length; i++) {
    let dominated = false;
    for (let j = 0; j < points.length && !dominated; j++) {
      dominated = j !== i && dominatesUnchecked(points[j], points[i], directions);
    }
    if (!dominated) front.push(i);
  }
  return front;
}

/**
 * The exact hypervolume (area) dominated by the points and bounded by `reference`, for two objectives. Only points
 * strictly better than the reference in both objectives contribute. Sweep over the first objective: O(n log n).
 */
export function hypervolume2d(
  points: readonly ObjectiveVector[],
  reference: ObjectiveVector,
  directions: readonly Direction[],
): number {
  assertDimension(directions, 2, 'hypervolume2d');
  const { boxes, corner } = toMinimisedBoxes(points, reference, directions);
  boxes.sort(byFirstObjective);
  return staircaseArea(boxes, corner[0], corner[1]);
}

/**
 * The exact hypervolume dominated by the points and bounded by `reference`, for three objectives. Only points
 * strictly better than the reference in all three objectives contribute. Sweeps the third objective from best to
 * worst; between consecutive distinct values the cross-section is the 2-D area of the points seen so far, kept
 * sorted by the first objective: O(n^2).
 */
export function hypervolume3d(
  points: readonly ObjectiveVector[],
  reference: ObjectiveVector,
  directions: readonly Direction[],
): number {
  assertDimension(directions, 3, 'hypervolume3d');
  const { boxes, corner } = toMinimisedBoxes(points, reference, directions);
  boxes.sort((a, b) => a[2] - b[2]);
  const crossSection: number[][] = [];
  let volume = 0;
  for (let i = 0; i < boxes.length; i++) {
    insertSortedByFirstObjective(crossSection, boxes[i]);
    const slabEnd = i + 1 < boxes.length ? boxes[i + 1][2] : corner[2];
    // Points sharing a third-objective value open one slab together; the last of them measures it.
    if (slabEnd === boxes[i][2]) continue;
    volume += staircaseArea(crossSection, corner[0], corner[1]) * (slabEnd - boxes[i][2]);
  }
  return volume;
}

/**
 * The exact hypervolume for one to three objectives, chosen by the number of directions. More objectives throw:
 * exact algorithms there are a different order of cost, and no view needs them yet.
 */
export function hypervolume(
  points: readonly ObjectiveVector[],
  reference: ObjectiveVector,
  directions: readonly Direction[],
): number {
  switch (directions.length) {
    case 1:
      return hypervolume1d(points, reference, directions);
    case 2:
      return hypervolume2d(points, reference, directions);
    case 3:
      return hypervolume3d(points, reference, directions);
    default:
      throw new Error(`hypervolume supports 1 to 3 objectives; got ${directions.length}`);
  }
}

/** One objective: the distance from the reference to the best point beyond it. */
function hypervolume1d(
  points: readonly ObjectiveVector[],
  reference: ObjectiveVector,
  directions: readonly Direction[],
): number {
  const { boxes, corner } = toMinimisedBoxes(points, reference, directions);
  let best = corner[0];
  for (const box of boxes) best = Math.min(best, box[0]);
  return corner[0] - best;
}

function dominatesUnchecked(a: ObjectiveVector, b: ObjectiveVector, directions: readonly Direction[]): boolean {
  let strictlyBetterSomewhere = false;
  for (let i = 0; i < directions.length; i++) {
    if (a[i] === b[i]) continue;
    const aIsBetter = directions[i] === 'min' ? a[i] < b[i] : a[i] > b[i];
    if (!aIsBetter) return false;
    strictlyBetterSomewhere = true;
  }
  return strictlyBetterSomewhere;
}

/**
 * Negates the 'max' objectives of the points and the reference, and keeps only the points strictly better than
 * the reference everywhere: each kept point is the lower corner of a box whose upper corner is the reference.
 */
function toMinimisedBoxes(
  points: readonly ObjectiveVector[],
  reference: ObjectiveVector,
  directions: readonly Direction[],
): { boxes: number[][]; corner: number[] } {
  assertDirections(directions);
  assertFiniteVector(reference, directions.length, 'reference');
  const flip = (v: ObjectiveVector): number[] => directions.map((d, i) => (d === 'max' ? -v[i] : v[i]));
  const corner = flip(reference);
  const boxes: number[][] = [];
  points.forEach((point, index) => {
    assertFiniteVector(point, directions.length, `point ${index}`);
    const box = flip(point);
    if (box.every((value, i) => value < corner[i])) boxes.push(box);
  });
  return { boxes, corner };
}

/**
 * Area of the union of boxes [x, cornerX] x [y, cornerY], given sorted by x ascending: each box adds the strip
 * below the lowest y seen so far, since every earlier box already covers its x-range up to that y.
 */
function staircaseArea(sortedByX: readonly number[][], cornerX: number, cornerY: number): number {
  let area = 0;
  let lowestY = cornerY;
  for (const [x, y] of sortedByX) {
    if (y >= lowestY) continue;
    area += (cornerX - x) * (lowestY - y);
    lowestY = y;
  }
  return area;
}

function byFirstObjective(a: readonly number[], b: readonly number[]): number {
  return a[0] - b[0];
}

function insertSortedByFirstObjective(sorted: number[][], box: number[]): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid][0] <= box[0]) low = mid + 1;
    else high = mid;
  }
  sorted.splice(low, 0, box);
}

function assertDirections(directions: readonly Direction[]): void {
  directions.forEach((direction, i) => {
    if (direction !== 'min' && direction !== 'max') {
      throw new Error(`direction ${i} is "${String(direction)}"; expected 'min' or 'max'`);
    }
  });
}

function assertDimension(directions: readonly Direction[], expected: number, caller: string): void {
  if (directions.length !== expected) {
    throw new Error(`${caller} needs ${expected} directions, one per objective; got ${directions.length}`);
  }
}

function assertVector(vector: ObjectiveVector, length: number, label: string): void {
  if (vector.length !== length) {
    throw new Error(`${label} has ${vector.length} objectives; expected ${length}, one per direction`);
  }
  const nanAt = vector.findIndex((value) => Number.isNaN(value));
  if (nanAt >= 0) throw new RangeError(`${label} has NaN in objective ${nanAt}`);
}

function assertFiniteVector(vector: ObjectiveVector, length: number, label: string): void {
  assertVector(vector, length, label);
  const badAt = vector.findIndex((value) => !Number.isFinite(value));
  if (badAt >= 0) {
    throw new RangeError(`${label} has ${vector[badAt]} in objective ${badAt}; hypervolume needs finite values`);
  }
}
