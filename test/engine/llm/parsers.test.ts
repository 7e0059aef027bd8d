import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/core/errors';
import { parseTrace } from '../../../engine/llm/parsers';
import { withRate } from '../../../engine/llm/workloads/rate';

const BURST_V1 = `Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type
5,ChatGPT,472,18,490,Conversation log
45,ChatGPT,1087,230,1317,Conversation log
50,GPT-4,20,0,20,API log
118,GPT-4,417,276,693,Conversation log
`;
// BurstGPT_3 inserts Session ID and Elapsed time at positions 2-3; columns are found by name.
const BURST_V3 = `Timestamp,Session ID,Elapsed time,Model,Request tokens,Response tokens,Total tokens,Log Type\r
10,s1,3.2,ChatGPT,100,50,150,Conversation log\r
12,s1,1.0,ChatGPT,0,30,30,Conversation log\r
11,s2,2.0,GPT-4,200,0,200,Conversation log\r
`;

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no error');
}

describe('trace importers', () => {
  it('BurstGPT v1: failed rows (0 response tokens) are skipped and counted; times re-based to the first arrival', () => {
    const s = parseTrace(BURST_V1, { source: 'data/BurstGPT_1.csv' });
    expect(s.name).toBe('BurstGPT_1');
    expect(s.imported).toEqual({ format: 'burstgpt', rows: 4, skippedFailed: 1, includedFailed: 0, zeroPrompts: 0 });
    expect(s.requests).toEqual([
      { arrival: 0, promptTokens: 472, outputTokens: 18 },
      { arrival: 40, promptTokens: 1087, outputTokens: 230 },
      { arrival: 113, promptTokens: 417, outputTokens: 276 },
    ]);
    const kept = parseTrace(BURST_V1, { includeFailed: true });
    expect(kept.requests).toHaveLength(4);
    expect(kept.requests[2]).toEqual({ arrival: 45, promptTokens: 20, outputTokens: 1 });
  });

  it('BurstGPT v3 by column name, CRLF, sessions, unsorted rows sorted by time, a 0-token prompt read as 1', () => {
    const s = parseTrace(BURST_V3);
    expect(s.imported).toMatchObject({ rows: 3, skippedFailed: 1, zeroPrompts: 1 });
    expect(s.requests).toEqual([
      { arrival: 0, promptTokens: 100, outputTokens: 50, session: 's1' },
      { arrival: 2, promptTokens: 1, outputTokens: 30, session: 's1' },
    ]);
  });

  it('Azure trace: TIMESTAMP date-times with 7-digit fractions', () => {
    const text = 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,4808,10\n2023-11-16 18:15:50.9951690,3180,8\n2023-11-16 18:16:00.0000000,110,27\n';
    const s = parseTrace(text);
    expect(s.imported.format).toBe('azure');
    expect(s.requests.map((r) => r.arrival)).toEqual([0, expect.closeTo(4.314579, 6), expect.closeTo(13.31941, 5)]);
    expect(s.requests[0]).toMatchObject({ promptTokens: 4808, outputTokens: 10 });
  });

  it('Vidur trace: arrived_at / num_prefill_tokens / num_decode_tokens', () => {
    const s = parseTrace('arrived_at,num_prefill_tokens,num_decode_tokens\n0.0,1020,129\n0.25,2000,50\n');
    expect(s.requests).toEqual([{ arrival: 0, promptTokens: 1020, outputTokens: 129 }, { arrival: 0.25, promptTokens: 2000, outputTokens: 50 }]);
  });

  it('a bad row is reported by line and column, and nothing is imported', () => {
    const bad = BURST_V1.replace('1087,230', '1087,23x');
    const e = inputError(() => parseTrace(bad, { source: 'b.csv' }));
    expect(e.message).toBe('b.csv:3:17: "Response tokens" is "23x"; expected a whole number >= 0');
    expect(e.where).toEqual({ source: 'b.csv', line: 3, column: 17 });
    expect(inputError(() => parseTrace('TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,10,3\nyesterday,10,3\n', { source: 'a.csv' })).message).toMatch(/^a\.csv:3:1: "TIMESTAMP" is "yesterday"/);
    expect(inputError(() => parseTrace('arrived_at,num_prefill_tokens,num_decode_tokens\n0,10,0\n')).message).toMatch(/2:\d+: "num_decode_tokens" is "0"; expected a whole number >= 1/);
    expect(inputError(() => parseTrace('a,b\n1,2\n', { source: 'x.csv' })).message).toMatch(/^x\.csv:1: cannot tell the trace format from the header/);
    expect(inputError(() => parseTrace('Timestamp,Response tokens\n1,2\n', { format: 'burstgpt' })).message).toMatch(/BurstGPT header has no "Request tokens" column/);
    expect(inputError(() => parseTrace('Timestamp,Request tokens,Response tokens\n1,"2,3\n')).message).toMatch(/2:3: unterminated quoted field/);
  });

  it('rate scaling keeps the shape of the arrivals', () => {
    const s = parseTrace('arrived_at,num_prefill_tokens,num_decode_tokens\n0,10,5\n1,10,5\n4,10,5\n');
    // 2 gaps over 4 s is 0.5 req/s; at 1 req/s the times halve, at 0.25 they double.
    expect(withRate(s, 1).requests.map((r) => r.arrival)).toEqual([0, 0.5, 2]);
    expect(withRate(s, 0.25).requests.map((r) => r.arrival)).toEqual([0, 2, 8]);
  });
});
