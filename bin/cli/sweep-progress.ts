import { findEngine } from '../../engine';
import type { StoredSweepRun } from '../../db/queries';
import { renderTable } from './format/table';
import type { Style } from './format/style';

/**
 * The sweep's progress on stderr (stdout is for the summary or --json): on a terminal one line redrawn in place, a
 * bar with runs done / total, rate and time left; into a file or a pipe one line per tenth, so logs stay short.
 */
export class SweepProgress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private lastTenth = -1;
  private lastPrinted = -1;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly alreadyStored: number,
    private readonly stream: NodeJS.WriteStream | { isTTY?: boolean; write(text: string): boolean },
  ) {}

  get finished(): number {
    return this.done;
  }

  tick(status: 'done' | 'failed'): void {
    this.done++;
    if (status === 'failed') this.failed++;
    this.draw(false);
  }

  /** Runs per second of this process (stored runs skipped on resume are not counted). */
  rate(): number {
    const seconds = (performance.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private line(): string {
    const stored = this.alreadyStored + this.done;
    const fraction = this.total === 0 ? 1 : stored / this.total;
    const width = 24;
    const filled = Math.round(fraction * width);
    const rate = this.rate();
    const left = this.total - stored;
    const eta = rate > 0 ? formatSeconds(left / rate) : '--:--';
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${stored}/${this.total} runs ${Math.floor(fraction * 100)}%  ${rate.toFixed(1)} runs/s  ETA ${eta}${failed}`;
  }

  draw(final: boolean): void {
    const now = performance.now();
    if (this.stream.isTTY) {
      if (!final && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      this.stream.write(`\r${this.line()}\x1b[K${final ? '\n' : ''}`);
      return;
    }
    const stored = this.alreadyStored + this.done;
    const tenth = Math.floor((stored / Math.max(1, this.total)) * 10);
    // The final line only when it says something new (the last tenth already printed 100%).
    if (tenth > this.lastTenth || (final && stored !== this.lastPrinted)) {
      this.lastTenth = tenth;
      this.lastPrinted = stored;
      this.stream.write(`${this.line()}\n`);
    }
  }
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export interface PolicySummary {
  readonly policy: string;
  readonly runs: number;
  readonly failed: number;
  /** Mean of each of the engine's objectives over the policy's finished runs. */
  readonly means: Readonly<Record<string, number>>;
}

/** Per policy label: runs, failures and the mean of each objective (the engine's own list). */
export function summarizeRuns(engineId: string, runs: readonly StoredSweepRun[]): PolicySummary[] {
  const objectives = (findEngine(engineId)?.objectives ?? []).map((o) => o.metric);
  const byPolicy = new Map<string, StoredSweepRun[]>();
  for (const run of runs) byPolicy.set(run.policyLabel, [...(byPolicy.get(run.policyLabel) ?? []), run]);
  return [...byPolicy].map(([policy, list]) => {
    const ok = list.filter((r) => r.status === 'done');
    const means: Record<string, number> = {};
    for (const metric of objectives) {
      const values = ok.map((r) => r.metrics[metric]).filter((v) => Number.isFinite(v));
      if (values.length > 0) means[metric] = values.reduce((a, b) => a + b, 0) / values.length;
    }
    return { policy, runs: list.length, failed: list.length - ok.length, means };
  });
}

export function renderSummaryTable(summaries: readonly PolicySummary[], style: Style): string {
  const metrics = [...new Set(summaries.flatMap((s) => Object.keys(s.means)))];
  const columns = [{ header: 'policy' }, { header: 'runs', align: 'right' as const }, { header: 'failed', align: 'right' as const }, ...metrics.map((m) => ({ header: `mean ${m}`, align: 'right' as const }))];
  const rows = summaries.map((s) => [s.policy, String(s.runs), String(s.failed), ...metrics.map((m) => (s.means[m] === undefined ? '-' : Number(s.means[m].toPrecision(6)).toString()))]);
  return renderTable(columns, rows, style);
}
