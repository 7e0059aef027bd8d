/**
 * HiGHS (npm `highs`, WebAssembly) as the engine's MipSolver: the part shared by Node (workers/node/highs-node.ts)
 * and the browser (workers/browser/highs-browser.ts). Loading differs per platform; solving, the status words and
 * the gap do not.
 *
 * Why the persistent model API and not `highs.solve()`: the one-shot call returns Status, ObjectiveValue, Columns
 * and Rows only, with no dual bound and no gap. A model's `info` has `mip_gap` and `mip_dual_bound` (and
 * `primal_solution_status`, which says whether a time-limited solve holds a solution at all), so the gap a
 * time-limited solve reports is HiGHS's own.
 */
import type { Highs } from 'highs';
import type { MipOptions, MipSolution, MipSolver } from '../engine/vm';

/** Default of MipOptions.timeLimitSeconds, as documented in the policy API. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/**
 * HiGHS's model status codes (highs.constants.modelStatus) in the words its one-shot API uses, so a policy sees the
 * same text either way ("Time limit reached", ...).
 */
export const MODEL_STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'Not Set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted by user',
};

const OPTIMAL = 7;
const EMPTY = 6;
/** HiGHS's primal_solution_status: 2 = a feasible point is held (0 none, 1 infeasible point). */
const FEASIBLE_POINT = 2;

/** What one HiGHS run reported, before it becomes a MipSolution. */
export interface HighsReport {
  readonly modelStatus: number;
  readonly primalSolutionStatus: number;
  readonly objective: number;
  /** info.mip_gap (relative); NaN when HiGHS does not report it (an LP, or no MIP solve). */
  readonly reportedGap: number;
  /** info.mip_dual_bound; NaN when not reported. */
  readonly dualBound: number;
  readonly columnNames: readonly string[];
  readonly columnValues: ArrayLike<number>;
}

/**
 * HiGHS's relative gap: |primal − dual| / |primal|, 0 when both are 0 and Infinity when only the primal is. Used
 * when `mip_gap` is missing or not a number (an LP has a dual bound equal to its objective when optimal).
 */
export function relativeGap(primal: number, dual: number): number {
  if (!Number.isFinite(primal) || !Number.isFinite(dual)) return Infinity;
  const distance = Math.abs(primal - dual);
  if (primal === 0) return distance === 0 ? 0 : Infinity;
  return distance / Math.abs(primal);
}

/** Turns a HiGHS report into the engine's MipSolution: status words, feasibility, objective, gap, columns. */
export function toMipSolution(report: HighsReport): MipSolution {
  const status = MODEL_STATUS_TEXT[report.modelStatus] ?? `Unknown status ${report.modelStatus}`;
  // "Empty" (no columns) is trivially solved; otherwise a limit status is feasible only with a feasible point.
  const feasible = report.modelStatus === OPTIMAL || report.modelStatus === EMPTY || report.primalSolutionStatus === FEASIBLE_POINT;
  if (!feasible) return { status, feasible: false, objective: NaN, gap: NaN, columns: {} };
  const columns: Record<string, number> = {};
  for (let i = 0; i < report.columnNames.length; i++) columns[report.columnNames[i]] = report.columnValues[i];
  let gap: number;
  if (report.modelStatus === OPTIMAL || report.modelStatus === EMPTY) gap = 0;
  else if (Number.isFinite(report.reportedGap)) gap = report.reportedGap;
  else if (Number.isFinite(report.dualBound)) gap = relativeGap(report.objective, report.dualBound);
  else gap = NaN;
  return { status, feasible: true, objective: report.objective, gap, columns };
}

/** Settings every solve gets, besides the time limit. */
export interface HighsSolveDefaults {
  /**
   * mip_rel_gap. 0 by default: the engine's MIP baseline is meant to be exact, and HiGHS's own default (1e-4)
   * lets it stop with a worse solution on objectives of a few thousand. An integral objective still stops as soon
   * as the bound rounds up to the incumbent.
   */
  readonly relativeGap?: number;
}

/** Reads an info value, NaN when HiGHS has none under that name for this model (info.get throws then). */
function infoNumber(read: () => number | bigint): number {
  try {
    return Number(read());
  } catch {
    return NaN;
  }
}

/** One solve on a loaded HiGHS runtime; throws on an unreadable model or a dead runtime. */
export function solveWithHighs(highs: Highs, lp: string, options: MipOptions, defaults: HighsSolveDefaults = {}): MipSolution {
  const timeLimit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!(timeLimit > 0)) throw new Error(`the MIP time limit must be a number of seconds > 0 (got ${timeLimit})`);
  const report = highs.withModel({ format: 'lp', data: lp }, (model): HighsReport => {
    model.options.set({ output_flag: false, time_limit: timeLimit, mip_rel_gap: defaults.relativeGap ?? 0 });
    model.run();
    const count = model.getDimensions().numCols;
    const columnNames: string[] = [];
    for (let i = 0; i < count; i++) columnNames.push(model.getColName(i));
    return {
      modelStatus: model.getModelStatus(),
      primalSolutionStatus: infoNumber(() => model.info.get('primal_solution_status')),
      objective: model.getObjectiveValue(),
      reportedGap: infoNumber(() => model.info.get('mip_gap')),
      dualBound: infoNumber(() => model.info.get('mip_dual_bound')),
      columnNames,
      columnValues: model.getSolution().colValue,
    };
  });
  return toMipSolution(report);
}

/** True for an error that leaves the WebAssembly runtime unusable (an Emscripten abort: out of memory, a trap). */
export function isRuntimeFailure(error: unknown): boolean {
  if (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /abort|out of memory|enlarge memory|memory access out of bounds|unreachable/i.test(message);
}

/**
 * A synchronous MipSolver over a runtime loaded asynchronously. When a solve kills the runtime (HiGHS ran out of
 * the WebAssembly memory, about 2 GB at most), that solve throws a clear error and a fresh runtime is loaded in the
 * background, so the next run can solve again; a call made while it loads says so instead of crashing.
 */
export async function createMipSolver(load: () => Promise<Highs>, defaults: HighsSolveDefaults = {}): Promise<MipSolver> {
  let highs: Highs | undefined = await load();
  let reloadError: unknown;
  const reload = () => {
    highs = undefined;
    load().then(
      (fresh) => {
        highs = fresh;
        reloadError = undefined;
      },
      (error: unknown) => {
        reloadError = error;
      },
    );
  };
  return (lp: string, options: MipOptions): MipSolution => {
    if (highs === undefined) {
      const why = reloadError === undefined ? 'it is being reloaded after the last model exhausted its memory' : `reloading it failed: ${String(reloadError)}`;
      throw new Error(`the MIP solver (HiGHS) is not available: ${why}`);
    }
    try {
      return solveWithHighs(highs, lp, options, defaults);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isRuntimeFailure(error)) {
        reload();
        // HiGHS's LP reader also aborts (a C++ exception) on text it cannot parse, so name both causes.
        throw new Error(`HiGHS (WebAssembly) aborted on this model: out of memory, or LP text it could not read (${message}). It is being reloaded; try a smaller instance`, { cause: error });
      }
      throw new Error(`HiGHS could not solve the model: ${message}`, { cause: error });
    }
  };
}
