/**
 * POST /api/solve: goal seek, "what does it take?" (the engine's `solve`, on a worker of the pool, under
 * the runner's queue and time limit), and POST /api/solve/stream: the same with each value as it is run. Body: `{ scenario | yaml, vary, target, min?, max?, tolerance?,
 * trials?, seed? }`; bad input is a 400 naming the field.
 */
import { Hono } from 'hono';
import { streamWork } from '../streamWork.js';
import { InputError, parseTarget, solveRuns, type SolvePoint } from '../../engine/index.js';
import { solveInPool, type Pool } from '../../parallel/index.js';
import { badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, MAX_SEED, MAX_TRIALS, optionalInt, readBody, scenarioFrom } from '../request.js';
import type { Runner } from '../runner.js';
import { precisionFrom, withFittedCap } from '../precision.js';
import type { AppEnv } from '../env.js';
import { checkWork } from '../limits.js';

/** Runs admitted for a search whose field is not a scenario number (the engine then answers the 400). */
const SOLVE_RUNS = 24;

/**
 * @example app.route('/api', solveRoutes(runner, pool))
 */
export function solveRoutes(runner: Runner, pool: Pool): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/solve', async (c) => {
    const { scenario, opts, precision, work } = solveRequest(await readBody(c), runner);
    const out = await runner.call(work, (signal) => solveInPool(pool, { scenario, opts, precision }, signal), c.req.raw.signal, { sequential: true });
    if ('errors' in out) throw badRequest(fromInputIssues(out.errors));
    return c.json(out.result);
  });

  /**
   * The same search as Server-Sent Events: a `progress` event `{ evaluated, point: { x, value, ci, met } }`
   * for each value run (none for a precision-targeted search), then one `result` (the SolveResult
   * /api/solve answers) or an `error` `{ status, errors }`. Bad input and work over the budget are plain
   * 400 / 422 answers before the stream starts.
   */
  r.post('/solve/stream', async (c) => {
    const { scenario, opts, precision, work } = solveRequest(await readBody(c), runner);
    checkWork(work, runner.limits, { sequential: true });
    return streamWork(c, async (stream, signal) => {
      let evaluated = 0;
      const onPoint = (point: SolvePoint) => {
        evaluated++;
        if (!stream.aborted) stream.writeSSE({ event: 'progress', data: JSON.stringify({ evaluated, point }) }).catch(() => {}); // a write after the client left: nothing to do
      };
      const out = await runner.call(work, (s) => solveInPool(pool, { scenario, opts, precision }, s, precision ? undefined : onPoint), signal, { sequential: true });
      if ('errors' in out) throw badRequest(fromInputIssues(out.errors));
      return out.result;
    });
  });
  return r;
}

/** A goal-seek body checked: the scenario, the engine's options, the precision asked and the work to admit. */
function solveRequest(raw: unknown, runner: Runner) {
  const body = asObject(raw);
  const errors: ApiIssue[] = [];
  checkKnownKeys(body, ['scenario', 'yaml', 'vary', 'target', 'min', 'max', 'tolerance', 'trials', 'seed', 'precision', 'maxTrials'], errors);
  const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
  const asked = precisionFrom(body, errors);
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
  const runsOf = (k: number) => Array.from({ length: SOLVE_RUNS * k }, () => scenario);
  // a goal seek until decided reruns its search at doubling trials: at most twice the cap's work
  const precision = asked && withFittedCap(asked, runsOf(2), runner.limits);
  const n = precision ? precision.maxTrials : (trials ?? scenario.trials);
  const opts = { vary: body.vary as string, target: body.target as string, ...nums, trials: n, seed: seed ?? scenario.seed };
  // the whole search: every run it can make, each at the dearer end of its widest range
  const runs = solveRuns(scenario, opts);
  const admitted = runs.length > 0 ? runs : Array.from({ length: SOLVE_RUNS }, () => ({ scenario, trials: n }));
  return { scenario, opts, precision: precision ? { spec: precision.spec, maxTrials: precision.maxTrials } : undefined, work: precision ? [...admitted, ...admitted] : admitted };
}
