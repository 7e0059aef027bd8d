/**
 * The public face of engine/core for callers outside the engine (workers, db, components). Listed by name rather
 * than `export *`, so an internal helper (such as the raw-state RNG used by tests) does not leak by accident.
 * Modules inside engine/ import the concrete file instead, which keeps their dependencies visible.
 */

export { InputError, PolicyError } from './errors';
export type { SourceLocation } from './errors';

export { resolveParams } from './params';
export type { ParameterSpec, ParamValues } from './params';

export type { Direction, Objective, PolicyMeta } from './policy';

export { TimelineBuilder } from './timeline';
export type { BarKind, Timeline, TimelineBar, TimelineLane } from './timeline';

export { runToEnd } from './simulation';
export type { RunControl, Simulation } from './simulation';

export { createRng } from './rng';
export type { Rng } from './rng';

export { EventQueue } from './event-queue';
export type { QueuedEvent } from './event-queue';

export { EventLoop } from './event-loop';
export type { EventHandler, EventLoopOptions, EventLoopSnapshot } from './event-loop';

export { RunningStats, percentile, percentileSorted, summarize } from './stats';
export type { Summary } from './stats';

export { dominates, hypervolume, hypervolume2d, hypervolume3d, nonDominated } from './pareto';
export type { ObjectiveVector } from './pareto';
