import type { ParameterSpec } from './params';

/**
 * What every policy of every engine declares about itself. The engine-specific policy API extends this with the
 * decision hooks; the metadata is what the CLI lists and the editor shows next to a template.
 */
export interface PolicyMeta {
  /** Short stable id used on the command line and in stored runs ("mwkr"). */
  readonly id: string;
  /** Display name ("MWKR"). */
  readonly label: string;
  /** One line: what the policy does. */
  readonly description: string;
  /** The paper or book the rule comes from. */
  readonly paper?: string;
  /** Numeric parameters the policy reads from its context; sweeps vary them. */
  readonly params?: readonly ParameterSpec[];
}

/** The direction of an objective, for Pareto filtering and for ranking runs. */
export type Direction = 'min' | 'max';

export interface Objective {
  readonly metric: string;
  readonly direction: Direction;
}
