import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { llmEngine } from '../../engine/llm';
import { compileLlmPolicy } from '../../workers/policy-compile';
import { fmt, medianMs } from './measure';

/**
 * `node bin/run-ts.js test/bench/llm-bench.ts`: speed of the LLM-serving engine, as medians of several runs with
 * ratios against baselines measured in the same run; writes bench-results/llm.md. Never part of `npm test`.
 *
 *   a. the Azure-conversation preset (~19,400 requests over an hour) on one Llama-3-8B / A100 replica, Sarathi-Serve
 *      (target <= 2 s);
 *   b. the same workload over twice the duration at the same rate: cost should grow with requests and iterations,
 *      not tokens (target ratio <= 2.2);
 *   c. the same Sarathi policy from a user policy file, compiled like editor code (target ratio <= 1.5).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const preset = llmEngine.findPreset('azure-conv')!;
const cluster = { replicas: 1, gpu: 'a100', model: 'llama-3-8b' } as const;
const base = preset.create({ seed: 1, cluster });
const doubled = preset.create({ seed: 1, cluster, duration: 2 * (preset.spec.duration ?? 3502) });
const sarathi = llmEngine.findPolicy('sarathi')!;
// The built-in file's own text, compiled the way editor and --policy-file code is: the same algorithm, so the
// ratio is the cost of the user path alone.
const userSource = readFileSync(new URL('../../engine/llm/policies/sarathi.ts', import.meta.url), 'utf8');
const userSarathi = compileLlmPolicy(userSource, 'user-sarathi.ts');

// Same work, or the ratios mean nothing.
const builtinResult = llmEngine.simulate(base, sarathi);
const userResult = llmEngine.simulate(base, userSarathi);
if (JSON.stringify(builtinResult.metrics) !== JSON.stringify(userResult.metrics)) throw new Error('the user Sarathi file and the built-in disagree');
const doubledResult = llmEngine.simulate(doubled, sarathi);

const baseMs = medianMs(() => llmEngine.simulate(base, sarathi), RUNS);
const doubledMs = medianMs(() => llmEngine.simulate(doubled, sarathi), RUNS);
const userMs = medianMs(() => llmEngine.simulate(base, userSarathi), RUNS);
const m = builtinResult.metrics;
const d = doubledResult.metrics;

say('# LLM-serving engine benchmark');
say(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} runs per row (after 2 warm-up runs).`);
say();
say('| run | requests | iterations | output tokens | median ms | ratio | target |');
say('|---|---|---|---|---|---|---|');
const tokens = (r: typeof builtinResult) => r.requests.reduce((sum, q) => sum + q.outputTokens, 0);
say(`| a. azure-conv, 1 x Llama-3-8B / A100, Sarathi (built-in) | ${m.requests} | ${m.iterations} | ${tokens(builtinResult)} | ${fmt(baseMs, 0)} | 1.00 | <= 2000 ms |`);
say(`| b. same rate, twice the duration | ${d.requests} | ${d.iterations} | ${tokens(doubledResult)} | ${fmt(doubledMs, 0)} | ${fmt(doubledMs / baseMs)} | <= 2.2 |`);
say(`| c. Sarathi from a user policy file | ${m.requests} | ${m.iterations} | ${tokens(builtinResult)} | ${fmt(userMs, 0)} | ${fmt(userMs / baseMs)} | <= 1.5 |`);
say();
say(`Run a: TTFT p50 ${fmt(m.ttftP50 * 1000, 1)} ms, p99 ${fmt(m.ttftP99 * 1000, 1)} ms; TPOT p50 ${fmt(m.tpotP50 * 1000, 1)} ms; ${fmt(m.throughput)} req/s; mean batch ${fmt(m.meanBatchSize, 1)}.`);
say(`Per iteration: a ${fmt((baseMs * 1000) / m.iterations, 2)} us, b ${fmt((doubledMs * 1000) / d.iterations, 2)} us.`);

mkdirSync(new URL('../../bench-results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../../bench-results/llm.md', import.meta.url), `${lines.join('\n')}\n`);
