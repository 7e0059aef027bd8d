/** Where a command writes: stdout for results, stderr for everything else. Tests and the demo can capture both. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  /** One line for `schedlab --help`. */
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code; throws UsageError or RunFailure for the errors a user can cause. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
