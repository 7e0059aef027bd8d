/** The list of saved experiments for the home page: newest first, one row each, no run data. */
import { desc } from 'drizzle-orm';
import type { Db } from '../client';
import type { ExperimentSummary } from '../payloads';
import { experiments } from '../schema';

export const LIST_DEFAULT_LIMIT = 20;
export const LIST_MAX_LIMIT = 100;

export interface ListExperimentsOptions {
  /** 1..100, default 20; out-of-range values are clamped. */
  readonly limit?: number;
}

export async function listExperiments(db: Db, options: ListExperimentsOptions = {}): Promise<ExperimentSummary[]> {
  const requested = options.limit ?? LIST_DEFAULT_LIMIT;
  const limit = Number.isFinite(requested) ? Math.min(LIST_MAX_LIMIT, Math.max(1, Math.floor(requested))) : LIST_DEFAULT_LIMIT;
  const rows = await db
    .select({
      id: experiments.id,
      title: experiments.title,
      createdAt: experiments.createdAt,
      runCount: experiments.runCount,
      engine: experiments.engine,
    })
    .from(experiments)
    // Same order as the experiments_created_at_idx index; id breaks ties between saves in the same microsecond.
    .orderBy(desc(experiments.createdAt), experiments.id)
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
