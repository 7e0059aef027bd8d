import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { parseBrandimarte, parseInstance, parseJson, parseStandard, parseTaillard } from '../../../engine/jobshop/parsers/index';
import { validateInstance } from '../../../engine/jobshop/validate';
import { readShared } from './shared-data';

/** Runs `fn`, expecting an InputError with exactly this message (which starts with source:line:column). */
function expectInputError(fn: () => unknown, message: string): InputError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as InputError).message).toBe(message);
  return caught as InputError;
}

const FT06 = readShared('jssp/instances/ft06.txt');
const ft06Lines = FT06.split('\n');
const withLine = (index: number, line: string): string => ft06Lines.map((l, i) => (i === index ? line : l)).join('\n');

describe('standard format errors', () => {
  it('bad header: one number', () => {
    const error = expectInputError(() => parseStandard('6\n0 1\n', { source: 'ft06.txt' }), 'ft06.txt:1:2: expected a header of two numbers "jobs machines", found 1 value(s)');
    expect(error.where).toEqual({ source: 'ft06.txt', line: 1, column: 2 });
  });

  it('bad header: not a number', () => {
    expectInputError(() => parseStandard('6 six\n', { source: 'ft06.txt' }), 'ft06.txt:1:3: expected the number of machines (a positive integer), found "six"');
  });

  it('missing job line names the line after the last one', () => {
    const short = ft06Lines.slice(0, 6).join('\n') + '\n';
    expectInputError(() => parseStandard(short, { source: 'ft06.txt' }), 'ft06.txt:7: expected 6 job lines, found 5; the file ends before job 6');
  });

  it('machine out of range', () => {
    // Line 3 is "1 8 2 5 4 10 ..."; the machine "4" at column 9 becomes "9".
    const text = withLine(2, '1 8 2 5 9 10 5 10 0 10 3 4');
    const error = expectInputError(() => parseStandard(text, { source: 'ft06.txt' }), 'ft06.txt:3:9: expected a machine index in 0..5, found "9"');
    expect(error.detail).toBe('expected a machine index in 0..5, found "9"');
  });

  it('negative duration', () => {
    expectInputError(() => parseStandard('1 2\n0 5 1 -1\n', { source: 'a.txt' }), 'a.txt:2:7: expected a duration (an integer >= 0), found "-1"');
  });

  it('zero duration is accepted (orb07 has one)', () => {
    expect(parseStandard('1 2\n0 5 1 0\n').jobs[0].operations[1].alternatives[0].duration).toBe(0);
  });

  it('duration 2.5', () => {
    expectInputError(() => parseStandard('1 2\n0 5 1 2.5\n', { source: 'a.txt' }), 'a.txt:2:7: expected a duration (an integer >= 0), found "2.5"');
  });

  it('non-number token', () => {
    expectInputError(() => parseStandard('1 2\n0 5 M1 3\n', { source: 'a.txt' }), 'a.txt:2:5: expected a machine index in 0..1, found "M1"');
  });

  it('odd number of tokens points at the end of the line', () => {
    expectInputError(
      () => parseStandard('1 2\n0 5 1\n', { source: 'a.txt' }),
      'a.txt:2:6: expected "machine duration" pairs, found 3 values (the last machine has no duration)',
    );
  });

  it('trailing garbage after the last job', () => {
    expectInputError(() => parseStandard('1 2\n0 5 1 3\nEOF\n', { source: 'a.txt' }), 'a.txt:3:1: expected the end of the file after 1 job lines, found "EOF"');
  });

  it('counts lines with Windows line ends and comments', () => {
    expectInputError(() => parseStandard('# c\r\n1 2\r\n\r\n0 5 1 x\r\n', { source: 'a.txt' }), 'a.txt:4:7: expected a duration (an integer >= 0), found "x"');
  });

  it('empty file', () => {
    expectInputError(() => parseInstance('', { source: 'empty.txt' }), 'empty.txt:1: expected a header line "jobs machines", found an empty file');
  });
});

describe('Taillard format errors', () => {
  const good = 'Nb of jobs, Nb of Machines, Time seed, Machine seed, Upper bound, Lower bound\n 2 2 1 2 10 5\nTimes\n 1 2\n 3 4\nMachines\n 1 2\n 2 1\n';

  it('the good text loads', () => {
    expect(parseTaillard(good).jobs).toHaveLength(2);
  });

  it('machine 0 (machines count from 1 here)', () => {
    expectInputError(() => parseTaillard(good.replace(' 2 1\n', ' 2 0\n'), { source: 't.txt' }), 't.txt:8:4: expected a machine in 1..2, found "0"');
  });

  it('a short Times row', () => {
    expectInputError(() => parseTaillard(good.replace(' 3 4\n', ' 3\n'), { source: 't.txt' }), 't.txt:5:3: expected 2 durations in row 2, found 1');
  });

  it('a missing Machines line', () => {
    expectInputError(() => parseTaillard(good.replace('Machines\n', ''), { source: 't.txt' }), 't.txt:6:2: expected a line "Machines", found "1"');
  });

  it('a header number that is not an integer', () => {
    expectInputError(() => parseTaillard(good.replace(' 2 2 1 2', ' 2 2.0 1 2'), { source: 't.txt' }), 't.txt:2:4: expected the number of machines (a positive integer), found "2.0"');
  });
});

describe('Brandimarte format errors', () => {
  it('fewer operations than announced', () => {
    expectInputError(
      () => parseBrandimarte('1 2 1\n3 1 1 4 1 2 5\n', { source: 'mk.txt' }),
      'mk.txt:2:14: expected the number of machines for operation 3 of 3, found the end of the line',
    );
  });

  it('more values than the announced operations use', () => {
    expectInputError(
      () => parseBrandimarte('1 2 1\n1 1 1 4 1 2 5\n', { source: 'mk.txt' }),
      'mk.txt:2:9: expected the end of the job line after its 1 operations, found "1"',
    );
  });

  it('machine out of range (machines count from 1)', () => {
    expectInputError(() => parseBrandimarte('1 2 1\n1 2 0 4 2 5\n', { source: 'mk.txt' }), 'mk.txt:2:5: expected a machine in 1..2, found "0"');
  });

  it('the same machine twice in one operation', () => {
    expectInputError(() => parseBrandimarte('1 2 1\n1 2 2 4 2 5\n', { source: 'mk.txt' }), 'mk.txt:2:9: expected a machine not yet listed for operation 1 of 1, found "2"');
  });

  it('a header average that is not a number', () => {
    expectInputError(() => parseBrandimarte('1 2 many\n1 1 1 4\n', { source: 'mk.txt' }), 'mk.txt:1:5: expected the average number of machines per operation (a number), found "many"');
  });

  it('a missing job line', () => {
    expectInputError(() => parseInstance('2 2 1\n1 1 1 4\n', { source: 'mk.txt' }), 'mk.txt:3: expected 2 job lines, found 1; the file ends before job 2');
  });
});

describe('JSON errors', () => {
  it('syntax error: missing comma, with line and column', () => {
    const text = '{\n  "machineCount": 2\n  "jobs": []\n}';
    const error = expectInputError(() => parseJson(text, { source: 'i.json' }), `i.json:3:3: invalid JSON: expected ',' or '}' after a property value, found "\\""`);
    expect(error.where).toEqual({ source: 'i.json', line: 3, column: 3 });
  });

  it('syntax error: trailing comma', () => {
    expectInputError(
      () => parseInstance('{"machineCount": 2, "jobs": [],\n}', { source: 'i.json' }),
      `i.json:2:1: invalid JSON: expected a property name in double quotes, found "}"`,
    );
  });

  it('syntax error: the text ends early', () => {
    expectInputError(() => parseJson('{"jobs": [\n  [0, 1', { source: 'i.json' }), `i.json:2:8: invalid JSON: expected ',' or ']' after an array element, found the end of the input`);
  });

  const nested = [
    '{',
    '  "machineCount": 3,',
    '  "jobs": [',
    '    { "operations": [[0, 3], [1, 2]] },',
    '    { "operations": [',
    '        { "alternatives": [{ "machine": 2, "duration": 4 },',
    '                           { "machine": 1, "duration": 2.5 }] }',
    '    ] }',
    '  ]',
    '}',
  ].join('\n');

  it('schema error: names the path and the line and column of the value', () => {
    expectInputError(() => parseJson(nested, { source: 'i.json' }), 'i.json:7:56: jobs[1].operations[0].alternatives[1].duration is 2.5; expected an integer >= 0');
  });

  it('schema error in a shorthand operation points at the [machine, duration] pair', () => {
    expectInputError(
      () => parseJson(nested.replace('[1, 2]]', '[3, 2]]'), { source: 'i.json' }),
      'i.json:4:31: jobs[0].operations[1].alternatives[0].machine is 3; expected a machine index in 0..2',
    );
  });

  it('schema error: a wrong type', () => {
    expectInputError(() => parseJson(nested.replace('"machineCount": 3', '"machineCount": "3"'), { source: 'i.json' }), 'i.json:2:19: machineCount is the string "3"; expected the number of machines (a positive integer)');
  });

  it('schema error: an unknown property (a misspelt due date)', () => {
    expectInputError(
      () => parseJson('{"machineCount": 1, "jobs": [{"operations": [[0, 1]], "dew": 5}]}', { source: 'i.json' }),
      'i.json:1:55: jobs[0].dew is not a known property; expected one of operations, release, due, weight',
    );
  });

  it('schema error: missing machineCount and empty jobs', () => {
    expectInputError(() => parseJson('{"jobs": []}', { source: 'i.json' }), 'i.json:1:1: machineCount is missing; expected the number of machines (a positive integer)');
    expectInputError(() => parseJson('{"machineCount": 2,\n "jobs": []}', { source: 'i.json' }), 'i.json:2:10: jobs is empty; expected at least one job');
  });
});

describe('validateInstance', () => {
  const ok = { name: 'v', machineCount: 2, jobs: [{ operations: [{ alternatives: [{ machine: 0, duration: 1 }] }] }] };

  it('passes a valid instance through', () => {
    expect(validateInstance(ok)).toBe(ok);
  });

  it.each([
    [{ ...ok, jobs: [] }, 'src: jobs is empty; expected at least one job'],
    [{ ...ok, machineCount: 0 }, 'src: machineCount is 0; expected a positive integer'],
    [{ ...ok, jobs: [{ operations: [] }] }, 'src: jobs[0].operations is empty; expected at least one operation'],
    [{ ...ok, jobs: [{ operations: [{ alternatives: [] }] }] }, 'src: jobs[0].operations[0].alternatives is empty; expected at least one machine'],
    [{ ...ok, jobs: [{ ...ok.jobs[0], release: -1 }] }, 'src: jobs[0].release is -1; expected a finite number >= 0'],
    [{ ...ok, jobs: [{ ...ok.jobs[0], due: Infinity }] }, 'src: jobs[0].due is Infinity; expected a finite number >= 0'],
    [{ ...ok, jobs: [{ ...ok.jobs[0], weight: 0 }] }, 'src: jobs[0].weight is 0; expected a finite number > 0'],
    [
      { ...ok, jobs: [{ operations: [{ alternatives: [{ machine: 1, duration: 1 }, { machine: 1, duration: 2 }] }] }] },
      'src: jobs[0].operations[0].alternatives[1].machine is 1 again; each alternative needs a different machine',
    ],
  ])('rejects %#', (instance, message) => {
    expectInputError(() => validateInstance(instance, 'src'), message);
  });
});
