/** Turning errors into responses: the standard body, never a stack trace. */
import type { Context } from 'hono';
import { ApiError, type ApiIssue } from './errors.js';

/** Most problems listed in one answer: a giant array of bad items gives a short answer, not megabytes. */
export const MAX_ERRORS = 100;

function capped(errors: ApiIssue[]): ApiIssue[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const more = errors.length - MAX_ERRORS + 1;
  return [...errors.slice(0, MAX_ERRORS - 1), { path: null, rule: 'too many problems', message: `and ${more} more problems (only the first ${MAX_ERRORS - 1} are listed)` }];
}

/** The status, body and headers for any thrown value; unknown errors become a generic 500. */
export function errorResponseParts(e: unknown, requestId?: string): { status: number; body: { errors: ApiIssue[] }; headers: Record<string, string> } {
  if (e instanceof ApiError) return { status: e.status, body: { errors: capped(e.errors) }, headers: e.headers };
  return {
    status: 500,
    body: { errors: [{ path: null, rule: 'internal error', message: `the server could not complete the request${requestId ? ` (request id ${requestId})` : ''}` }] },
    headers: {},
  };
}

/**
 * A JSON error response for `e`.
 * @example return errorResponse(c, new ApiError(404, [{ path: null, rule: 'not found', message: 'no such scenario' }]))
 */
export function errorResponse(c: Context, e: unknown): Response {
  const { status, body, headers } = errorResponseParts(e, c.get('requestId' as never) as string | undefined);
  return c.json(body, status as 400, headers);
}

/** A 404 body naming what was not found. */
export function notFound(what: string): ApiError {
  return new ApiError(404, [{ path: null, rule: 'not found', message: what }]);
}
