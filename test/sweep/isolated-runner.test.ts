/**
 * The isolated runner on its own (no Postgres needed): a run in a separate process under the permission model,
 * killed from outside for time and memory, and a fresh process for each policy source. The queued path through
 * pg-boss is tested in queue-postgres.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweepTask, type SweepTask } from '../../workers/node/sweep-execute';
import { IsolatedRunner, isolationInfo } from '../../workers/node/isolated-runner';

const limits = { budgetSeconds: 10, memoryMb: 64 };
const builtin: SweepTask = { engine: 'jobshop', scenario: { label: 'ft06', id: 'ft06' }, policy: { label: 'mwkr', builtin: 'mwkr' }, params: {}, seed: 3, options: {}, artifacts: true };
const fileTask = (name: string, body: string): SweepTask => ({
  ...builtin,
  policy: { label: name, fileName: `${name}.ts`, source: `import type { JobShopPolicy } from 'schedlab/jobshop';\n${body}\nconst p: JobShopPolicy = { id: 'f', label: 'f', description: 'f', priority: (c, v) => -v.jobRemainingWork(c.job) };\nexport default p;\n` },
});

describe('isolated runner', () => {
  const runner = new IsolatedRunner();
  afterAll(() => runner.close());

  it('gives the same outcome as an in-process run, to the bit', async () => {
    const isolated = await runner.run(builtin, limits);
    const local = await executeSweepTask(builtin);
    expect(isolated.status).toBe('done');
    expect(isolated.metrics).toStrictEqual(local.metrics);
    expect(isolated.artifact).toBe(local.artifact);
  });

  it('refuses file reads outside its own code, and the next run is fine', async () => {
    const outcome = await runner.run(fileTask('reader', `(globalThis as any).process.getBuiltinModule('fs').readFileSync('/etc/passwd');`), limits);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'policy', line: 2 } });
    expect(outcome.error!.message).toMatch(/reader\.ts:2: threw while loading: Error: Access to this API has been restricted/);
    expect((await runner.run(builtin, limits)).status).toBe('done');
  });

  it('stops memory outside the heap (ArrayBuffers) with the RSS watchdog', async () => {
    const outcome = await runner.run(fileTask('buffers', `const keep: Uint8Array[] = []; for (;;) keep.push(new Uint8Array(32 * 1024 * 1024).fill(1));`), limits);
    expect(outcome.error).toMatchObject({ kind: 'memory' });
    expect(outcome.error!.message).toMatch(/buffers\.ts ran out of memory \(limit 64 MB\)/);
  });

  it('a policy that changes shared globals does not leave them to the next run, even of its own source', async () => {
    const task = fileTask('patcher', `if ((Array.prototype as any).sneaky) throw new Error('leaked from the run before'); (Array.prototype as any).sneaky = 1;`);
    expect((await runner.run(task, limits)).status).toBe('done');
    expect((await runner.run({ ...task, seed: 4 }, limits)).status).toBe('done');
  });

  it('reports whether the network is cut (user namespaces) rather than assuming it', () => {
    const info = isolationInfo();
    expect(typeof info.namespaces).toBe('boolean');
    if (!info.namespaces) console.warn(`isolated runs keep network access on this machine: ${info.namespaceProblem}`);
  });
});
