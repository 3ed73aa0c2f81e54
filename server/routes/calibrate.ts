/**
 * POST /api/calibrate and POST /api/backtest (issue 8): fit a scenario to a CRM opportunity export, and
 * set a scenario's simulated P10-P90 band against the revenue an export actually booked.
 *
 * CSV exports are larger than scenarios, so these two routes have their own body limit (10 MiB by
 * default, `limits.maxCsvBodyBytes`, applied by the app's request guard). Every engine
 * call runs on the worker pool under the run queue and the per-run time limit: reading the CSV and the
 * fits (`calibrateTask`), the booked revenue (`bookedRevenueTask`), the trials (`runParallel`) and the
 * band (`bandTask`); the event loop only checks the request's shape.
 */
import { Hono, type Context } from 'hono';
import { backtestScenario, parseMonth, type RollingResult, type BacktestResult, type BookedRevenue, type CalibrateOptions, type CalibrationWithLeads, type Scenario } from '../../engine/index.js';
import type { TaskAnswer } from '../../parallel/calibrate.js';
import { runParallel, transferList, type Pool } from '../../parallel/index.js';
import { ApiError, apiIssue, badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, MAX_SEED, MAX_TRIALS, optionalInt, parseJsonBody as parseJson, scenarioFrom } from '../request.js';
export { MAX_CSV_BODY_BYTES } from '../limits.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';


const CSV_TYPES = /^(text\/csv|application\/(csv|vnd\.ms-excel))\b/i;
const JSON_TYPES = /^application\/([\w.+-]*\+)?json\b/i;

/** The answer of a calibration task: its value, or a 400 with the engine's issues. */
function unwrap<T>(a: TaskAnswer<T>): T {
  if (!a.ok) throw badRequest(fromInputIssues(a.errors));
  return a.value;
}

function optionalString(body: Record<string, unknown>, key: string, errors: ApiIssue[]): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    errors.push(apiIssue(key, 'must be a string'));
    return undefined;
  }
  return v;
}

/** `mapping`: an object (columns, stages, dateOrder) or its YAML/JSON text; the engine checks the contents. */
function optionalMapping(body: Record<string, unknown>, errors: ApiIssue[]): CalibrateOptions['mapping'] {
  const v = body.mapping;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || (typeof v === 'object' && !Array.isArray(v))) return v as CalibrateOptions['mapping'];
  errors.push(apiIssue('mapping', 'must be an object or YAML text', 'mapping: must be an object { columns?, stages?, dateOrder? } or its YAML text'));
  return undefined;
}

function requiredCsv(body: Record<string, unknown>, errors: ApiIssue[]): string {
  if (typeof body.csv === 'string') return body.csv;
  errors.push(apiIssue('csv', body.csv === undefined ? 'is required' : 'must be a string', 'csv: is required, the opportunity export as CSV text'));
  return '';
}

/** Reads the calibrate body: CSV text (options in the query string) or JSON `{ csv, roster?, mapping?, from?, to?, ... }`. */
async function calibrateRequest(c: Context): Promise<{ csv: string; options: CalibrateOptions; leads?: string }> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  const errors: ApiIssue[] = [];
  if (CSV_TYPES.test(type)) {
    const q = c.req.query();
    checkKnownKeys(q, ['from', 'to', 'asOf', 'name', 'invalidRows', 'point', 'trend'], errors);
    const invalidRows = q.invalidRows;
    if (invalidRows !== undefined && invalidRows !== 'error' && invalidRows !== 'skip') errors.push(apiIssue('invalidRows', "must be 'error' or 'skip'"));
    for (const k of ['point', 'trend'] as const) if (q[k] !== undefined && q[k] !== 'true' && q[k] !== 'false') errors.push(apiIssue(k, 'must be true or false', `${k}: must be true or false (got '${q[k]}')`));
    if (errors.length) throw badRequest(errors);
    return { csv: text, options: { from: q.from ?? null, to: q.to ?? null, asOf: q.asOf ?? null, name: q.name, invalidRows: invalidRows as CalibrateOptions['invalidRows'], point: q.point === 'true', trend: q.trend === 'true', source: 'request body' } };
  }
  if (!JSON_TYPES.test(type)) {
    throw new ApiError(415, [apiIssue(null, 'unsupported media type', `send the export as text/csv, or JSON { csv, roster?, mapping?, from?, to? } as application/json (got '${type || 'no content type'}')`)]);
  }
  if (text.trim() === '') throw badRequest([apiIssue(null, 'body is required', 'the request body is empty; send a JSON object { csv, ... }')]);
  const body = asObject(parseJson(text));
  checkKnownKeys(body, ['csv', 'roster', 'leads', 'mapping', 'from', 'to', 'asOf', 'name', 'invalidRows', 'horizonMonths', 'point', 'trend'], errors);
  for (const k of ['point', 'trend'] as const) if (body[k] !== undefined && typeof body[k] !== 'boolean') errors.push(apiIssue(k, 'must be true or false', `${k}: must be true or false`));
  const csv = requiredCsv(body, errors);
  const roster = optionalString(body, 'roster', errors);
  const leads = optionalString(body, 'leads', errors);
  const mapping = optionalMapping(body, errors);
  const from = optionalString(body, 'from', errors);
  const to = optionalString(body, 'to', errors);
  const asOf = optionalString(body, 'asOf', errors);
  const name = optionalString(body, 'name', errors);
  const horizonMonths = optionalInt(body, 'horizonMonths', 1, 120, errors);
  const invalidRows = body.invalidRows;
  if (invalidRows !== undefined && invalidRows !== 'error' && invalidRows !== 'skip') errors.push(apiIssue('invalidRows', "must be 'error' or 'skip'"));
  if (errors.length) throw badRequest(errors);
  return {
    csv,
    leads,
    options: { roster: roster ?? null, mapping: mapping ?? null, from: from ?? null, to: to ?? null, asOf: asOf ?? null, name, horizonMonths, invalidRows: invalidRows as CalibrateOptions['invalidRows'], point: body.point === true, trend: body.trend === true, source: 'request body' },
  };
}

/** `invalidRows`: 'error' (the default: a malformed row refuses the export) or 'skip' (it is dropped and counted). */
function invalidRowsOf(body: Record<string, unknown>, errors: ApiIssue[]): 'error' | 'skip' {
  const v = body.invalidRows;
  if (v === undefined || v === null) return 'error';
  if (v === 'error' || v === 'skip') return v;
  errors.push(apiIssue('invalidRows', "must be 'error' or 'skip'"));
  return 'error';
}

/** The period's length in months, checked as the engine does (1 to 120 months). */
function periodMonths(from: string | undefined, to: string | undefined, errors: ApiIssue[]): number {
  const f = from === undefined ? null : parseMonth(from);
  const t = to === undefined ? null : parseMonth(to);
  if (f === null) errors.push(apiIssue('from', from === undefined ? 'is required' : 'must be a month YYYY-MM', from === undefined ? 'from: is required, the first month YYYY-MM' : `from: '${from}' must be a month YYYY-MM`));
  if (t === null) errors.push(apiIssue('to', to === undefined ? 'is required' : 'must be a month YYYY-MM', to === undefined ? 'to: is required, the last month YYYY-MM' : `to: '${to}' must be a month YYYY-MM`));
  if (f === null || t === null) return 0;
  const n = t - f + 1;
  if (n < 1 || n > 120) errors.push(apiIssue('to', 'must be 1 to 120 months after from', `to: must be 1 to 120 months after from (${from} .. ${to} is ${n} months)`));
  return n;
}

/**
 * @example app.route('/api', calibrateRoutes(runner, pool)) // before the app's general body limit
 */
export function calibrateRoutes(runner: Runner, pool: Pool): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/calibrate', async (c) => {
    const { csv, options, leads } = await calibrateRequest(c);
    const answer = await runner.call([], (signal) => pool.run({ csv, options, leads: leads ?? null }, { name: 'calibrateTask', signal }) as Promise<TaskAnswer<CalibrationWithLeads>>, c.req.raw.signal);
    return c.json(unwrap(answer));
  });

  r.post('/backtest', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!JSON_TYPES.test(type)) throw new ApiError(415, [apiIssue(null, 'unsupported media type', `send JSON { csv, scenario, from, to, trials?, seed?, mapping? } as application/json (got '${type || 'no content type'}')`)]);
    const text = await c.req.text();
    const body = asObject(parseJson(text));
    const errors: ApiIssue[] = [];
    if (body.asOf !== undefined) return c.json(await rolling(body, c));
    checkKnownKeys(body, ['csv', 'scenario', 'from', 'to', 'trials', 'seed', 'mapping', 'invalidRows'], errors);
    const invalidRows = invalidRowsOf(body, errors);
    const csv = requiredCsv(body, errors);
    const from = optionalString(body, 'from', errors);
    const to = optionalString(body, 'to', errors);
    const n = periodMonths(from, to, errors);
    const trialsOpt = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
    const seedOpt = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    const mapping = optionalMapping(body, errors);
    const input = scenarioFrom(body.scenario, 'scenario', errors);
    if (errors.length > 0 || !input) throw badRequest(errors);
    let scenario: Scenario;
    try {
      scenario = backtestScenario(input.scenario, n, from);
    } catch (e) {
      throw badRequest([apiIssue('scenario', 'invalid scenario', `scenario: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)]);
    }
    const trials = trialsOpt ?? scenario.trials;
    const seed = seedOpt ?? scenario.seed;
    const result = await runner.call(
      [{ scenario, trials }],
      async (signal) => {
        const booked = unwrap((await pool.run({ csv, from, to, mapping, invalidRows }, { name: 'bookedRevenueTask', signal })) as TaskAnswer<BookedRevenue>);
        const results = await runParallel(scenario, { trials, seed, pool, signal });
        return unwrap((await pool.run({ booked, results, seed }, { name: 'bandTask', transferList: transferList(results), signal })) as TaskAnswer<BacktestResult>);
      },
      c.req.raw.signal,
    );
    return c.json(result);
  });
  return r;

  /** Rolling origin: `{ csv, asOf: [dates], horizon?, trials?, seed?, point?, roster?, mapping?, invalidRows? }` (each cut calibrated on itself). */
  async function rolling(body: Record<string, unknown>, c: Context): Promise<RollingResult> {
    const errors: ApiIssue[] = [];
    checkKnownKeys(body, ['csv', 'asOf', 'horizon', 'trials', 'seed', 'point', 'roster', 'mapping', 'invalidRows'], errors);
    const invalidRows = invalidRowsOf(body, errors);
    const csv = requiredCsv(body, errors);
    const asOf = body.asOf;
    if (!Array.isArray(asOf) || asOf.length < 1 || asOf.length > MAX_ROLLING_CUTS || !asOf.every((d) => typeof d === 'string'))
      errors.push(apiIssue('asOf', `must be a list of 1 to ${MAX_ROLLING_CUTS} dates YYYY-MM-DD`));
    const horizon = optionalInt(body, 'horizon', 1, 24, errors);
    const trials = optionalInt(body, 'trials', 10, MAX_ROLLING_TRIALS, errors);
    const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    if (body.point !== undefined && typeof body.point !== 'boolean') errors.push(apiIssue('point', 'must be true or false'));
    const roster = optionalString(body, 'roster', errors);
    const mapping = optionalMapping(body, errors);
    if (errors.length) throw badRequest(errors);
    const options = { asOf: asOf as string[], horizon, trials, seed, point: body.point === true, roster: roster ?? null, mapping: mapping ?? null, invalidRows };
    const answer = await runner.call([], (signal) => pool.run({ csv, options }, { name: 'rollingTask', signal }) as Promise<TaskAnswer<RollingResult>>, c.req.raw.signal);
    return unwrap(answer);
  }
}

/** Rolling-origin limits: each cut is a calibration and a simulation, so both are bounded up front. */
const MAX_ROLLING_CUTS = 24;
const MAX_ROLLING_TRIALS = 5000;

