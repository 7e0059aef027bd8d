import { describe, expect, it } from 'vitest';
import { runCli, stderrLines } from './run-cli';

/**
 * Bad input never gives a stack trace or a half result: non-zero exit, one line on stderr that names the file
 * and line (or the policy's line), nothing on stdout. With and without --json, since tools read stdout.
 */

const FIX = 'test/cli/fixtures';

async function expectFailure(args: readonly string[], code: 1 | 2, ...mentions: (string | RegExp)[]): Promise<void> {
  const outcomes = await Promise.all([runCli(args), runCli([...args, '--json'])]);
  for (const outcome of outcomes) {
    const lines = stderrLines(outcome);
    expect(lines, outcome.stderr).toHaveLength(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.code).toBe(code);
    const [line] = lines;
    expect(line).toMatch(/^schedlab: /);
    expect(line).not.toMatch(/\n|    at /);
    for (const mention of mentions) {
      if (typeof mention === 'string') expect(line).toContain(mention);
      else expect(line).toMatch(mention);
    }
  }
}

const run = (...args: string[]) => ['run', 'jobshop', ...args];

describe.concurrent('schedlab run fails cleanly on', () => {
  it('a malformed scenario file, naming file, line and column', async () => {
    await expectFailure(run('--scenario-file', `${FIX}/malformed.txt`, '--policy', 'mwkr'), 1, `${FIX}/malformed.txt:3:7:`, '"x"');
  });

  it('an operation on a machine that does not exist', async () => {
    await expectFailure(run('--scenario-file', `${FIX}/machine-out-of-range.txt`, '--policy', 'mwkr'), 1, `${FIX}/machine-out-of-range.txt:3:5:`, '0..2');
  });

  it('a duration that is not an integer', async () => {
    await expectFailure(run('--scenario-file', `${FIX}/fractional-duration.txt`, '--policy', 'mwkr'), 1, `${FIX}/fractional-duration.txt:4:7:`, '"2.5"');
  });

  it('a negative duration', async () => {
    await expectFailure(run('--scenario-file', `${FIX}/negative-duration.txt`, '--policy', 'mwkr'), 1, `${FIX}/negative-duration.txt:2:3:`, '"-3"');
  });

  it('a policy that throws, naming the line of the throw', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/throws.ts`), 1, `policy threw at ${FIX}/throws.ts:9:`, 'deliberate failure');
  });

  it('a policy that returns a non-candidate', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/non-candidate.ts`), 1, `${FIX}/non-candidate.ts`, 'not a candidate');
  });

  it('a policy that loops forever, stopped by its budget', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/loops.ts`, '--budget', '1'), 1, `${FIX}/loops.ts ran past its budget of 1 s`);
  });

  it('a policy that exhausts its memory limit', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/memory-hog.ts`, '--memory', '64'), 1, `${FIX}/memory-hog.ts ran out of memory (limit 64 MB)`);
  });

  it('a syntax error in the policy file, naming line and column', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/syntax-error.ts.txt`), 1, `${FIX}/syntax-error.ts.txt:8:`, 'syntax error');
  });

  it('a policy file that imports a value', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/value-import.ts`), 1, `${FIX}/value-import.ts`, "line 3 imports 'node:fs'");
  });

  it('a policy that reaches for the network', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/uses-fetch.ts`), 1, `${FIX}/uses-fetch.ts:8`, 'cannot use fetch');
  });

  it('an unknown scenario, suggesting the closest', async () => {
    await expectFailure(run('--scenario', 'ft6', '--policy', 'mwkr'), 2, 'unknown scenario "ft6"', 'did you mean ft06?');
  });

  it('an unknown policy, engine, scheme, option or command', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy', 'nope'), 2, 'unknown policy "nope"');
    await expectFailure(['run', 'vmshop', '--scenario', 'ft06', '--policy', 'mwkr'], 2, 'unknown engine "vmshop"');
    await expectFailure(run('--scenario', 'ft06', '--policy', 'mwkr', '--scheme', 'lazy'), 2, 'unknown scheme "lazy"');
    await expectFailure(run('--scenario', 'ft06', '--policy', 'mwkr', '--sede', '3'), 2, 'unknown option --sede');
    await expectFailure(['rnu', 'jobshop'], 2, 'unknown command "rnu"', 'did you mean run?');
  });

  it('a bad --param: malformed, unknown name, out of range', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy', 'atc', '--param', 'k'), 2, 'bad --param "k"', 'name=value');
    await expectFailure(run('--scenario', 'ft06', '--policy', 'atc', '--param', 'z=1'), 2, 'no parameter "z"');
    await expectFailure(run('--scenario', 'ft06', '--policy', 'atc', '--param', 'k=99'), 2, 'parameter "k"', '[0.1, 10]');
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/with-param.ts`, '--param', 'w=-1'), 2, 'parameter "w"', '[0, 10]');
  });

  it('a missing file', async () => {
    await expectFailure(run('--scenario-file', `${FIX}/absent.txt`, '--policy', 'mwkr'), 2, `${FIX}/absent.txt`, 'no such file');
    await expectFailure(run('--scenario', 'ft06', '--policy-file', `${FIX}/absent.ts`), 2, `${FIX}/absent.ts`, 'no such file');
  });

  it('a bad number or a missing choice', async () => {
    await expectFailure(run('--scenario', 'ft06', '--policy', 'mwkr', '--seed', '1.5'), 2, '--seed "1.5"');
    await expectFailure(run('--scenario', 'ft06', '--policy', 'mwkr', '--mtbf', '10'), 2, '--mtbf and --mttr');
    await expectFailure(run('--scenario', 'ft06'), 2, 'give --policy');
    await expectFailure(run('--policy', 'mwkr'), 2, 'give --scenario');
  });
});
