/**
 * Importers for the trace formats researchers already have (docs/reference/llm-serving.md §1.6, §4):
 * - burstgpt: BurstGPT CSV, columns found by name (`Timestamp`, `Request tokens`, `Response tokens`, optional
 *   `Session ID`), so v1 files and BurstGPT_3 (which inserts two columns) both read. A row with 0 response tokens is
 *   a failed request: skipped and counted by default (`includeFailed` keeps it, generating one token). A 0-token
 *   prompt is read as 1 token (and counted), since a request needs at least one token to prefill.
 * - azure: the Azure LLM inference trace (`TIMESTAMP` as "2023-11-16 18:15:46.6805900", `ContextTokens`,
 *   `GeneratedTokens`); a 0-token generation is a failed request, as above.
 * - vidur: `arrived_at` (s), `num_prefill_tokens`, `num_decode_tokens`, as Vidur's trace replay.
 * Rows are sorted by arrival (stably) and times re-based so the first arrival is at 0. A bad row is an InputError
 * naming its line and column; the import either succeeds whole or throws, and changes nothing.
 */
import { InputError } from '../../core/errors';
import { DEFAULT_MAX_OUTPUT_TOKENS, type LlmRequest, type LlmScenario } from '../model';
import { findColumns, numberField } from './columns';
import { readCsv, type CsvRow } from './csv';

export const FORMATS = ['burstgpt', 'azure', 'vidur'] as const;
export type TraceFormat = (typeof FORMATS)[number];

export interface ParseTraceOptions {
  readonly format?: TraceFormat | 'auto';
  /** File name for messages. */
  readonly source?: string;
  /** Scenario name (default: the source without its folder and extension, else "trace"). */
  readonly name?: string;
  /** Keep failed requests (0 generated tokens) as requests of one output token instead of skipping them. */
  readonly includeFailed?: boolean;
}

/** What an import did besides producing requests; stored on the scenario so it can be reported. */
export interface ImportReport {
  readonly format: TraceFormat;
  readonly rows: number;
  readonly skippedFailed: number;
  readonly includedFailed: number;
  readonly zeroPrompts: number;
}

export type ImportedScenario = LlmScenario & { readonly imported: ImportReport };

interface RawRow {
  readonly arrival: number;
  readonly prompt: number;
  readonly output: number;
  readonly session?: string;
  readonly line: number;
}

const HEADERS: Record<TraceFormat, readonly string[]> = {
  burstgpt: ['request tokens', 'response tokens'],
  azure: ['timestamp', 'contexttokens', 'generatedtokens'],
  vidur: ['arrived at', 'num prefill tokens', 'num decode tokens'],
};

export function detectFormat(header: CsvRow): TraceFormat | undefined {
  const names = header.fields.map((f) => f.trim().toLowerCase().replace(/[\s_]+/g, ' '));
  return FORMATS.find((format) => HEADERS[format].every((h) => names.includes(h)));
}

/** "2023-11-16 18:15:46.6805900" -> seconds since 1970 (UTC; only differences matter). */
function parseTimestamp(row: CsvRow, index: number, source?: string): number {
  const text = (row.fields[index] ?? '').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(text);
  if (!m) throw new InputError(`"TIMESTAMP" is ${JSON.stringify(text)}; expected a date and time like 2023-11-16 18:15:46.6805900`, { source, line: row.line, column: row.columns[index] });
  const whole = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000;
  return whole + (m[7] ? Number(`0${m[7]}`) : 0);
}

function readRows(format: TraceFormat, rows: readonly CsvRow[], source?: string): RawRow[] {
  const header = rows[0];
  const body = rows.slice(1);
  const whole = { min: 0, integer: true };
  if (format === 'burstgpt') {
    const c = findColumns(header, { time: { name: 'Timestamp' }, prompt: { name: 'Request tokens' }, output: { name: 'Response tokens' }, session: { name: 'Session ID', optional: true } }, 'BurstGPT', source);
    return body.map((row) => ({
      arrival: numberField(row, c.time, 'Timestamp', { min: 0 }, source),
      prompt: numberField(row, c.prompt, 'Request tokens', whole, source),
      output: numberField(row, c.output, 'Response tokens', whole, source),
      ...(c.session >= 0 && (row.fields[c.session] ?? '').trim() !== '' ? { session: row.fields[c.session].trim() } : {}),
      line: row.line,
    }));
  }
  if (format === 'azure') {
    const c = findColumns(header, { time: { name: 'TIMESTAMP' }, prompt: { name: 'ContextTokens' }, output: { name: 'GeneratedTokens' } }, 'Azure trace', source);
    return body.map((row) => ({
      arrival: parseTimestamp(row, c.time, source),
      prompt: numberField(row, c.prompt, 'ContextTokens', whole, source),
      output: numberField(row, c.output, 'GeneratedTokens', whole, source),
      line: row.line,
    }));
  }
  const c = findColumns(header, { time: { name: 'arrived_at' }, prompt: { name: 'num_prefill_tokens' }, output: { name: 'num_decode_tokens' } }, 'Vidur trace', source);
  return body.map((row) => ({
    arrival: numberField(row, c.time, 'arrived_at', { min: 0 }, source),
    prompt: numberField(row, c.prompt, 'num_prefill_tokens', { min: 1, integer: true }, source),
    output: numberField(row, c.output, 'num_decode_tokens', { min: 1, integer: true }, source),
    line: row.line,
  }));
}

export function parseTrace(text: string, options: ParseTraceOptions = {}): ImportedScenario {
  const source = options.source;
  const rows = readCsv(text, source);
  if (rows.length === 0) throw new InputError('the trace is empty; expected a CSV header and rows', { source, line: 1 });
  const detected = detectFormat(rows[0]);
  const format = options.format === undefined || options.format === 'auto' ? detected : options.format;
  if (format === undefined) {
    throw new InputError(
      `cannot tell the trace format from the header (${rows[0].fields.join(',')}); expected BurstGPT (Timestamp, Request tokens, Response tokens), Azure (TIMESTAMP, ContextTokens, GeneratedTokens) or Vidur (arrived_at, num_prefill_tokens, num_decode_tokens) columns`,
      { source, line: rows[0].line },
    );
  }
  if (!FORMATS.includes(format)) throw new InputError(`unknown trace format "${String(format)}" (formats: ${FORMATS.join(', ')})`);
  const raw = readRows(format, rows, source);
  const kept: RawRow[] = [];
  let skippedFailed = 0;
  let includedFailed = 0;
  let zeroPrompts = 0;
  for (const row of raw) {
    if (row.output === 0) {
      if (!options.includeFailed) {
        skippedFailed++;
        continue;
      }
      includedFailed++;
    }
    if (row.prompt === 0) zeroPrompts++;
    kept.push(row);
  }
  // Stable sort: rows with equal times keep the file's order.
  const order = kept.map((_, i) => i).sort((a, b) => kept[a].arrival - kept[b].arrival || a - b);
  const first = order.length > 0 ? kept[order[0]].arrival : 0;
  let maxOutput = DEFAULT_MAX_OUTPUT_TOKENS;
  const requests: LlmRequest[] = order.map((i) => {
    const row = kept[i];
    const output = Math.max(1, row.output);
    if (output > maxOutput) maxOutput = output;
    return { arrival: row.arrival - first, promptTokens: Math.max(1, row.prompt), outputTokens: output, ...(row.session !== undefined ? { session: row.session } : {}) };
  });
  const name = options.name ?? (source ? source.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') : 'trace');
  return {
    name,
    description: `${format} trace${source ? ` ${source}` : ''}: ${requests.length} requests`,
    requests,
    maxOutputTokens: maxOutput,
    imported: { format, rows: raw.length, skippedFailed, includedFailed, zeroPrompts },
  };
}
