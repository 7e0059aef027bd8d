import { availableParallelism } from 'node:os';
import { closeDb, getDb } from '../../db/client';
import { createSweep, getSweep, getSweepStatus, listStoredKeys, listSweepRuns } from '../../db/queries';
import type { ExpandedSweep } from '../../db/sweep-expand';
import type { SweepSpec } from '../../db/sweep-spec';
import { enqueueRuns, expiryFor, startBoss } from '../../workers/node/sweep-queue';
import { EXIT, UsageError } from './cli-error';
import { useShippedMigrations } from './sweep-db';
import type { Command, CommandIo } from './command';
import { colorWanted, createStyle } from './format/style';
import { flag, numberOption, parseOptions, stringOption, type OptionSpec } from './options';
import { runLocalSweep } from './sweep-local';
import { formatSeconds, renderSummaryTable, summarizeRuns } from './sweep-progress';
import { expandStored, loadSpecFile, type LoadedSpec } from './sweep-spec-file';

const OPTIONS = {
  workers: { type: 'string' },
  resume: { type: 'string' },
  queue: { type: 'boolean' },
  'job-expiry': { type: 'string' },
  status: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

const USAGE = `Usage: schedlab sweep <spec.json> [--workers N] [--resume <sweepId>] [--queue] [--json]

Runs every combination of a sweep spec (scenarios x policies x parameter points x options x seeds) and stores each
run in the results database the moment it finishes (PGlite under .data/, or DATABASE_URL). A killed sweep loses no
stored run: --resume <sweepId> runs only what is missing.

  --workers <n>       worker threads (default: all cores, ${availableParallelism()} here)
  --resume <id>       continue sweep <id>; the spec file may be left out (the stored spec is used), or must expand to
                      exactly the same runs
  --queue             with DATABASE_URL: enqueue the runs in pg-boss for \`schedlab worker\` processes on any number of
                      machines instead of running them here; prints the sweep id and returns
  --job-expiry <s>    with --queue: seconds a worker may hold a run before it counts as dead and the run is retried
                      (default: the spec's budgetSeconds + 60)
  --status <id>       print the status of a sweep (queued, running, done, failed counts) and return
  --json              print one JSON object (sweep id, counts, rate, per-policy means) instead of the summary

Spec (JSON): {"engine": "jobshop", "scenarios": ["ft06", {"generator": "random", "settings": {...}}],
  "policies": ["mwkr", {"builtin": "atc", "params": {"grid": {"k": [1, 2, 3]}}}, {"file": "mine.ts"}],
  "seeds": [1, 2, 3], "options": {"scheme": ["active", "non-delay"]}, "budgetSeconds": 60, "memoryMb": 512}
See README "Sweeps" for every field.

Exit codes: 0 every run stored (failed runs included), 1 stopped early or a database error, 2 bad spec or options.`;

interface Resolved {
  readonly sweepId: string;
  readonly spec: SweepSpec;
  readonly expanded: ExpandedSweep;
  readonly created: boolean;
}

async function resolveSweep(db: Awaited<ReturnType<typeof getDb>>, file: string | undefined, loaded: LoadedSpec | undefined, resume: string | undefined, mode: 'local' | 'queue', threads: number): Promise<Resolved> {
  if (resume === undefined) {
    if (!loaded) throw new UsageError('give a spec file: schedlab sweep <spec.json> (or --resume <sweepId>)');
    const { spec, expanded } = loaded;
    const sweepId = await createSweep(db, { spec, engineVersion: expanded.engineVersion, mode, total: expanded.runs.length, localWorkers: mode === 'local' ? threads : undefined });
    return { sweepId, spec, expanded, created: true };
  }
  const stored = await getSweep(db, resume);
  if (!stored) throw new UsageError(`no sweep ${resume} in this database`);
  const expanded = expandStored(stored.spec, resume);
  if (expanded.engineVersion !== stored.engineVersion) {
    throw new UsageError(`sweep ${resume} was made with ${stored.engine} ${stored.engineVersion}; this is ${expanded.engineVersion}, whose runs would not match the stored ones`);
  }
  if (loaded) {
    const mine = loaded.expanded.runs.map((r) => r.key).join();
    if (mine !== expanded.runs.map((r) => r.key).join()) throw new UsageError(`${file} does not expand to the runs of sweep ${resume} (the spec or a file it names changed); leave the file out to resume the stored spec`);
  }
  return { sweepId: resume, spec: stored.spec, expanded, created: false };
}

async function enqueue(io: CommandIo, db: Awaited<ReturnType<typeof getDb>>, resolved: Resolved, expiry: number | undefined, json: boolean): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL!;
  const stored = await listStoredKeys(db, resolved.sweepId);
  const todo = resolved.expanded.runs.filter((r) => !stored.has(r.key));
  const boss = await startBoss({ databaseUrl, supervise: false });
  try {
    await enqueueRuns(boss, resolved.sweepId, todo, expiry ?? expiryFor(resolved.spec.budgetSeconds));
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  if (json) io.out(JSON.stringify({ sweepId: resolved.sweepId, mode: 'queue', total: resolved.expanded.runs.length, enqueued: todo.length, alreadyStored: stored.size }));
  else io.out(`sweep ${resolved.sweepId}: ${todo.length} runs queued (${stored.size} already stored, ${resolved.expanded.runs.length} in all)\nstart workers with DATABASE_URL set:  schedlab worker\nstatus:  schedlab sweep --status ${resolved.sweepId}`);
  return EXIT.ok;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a sweep spec on all cores, or queue it for workers (--queue)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseOptions('sweep', args, OPTIONS, 1);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return EXIT.ok;
    }
    const json = flag(values, 'json');
    const queue = flag(values, 'queue');
    const threads = numberOption(values, 'workers', { min: 1, integer: true, what: 'a whole number >= 1' }) ?? availableParallelism();
    const expiry = numberOption(values, 'job-expiry', { min: 1, integer: true, what: 'a whole number of seconds >= 1' });
    if (queue && !process.env.DATABASE_URL) throw new UsageError('--queue needs DATABASE_URL: the Postgres server that workers on other machines will also reach');
    if (expiry !== undefined && !queue) throw new UsageError('--job-expiry goes with --queue');
    const statusOf = stringOption(values, 'status');

    // A bad spec is reported before the database is opened (a fresh PGlite folder takes seconds to create).
    const file = positionals[0];
    const loaded = file === undefined ? undefined : loadSpecFile(file);
    useShippedMigrations();
    const db = await getDb();
    try {
      if (statusOf !== undefined) {
        const status = await getSweepStatus(db, statusOf);
        if (!status) throw new UsageError(`no sweep ${statusOf} in this database`);
        io.out(json ? JSON.stringify(status) : `sweep ${status.id} (${status.mode}, ${status.engine}): ${status.state}; ${status.total} runs: ${status.queued} queued, ${status.running} running, ${status.done} done, ${status.failed} failed`);
        return EXIT.ok;
      }
      const resolved = await resolveSweep(db, file, loaded, stringOption(values, 'resume'), queue ? 'queue' : 'local', threads);
      if (queue) return await enqueue(io, db, resolved, expiry, json);

      if (!json) io.err(`sweep ${resolved.sweepId}: ${resolved.expanded.runs.length} runs on ${Math.min(threads, resolved.expanded.runs.length)} thread(s)${resolved.created ? '' : ' (resumed)'}`);
      const result = await runLocalSweep({ db, sweepId: resolved.sweepId, spec: resolved.spec, expanded: resolved.expanded, threads, progressStream: process.stderr });
      const runs = await listSweepRuns(db, resolved.sweepId, { withArtifacts: false });
      const summaries = summarizeRuns(resolved.spec.engine, runs);
      const complete = runs.length === resolved.expanded.runs.length;
      if (json) {
        io.out(JSON.stringify({ sweepId: resolved.sweepId, mode: 'local', total: resolved.expanded.runs.length, stored: runs.length, ran: result.ran, skipped: result.skipped, failed: runs.filter((r) => r.status === 'failed').length, interrupted: result.interrupted, seconds: result.seconds, runsPerSecond: result.runsPerSecond, policies: summaries }));
      } else {
        const style = createStyle(colorWanted(process.stdout));
        io.out(
          [
            `sweep ${resolved.sweepId}: ${runs.length}/${resolved.expanded.runs.length} runs stored (${result.ran} now, ${result.skipped} before) in ${formatSeconds(result.seconds)}, ${result.runsPerSecond.toFixed(1)} runs/s`,
            ...(complete ? [] : [`stopped early: schedlab sweep --resume ${resolved.sweepId} runs the rest`]),
            renderSummaryTable(summaries, style),
          ].join('\n'),
        );
      }
      return complete ? EXIT.ok : EXIT.failure;
    } finally {
      await closeDb();
    }
  },
};
