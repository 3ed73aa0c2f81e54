/**
 * POST /api/solve: goal seek, "what does it take?" (the engine's `solve`, on a worker of the pool, under
 * the runner's queue and time limit). Body: `{ scenario | yaml, vary, target, min?, max?, tolerance?,
 * trials?, seed? }`; bad input is a 400 naming the field.
 */
import { Hono } from 'hono';
import { InputError, parseTarget, solveRuns } from '../../engine/index.js';
import { solveInPool, type Pool } from '../../parallel/index.js';
import { badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, MAX_SEED, MAX_TRIALS, optionalInt, readBody, scenarioFrom } from '../request.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';

/** Runs admitted for a search whose field is not a scenario number (the engine then answers the 400). */
const SOLVE_RUNS = 24;

/**
 * @example app.route('/api', solveRoutes(runner, pool))
 */
export function solveRoutes(runner: Runner, pool: Pool): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/solve', async (c) => {
    const body = asObject(await readBody(c));
    const errors: ApiIssue[] = [];
    checkKnownKeys(body, ['scenario', 'yaml', 'vary', 'target', 'min', 'max', 'tolerance', 'trials', 'seed'], errors);
    const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
    const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    const input = body.scenario === undefined && typeof body.yaml === 'string' ? scenarioFrom(body.yaml, 'yaml', errors) : scenarioFrom(body.scenario, 'scenario', errors);
    for (const k of ['vary', 'target'])
      if (typeof body[k] !== 'string' || body[k] === '') errors.push({ path: k, rule: 'must be a string', message: `${k}: must be a string (e.g. ${k === 'vary' ? 'hiring.plan[0].seats' : 'P(plan) >= 0.8'})` });
    const nums: Record<string, number | undefined> = {};
    for (const k of ['min', 'max', 'tolerance']) {
      const v = body[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) errors.push({ path: k, rule: 'must be a number', message: `${k}: must be a number` });
      else nums[k] = v as number | undefined;
    }
    if (errors.length > 0 || !input) throw badRequest(errors);
    const scenario = input.scenario;
    // a malformed target is a 400 before the budget is looked at
    try {
      parseTarget(body.target as string);
    } catch (e) {
      if (e instanceof InputError) throw badRequest(fromInputIssues(e.errors));
      throw e;
    }
    const n = trials ?? scenario.trials;
    const opts = { vary: body.vary as string, target: body.target as string, ...nums, trials: n, seed: seed ?? scenario.seed };
    // the whole search: every run it can make, each at the dearer end of its widest range
    const runs = solveRuns(scenario, opts);
    const out = await runner.call(
      runs.length > 0 ? runs : Array.from({ length: SOLVE_RUNS }, () => ({ scenario, trials: n })),
      (signal) => solveInPool(pool, { scenario, opts }, signal),
      c.req.raw.signal,
      { sequential: true },
    );
    if ('errors' in out) throw badRequest(fromInputIssues(out.errors));
    return c.json(out.result);
  });
  return r;
}
