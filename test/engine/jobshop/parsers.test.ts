import { describe, expect, it } from 'vitest';
import { compileInstance, type JobShopInstance } from '../../../engine/jobshop/model';
import {
  detectFormat,
  FORMATS,
  formatJson,
  formatStandard,
  formatTaillard,
  parseBrandimarte,
  parseInstance,
  parseJson,
  parseStandard,
  parseTaillard,
  parseTaillardAll,
} from '../../../engine/jobshop/parsers/index';
import { generateRandom } from '../../../engine/jobshop/generators/random';
import { withDueDates } from '../../../engine/jobshop/generators/due-dates';
import { listShared, readShared, readSharedJson, type FjspBoundsEntry } from './shared-data';

const JSSP = listShared('jssp/instances/');
const FJSP = listShared('fjsp/instances/');

/** The first instance of Taillard's original tai015_15.txt (ta01), header and layout exactly as he wrote it. */
const TAI01 = [
  'Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound',
  '        15        15  840612802  398197754      1231      1005',
  'Times',
  ' 94 66 10 53 26 15 65 82 10 27 93 92 96 70 83',
  ' 74 31 88 51 57 78  8  7 91 79 18 51 18 99 33',
  '  4 82 40 86 50 54 21  6 54 68 82 20 39 35 68',
  ' 73 23 30 30 53 94 58 93 32 91 30 56 27 92  9',
  ' 78 23 21 60 36 29 95 99 79 76 93 42 52 42 96',
  ' 29 61 88 70 16 31 65 83 78 26 50 87 62 14 30',
  ' 18 75 20  4 91 68 19 54 85 73 43 24 37 87 66',
  ' 32 52  9 49 61 35 99 62  6 62  7 80  3 57  7',
  ' 85 30 96 91 13 87 82 83 78 56 85  8 66 88 15',
  '  5 59 30 60 41 17 66 89 78 88 69 45 82  6 13',
  ' 90 27  1  8 91 80 89 49 32 28 90 93  6 35 73',
  ' 47 43 75  8 51  3 84 34 28 60 69 45 67 58 87',
  ' 65 62 97 20 31 33 33 77 50 80 48 90 75 96 44',
  ' 28 21 51 75 17 89 59 56 63 18 17 30 16  7 35',
  ' 57 16 42 34 37 26 68 73  5  8 12 87 83 20 97',
  'Machines',
  '  7 13  5  8  4  3 11 12  9 15 10 14  6  1  2',
  '  5  6  8 15 14  9 12 10  7 11  1  4 13  2  3',
  '  2  9 10 13  7 12 14  6  1  3  8 11  5  4 15',
  '  6  3 10  7 11  1 14  5  8 15 12  9 13  2  4',
  '  8  9  7 11  5 10  3 15 13  6  2 14 12  1  4',
  '  6  4 13 14 12  5 15  8  3  2 11  1 10  7  9',
  ' 13  4  8  9 15  7  2 12  5  6  3 11  1 14 10',
  ' 12  6  1  8 13 14 15  2  3  9  5  4 10  7 11',
  ' 11 12  7 15  1  2  3  6 13  5  9  8 10 14  4',
  '  7 12 10  3  9  1 14  4 11  8  2 13 15  5  6',
  '  5  8 14  1  6 13  7  9 15 11  4  2 12 10  3',
  '  3 15  1 13  7 11  8  6  9 10 14  2  4 12  5',
  '  6  9 11  3  4  7 10  1 14  5  2 12 13  8 15',
  '  9 15  5 14  6  7 10  2 13  8 12 11  4  3  1',
  ' 11  9 13  7  5  2 14 15 12  1  8  4  3 10  6',
  '',
].join('\n');

const operationCount = (instance: JobShopInstance): number => instance.jobs.reduce((n, job) => n + job.operations.length, 0);

describe('shared benchmark files', () => {
  it('has the 162 classic and 10 flexible files', () => {
    expect(JSSP).toHaveLength(162);
    expect(FJSP).toHaveLength(10);
  });

  it.each(JSSP)('%s loads as standard, auto-detected and explicit, and writes back byte for byte', (file) => {
    const text = readShared(`jssp/instances/${file}`);
    expect(detectFormat(text)).toBe('standard');
    const auto = parseInstance(text, { source: file });
    const explicit = parseInstance(text, { source: file, format: 'standard' });
    expect(auto).toEqual(explicit);
    expect(auto.name).toBe(file.replace('.txt', ''));
    const [n, m] = text.split('\n')[0].split(' ').map(Number);
    expect(auto.jobs).toHaveLength(n);
    expect(auto.machineCount).toBe(m);
    expect(formatStandard(parseStandard(text))).toBe(text);
  });

  const fjspBounds = readSharedJson<{ instances: FjspBoundsEntry[] }>('fjsp/bounds.json').instances;
  const expectedOps = [55, 58, 150, 90, 106, 150, 100, 225, 240, 240];

  it.each(FJSP.map((file, i) => [file, expectedOps[i]] as const))('%s loads as Brandimarte with %i operations', (file, ops) => {
    const text = readShared(`fjsp/instances/${file}`);
    expect(detectFormat(text)).toBe('brandimarte');
    const auto = parseInstance(text, { source: file });
    expect(parseInstance(text, { source: file, format: 'brandimarte' })).toEqual(auto);
    expect(operationCount(auto)).toBe(ops);
    const entry = fjspBounds.find((b) => `${b.name}.txt` === file);
    expect(entry?.operations).toBe(ops);
    expect(auto.machineCount).toBe(entry?.machines_header);
    expect(auto.jobs).toHaveLength(entry?.jobs ?? -1);
    expect(compileInstance(auto).isFlexible).toBe(true);
  });

  it('keeps the header machine count of mk06 (15) though only machines 1..10 are used', () => {
    const mk06 = parseBrandimarte(readShared('fjsp/instances/mk06.txt'));
    expect(mk06.machineCount).toBe(15);
    const used = new Set(mk06.jobs.flatMap((j) => j.operations.flatMap((o) => o.alternatives.map((a) => a.machine))));
    expect(Math.max(...used)).toBe(9);
  });

  it('reads machines from 1 in Brandimarte files (first operation of mk01)', () => {
    const mk01 = parseBrandimarte(readShared('fjsp/instances/mk01.txt'));
    // " 6  2 1 5 3 4 ..." -> operation 1 can run on machine 1 (5) or machine 3 (4).
    expect(mk01.jobs[0].operations[0].alternatives).toEqual([
      { machine: 0, duration: 5 },
      { machine: 2, duration: 4 },
    ]);
  });
});

describe('Taillard original format', () => {
  it('reads ta01 from Taillard\'s own layout, named by its seeds, identical to the standard file', () => {
    expect(detectFormat(TAI01)).toBe('taillard');
    const fromTaillard = parseInstance(TAI01, { source: 'tai015_15.txt' });
    const fromStandard = parseStandard(readShared('jssp/instances/ta01.txt'));
    expect(fromTaillard.name).toBe('ta01');
    expect(fromTaillard.jobs).toEqual(fromStandard.jobs);
    expect(fromTaillard.description).toContain('840612802/398197754');
    expect(parseTaillard(TAI01, { name: 'mine' }).name).toBe('mine');
  });

  it('writes the same layout back, byte for byte', () => {
    const instance = parseStandard(readShared('jssp/instances/ta01.txt'));
    const header = { timeSeed: 840612802, machineSeed: 398197754, upperBound: 1231, lowerBound: 1005 };
    expect(formatTaillard(instance, header)).toBe(TAI01);
    expect(parseTaillard(formatTaillard(instance, header)).jobs).toEqual(instance.jobs);
  });

  it('reads files holding several instances, as Taillard\'s originals do', () => {
    const ta02 = parseStandard(readShared('jssp/instances/ta02.txt'));
    const two = TAI01 + formatTaillard(ta02, { timeSeed: 1314640371, machineSeed: 386720536, upperBound: 1244, lowerBound: 953 });
    const all = parseTaillardAll(two, { source: 'tai015_15.txt' });
    expect(all.map((i) => i.name)).toEqual(['ta01', 'ta02']);
    expect(parseTaillard(two, { index: 1 }).jobs).toEqual(ta02.jobs);
    expect(() => parseTaillard(two, { index: 2 })).toThrow(/holds 2/);
  });

  it('tolerates other header wording, a colon after the keywords and no seeds', () => {
    const text = 'jobs machines\n2 2\nTimes:\n1 2\n3 4\nMachines:\n1 2\n2 1\n';
    expect(detectFormat(text)).toBe('taillard');
    const instance = parseTaillard(text, { source: 'small.txt' });
    expect(instance.name).toBe('small');
    expect(instance.jobs[1].operations[0].alternatives).toEqual([{ machine: 1, duration: 3 }]);
  });
});

describe('JSON form', () => {
  const flexible = withDueDates(generateRandom({ jobs: 4, machines: 3, minDuration: 1, maxDuration: 9, flexibility: 0.5, seed: 7 }), { factor: 2 });

  it('JSON.stringify of an instance reads back unchanged', () => {
    const text = JSON.stringify(flexible);
    expect(detectFormat(text)).toBe('json');
    expect(parseInstance(text)).toEqual(flexible);
    expect(parseJson(JSON.stringify(flexible, null, 2))).toEqual(flexible);
  });

  it('formatJson writes one job per line and reads back', () => {
    const text = formatJson(flexible);
    expect(text.split('\n')).toHaveLength(flexible.jobs.length + 3);
    expect(parseJson(text)).toEqual(flexible);
  });

  it('accepts the [machine, duration] shorthand and takes the name from the file when absent', () => {
    const text = '{"machineCount": 2, "jobs": [{"operations": [[0, 3], {"alternatives": [[1, 2], {"machine": 0, "duration": 4}]}], "weight": 2}]}';
    const instance = parseJson(text, { source: 'dir/tiny.json' });
    expect(instance).toEqual({
      name: 'tiny',
      machineCount: 2,
      jobs: [
        {
          operations: [
            { alternatives: [{ machine: 0, duration: 3 }] },
            { alternatives: [{ machine: 1, duration: 2 }, { machine: 0, duration: 4 }] },
          ],
          weight: 2,
        },
      ],
    });
  });
});

describe('format detection', () => {
  it('lists the formats', () => {
    expect(FORMATS).toEqual(['standard', 'taillard', 'brandimarte', 'json']);
  });

  it.each([
    ['{"machineCount":1}', 'json'],
    ['\uFEFF  \n {"machineCount":1}', 'json'],
    ['Nb of jobs, Nb of Machines\n1 1\n', 'taillard'],
    ['1 1\nTIMES\n5\nMachines\n1\n', 'taillard'],
    ['2 3 1.5\n1 1 1 4\n', 'brandimarte'],
    ['2 3 2\n1 1 1 4\n', 'brandimarte'],
    // Two-number header, but the job line has an odd count and reads as "2 operations: 1 machine (1 4), 1 machine (2 5)".
    ['1 3\n2 1 1 4 1 2 5\n', 'brandimarte'],
    ['1 3\n0 4 2 5\n', 'standard'],
    ['# Times are in minutes\n1 1\n0 5\n', 'standard'],
    ['', 'standard'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('an explicit format wins over detection', () => {
    expect(() => parseInstance('2 3 2\n1 1 1 4\n', { format: 'standard', source: 'x.txt' })).toThrow(/^x\.txt:1:5: /);
  });

  it('skips JSPLIB comment headers and blank lines in the standard format', () => {
    const text = '#+++\n# instance tiny\n#+++\n\n2 2\n0 1 1 2\n\n1 3 0 4\n\n';
    const instance = parseInstance(text, { name: 'tiny' });
    expect(instance.jobs).toHaveLength(2);
    expect(formatStandard(instance)).toBe('2 2\n0 1 1 2\n1 3 0 4\n');
  });

  it('refuses to write a flexible instance in the standard format, pointing at JSON', () => {
    const flex = parseBrandimarte(readShared('fjsp/instances/mk01.txt'));
    expect(() => formatStandard(flex)).toThrow(/flexible instance as JSON/);
  });
});
