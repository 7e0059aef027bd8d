import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Highs } from 'highs';
import { describe, expect, it } from 'vitest';
import { GET as highsRoute } from '../../app/vendor/highs/[file]/route';
import { loadBrowserMipSolver } from '../../workers/browser/highs-browser';
import { createMipSolver, relativeGap, toMipSolution, type HighsReport } from '../../workers/mip-solver';
import { loadNodeMipSolver } from '../../workers/node/highs-node';

const LP = ['Maximize', ' obj: 30 chairs + 50 tables', 'Subject To', ' c1: chairs + 2 tables <= 40', ' c2: 2 chairs + tables <= 50', 'Generals', ' chairs tables', 'End'].join('\n');

const report = (over: Partial<HighsReport>): HighsReport => ({
  modelStatus: 7,
  primalSolutionStatus: 2,
  objective: 10,
  reportedGap: 0,
  dualBound: 10,
  columnNames: ['x', 'y'],
  columnValues: [1, 0],
  ...over,
});

describe('HiGHS report -> MipSolution', () => {
  it('optimal: HiGHS words, gap 0, every column by name', () => {
    expect(toMipSolution(report({}))).toEqual({ status: 'Optimal', feasible: true, objective: 10, gap: 0, columns: { x: 1, y: 0 } });
  });

  it('time limit with an incumbent: feasible, with the gap HiGHS reported', () => {
    expect(toMipSolution(report({ modelStatus: 13, reportedGap: 0.2, dualBound: 8 }))).toMatchObject({ status: 'Time limit reached', feasible: true, gap: 0.2 });
  });

  it('time limit with a bound but no reported gap: the gap is computed as HiGHS defines it', () => {
    expect(toMipSolution(report({ modelStatus: 13, reportedGap: NaN, dualBound: 8 })).gap).toBeCloseTo(0.2, 12);
    expect(toMipSolution(report({ modelStatus: 13, reportedGap: NaN, dualBound: NaN })).gap).toBeNaN();
  });

  it('no feasible point (time limit before one, infeasible, load error): not feasible, NaN objective and gap', () => {
    for (const modelStatus of [13, 8, 1]) {
      const solution = toMipSolution(report({ modelStatus, primalSolutionStatus: 0 }));
      expect(solution).toMatchObject({ feasible: false, columns: {} });
      expect(solution.objective).toBeNaN();
      expect(solution.gap).toBeNaN();
    }
    expect(toMipSolution(report({ modelStatus: 8, primalSolutionStatus: 0 })).status).toBe('Infeasible');
    expect(toMipSolution(report({ modelStatus: 99, primalSolutionStatus: 0 })).status).toBe('Unknown status 99');
  });

  it('relative gap: |primal - dual| / |primal|, 0 at 0/0, Infinity when only the primal is 0', () => {
    expect(relativeGap(100, 90)).toBeCloseTo(0.1, 12);
    expect(relativeGap(-100, -110)).toBeCloseTo(0.1, 12);
    expect(relativeGap(0, 0)).toBe(0);
    expect(relativeGap(0, -1)).toBe(Infinity);
    expect(relativeGap(5, -Infinity)).toBe(Infinity);
  });
});

describe('the Node solver', () => {
  it('solves an LP-format MIP: status, objective, gap and columns', async () => {
    const solve = await loadNodeMipSolver();
    expect(solve(LP, { timeLimitSeconds: 5 })).toEqual({ status: 'Optimal', feasible: true, objective: 1100, gap: 0, columns: { chairs: 20, tables: 10 } });
    expect(() => solve(LP, { timeLimitSeconds: 0 })).toThrow(/time limit must be a number of seconds > 0/);
  });

  it('after a runtime abort (out of memory) it says so, reloads, and solves again', async () => {
    const real = await (await import('highs')).default();
    let loads = 0;
    const dying = { withModel: () => { throw new WebAssembly.RuntimeError('Aborted(OOM)'); } } as unknown as Highs;
    const solve = await createMipSolver(async () => (++loads === 1 ? dying : real));
    expect(() => solve(LP, {})).toThrow(/aborted on this model: out of memory, or LP text it could not read/);
    expect(() => solve(LP, {})).toThrow(/not available: it is being reloaded/);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(solve(LP, {}).objective).toBe(1100);
    expect(loads).toBe(2);
  });
});

describe('HiGHS in the browser: served by our route, loaded by the worker loader', () => {
  const call = (url: string, headers: Record<string, string> = {}) =>
    highsRoute(new Request(url, { headers }), { params: Promise.resolve({ file: new URL(url).pathname.split('/').pop()! }) });
  const wasmPath = createRequire(import.meta.url).resolve('highs/runtime');

  it('serves the installed highs.wasm as application/wasm, highs.mjs as JavaScript, revalidates, and nothing else', async () => {
    const wasm = await call('http://localhost/vendor/highs/highs.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(Buffer.from(await wasm.arrayBuffer()).equals(readFileSync(wasmPath))).toBe(true);
    const again = await call('http://localhost/vendor/highs/highs.wasm', { 'if-none-match': wasm.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect((await call('http://localhost/vendor/highs/highs.mjs')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await call('http://localhost/vendor/highs/package.json')).status).toBe(404);
  });

  it('fetches the wasm from the route, compiles it and solves, asking for both files under /vendor/highs/', async () => {
    const asked: string[] = [];
    const solve = await loadBrowserMipSolver({
      baseUrl: 'http://localhost/vendor/highs/',
      importLoader: async (url) => (asked.push(url), import('highs')),
      fetch: async (url) => (asked.push(url), call(url)),
    });
    expect(asked).toEqual(['http://localhost/vendor/highs/highs.mjs', 'http://localhost/vendor/highs/highs.wasm']);
    expect(solve(LP, {}).objective).toBe(1100);
  });

  it('says which URL failed when the wasm cannot be fetched', async () => {
    const failing = loadBrowserMipSolver({
      baseUrl: 'http://localhost/elsewhere/',
      importLoader: () => import('highs'),
      fetch: async () => new Response('missing', { status: 404 }),
    });
    await expect(failing).rejects.toThrow('could not load the MIP solver: GET http://localhost/elsewhere/highs.wasm answered 404');
  });
});
