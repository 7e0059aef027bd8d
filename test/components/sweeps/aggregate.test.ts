import { describe, expect, it } from 'vitest';
import {
  aggregateMetric,
  failedCount,
  formatSignificant,
  groupByPolicyPoint,
  metricNames,
  policyPointId,
} from '../../../components/sweeps/aggregate';
import { failedRow, runRow } from './fixtures';

describe('groupByPolicyPoint', () => {
  const rows = [
    runRow(0, { params: { k: 1.5 }, seed: 1 }),
    runRow(1, { params: { k: 2 }, seed: 1 }),
    runRow(2, { params: { k: 1.5 }, seed: 2 }),
    failedRow(3, 'boom', { params: { k: 3 } }),
    runRow(4, { policyLabel: 'SPT', params: {} }),
    runRow(5, { params: { k: 2 }, seed: 2 }),
  ];

  it('makes one group per policy and parameter values, leaving failed runs out', () => {
    const groups = groupByPolicyPoint(rows);
    expect(groups.map((g) => g.id)).toEqual(['ATC k=1.5', 'ATC k=2', 'SPT']);
    expect(groups.map((g) => g.runs.map((r) => r.position))).toEqual([[0, 2], [1, 5], [4]]);
    expect(groups[0]).toMatchObject({ policyLabel: 'ATC', params: { k: 1.5 }, label: 'ATC k=1.5' });
  });

  it('orders groups and their runs by position whatever order the rows come in', () => {
    const shuffled = [rows[5], rows[3], rows[2], rows[4], rows[0], rows[1]];
    expect(groupByPolicyPoint(shuffled)).toEqual(groupByPolicyPoint(rows));
  });

  it('ignores the order of parameter names, keeps ids exact and rounds only the label', () => {
    const groups = groupByPolicyPoint([
      runRow(0, { params: { w: 0.1 + 0.2, k: 1 } }),
      runRow(1, { params: { k: 1, w: 0.1 + 0.2 } }),
      runRow(2, { params: { k: 1, w: 0.3 } }),
    ]);
    expect(groups.map((g) => g.id)).toEqual(['ATC k=1,w=0.30000000000000004', 'ATC k=1,w=0.3']);
    expect(groups.map((g) => g.label)).toEqual(['ATC k=1, w=0.3', 'ATC k=1, w=0.3']);
    expect(groups[0].runs).toHaveLength(2);
    expect(policyPointId({ policyLabel: 'ATC', params: { w: 0.3, k: 1 } })).toBe('ATC k=1,w=0.3');
  });

  it('formats label numbers to four significant digits', () => {
    expect([2 / 3, 1234567.8, 42, NaN, -Infinity].map(formatSignificant)).toEqual(['0.6667', '1235000', '42', 'NaN', '-Infinity']);
  });
});

describe('aggregateMetric', () => {
  const [group] = groupByPolicyPoint([
    runRow(0, { metrics: { makespan: 3, tardiness: 1, broken: NaN } }),
    runRow(1, { metrics: { makespan: NaN, tardiness: 2, broken: Infinity } }),
    runRow(2, { metrics: { makespan: 1, tardiness: 10 } }),
    runRow(3, { metrics: { makespan: 8, tardiness: 3 } }),
    runRow(4, { metrics: { makespan: Infinity } }),
  ]);

  it('takes the mean, median and min..max of the finite values only', () => {
    // makespan: finite 3, 1, 8 -> mean 4, median 3; tardiness: 1, 2, 10, 3 -> mean 4, median (2 + 3) / 2.
    expect(aggregateMetric(group, 'makespan', 'mean')).toEqual({ value: 4, spread: [1, 8], n: 3 });
    expect(aggregateMetric(group, 'makespan', 'median')).toEqual({ value: 3, spread: [1, 8], n: 3 });
    expect(aggregateMetric(group, 'tardiness', 'mean')).toEqual({ value: 4, spread: [1, 10], n: 4 });
    expect(aggregateMetric(group, 'tardiness', 'median')).toEqual({ value: 2.5, spread: [1, 10], n: 4 });
  });

  it('gives NaN and n = 0 when no value is finite or the metric is absent', () => {
    for (const metric of ['broken', 'absent']) {
      const { value, spread, n } = aggregateMetric(group, metric, 'median');
      expect([value, ...spread, n]).toEqual([NaN, NaN, NaN, 0]);
    }
  });
});

describe('metricNames and failedCount', () => {
  const rows = [
    runRow(0, { metrics: { tardiness: 1, makespan: 2 } }),
    runRow(1, { metrics: { flowTime: 3 } }),
    failedRow(2, 'x', { metrics: { onlyOnFailed: 1 } }),
    failedRow(3, 'y'),
  ];
  it('lists the metrics of done runs, sorted', () => {
    expect(metricNames(rows)).toEqual(['flowTime', 'makespan', 'tardiness']);
  });
  it('counts failed runs', () => {
    expect(failedCount(rows)).toBe(2);
    expect(failedCount([])).toBe(0);
  });
});
