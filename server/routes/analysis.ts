/**
 * POST /api/compare and POST /api/sensitivity: the engine's paired comparison and tornado, run by
 * `parallel/`'s `runComparison` / `runSensitivity` (the CLI's too): the trials of every scenario on the
 * pool with the same seed (common random numbers), then the engine's `compareResults` /
 * `sensitivityFromResults` on a worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createPrecisionTracker, InputError, ownsTrials, parseCompareRequest, parsePrecision, parseStudy, parseText, planSensitivity, sensitivityParams, sensitivityScenarios, type Scenario, type SensitivityParam } from '../../engine/index.js';
import { assumptionsInPool, indicesInPool, runComparison, runSensitivity, type Pool } from '../../parallel/index.js';
import { assumptionsAnalysisOptions, comparisonAssumptions, OUTCOME_METRICS, planTargets, takeAssumptionsOption, type OutcomeMetric, type ScenarioIndices } from '../../engine/index.js';
import { badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, MAX_SEED, MAX_TRIALS, optionalInt, rawScenario, readBody, scenarioFrom } from '../request.js';
import type { Runner } from '../runner.js';
import { defaultPrecisionRequest, maxTrialsAlone, precisionFrom, withFittedCap, type PrecisionRequest } from '../precision.js';
import type { AppEnv } from '../env.js';

/** Runs engine validation, turning an InputError (or the YAML library's plain error) into a 400. */
function validated<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw badRequest(fromInputIssues(e.errors));
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw badRequest([{ path: null, rule: 'invalid input', message: msg }]);
  }
}

/** Reads a scenario file a study names, from the presets folder only (`baseline.yaml`, `baseline`). */
export function presetReader(presetsDir: string): (name: string) => string {
  return (name) => {
    const base = name.replace(/\.ya?ml$/, '');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base)) throw new InputError([{ path: null, rule: 'must name a preset file', message: `'${name}' is not a preset file name` }]);
    try {
      return readFileSync(join(presetsDir, `${base}.yaml`), 'utf8');
    } catch {
      throw new InputError([{ path: null, rule: 'must name a preset file', message: `there is no preset file '${name}'` }]);
    }
  };
}

/** Whether a comparison's baseline, as written (inline, or a preset file's text), names its own trial count. */
function baselineOwnsTrials(input: unknown, isStudy: boolean, readFile: (name: string) => string): boolean {
  const o = input as { compare?: { baseline?: unknown }; baseline?: unknown };
  const b = isStudy ? o.compare?.baseline : o.baseline;
  return typeof b === 'string' ? ownsTrials(parseText(readFile(b))) : ownsTrials(b);
}

/**
 * The comparison body: a study `{ name?, trials?, seed?, compare: { baseline, variants } }`, the
 * request form `{ baseline, variants, trials?, seed? }`, or either as `{ yaml }` text. Scenarios are
 * inline or name preset files.
 */
export function parseComparison(
  raw: unknown,
  readFile: (name: string) => string,
): { baseline: Scenario; variants: { name: string; scenario: Scenario }[]; trials: number; seed: number; precision?: PrecisionRequest } {
  const all = asObject(raw);
  // `precision` and `maxTrials` are the request's, not the study's
  const { precision: _p, maxTrials: _m, ...body } = all;
  const errors: ApiIssue[] = [];
  const asked = precisionFrom(all, errors, { capAlone: true });
  // `{ yaml, trials?, seed? }`: the text is the study or request; trials and seed override it, as for /api/simulate
  const asText = typeof body.yaml === 'string' && Object.keys(body).every((k) => k === 'yaml' || k === 'trials' || k === 'seed');
  const trialsOpt = asText ? optionalInt(body, 'trials', 1, MAX_TRIALS, errors) : undefined;
  const seedOpt = asText ? optionalInt(body, 'seed', 0, MAX_SEED, errors) : undefined;
  if (errors.length > 0) throw badRequest(errors);
  const input = asText ? validated(() => parseText(body.yaml as string)) : body;
  const isStudy = !!input && typeof input === 'object' && 'compare' in (input as object);
  const c = validated(() => (isStudy ? parseStudy(input, readFile) : parseCompareRequest(input, readFile)));
  // no trial count anywhere (the body, the study or request, its baseline as written): every design answers
  // to the baseline's default precision, as `salesim compare` does; maxTrials alone caps it
  const named = trialsOpt !== undefined || c.trials !== undefined || (input as { trials?: unknown }).trials !== undefined || baselineOwnsTrials(input, isStudy, readFile);
  const cap = typeof all.maxTrials === 'number' ? all.maxTrials : undefined;
  if (!asked && cap !== undefined && named) throw badRequest([maxTrialsAlone()]);
  const precision = asked ?? (named ? undefined : defaultPrecisionRequest(c.baseline, cap));
  if (asked && (trialsOpt !== undefined || c.trials !== undefined || (input as { trials?: unknown }).trials !== undefined))
    throw badRequest([{ path: 'trials', rule: 'cannot be given with precision', message: 'trials: cannot be given with precision (maxTrials caps a precision-targeted run)' }]);
  if (precision) validated(() => createPrecisionTracker([c.baseline, ...c.variants.map((v) => v.scenario)], parsePrecision(precision.spec), ['p_plan', 'revenue', 'arr', 'diff']));
  return { baseline: c.baseline, variants: c.variants, trials: trialsOpt ?? c.trials ?? c.baseline.trials, seed: seedOpt ?? c.seed ?? c.baseline.seed, precision };
}

/**
 * @example app.route('/api', analysisRoutes(runner, pool, { presetsDir: 'scenarios' }))
 */
export function analysisRoutes(runner: Runner, pool: Pool, opts: { presetsDir: string }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const readFile = presetReader(opts.presetsDir);

  r.post('/compare', async (c) => {
    // the `assumptions` option (engine/assumptionsOption.ts, shared with the static build's worker client) comes out before the comparison is parsed
    const body = asObject(await readBody(c));
    const { assumptions: ask, rest } = validated(() => takeAssumptionsOption(body));
    const { baseline, variants, trials: n, seed, precision: asked } = parseComparison(rest, readFile);
    const all = [baseline, ...variants.map((v) => v.scenario)];
    const precision = asked && withFittedCap(asked, all, runner.limits);
    const trials = precision ? precision.maxTrials : n;
    const result = await runner.call(
      all.map((scenario) => ({ scenario, trials })),
      (signal) => runComparison(baseline, variants, { trials, seed, pool, signal, precision }),
      c.req.raw.signal,
    );
    if (ask) {
      const opts = validated(() => assumptionsAnalysisOptions(ask, baseline, { seed, trials, hasPlan: result.baseline.plan !== null }));
      // the work: one trial per scenario per row of the Sobol plan, and up to 4 break-evens x 12 evaluations x 2 scenarios per variant
      const k = comparisonAssumptions(baseline, variants.map((v) => v.scenario)).length;
      const rows = opts.n * (k + 3);
      const budget = [...all.map((scenario) => ({ scenario, trials: rows })), ...variants.flatMap((v) => [v.scenario, baseline].map((scenario) => ({ scenario, trials: 4 * 12 * opts.breakEvenTrials })))];
      result.assumptions = await runner.call(budget, (signal) => assumptionsInPool(pool, { baseline, variants, opts }, signal), c.req.raw.signal);
    }
    return c.json(result);
  });

  r.post('/sensitivity', async (c) => {
    const body = asObject(await readBody(c));
    if (body.sobol !== undefined && body.sobol !== false && body.sobol !== null) return c.json(await sobol(body, c.req.raw.signal));
    const { sobol: _off, ...rest } = body;
    const errors: ApiIssue[] = [];
    checkKnownKeys(rest, ['scenario', 'yaml', 'trials', 'seed', 'params', 'relative', 'precision', 'maxTrials'], errors);
    const trialsOpt = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
    const named = precisionFrom(body, errors, { capAlone: true });
    const seedOpt = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    // no trial count anywhere (the body, the scenario as written): the base scenario answers to the default
    // precision, as `salesim sensitivity` does; maxTrials alone caps it
    const cap = typeof body.maxTrials === 'number' ? body.maxTrials : undefined;
    const unnamed = !named && trialsOpt === undefined && !ownsTrials(rawScenario(body));
    if (!named && cap !== undefined && !unnamed) errors.push(maxTrialsAlone());
    const input = body.scenario === undefined && typeof body.yaml === 'string' ? scenarioFrom(body.yaml, 'yaml', errors) : scenarioFrom(body.scenario, 'scenario', errors);
    // the shape of each { path, low?, high? } (the engine's, as the static build's worker reads it); planSensitivity checks the values
    let params: SensitivityParam[] | undefined;
    try {
      params = sensitivityParams(body.params);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(...fromInputIssues(e.errors));
    }
    const relative = body.relative;
    if (relative !== undefined && (typeof relative !== 'number' || !(relative > 0 && relative < 1)))
      errors.push({ path: 'relative', rule: 'must be a number between 0 and 1 (exclusive)', message: 'relative: must be a number between 0 and 1 (exclusive)' });
    if (errors.length > 0 || !input) throw badRequest(errors);
    const scenario = input.scenario;
    const seed = seedOpt ?? scenario.seed;
    const runs = validated(() => planSensitivity(scenario, params, (relative as number | undefined) ?? 0.2));
    const all = sensitivityScenarios(scenario, runs);
    const asked = named ?? (unnamed ? defaultPrecisionRequest(scenario, cap) : undefined);
    if (asked) validated(() => createPrecisionTracker([scenario], parsePrecision(asked.spec), ['p_plan', 'revenue', 'arr']));
    const precision = asked && withFittedCap(asked, all, runner.limits);
    const trials = precision ? precision.maxTrials : (trialsOpt ?? scenario.trials);
    const result = await runner.call(
      all.map((s) => ({ scenario: s, trials })),
      (signal) => runSensitivity(scenario, runs, { trials, seed, pool, signal, precision }),
      c.req.raw.signal,
    );
    return c.json(result);
  });
  return r;

  /**
   * `sobol: true | { metric?, draws? }` (salesim sensitivity --sobol [--metric M] [--draws N]): instead of the
   * tornado, the Sobol indices of the outcome over the scenario's assumptions and the share of its variance
   * they explain against the simulation's noise; one trial per row of the plan, on a worker.
   */
  async function sobol(body: Record<string, unknown>, signal: AbortSignal): Promise<ScenarioIndices> {
    const errors: ApiIssue[] = [];
    checkKnownKeys(body, ['scenario', 'yaml', 'seed', 'sobol', 'params', 'relative', 'trials', 'precision', 'maxTrials'], errors);
    for (const k of ['params', 'relative', 'trials', 'precision', 'maxTrials']) if (body[k] !== undefined) errors.push({ path: k, rule: 'does not go with sobol', message: `${k}: does not go with sobol (it runs one trial per draw)` });
    const o = body.sobol === true ? {} : body.sobol;
    let metric: OutcomeMetric | undefined;
    let draws = 256;
    if (!o || typeof o !== 'object' || Array.isArray(o)) errors.push({ path: 'sobol', rule: 'must be true or { metric?, draws? }', message: 'sobol: must be true or { metric?, draws? }' });
    else {
      const x = o as Record<string, unknown>;
      for (const k of Object.keys(x)) if (k !== 'metric' && k !== 'draws') errors.push({ path: `sobol.${k}`, rule: 'is not a known option (metric, draws)', message: `sobol.${k}: is not a known option (metric, draws)` });
      if (x.metric !== undefined) {
        if (OUTCOME_METRICS.includes(x.metric as OutcomeMetric)) metric = x.metric as OutcomeMetric;
        else errors.push({ path: 'sobol.metric', rule: `must be one of ${OUTCOME_METRICS.join(', ')}`, message: `sobol.metric: must be one of ${OUTCOME_METRICS.join(', ')}` });
      }
      if (x.draws !== undefined) {
        if (typeof x.draws === 'number' && Number.isInteger(x.draws) && x.draws >= 8 && x.draws <= 4096) draws = x.draws;
        else errors.push({ path: 'sobol.draws', rule: 'must be a whole number between 8 and 4096', message: 'sobol.draws: must be a whole number between 8 and 4096' });
      }
    }
    const seedOpt = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    const input = body.scenario === undefined && typeof body.yaml === 'string' ? scenarioFrom(body.yaml, 'yaml', errors) : scenarioFrom(body.scenario, 'scenario', errors);
    if (errors.length > 0 || !input) throw badRequest(errors);
    const scenario = input.scenario;
    // a metric the scenario cannot give (P(plan) without a plan, ARR without customers): the engine's check, as for compare's assumptions
    try {
      assumptionsAnalysisOptions({ metric }, scenario, { seed: 0, trials: 1, hasPlan: planTargets(scenario) !== null });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw badRequest(fromInputIssues(e.errors.map((x) => ({ ...x, path: 'sobol.metric', message: x.message.replace(/^assumptions\.metric/, 'sobol.metric') }))));
    }
    // the work: one trial per row of the plan, the assumptions plus the noise plus A and B
    const k = comparisonAssumptions(scenario, []).length;
    const opts = { ...(metric ? { metric } : {}), n: draws, seed: seedOpt ?? scenario.seed };
    return runner.call([{ scenario, trials: draws * (k + 3) }], (s) => indicesInPool(pool, { scenario, opts }, s), signal);
  }
}
