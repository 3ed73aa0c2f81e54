/**
 * The one error shape of the HTTP API: `{ errors: [ { path, rule, message } ] }`, as the engine reports
 * bad input (docs/design.md, Contracts). 413/422/429 use it with `path: null`. Nothing here ever carries a stack.
 */
import type { InputIssue } from '../engine/index.js';

/** What goes over the wire for one problem. */
export type ApiIssue = InputIssue;

/** An error that becomes an HTTP response with the standard body. */
export class ApiError extends Error {
  readonly status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  readonly errors: ApiIssue[];
  readonly headers: Record<string, string>;
  constructor(status: ApiError['status'], errors: ApiIssue[], headers: Record<string, string> = {}) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

/**
 * One issue whose message names the field and the rule.
 * @example apiIssue('trials', 'must be a whole number between 1 and 1000000').message // 'trials: must be a whole number between 1 and 1000000'
 */
export function apiIssue(path: string | null, rule: string, message?: string): ApiIssue {
  return { path, rule, message: message ?? (path ? `${path}: ${rule}` : rule) };
}

/** Copies engine issues to the wire shape, dropping anything else an issue object might carry. */
export function fromInputIssues(issues: readonly InputIssue[]): ApiIssue[] {
  return issues.map((i) => {
    const out: ApiIssue = { path: i.path ?? null, rule: String(i.rule), message: String(i.message) };
    if (typeof i.line === 'number') out.line = i.line;
    if (typeof i.column === 'number') out.column = i.column;
    return out;
  });
}

/**
 * A 400 for bad input.
 * @example throw badRequest([apiIssue('scenario', 'is required')])
 */
export function badRequest(errors: ApiIssue[]): ApiError {
  return new ApiError(400, errors);
}
