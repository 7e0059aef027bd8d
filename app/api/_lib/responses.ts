/** Response helpers shared by the results API's route handlers, so every error has the same ApiError shape. */
import type { z } from 'zod';
import { formatPath } from '../../../engine/jobshop/validate';
import type { ApiError } from '../../../db/payloads';

// Results are per-request data from the database; no proxy or browser should keep a copy.
const NO_STORE = { 'cache-control': 'no-store' };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: string, issues?: ApiError['issues']): Response {
  const body: ApiError = issues ? { error, issues } : { error };
  return json(body, status);
}

const MAX_ISSUES = 50;

/** 400 with every schema issue as {path, message}; the first one is also in `error`, so a toast alone is useful. */
export function schemaError(error: z.ZodError): Response {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: formatPath(issue.path.filter((part): part is string | number => typeof part !== 'symbol')),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `invalid payload: ${first.path}: ${first.message}` : 'invalid payload';
  return apiError(400, summary, issues);
}
