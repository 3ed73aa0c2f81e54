/**
 * The sample export (POST /api/forecast/sample, the playground's "Use a sample export", in the server's
 * worker pool and in the static build's engine worker alike): a synthetic CRM history of a scenario with
 * `salesim synth`'s options, its roster, and an as-of date to forecast from. The request's options are read
 * here, once, so every client refuses the same body with the same field-named issues, and the history is
 * `synthesize`'s, so the CSV is byte for byte `salesim synth`'s for the same options.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseScenario, type Scenario } from '../scenario.js';
import { scenarioOrPreset } from '../requestScenario.js';
import { daysInMonth, parseMonth } from './dates.js';
import { checkRealism } from './realism.js';
import { checkHistoryRows, historyScenario, planYearStart, synthesize, type SynthOptions } from './synthesize.js';

/** The options of a sample export, as the HTTP body names them (`salesim synth`'s flags in camelCase; `arrivalDrift` is `--drift`). */
export interface SampleExportOptions {
  /** months of history, 1..120 (default 12) */
  months?: number;
  /** first month YYYY-MM (default: the scenario's plan year's, `planYearStart`) */
  start?: string;
  /** seed (default 1) */
  seed?: number;
  /** pre-pipeline rows per seated rep-month, 0..1000 (`--prospects`) */
  prospects?: number;
  /** monthly chance an open opportunity resolves, by its age (`--resolve-by-age`) */
  resolveByAge?: number[];
  /** win-rate factor in quarter-end months (`--quarter-end-win`) */
  quarterEndWin?: number;
  /** SD per month of the opportunity rate's log random walk (`--drift`) */
  arrivalDrift?: number;
}

/** A sample export: CSV texts, the as-of date and the generator's warnings. */
export interface SampleExport {
  opportunities: string;
  roster: string;
  asOf: string;
  warnings: string[];
}

/** The body fields of POST /api/forecast/sample besides `scenario`. */
export const SAMPLE_EXPORT_OPTIONS = ['months', 'start', 'seed', 'prospects', 'resolveByAge', 'quarterEndWin', 'arrivalDrift'] as const;

/** The default length of a sample export: a year. */
export const SAMPLE_EXPORT_MONTHS = 12;

/**
 * Reads a whole sample-export request body (POST /api/forecast/sample's, the static worker's): `scenario` (an
 * object, its YAML text, `{ yaml }` or a preset's name, read with `readPreset`) and the options; any other key
 * is refused. Every problem at once, each naming its field. Throws an `InputError`.
 * @example sampleExportRequest({ scenario: { reps: { seats: 3 } }, months: 18 }, readPreset) // { scenario: { reps: { seats: 3 } }, options: { months: 18 } }
 */
export function sampleExportRequest(body: unknown, readPreset: (name: string) => string): { scenario: unknown; options: SampleExportOptions } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new InputError([{ path: null, rule: 'must be a JSON object', message: 'the request body must be a JSON object' }]);
  const b = body as Record<string, unknown>;
  const errors: InputIssue[] = [];
  for (const k of Object.keys(b)) if (k !== 'scenario' && !(SAMPLE_EXPORT_OPTIONS as readonly string[]).includes(k)) errors.push(issue(k, 'is not a known field'));
  const scenario = scenarioOrPreset(b.scenario, readPreset, errors);
  let options: SampleExportOptions = {};
  try {
    options = sampleExportOptions(b);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(...e.errors);
  }
  if (errors.length > 0) throw new InputError(errors);
  return { scenario, options };
}

/**
 * Reads and checks a sample export's options from a request body (other keys are the caller's), every
 * problem at once with the field it names. Throws an `InputError`.
 * @example sampleExportOptions({ months: 18, start: '2024-07', quarterEndWin: 1.5 }) // { months: 18, start: '2024-07', quarterEndWin: 1.5 }
 */
export function sampleExportOptions(body: Record<string, unknown>): SampleExportOptions {
  const errors: InputIssue[] = [];
  const out: SampleExportOptions = {};
  const given = (k: string) => body[k] !== undefined && body[k] !== null;
  const whole = (k: 'months' | 'seed', min: number, max: number) => {
    if (!given(k)) return;
    const v = body[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) out[k] = v;
    else errors.push(issue(k, `must be a whole number between ${min} and ${max}`));
  };
  whole('months', 1, 120);
  whole('seed', 0, 2 ** 32 - 1);
  if (given('start')) {
    if (typeof body.start === 'string' && parseMonth(body.start) !== null) out.start = body.start;
    else errors.push(issue('start', 'must be a month YYYY-MM'));
  }
  if (given('prospects')) {
    const v = body.prospects;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1000) out.prospects = v;
    else errors.push(issue('prospects', 'must be a number between 0 and 1000'));
  }
  const realism: Pick<SampleExportOptions, 'resolveByAge' | 'quarterEndWin' | 'arrivalDrift'> = {};
  if (given('resolveByAge')) {
    if (Array.isArray(body.resolveByAge)) realism.resolveByAge = body.resolveByAge as number[];
    else errors.push(issue('resolveByAge', 'must be a list of 1 to 120 monthly probabilities'));
  }
  for (const k of ['quarterEndWin', 'arrivalDrift'] as const) {
    if (!given(k)) continue;
    if (typeof body[k] === 'number') realism[k] = body[k] as number;
    else errors.push(issue(k, 'must be a number'));
  }
  try {
    checkRealism(realism);
    Object.assign(out, realism);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(...e.errors);
  }
  // in the order of the fields (the realism checks come last otherwise)
  const rank = (e: InputIssue) => SAMPLE_EXPORT_OPTIONS.indexOf((e.path ?? '').replace(/\[.*$/, '') as (typeof SAMPLE_EXPORT_OPTIONS)[number]);
  if (errors.length > 0) throw new InputError(errors.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map((x) => x.e));
  return out;
}

/**
 * The as-of month of a sample export of `months`: half a year before the history ends (a forecast with
 * six months of it still to come), or its middle month when it is shorter than a year.
 * @example sampleAsOfMonth(12) // 6
 * @example sampleAsOfMonth(18) // 12
 * @example sampleAsOfMonth(5) // 3
 */
export function sampleAsOfMonth(months: number): number {
  return months >= 12 ? months - 6 : Math.max(1, Math.ceil(months / 2));
}

/**
 * A sample export of a scenario (object, YAML text or resolved): `synthesize` with the options (and the
 * roster), from the scenario's plan year's first month unless `start` is given. `maxRows` refuses, before
 * any row is made, a history over that many expected rows: naming `months` (with the most that fit) when
 * fewer months would fit, and `reps.opportunitiesPerMonth` (with the largest value that fits) always.
 * @example sampleExport({ reps: { seats: 2, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 1000 } }, { months: 18, start: '2024-07' }).asOf // '2025-06-30'
 */
export function sampleExport(input: Scenario | string | object, opts: SampleExportOptions & { maxRows?: number }): SampleExport {
  const scenario = parseScenario(input);
  const months = opts.months ?? SAMPLE_EXPORT_MONTHS;
  const start = opts.start ?? planYearStart(scenario);
  const start0 = parseMonth(start);
  if (start0 === null) throw new InputError([issue('start', 'must be a month YYYY-MM')]);
  if (opts.maxRows !== undefined) checkHistoryRows(historyScenario(scenario, months, start0), months, opts.prospects ?? 0, opts.maxRows, opts.months !== undefined);
  const synth: SynthOptions = {
    months,
    start,
    seed: opts.seed ?? 1,
    roster: true,
    ...(opts.prospects !== undefined ? { prospects: opts.prospects } : {}),
    ...(opts.resolveByAge !== undefined ? { resolveByAge: opts.resolveByAge } : {}),
    ...(opts.quarterEndWin !== undefined ? { quarterEndWin: opts.quarterEndWin } : {}),
    ...(opts.arrivalDrift !== undefined ? { arrivalDrift: opts.arrivalDrift } : {}),
  };
  const h = synthesize(scenario, synth);
  const m = start0 + sampleAsOfMonth(months) - 1;
  const y = Math.floor(m / 12);
  const mo = (m % 12) + 1;
  const asOf = `${y}-${String(mo).padStart(2, '0')}-${daysInMonth(y, mo)}`;
  return { opportunities: h.opportunities, roster: h.roster ?? '', asOf, warnings: h.warnings };
}
