/** The sweep API's answers to a bad request body or spec: one place, so every route says it the same way. */
import { SweepSpecError } from '../../../db/sweep-spec';
import type { JsonBody } from './read-json-body';
import { apiError } from './responses';

export function bodyError(body: Extract<JsonBody, { ok: false }>): Response {
  return body.reason === 'too-large' ? apiError(413, body.message) : apiError(400, body.message, [{ path: '(top level)', message: body.message }]);
}

/** 400 naming every bad field of a spec or posted run; anything else is rethrown (a 500 the server logs). */
export function specErrorResponse(error: unknown, prefix = ''): Response {
  if (!(error instanceof SweepSpecError)) throw error;
  const issues = error.issues.map((i) => ({ path: prefix + i.path, message: i.message }));
  return apiError(400, error.message, issues);
}
