import { describe, expect, it } from 'vitest';
import { csvField, runsToCsv, runsToJson } from '../../../components/sweeps/runs-to-csv';
import { failedRow, runRow } from './fixtures';

describe('runsToCsv', () => {
  it('writes a header and one CRLF-terminated line per run, params sorted and exact', () => {
    const csv = runsToCsv([runRow(0, { params: { w: 0.1 + 0.2, k: 2 }, seed: 7, metrics: { makespan: 55, tardiness: 0.5 } })], ['makespan', 'tardiness']);
    expect(csv).toBe(
      'position,policy,params,scenario,seed,options,status,makespan,tardiness,error\r\n' +
        '0,ATC,k=2;w=0.30000000000000004,ft06,7,{},done,55,0.5,\r\n',
    );
  });

  it('quotes fields with commas, quotes or line breaks and doubles inner quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    const csv = runsToCsv(
      [failedRow(3, 'threw "bad"\nat step 2, job 4', { policyLabel: 'My, policy', options: { scheme: 'active', limit: 2 } })],
      ['makespan'],
    );
    const line = csv.split('\r\n')[1];
    expect(line).toBe('3,"My, policy",k=1.5,ft06,1,"{""scheme"":""active"",""limit"":2}",failed,,"policy at line 3: threw ""bad""\nat step 2, job 4"');
  });

  it('writes NaN and the infinities by name and a missing metric as an empty cell', () => {
    const csv = runsToCsv([runRow(0, { metrics: { a: NaN, b: Infinity, c: -Infinity } })], ['a', 'b', 'c', 'd']);
    expect(csv.split('\r\n')[1]).toBe('0,ATC,k=1.5,ft06,1,{},done,NaN,Infinity,-Infinity,,');
  });
});

describe('runsToJson', () => {
  it('is a pretty array of every field, with non-finite numbers as strings', () => {
    const rows = [runRow(0, { metrics: { a: NaN, b: Infinity, c: -Infinity, d: 2 } }), failedRow(1, 'x')];
    const text = runsToJson(rows);
    expect(text).toContain('\n  {\n    "runKey": "run-0"');
    const parsed = JSON.parse(text);
    expect(parsed).toHaveLength(2);
    expect(parsed[0].metrics).toEqual({ a: 'NaN', b: 'Infinity', c: '-Infinity', d: 2 });
    expect(parsed[1]).toEqual({ ...rows[1], error: { kind: 'policy', message: 'x', line: 3 } });
  });
});
