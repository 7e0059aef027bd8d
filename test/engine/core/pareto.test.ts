import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Direction } from '../../../engine/core/policy';
import {
  dominates,
  hypervolume,
  hypervolume2d,
  hypervolume3d,
  nonDominated,
} from '../../../engine/core/pareto';

const MIN2: Direction[] = ['min', 'min'];
const MIN3: Direction[] = ['min', 'min', 'min'];

describe('dominates', () => {
  it('needs at least as good everywhere and strictly better somewhere', () => {
    expect(dominates([1, 2], [2, 2], MIN2)).toBe(true);
    expect(dominates([1, 1], [2, 2], MIN2)).toBe(true);
    expect(dominates([1, 3], [2, 2], MIN2)).toBe(false);
    expect(dominates([2, 2], [1, 2], MIN2)).toBe(false);
  });

  it('identical points do not dominate each other', () => {
    expect(dominates([1, 2], [1, 2], MIN2)).toBe(false);
  });

  it('follows the direction of each objective', () => {
    expect(dominates([3, 5], [3, 4], ['min', 'max'])).toBe(true);
    expect(dominates([3, 4], [3, 5], ['min', 'max'])).toBe(false);
    expect(dominates([9, 9], [1, 1], ['max', 'max'])).toBe(true);
  });

  it('works for any number of objectives', () => {
    expect(dominates([0], [1], ['min'])).toBe(true);
    expect(dominates([1, 1, 1, 1], [1, 1, 1, 2], ['min', 'min', 'min', 'min'])).toBe(true);
    expect(dominates([1, 1, 1, 3], [1, 1, 1, 2], ['min', 'min', 'min', 'max'])).toBe(true);
  });

  it('rejects mismatched lengths, NaN and unknown directions', () => {
    expect(() => dominates([1, 2, 3], [1, 2], MIN2)).toThrow('first point has 3 objectives; expected 2');
    expect(() => dominates([1, 2], [1, NaN], MIN2)).toThrow(/second point has NaN in objective 1/);
    expect(() => dominates([1], [2], ['up' as Direction])).toThrow(/direction 0 is "up"/);
  });
});

describe('nonDominated', () => {
  it('returns the indices of the front, ascending', () => {
    const points = [
      [3, 1],
      [2, 2],
      [2, 3], // dominated by [2, 2]
      [1, 3],
      [3, 3], // dominated by several
    ];
    expect(nonDominated(points, MIN2)).toEqual([0, 1, 3]);
  });

  it('keeps every copy of a duplicated point on the front', () => {
    const points = [
      [1, 2],
      [2, 1],
      [1, 2],
      [2, 2],
    ];
    expect(nonDominated(points, MIN2)).toEqual([0, 1, 2]);
  });

  it('drops a duplicate pair together when something dominates them', () => {
    expect(nonDominated([[2, 2], [2, 2], [1, 1]], MIN2)).toEqual([2]);
  });

  it('follows max directions', () => {
    const points = [
      [1, 1],
      [5, 0],
      [3, 3],
      [0, 5],
    ];
    expect(nonDominated(points, ['max', 'max'])).toEqual([1, 2, 3]);
    expect(nonDominated(points, ['min', 'min'])).toEqual([0, 1, 3]);
  });

  it('handles empty input and a single point', () => {
    expect(nonDominated([], MIN2)).toEqual([]);
    expect(nonDominated([[4, 4]], MIN2)).toEqual([0]);
  });

  it('names a malformed point', () => {
    expect(() => nonDominated([[1, 2], [1]], MIN2)).toThrow('point 1 has 1 objectives; expected 2');
  });
});

describe('hypervolume2d', () => {
  it('measures a staircase', () => {
    // Strips by x: 3*1 + 2*1 + 1*1.
    expect(hypervolume2d([[1, 3], [2, 2], [3, 1]], [4, 4], MIN2)).toBe(6);
  });

  it('does not depend on point order', () => {
    expect(hypervolume2d([[3, 1], [1, 3], [2, 2]], [4, 4], MIN2)).toBe(6);
  });

  it('counts ties and duplicates once', () => {
    // [1, 3] lies on the reference's y, [2, 2] is inside [1, 2]'s box, and [1, 2] appears twice.
    expect(hypervolume2d([[1, 2], [1, 3], [2, 2], [1, 2]], [3, 3], MIN2)).toBe(2);
    expect(hypervolume2d([[1, 1], [1, 1]], [2, 2], MIN2)).toBe(1);
  });

  it('ignores points not strictly better than the reference in every objective', () => {
    const beyond = [
      [5, 0], // worse than the reference in x
      [4, 1], // equal to the reference in x
      [0, 4], // equal in y
      [9, 9],
    ];
    expect(hypervolume2d([[1, 3], [2, 2], [3, 1], ...beyond], [4, 4], MIN2)).toBe(6);
    expect(hypervolume2d(beyond, [4, 4], MIN2)).toBe(0);
    expect(hypervolume2d([], [4, 4], MIN2)).toBe(0);
  });

  it('handles max and mixed directions', () => {
    expect(hypervolume2d([[3, 1], [2, 2], [1, 3]], [0, 0], ['max', 'max'])).toBe(6);
    // Minimise x, maximise y: boxes [1,4]x[0,1], [2,4]x[0,2], [3,4]x[0,3].
    expect(hypervolume2d([[1, 1], [2, 2], [3, 3]], [4, 0], ['min', 'max'])).toBe(6);
  });

  it('works with fractional values', () => {
    expect(hypervolume2d([[0.5, 0.25]], [1, 1], MIN2)).toBe(0.375);
  });

  it('checks its dimension and rejects non-finite values', () => {
    expect(() => hypervolume2d([[1, 1, 1]], [2, 2, 2], MIN3)).toThrow('hypervolume2d needs 2 directions');
    expect(() => hypervolume2d([[1, Infinity]], [2, 2], MIN2)).toThrow(/point 0 has Infinity/);
    expect(() => hypervolume2d([[1, 1]], [2], MIN2)).toThrow(/reference has 1 objectives/);
  });
});

describe('hypervolume3d', () => {
  it('measures one box', () => {
    expect(hypervolume3d([[0, 0, 0]], [1, 2, 3], MIN3)).toBe(6);
  });

  it('measures two overlapping boxes', () => {
    // [0,2]x[0,2]x[1,2] (4) + [1,2]x[1,2]x[0,2] (2) - overlap [1,2]^3 (1).
    expect(hypervolume3d([[0, 0, 1], [1, 1, 0]], [2, 2, 2], MIN3)).toBe(5);
  });

  it('measures the three unit-offset corners by inclusion-exclusion', () => {
    // 3 * 4 - 3 * 2 + 1.
    expect(hypervolume3d([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [2, 2, 2], MIN3)).toBe(7);
  });

  it('handles ties in the swept objective, duplicates and dominated points', () => {
    // Same third objective: cross-section 2 + 2 - 1 = 3 over depth 2.
    expect(hypervolume3d([[0, 1, 0], [1, 0, 0]], [2, 2, 2], MIN3)).toBe(6);
    expect(hypervolume3d([[0, 1, 0], [1, 0, 0], [1, 0, 0], [1, 1, 1]], [2, 2, 2], MIN3)).toBe(6);
  });

  it('ignores points not strictly better than the reference', () => {
    expect(hypervolume3d([[0, 0, 2], [3, 0, 0], [0, 2, 0]], [2, 2, 2], MIN3)).toBe(0);
    expect(hypervolume3d([[0, 0, 0], [0, 0, 2]], [2, 2, 2], MIN3)).toBe(8);
  });

  it('handles max directions', () => {
    expect(hypervolume3d([[1, 2, 3]], [0, 0, 0], ['max', 'max', 'max'])).toBe(6);
    // Minimise, maximise, minimise: the box [1,3]x[0,2]x[2,5].
    expect(hypervolume3d([[1, 2, 2]], [3, 0, 5], ['min', 'max', 'min'])).toBe(12);
  });

  it('agrees with the 2-D value times the depth when all points share the third objective', () => {
    const points2d = [[1, 3], [2, 2], [3, 1]];
    const points3d = points2d.map(([x, y]) => [x, y, 1]);
    expect(hypervolume3d(points3d, [4, 4, 5], MIN3)).toBe(hypervolume2d(points2d, [4, 4], MIN2) * 4);
  });
});

describe('hypervolume', () => {
  it('dispatches by the number of directions', () => {
    expect(hypervolume([[3], [1], [5]], [4], ['min'])).toBe(3);
    expect(hypervolume([[3], [1]], [0], ['max'])).toBe(3);
    expect(hypervolume([[1, 3], [2, 2], [3, 1]], [4, 4], MIN2)).toBe(6);
    expect(hypervolume([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [2, 2, 2], MIN3)).toBe(7);
  });

  it('throws a clear error beyond three objectives, and for none', () => {
    expect(() => hypervolume([[0, 0, 0, 0]], [1, 1, 1, 1], ['min', 'min', 'min', 'min'])).toThrow(
      'hypervolume supports 1 to 3 objectives; got 4',
    );
    expect(() => hypervolume([], [], [])).toThrow(/got 0/);
  });
});

/**
 * The dominated volume by counting unit cells on an integer grid: a cell belongs to a point's box when, in every
 * objective, it lies between the point and the reference on the point's better side.
 */
function gridHypervolume(points: number[][], reference: number[], directions: Direction[], gridSize: number): number {
  let count = 0;
  const cell = new Array<number>(directions.length).fill(0);
  const total = gridSize ** directions.length;
  for (let index = 0; index < total; index++) {
    for (let i = 0, rest = index; i < cell.length; i++, rest = Math.floor(rest / gridSize)) cell[i] = rest % gridSize;
    const covered = points.some((p) =>
      cell.every((c, i) => (directions[i] === 'min' ? p[i] <= c && c + 1 <= reference[i] : reference[i] <= c && c + 1 <= p[i])),
    );
    if (covered) count++;
  }
  return count;
}

/** Small integer points and a reference on a grid of 0..GRID, with random directions. */
const GRID = 6;
function smallCase(dimension: number) {
  const coordinate = fc.integer({ min: 0, max: GRID });
  const vector = fc.array(coordinate, { minLength: dimension, maxLength: dimension });
  const direction = fc.constantFrom<Direction>('min', 'max');
  return fc.record({
    points: fc.array(vector, { maxLength: 8 }),
    reference: vector,
    directions: fc.array(direction, { minLength: dimension, maxLength: dimension }),
  });
}

describe('hypervolume properties', () => {
  it('2-D equals a brute-force grid count', () => {
    fc.assert(
      fc.property(smallCase(2), ({ points, reference, directions }) => {
        expect(hypervolume2d(points, reference, directions)).toBe(gridHypervolume(points, reference, directions, GRID));
      }),
      { numRuns: 300 },
    );
  });

  it('3-D equals a brute-force grid count', () => {
    fc.assert(
      fc.property(smallCase(3), ({ points, reference, directions }) => {
        expect(hypervolume3d(points, reference, directions)).toBe(gridHypervolume(points, reference, directions, GRID));
      }),
      { numRuns: 300 },
    );
  });

  it('the front alone has the same hypervolume as all the points', () => {
    fc.assert(
      fc.property(smallCase(3), ({ points, reference, directions }) => {
        const front = nonDominated(points, directions).map((i) => points[i]);
        expect(hypervolume3d(front, reference, directions)).toBe(hypervolume3d(points, reference, directions));
      }),
    );
  });

  it('the front is exactly the points nothing dominates', () => {
    fc.assert(
      fc.property(smallCase(3), ({ points, directions }) => {
        const front = new Set(nonDominated(points, directions));
        points.forEach((point, i) => {
          const dominatedBySomething = points.some((other) => dominates(other, point, directions));
          expect(front.has(i)).toBe(!dominatedBySomething);
        });
      }),
    );
  });
});
