/** The client's failure: the API's error list (400/413/422/429, or an engine worker's), or a synthetic one. */
import type { InputIssue } from '../../../engine/index.js';

/** One problem, in the engine's error shape (the server sends them as they are). */
export type ApiIssue = InputIssue;

/** A failure carrying the error list of the server (or of the engine worker in the static build). */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiIssue[];
  constructor(status: number, errors: ApiIssue[]) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}
