/**
 * Built-in LLM-serving lessons, simple to hard. The facts come from docs/reference/llm-serving.md (vLLM's
 * prefill-first schedule, Sarathi-Serve's token budget, Past-Future's peak-memory estimate, the goodput
 * definition); the claims about this engine's own numbers (chunked prefill lowers the inter-token tail, the
 * conservative reservation collapses goodput) are checked by test/lessons/builtin-lessons.test.ts.
 *
 * Workloads are cut to 30-40 seconds of arrivals (about 150-260 requests), so a browser runs each policy quickly.
 */
import { markdown, type BuiltinLessonSource } from './builtin-lesson';

/** Multi-replica metrics: these lessons run one replica. */
const CLUSTER_METRICS = ['migrations', 'kvTransfers'];

const prefillDecode: BuiltinLessonSource = {
  id: 'llm-prefill-decode',
  spec: {
    engine: 'llm',
    title: 'Prefill vs decode',
    instructions: markdown(
      'Serving a request to a large language model has two phases. **Prefill** reads the whole prompt in one forward pass and produces the first token; it is compute-heavy, and its time grows with the prompt length. **Decode** then produces one token per request per iteration; each step is short, but the model weights are read again every step, so the replica batches many decoding requests together.',
      'Two latencies follow: **TTFT**, the time to the first token (queueing included), and the gap between later tokens, **ITL** (inter-token latency; TPOT is its mean per request).',
      'The starter policy is **vLLM\'s default scheduler**: when new prompts are waiting, it runs an iteration of prefills only, and the running requests wait one iteration for their next token. **Sarathi-Serve** instead gives every iteration a token budget (512 here): all running decodes first, then pieces (chunks) of waiting prompts in what is left.',
      'The workload is steady: 512-token prompts, 128-token answers, 8 requests per second for 30 seconds.',
      '### What to do',
      '1. Run vLLM and step through the iterations in the player. Compare the length of an iteration with a prefill to that of a decode-only one.\n2. Run Sarathi-Serve and do the same.\n3. Compare TTFT and ITL, means and 99th percentiles, between the two.',
    ),
    scenarios: ['steady'],
    starter: { builtin: 'vllm' },
    compare: ['sarathi'],
    options: { rate: 8, duration: 30 },
    hidden: { controls: ['editor', 'scenario'], metrics: [...CLUSTER_METRICS, 'normalizedLatencyMean', 'normalizedLatencyP50', 'normalizedLatencyP90', 'normalizedLatencyP99'] },
    questions: [
      'Which policy has the lower 99th-percentile inter-token latency, and why?',
      'Which has the lower time to first token? What does chunking a prompt cost the request that owns it?',
      'A chatbot user sees the first token, then the text streaming. Which of the two latencies would they notice more, and when?',
    ],
  },
};

const chunkedPrefill: BuiltinLessonSource = {
  id: 'llm-chunked-prefill',
  spec: {
    engine: 'llm',
    title: 'Chunked prefill vs prefill-first under load',
    instructions: markdown(
      'Under load the difference from the previous lesson grows. The workload here follows the Azure 2023 conversation trace (prompt median about 1,000 tokens, answer median about 130), at 8 requests per second for 30 seconds.',
      'A request counts toward **goodput** only when it meets both of its limits: time to first token at most 2 s and time per output token at most 0.2 s. Goodput is the number of such requests per second. A policy can have a high throughput and a low goodput.',
      'Sarathi-Serve (OSDI 2024) reports 2.6x the capacity of vLLM and Orca under a latency limit for Mistral-7B on one A100, because decodes never stall behind a long prefill. Smaller chunks protect the decodes better but make long prompts take more iterations.',
      '### What to do',
      '1. Run vLLM (prefill-first) and Sarathi-Serve (chunked) and compare TPOT P99, TTFT P99, SLO attainment and goodput.\n2. Try shortest-prompt-first and the conservative Orca-like policy too.\n3. Edit the starter into your own scheduler: decide which requests go into each batch.',
      '### The challenge',
      'Submit your scheduler. The server runs it on this workload with two seeds (two different draws of the arrivals and lengths) and ranks you by the mean goodput (higher is better).',
    ),
    scenarios: ['azure-conv'],
    starter: { builtin: 'vllm' },
    compare: ['sarathi', 'spf', 'orca', 'past-future'],
    options: { rate: 8, duration: 30 },
    hidden: { controls: ['scenario'], metrics: CLUSTER_METRICS },
    questions: [
      'How much does the 99th-percentile TPOT differ between vLLM and Sarathi-Serve here, and what does that do to goodput?',
      'Which requests suffer most from a prefill-first schedule: the ones with long prompts or the ones already decoding?',
      'What did you change in your scheduler, and which metric moved?',
    ],
    challenge: { objective: 'goodput', seeds: [1, 2], budgetSeconds: 20, memoryMb: 512 },
  },
};

const memoryEstimation: BuiltinLessonSource = {
  id: 'llm-memory-estimation',
  spec: {
    engine: 'llm',
    title: 'Why memory estimation decides goodput',
    instructions: markdown(
      'Each running request keeps its **KV cache** on the GPU: 128 KiB per token for Llama-3-8B (the model simulated here), for its prompt and every token it has generated. The scheduler must decide how many requests to admit without knowing how long their answers will be. This lesson gives the replica 5,000 KV blocks of 16 tokens (80,000 tokens) and a BurstGPT-like workload (bursty arrivals, answers with a median of about 240 tokens and a long tail) at 3 requests per second for 40 seconds.',
      'Three answers to the same question:',
      '- **Conservative** (Orca-like): reserve room for the largest possible answer (2,048 tokens here) for every request. It never has to evict anyone, but few requests fit, so the queue grows.\n- **Aggressive** (vLLM): admit whenever the prompt fits in the memory free right now. Many requests fit, but when the answers grow the cache runs out and requests are preempted and later recomputed.\n- **Past-Future** (LightLLM, ASPLOS 2025): estimate each request\'s remaining length from the lengths of recently finished answers, and admit only while the estimated **peak** memory of the whole batch fits.',
      '### What to do',
      '1. Run the three and compare goodput, TTFT P99, preemptions and the mean KV usage.\n2. Run Sarathi-Serve too: it is aggressive like vLLM but chunks its prefills.\n3. Read the Past-Future policy in the editor (it is the starter) and change its quantile or headroom parameter in the code.',
    ),
    scenarios: ['burstgpt'],
    starter: { builtin: 'past-future' },
    compare: ['vllm', 'orca', 'sarathi'],
    options: { rate: 3, duration: 40, cluster: { kvBlocks: 5000 } },
    hidden: { controls: ['scenario'], metrics: CLUSTER_METRICS },
    questions: [
      'How much of the KV cache does the conservative policy use on average, and what happens to its time to first token?',
      'How many preemptions does the aggressive policy cause, and what does a recompute preemption cost the request?',
      'Past-Future estimates the peak as the maximum over k of (k times the k-th longest remaining answer plus the tokens those k requests already hold). Why is the peak, not the current use, what must fit?',
    ],
  },
};

/** Simple to hard. */
export const LLM_LESSONS: readonly BuiltinLessonSource[] = [prefillDecode, chunkedPrefill, memoryEstimation];
