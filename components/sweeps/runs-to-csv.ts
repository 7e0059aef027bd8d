/**
 * A sweep's runs as files a researcher takes elsewhere (R, pandas, a spreadsheet): CSV with one column per metric,
 * and JSON with every field of every row. `runsToCsv` and `runsToJson` are pure; `downloadText` is the one
 * browser-only piece, kept here because nothing else saves text yet (the Gantt view saves its own blobs).
 */
import { paramsText } from './aggregate';
import type { SweepRunRow } from './sweep-types';

/** "policy at line 3: message", or "kind: message" without a line; empty for a run without an error. */
export function errorText(error: SweepRunRow['error']): string {
  if (!error) return '';
  return `${error.kind}${error.line === undefined ? '' : ` at line ${error.line}`}: ${error.message}`;
}

/**
 * One CSV field by RFC 4180: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break,
 * as it is otherwise.
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows in their given order, one line each, CRLF-terminated as RFC 4180 asks: position, policy, params
 * (k=v;k=v, exact values), scenario, seed, options (JSON), status, one column per name in `metricNames`, error.
 * A metric the run did not report is an empty cell; NaN and the infinities are written as NaN, Infinity,
 * -Infinity, which R, pandas and spreadsheets all read back as numbers.
 */
export function runsToCsv(rows: readonly SweepRunRow[], metricNames: readonly string[]): string {
  const header = ['position', 'policy', 'params', 'scenario', 'seed', 'options', 'status', ...metricNames, 'error'];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const fields = [
      String(row.position),
      row.policyLabel,
      paramsText(row.params),
      row.scenarioLabel,
      String(row.seed),
      JSON.stringify(row.options),
      row.status,
      ...metricNames.map((name) => {
        const v = row.metrics[name];
        return typeof v === 'number' ? String(v) : '';
      }),
      errorText(row.error),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * The rows as a pretty-printed JSON array with every field. JSON has no NaN or Infinity (JSON.stringify would
 * write null, which reads back as "missing"), so every non-finite number, in metrics or anywhere else, is written
 * as the string "NaN", "Infinity" or "-Infinity".
 */
export function runsToJson(rows: readonly SweepRunRow[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2);
}

/** Saves a blob as a file through a temporary object URL and <a download>; revoked a moment after the click. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a second is long after it has started.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves `text` as a file named `fileName` with the given MIME type (e.g. 'text/csv;charset=utf-8'). */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}
