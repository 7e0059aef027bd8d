import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isolatedChildBundle } from './isolated-bundle';
import type { SweepTask, SweepTaskOutcome } from './sweep-execute';

/**
 * The isolation boundary for policy code that arrives through the queue (DESIGN §6): each run executes in a
 * separate OS process, never in the worker's own (node:vm is not a boundary). The process is started
 *
 * - with Node's permission model: it may read only its own bundle and HiGHS's .wasm; no file writes, no child
 *   processes, no worker threads, no native addons, no WASI, no inspector, no process.binding;
 * - with `--max-old-space-size` for its heap, and an RSS watchdog here for memory outside the heap (ArrayBuffers);
 * - with a wall-clock limit: SIGKILL when a run passes its budget;
 * - with an empty environment (no DATABASE_URL, no secrets) and stdin/stdout as its only channel;
 * - where unprivileged user namespaces allow it (`unshare`), in new network and PID namespaces: no network
 *   interface but a downed loopback, and no other process to signal.
 *
 * A child serves runs one after another only while they share a policy source (built-ins share one child), and
 * only while the policy left the shared globals untouched; so one user's code never runs in a process that another
 * user's code ran in. See README "Sweeps across several machines" for what this does not cover.
 */

export interface IsolationInfo {
  /** Runs go into new network and PID namespaces (unshare). */
  readonly namespaces: boolean;
  /** Why not, when they do not. */
  readonly namespaceProblem?: string;
}

const UNSHARE = ['/usr/bin/unshare', '/bin/unshare'].find((p) => existsSync(p));
const NAMESPACE_ARGS = ['--user', '--net', '--pid', '--fork', '--kill-child=SIGKILL'];

let isolation: IsolationInfo | undefined;

/** Nothing of the worker's environment (DATABASE_URL, cloud credentials) reaches policy code. */
const EMPTY_ENV = {} as NodeJS.ProcessEnv;

/** Whether this machine lets an unprivileged process create the namespaces (checked once per process). */
export function isolationInfo(): IsolationInfo {
  if (isolation) return isolation;
  if (process.env.SCHEDLAB_NO_NAMESPACES === '1') return (isolation = { namespaces: false, namespaceProblem: 'SCHEDLAB_NO_NAMESPACES=1' });
  if (!UNSHARE) return (isolation = { namespaces: false, namespaceProblem: 'no unshare(1) on this machine (util-linux)' });
  const probe = spawnSync(UNSHARE, [...NAMESPACE_ARGS, process.execPath, '-e', '0'], { env: EMPTY_ENV, timeout: 10_000 });
  isolation = probe.status === 0 ? { namespaces: true } : { namespaces: false, namespaceProblem: `unshare failed: ${String(probe.stderr ?? probe.error ?? '').trim() || `exit ${probe.status}`}` };
  return isolation;
}

/**
 * The specifier is put together at run time on purpose: inside the Next.js server (challenge re-runs), a literal
 * `resolve('highs/runtime')` makes Turbopack compile the .wasm it points at as a WebAssembly import, which fails the
 * build; the child only needs the file's path, which Node's own resolver gives.
 */
const HIGHS_RUNTIME = ['highs', 'runtime'].join('/');

function highsWasmPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(HIGHS_RUNTIME);
  } catch {
    return undefined;
  }
}

export interface IsolatedLimits {
  readonly budgetSeconds: number;
  readonly memoryMb: number;
}

type Reply = { type: 'ready' } | { type: 'started'; nonce: string } | { type: 'done'; nonce: string; outcome: SweepTaskOutcome; pristine: boolean };

/** The child's start-up (Node plus a 3 MB bundle) is not part of a run's budget, but must not hang forever. */
const STARTUP_SECONDS = 60;
/** Room beyond the heap limit for code, stacks and buffers before the watchdog calls a child's memory runaway. */
const RSS_SLACK_MB = 256;
const WATCH_MS = 100;

/** One worker slot's child process; `run` takes one task at a time. */
export class IsolatedRunner {
  private child: ChildProcessWithoutNullStreams | undefined;
  private childKey = '';
  private stderrTail = '';
  private childReady = false;

  async run(task: SweepTask, limits: IsolatedLimits): Promise<SweepTaskOutcome> {
    const key = `${limits.memoryMb}:${task.policy.source === undefined ? 'builtin' : createHash('sha256').update(task.policy.source).digest('hex')}`;
    if (!this.child || this.childKey !== key) {
      this.close();
      this.child = await this.spawnChild(limits.memoryMb);
      this.childKey = key;
    }
    return this.exchange(this.child, task, limits);
  }

  private async spawnChild(memoryMb: number): Promise<ChildProcessWithoutNullStreams> {
    const bundle = await isolatedChildBundle();
    const wasm = highsWasmPath();
    const reads = [bundle, ...(wasm ? [wasm] : [])].map((p) => `--allow-fs-read=${p}`);
    const nodeArgs = ['--no-warnings', '--experimental-permission', ...reads, `--max-old-space-size=${memoryMb}`, bundle, ...(wasm ? [wasm] : [])];
    const info = isolationInfo();
    const [command, args] = info.namespaces ? [UNSHARE!, [...NAMESPACE_ARGS, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
    const child = spawn(command, args, { env: EMPTY_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderrTail = '';
    this.childReady = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-4000);
      if (process.env.SCHEDLAB_DEBUG === '1') process.stderr.write(`[policy] ${text}`);
    });
    child.stdin.on('error', () => undefined); // a child that died mid-write: reported by 'exit'
    return child;
  }

  /** Sends one task and waits for its outcome, enforcing the budget and the memory limit from outside. */
  private exchange(child: ChildProcessWithoutNullStreams, task: SweepTask, limits: IsolatedLimits): Promise<SweepTaskOutcome> {
    const nonce = randomBytes(12).toString('hex');
    const policyName = task.policy.fileName ?? task.policy.label;
    return new Promise<SweepTaskOutcome>((resolve) => {
      let buffered = '';
      let timer: NodeJS.Timeout | undefined;
      let watch: NodeJS.Timeout | undefined;
      let killedFor: 'budget' | 'memory' | 'startup' | undefined;
      let sent = false;
      const cleanup = (): void => {
        clearTimeout(timer);
        clearInterval(watch);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
      };
      const fail = (kind: 'budget' | 'memory' | 'crash', message: string): void => {
        cleanup();
        this.close();
        resolve({ status: 'failed', metrics: {}, params: task.params, artifact: null, error: { kind, message: `policy ${policyName} ${message}` }, elapsedMs: 0 });
      };
      const kill = (why: 'budget' | 'memory' | 'startup'): void => {
        killedFor = why;
        child.kill('SIGKILL');
      };
      const send = (): void => {
        sent = true;
        child.stdin.write(`${JSON.stringify({ nonce, task })}\n`);
      };
      const onData = (text: string): void => {
        buffered += text;
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          let reply: Reply;
          try {
            reply = JSON.parse(line) as Reply;
          } catch {
            continue; // not ours: the harness only writes JSON lines
          }
          if (reply.type === 'ready') {
            this.childReady = true;
            if (!sent) send();
          } else if (reply.nonce !== nonce) {
            continue;
          } else if (reply.type === 'started') {
            clearTimeout(timer);
            timer = setTimeout(() => kill('budget'), limits.budgetSeconds * 1000);
            watch = setInterval(() => {
              if (residentMb(child.pid) > limits.memoryMb + RSS_SLACK_MB) kill('memory');
            }, WATCH_MS);
          } else {
            cleanup();
            // A policy that changed shared globals could change the next run in this process: start afresh.
            if (!reply.pristine) this.close();
            resolve(reply.outcome);
          }
        }
      };
      const onExit = (code: number | null, signal: string | null): void => {
        const tail = this.stderrTail;
        if (killedFor === 'budget') return fail('budget', `ran past its budget of ${limits.budgetSeconds} s (did it loop forever?)`);
        if (killedFor === 'memory' || /heap out of memory|Reached heap limit|Allocation failed/i.test(tail)) return fail('memory', `ran out of memory (limit ${limits.memoryMb} MB)`);
        if (killedFor === 'startup') return fail('crash', `worker process did not start within ${STARTUP_SECONDS} s`);
        const last = tail.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
        fail('crash', `stopped its process (${signal ?? `exit code ${code}`}) before reporting a result${last ? `: ${last.slice(0, 300)}` : ''}`);
      };
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', onData);
      child.on('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode, child.signalCode);
      timer = setTimeout(() => kill('startup'), STARTUP_SECONDS * 1000);
      // A reused child said 'ready' long ago; a new one will say it, and the task goes out then.
      if (this.childReady) send();
    });
  }

  /** Kills the child (if any); the next run starts a new one. */
  close(): void {
    const child = this.child;
    this.child = undefined;
    this.childKey = '';
    if (child && child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      child.kill('SIGKILL');
    }
  }
}

/**
 * Resident memory of the process that runs the policy, in MB: the Node process itself, which under unshare --fork is
 * the child of our child. Read from /proc (Linux); 0 where that is not possible, which turns the watchdog off.
 */
function residentMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    const target = children ? Number(children.split(/\s+/)[0]) : pid;
    const pages = Number(readFileSync(`/proc/${target}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return 0;
  }
}
