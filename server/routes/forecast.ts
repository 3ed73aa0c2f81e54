/**
 * POST /api/forecast (issue 17): the forecast from an as-of date. Body: `{ opportunities, roster?,
 * scenario, asOf, through?, plan?, mapping?, invalidRows?, point?, actions?, trials?, seed?, precision?, maxTrials? }`, the export and
 * roster as CSV text, the scenario as an object, YAML text, `{ yaml }` or a preset's name (`baseline`).
 *
 * The event loop checks only the body's shape. On the worker pool, under the run queue and the per-run
 * time limit: reading the export and building the scenarios (`prepareForecastTask`), the trials of every
 * scenario with one seed (`runScenarios`: common random numbers for the paired interventions), and the
 * report (`forecastReportTask`). Bad input is a 400 naming the field (`asOf`, `rows[3].Amount`,
 * `roster.rows[2].Territory`, `actions[0].hire`, ...). The export makes it a big-body route
 * (`limits.maxCsvBodyBytes`).
 *
 * POST /api/forecast/sample: `{ scenario, months?, start?, seed?, prospects?, resolveByAge?, quarterEndWin?,
 * arrivalDrift? }` (salesim synth's options) → `{ opportunities, roster, asOf, warnings }`, the engine's synthetic
 * history of the scenario (on a worker; 12 months by default), to try the forecast without a CRM.
 */
import { Hono } from 'hono';
import { defaultPrecisionSpec, forecastPrecisionTracker, InputError, ownsTrials, parseText, scenarioOrPreset, sampleExportRequest, type SampleExportOptions, type ForecastAction, type ForecastInput, type ForecastReport, type PreparedForecast } from '../../engine/index.js';
import type { TaskAnswer } from '../../parallel/calibrate.js';
import { runForecastTrials, transferList, type Pool } from '../../parallel/index.js';
import { maxTrialsAlone, precisionFrom, withFittedCap, type PrecisionRequest } from '../precision.js';
import { apiIssue, badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, MAX_SEED, MAX_TRIALS, optionalInt, readBody } from '../request.js';
import { presetReader } from './analysis.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';

/** Interventions one request may ask for (each is one more run of every trial). */
export const MAX_FORECAST_ACTIONS = 10;

const KEYS = ['opportunities', 'roster', 'scenario', 'asOf', 'through', 'plan', 'mapping', 'invalidRows', 'point', 'actions', 'trials', 'seed', 'precision', 'maxTrials'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function str(body: Record<string, unknown>, key: string, required: boolean, hint: string, errors: ApiIssue[]): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) errors.push(apiIssue(key, 'is required', `${key}: is required, ${hint}`));
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(apiIssue(key, 'must be a string', `${key}: must be a string, ${hint}`));
    return undefined;
  }
  return v;
}


/** `actions`: a list of `{ name, patch }` or `{ name, hire: { seats, territory? } }`, shape-checked (the engine checks the rest). */
function actionsOf(v: unknown, errors: ApiIssue[]): ForecastAction[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    errors.push(apiIssue('actions', 'must be a list', 'actions: must be a list of { name, patch } or { name, hire: { seats, territory? } }'));
    return [];
  }
  if (v.length > MAX_FORECAST_ACTIONS) errors.push(apiIssue('actions', `must have at most ${MAX_FORECAST_ACTIONS} items`, `actions: at most ${MAX_FORECAST_ACTIONS} interventions per forecast (got ${v.length})`));
  const out: ForecastAction[] = [];
  v.slice(0, MAX_FORECAST_ACTIONS).forEach((a: unknown, i) => {
    const at = `actions[${i}]`;
    if (!isObject(a)) {
      errors.push(apiIssue(at, 'must be an object', `${at}: must be { name, patch } or { name, hire: { seats, territory? } }`));
      return;
    }
    const extra = Object.keys(a).filter((k) => !['name', 'patch', 'hire'].includes(k));
    if (extra.length) errors.push(apiIssue(`${at}.${extra[0]}`, 'is not a known field', `${at}.${extra[0]}: is not a known field (name, patch, hire)`));
    if (typeof a.name !== 'string' || a.name.trim() === '') errors.push(apiIssue(`${at}.name`, 'must be a non-empty string', `${at}.name: must be a non-empty string`));
    if ((a.patch === undefined) === (a.hire === undefined)) {
      errors.push(apiIssue(at, 'must have either patch or hire', `${at}: must have either patch (a merge patch on the forecast scenario) or hire: { seats, territory? }`));
      return;
    }
    if (a.patch !== undefined && !isObject(a.patch)) errors.push(apiIssue(`${at}.patch`, 'must be an object', `${at}.patch: must be an object (a merge patch on the scenario)`));
    if (a.hire !== undefined) {
      const h = a.hire;
      if (!isObject(h)) errors.push(apiIssue(`${at}.hire`, 'must be an object', `${at}.hire: must be { seats, territory? }`));
      else {
        if (!Number.isInteger(h.seats) || (h.seats as number) < 1 || (h.seats as number) > 10_000)
          errors.push(apiIssue(`${at}.hire.seats`, 'must be a whole number between 1 and 10000', `${at}.hire.seats: must be a whole number between 1 and 10000`));
        if (h.territory !== undefined && typeof h.territory !== 'string') errors.push(apiIssue(`${at}.hire.territory`, 'must be a string', `${at}.hire.territory: must be a territory's name`));
        const bad = Object.keys(h).filter((k) => k !== 'seats' && k !== 'territory');
        if (bad.length) errors.push(apiIssue(`${at}.hire.${bad[0]}`, 'is not a known field', `${at}.hire.${bad[0]}: is not a known field (seats, territory)`));
      }
    }
    out.push(a as unknown as ForecastAction);
  });
  return out;
}

/** The forecast request's shape checked: the engine's input, the interventions and the run options. */
export function parseForecastRequest(
  raw: unknown,
  readPreset: (name: string) => string,
): { input: ForecastInput; actions: ForecastAction[]; trials?: number; seed?: number; precision?: PrecisionRequest; maxTrials?: number; ownsTrials: boolean } {
  const body = asObject(raw);
  const errors: ApiIssue[] = [];
  checkKnownKeys(body, KEYS, errors);
  const opportunities = str(body, 'opportunities', true, 'the opportunity export as CSV text', errors);
  const roster = str(body, 'roster', false, 'the rep roster as CSV text (Name, Territory, Hire Date, Exit Date)', errors);
  const asOf = str(body, 'asOf', true, 'the as-of date YYYY-MM-DD', errors);
  const through = str(body, 'through', false, 'the last month forecast YYYY-MM', errors);
  const scenario = scenarioOrPreset(body.scenario, readPreset, errors);
  let plan: number | undefined;
  if (body.plan !== undefined && body.plan !== null) {
    if (typeof body.plan !== 'number' || !Number.isFinite(body.plan) || body.plan <= 0) errors.push(apiIssue('plan', 'must be a positive number', "plan: must be a positive number, the year's plan (bookings)"));
    else plan = body.plan;
  }
  const mapping = body.mapping;
  if (mapping !== undefined && mapping !== null && typeof mapping !== 'string' && !isObject(mapping))
    errors.push(apiIssue('mapping', 'must be an object or YAML text', 'mapping: must be an object { columns?, stages?, dateOrder? } or its YAML text'));
  const invalidRows = body.invalidRows;
  if (invalidRows !== undefined && invalidRows !== 'error' && invalidRows !== 'skip') errors.push(apiIssue('invalidRows', "must be 'error' or 'skip'"));
  if (body.point !== undefined && typeof body.point !== 'boolean') errors.push(apiIssue('point', 'must be true or false', 'point: must be true or false'));
  const actions = actionsOf(body.actions, errors);
  const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
  const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
  const precision = precisionFrom(body, errors, { capAlone: true });
  const maxTrials = typeof body.maxTrials === 'number' ? body.maxTrials : undefined;
  // the scenario as written names its trial count (a bad text is the engine's 400 when the forecast is prepared)
  let owns = true;
  try {
    owns = ownsTrials(typeof scenario === 'string' ? parseText(scenario) : scenario);
  } catch {
    owns = true;
  }
  if (!precision && maxTrials !== undefined && (trials !== undefined || owns)) errors.push(maxTrialsAlone());
  if (errors.length) throw badRequest(errors);
  const input: ForecastInput = {
    opportunities: opportunities!,
    roster: roster ?? null,
    scenario,
    asOf: asOf!,
    through: through ?? null,
    plan: plan ?? null,
    mapping: (mapping ?? null) as ForecastInput['mapping'],
    ...(invalidRows ? { invalidRows: invalidRows as 'error' | 'skip' } : {}),
    ...(body.point === true ? { point: true } : {}),
  };
  return { input, actions, trials, seed, precision, maxTrials, ownsTrials: owns };
}

function unwrap<T>(a: TaskAnswer<T>): T {
  if (!a.ok) throw badRequest(fromInputIssues(a.errors));
  return a.value;
}

/**
 * @example app.route('/api', forecastRoutes(runner, pool, { presetsDir: 'scenarios' })) // a big-body path
 */
export function forecastRoutes(runner: Runner, pool: Pool, opts: { presetsDir: string }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const readPreset = presetReader(opts.presetsDir);
  r.post('/forecast', async (c) => {
    const { input, actions, trials: trialsOpt, seed: seedOpt, precision: asked, maxTrials, ownsTrials: owns } = parseForecastRequest(await readBody(c), readPreset);
    const prepared = unwrap(
      await runner.call([], (signal) => pool.run({ input, actions }, { name: 'prepareForecastTask', signal }) as Promise<TaskAnswer<PreparedForecast>>, c.req.raw.signal),
    );
    // no trial count anywhere: the forecast from today answers to the default precision, as salesim forecast does
    const unnamed = !asked && trialsOpt === undefined && !owns;
    const wanted = asked ?? (unnamed ? { spec: defaultPrecisionSpec(prepared.setup.plan > 0), maxTrials: maxTrials ?? 100_000, explicit: maxTrials !== undefined, default: true } : undefined);
    const precision = wanted && withFittedCap(wanted, prepared.scenarios, runner.limits);
    const trials = precision ? precision.maxTrials : (trialsOpt ?? prepared.setup.scenario.trials);
    const seed = seedOpt ?? prepared.setup.scenario.seed;
    if (precision) {
      // the targets must be measurable on this forecast (p_plan needs a plan): a 400 before any trial runs
      try {
        forecastPrecisionTracker(prepared.setup, precision.spec);
      } catch (e) {
        if (e instanceof InputError) throw badRequest(fromInputIssues(e.errors));
        throw e;
      }
    }
    const report = await runner.call(
      prepared.scenarios.map((scenario) => ({ scenario, trials })),
      async (signal) => {
        const run = await runForecastTrials(prepared, { trials, seed, pool, signal, precision });
        const buffers = [...new Set(run.results.flatMap((x) => transferList(x)))];
        const r = (await pool.run({ prepared, results: run.results, seed }, { name: 'forecastReportTask', transferList: buffers, signal })) as ForecastReport;
        return run.precision ? { ...r, precision: run.precision } : r;
      },
      c.req.raw.signal,
    );
    return c.json(report);
  });

  // a synthetic export of a scenario (salesim synth's options; by default 12 months from its plan year's start), with a roster, to try the forecast on
  r.post('/forecast/sample', async (c) => {
    let request: { scenario: unknown; options: SampleExportOptions };
    try {
      request = sampleExportRequest(await readBody(c), readPreset);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw badRequest(fromInputIssues(e.errors));
    }
    const { scenario, options } = request;
    // the expected rows are checked on the worker before any row is made (limits.maxSynthRows, a 400 naming months or the rate);
    // the worker answers with the JSON's bytes: tens of MB of CSV are never stringified on the event loop
    const answer = await runner.call([], (signal) => pool.run({ scenario, options, maxRows: runner.limits.maxSynthRows, json: true }, { name: 'sampleExportTask', signal }) as Promise<TaskAnswer<Uint8Array>>, c.req.raw.signal);
    return c.body(unwrap(answer) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
  });
  return r;
}
