/**
 * Reading request bodies: JSON (or raw YAML) text, the scenario in either form, and the run options,
 * every problem reported at once with its path.
 */
import type { Context } from 'hono';
import { createPrecisionTracker, InputError, jsonTextDepth, MAX_DEPTH, ownsTrials, parsePrecision, parseText, rawScenario, validateScenario, type Scenario } from '../engine/index.js';

export { rawScenario };
import { RUN_TARGETS } from '../parallel/index.js';
import { ApiError, apiIssue, badRequest, fromInputIssues, type ApiIssue } from './errors.js';
import { defaultPrecisionRequest, maxTrialsAlone, precisionFrom, type PrecisionRequest } from './precision.js';

const YAML_TYPES = /^(application|text)\/(x-)?yaml\b/i;

/**
 * JSON text parsed, after a non-recursive check that it nests no deeper than MAX_DEPTH (JSON.parse
 * copes, but validation, JSON.stringify and handing values to worker threads recurse): a 400 naming
 * the limit, or one naming the syntax error.
 * @example parseJsonBody('{"a":1}') // { a: 1 }
 */
export function parseJsonBody(text: string): unknown {
  if (jsonTextDepth(text, MAX_DEPTH) > MAX_DEPTH) {
    throw badRequest([apiIssue(null, 'depth limit', `the request body nests deeper than ${MAX_DEPTH} levels (the depth limit)`)]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw badRequest([apiIssue(null, 'invalid JSON', `the request body is not valid JSON: ${(e as Error).message.split('\n')[0].slice(0, 200)}`)]);
  }
}

/** A body read as JSON, or as `{ yaml: text }` when the request is sent as YAML. */
export async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  const type = c.req.header('content-type') ?? '';
  if (YAML_TYPES.test(type)) return { yaml: text };
  if (text.trim() === '') throw badRequest([apiIssue(null, 'body is required', 'the request body is empty; send a JSON object')]);
  return parseJsonBody(text);
}

/** A scenario as submitted: its source text (kept verbatim) and its resolved form. */
export interface ScenarioInput {
  source: string;
  format: 'yaml' | 'json';
  scenario: Scenario;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Validates one scenario given as an object, as `{ yaml: text }` or as text, collecting issues into
 * `errors`. Paths of scenario issues are the engine's (`reps.winRate.mean`); the container is named
 * only when it is missing or of the wrong kind.
 * @example scenarioFrom({ yaml: 'reps: {...}' }, 'scenario', errors)
 */
export function scenarioFrom(value: unknown, path: string, errors: ApiIssue[]): ScenarioInput | null {
  let source: string;
  let format: 'yaml' | 'json';
  let input: unknown;
  if (value === undefined) {
    errors.push(apiIssue(path, 'is required', `${path}: is required (a scenario object, or { yaml: "..." } source text)`));
    return null;
  }
  if (typeof value === 'string') {
    source = value;
    format = 'yaml';
    input = value;
  } else if (isObject(value) && Object.keys(value).length === 1 && 'yaml' in value) {
    if (typeof value.yaml !== 'string') {
      errors.push(apiIssue(`${path}.yaml`, 'must be a string', `${path}.yaml: must be a string of YAML or JSON text`));
      return null;
    }
    source = value.yaml;
    format = 'yaml';
    input = value.yaml;
  } else if (isObject(value)) {
    source = JSON.stringify(value, null, 2);
    format = 'json';
    input = value;
  } else {
    errors.push(apiIssue(path, 'must be an object', `${path}: must be a scenario object or { yaml: "..." }`));
    return null;
  }
  let r: ReturnType<typeof validateScenario>;
  try {
    r = validateScenario(input);
  } catch (e) {
    // the YAML library throws plain errors for a few documents (an alias to a missing anchor,
    // too many aliases); they are still the client's bad input
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    errors.push(apiIssue(null, 'invalid YAML', `the scenario text could not be read: ${msg}`));
    return null;
  }
  if (!r.ok) {
    errors.push(...fromInputIssues(r.errors));
    return null;
  }
  return { source, format, scenario: r.scenario };
}

/** Checks an optional whole number within [min, max]. */
export function optionalInt(body: Record<string, unknown>, key: string, min: number, max: number, errors: ApiIssue[]): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push(apiIssue(key, `must be a whole number between ${min} and ${max}`));
    return undefined;
  }
  return v;
}

/** Rejects keys of `body` that are not in `known`. */
export function checkKnownKeys(body: Record<string, unknown>, known: readonly string[], errors: ApiIssue[]): void {
  for (const k of Object.keys(body)) if (!known.includes(k)) errors.push(apiIssue(k, 'is not a known field'));
}

/** Asserts the body is a JSON object. */
export function asObject(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest([apiIssue(null, 'must be a JSON object', 'the request body must be a JSON object')]);
  return body;
}

export interface RunRequest {
  scenario: Scenario;
  /** trials run (with precision: the cap, which the work budget is checked against) */
  trials: number;
  seed: number;
  /** a precision-targeted run (server/precision.ts) */
  precision?: PrecisionRequest;
}

export const MAX_TRIALS = 1_000_000;
export const MAX_SEED = 2 ** 32 - 1;

/**
 * A simulate request: `{ scenario, trials?, seed? }`, or `{ yaml, trials?, seed? }`, or raw YAML.
 * @example parseRunRequest({ scenario: { reps: {...} }, trials: 500 }).trials // 500
 */
export function parseRunRequest(raw: unknown): RunRequest {
  const body = asObject(raw);
  const errors: ApiIssue[] = [];
  checkKnownKeys(body, ['scenario', 'yaml', 'trials', 'seed', 'precision', 'maxTrials'], errors);
  const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
  const precision = precisionFrom(body, errors, { capAlone: true });
  const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
  if (body.scenario !== undefined && body.yaml !== undefined) errors.push(apiIssue('yaml', 'cannot be given together with scenario'));
  let input: ScenarioInput | null = null;
  if (body.scenario === undefined && body.yaml !== undefined) {
    if (typeof body.yaml !== 'string') errors.push(apiIssue('yaml', 'must be a string', 'yaml: must be a string of YAML or JSON text'));
    else input = scenarioFrom(body.yaml, 'yaml', errors);
  } else input = scenarioFrom(body.scenario, 'scenario', errors);
  if (errors.length > 0 || !input) throw badRequest(errors);
  // the run's trials and seed are part of the resolved scenario the Summary echoes
  const scenario = { ...input.scenario, trials: trials ?? input.scenario.trials, seed: seed ?? input.scenario.seed };
  if (precision) {
    // the targets must be measurable on this scenario (p_plan needs a quota block, arr a customers block)
    try {
      createPrecisionTracker([scenario], parsePrecision(precision.spec), RUN_TARGETS);
    } catch (e) {
      if (e instanceof InputError) throw badRequest(fromInputIssues(e.errors));
      throw e;
    }
    return { scenario, trials: precision.maxTrials, seed: scenario.seed, precision };
  }
  const cap = typeof body.maxTrials === 'number' ? body.maxTrials : undefined;
  if (trials === undefined && !ownsTrials(rawScenario(body))) {
    // no trial count anywhere: the run answers to the default precision (maxTrials, if given, caps it)
    const p = defaultPrecisionRequest(scenario, cap);
    return { scenario, trials: p.maxTrials, seed: scenario.seed, precision: p };
  }
  if (cap !== undefined) throw badRequest([maxTrialsAlone()]);
  return { scenario, trials: scenario.trials, seed: scenario.seed };
}


export { ApiError };
