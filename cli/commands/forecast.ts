/** `salesim forecast`: the year from today: P(hit plan | bookings to date) from a CRM export (engine/forecast). */
import { forecastPrecisionTracker, InputError, issue, parseText, prepareForecast, reportPrepared, type ForecastAction, type ForecastReport, type PrecisionReport, type TrialResults } from '../../engine/index.js';
import { defaultWorkers, runBaseThenRest, runScenarios } from '../../parallel/index.js';
import { PRECISION_HELP, precisionFlags, precisionLine } from '../precision.js';
import { intFlag, parseArgs, UsageError, type Command } from '../args.js';
import { checkWritable, lastFlag, readInput, writeAtomic, writeStdout } from '../files.js';
import { money, pct, progressBar, table } from '../format.js';
import { readScenarioSource, rejectStudy } from '../load.js';

const interval = (i: [number, number]) => `${pct(i[0])} – ${pct(i[1])}`;
const signedPct = (v: number) => `${v >= 0 ? '+' : '−'}${pct(Math.abs(v))}`;

/**
 * The readable forecast: where the year stands, P(plan) now and at the year's start, the fan, the interventions.
 * @example // formatForecast(report).split('\n')[0] // 'Forecast as of 2025-06-30 ...'
 */
export function formatForecast(title: string, r: ForecastReport): string {
  const out: string[] = [];
  out.push(`Forecast as of ${r.asOf}: ${title}, plan year from ${r.yearStart}; ${r.trials} trials, seed ${r.seed}`);
  out.push(
    `team: ${r.team.seated} seated (${r.team.ramping} ramping), ${r.team.vacant} vacant (from the ${r.team.source}); open pipeline: ${r.open.deals} opportunities${r.open.withAmount ? `, ${r.open.withAmount} with amounts totalling ${money(r.open.amount)}` : ''}${r.open.stale ? `, ${r.open.stale} of them stale (${pct(r.open.stale / r.open.deals)})` : ''}`,
  );
  out.push(`booked to date ${money(r.booked)} of a plan of ${money(r.plan)} (${pct(r.booked / r.plan)}; plan from ${r.planBasis})`);
  out.push('');
  const n = r.now;
  out.push(`P(hit plan | bookings to date)  ${pct(n.pPlan)}  (95% ${interval(n.pPlanInterval)})`);
  if (r.startOfYear) out.push(`P(hit plan) at the year's start   ${pct(r.startOfYear.pPlan)}  (95% ${interval(r.startOfYear.pPlanInterval)}; the same forecast from ${r.startOfYear.asOf})`);
  else if (r.startOfYearNote) out.push(`(${r.startOfYearNote})`);
  out.push(`the year's total: P10 ${money(n.yearTotal.p10)}, P50 ${money(n.yearTotal.p50)}, P90 ${money(n.yearTotal.p90)}; expected gap to plan ${money(n.expectedGap)} (mean shortfall, 0 where plan is hit)`);
  const drawn = r.parameterUncertainty?.paths.length ?? 0;
  out.push(
    drawn
      ? `parameter uncertainty included: ${drawn} fitted rates drawn in every trial (the scenario's uncertainty block; --point fixes them); the 95% is the simulation's own`
      : "parameter uncertainty: none (the scenario's rates are taken as known; calibrate writes them as distributions)",
  );
  out.push('');
  const rows = [['month', 'cumulative bookings', 'P10', 'P50', 'P90', 'plan to date']];
  for (const f of r.fan) rows.push([f.month, f.actual !== null ? `${money(f.actual)} booked` : '', f.actual !== null ? '' : money(f.p10), f.actual !== null ? '' : money(f.p50), f.actual !== null ? '' : money(f.p90), money(f.plan)]);
  out.push(table(rows));
  if (r.variants.length) {
    out.push('', 'acting now (each against the forecast on the same random draws):');
    const vr = [['intervention', 'P(plan)', 'change in P(plan)', '95% interval', 'year total change']];
    for (const v of r.variants) vr.push([v.name, pct(v.pPlan), signedPct(v.deltaPPlan), `${signedPct(v.deltaPPlanInterval[0])} – ${signedPct(v.deltaPPlanInterval[1])}`, `${v.deltaYearTotal >= 0 ? '+' : '−'}${money(Math.abs(v.deltaYearTotal))} ± ${money(v.deltaYearTotalSe)}`]);
    out.push(table(vr));
  }
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}

/**
 * Reads `--hire N[@territory]` and `--act 'NAME=PATCH'` (PATCH: a YAML/JSON merge patch on the forecast scenario).
 * @example parseActions(['5'], ['enable={enablement: []}'])[0] // { name: 'hire 5 now', hire: { seats: 5 } }
 */
export function parseActions(hires: string[], acts: string[]): ForecastAction[] {
  const out: ForecastAction[] = [];
  for (const h of hires) {
    const m = /^(\d+)(?:@(.+))?$/.exec(h.trim());
    if (!m) throw new UsageError(`--hire must be a number of seats, optionally @territory (got '${h}')`);
    out.push({ name: `hire ${m[1]} now${m[2] ? ` in ${m[2]}` : ''}`, hire: { seats: Number(m[1]), ...(m[2] ? { territory: m[2] } : {}) } });
  }
  for (const a of acts) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--act must be NAME=PATCH, e.g. 'coach={enablement: [{startMonth: 1, target: bottom80, gapClosed: 0.2}]}' (got '${a}')`);
    let patch: unknown;
    try {
      patch = parseText(a.slice(eq + 1));
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, path: `--act ${a.slice(0, eq)}`, message: `--act ${a.slice(0, eq)}: ${x.message}` })));
      throw e;
    }
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw new UsageError(`--act ${a.slice(0, eq)}: the patch must be a mapping of fields, e.g. {coverage: {policy: none}}`);
    out.push({ name: a.slice(0, eq), patch: patch as Record<string, unknown> });
  }
  return out;
}

export const forecastCommand: Command = {
  usage: 'forecast <opps.csv|-> <scenario|preset> --as-of YYYY-MM-DD [--reps F] [--through YYYY-MM] [--plan X] [--hire N] [--act NAME=PATCH] [--trials N | --precision TARGETS [--max-trials N]]',
  summary: 'from today: P(hit the year\'s plan | bookings to date), the fan of the rest of the year, acting now',
  help: [
    'Starts the scenario at the as-of date from a CRM export: the team as it stands (--reps roster: Name,',
    'Territory, Hire Date, Exit Date; else read from the export), each rep\'s track record, the open opportunities',
    '(their ages and amounts) and the bookings to date. The plan year is the scenario\'s first 12 months',
    '(January of the as-of year unless market.start says otherwise); the plan is the scenario\'s (quota) or --plan.',
    'Prints P(plan | bookings to date) with its interval, P(plan) as it stood at the year\'s start, the fan of',
    'cumulative bookings, the expected gap, and each intervention\'s effect on P(plan) on common random numbers.',
    '',
    '  --as-of DATE       the export\'s date (month 1 is the month after it; use a month end)',
    '  --through YYYY-MM  the last month forecast (default: the plan year\'s last)',
    '  --hire N[@T]       an intervention: N seats opened now (filled after the time to fill, then ramped)',
    '  --act NAME=PATCH   an intervention: a YAML/JSON merge patch on the forecast scenario (repeatable)',
    '  --map F            column/stage mapping (as calibrate); --skip-invalid rejects bad rows with a warning',
    '  --point            ignore the scenario\'s uncertainty block (parameters at their fitted values, no draws)',
    '  --trials N, --seed S, --workers N, --json, --out F (the JSON report, atomically), --quiet',
    '  --precision T      run until T holds for the forecast from today: p_plan=H (P(plan | bookings to date)),',
    '                     revenue=R (its mean plan-year total); the interventions then take the same trials',
    PRECISION_HELP,
    'Example: salesim synth baseline --months 18 --start 2024-07 --roster reps.csv | salesim forecast - baseline --reps reps.csv --as-of 2025-06-30 --hire 5',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['as-of', 'reps', 'through', 'plan', 'hire', 'act', 'map', 'trials', 'seed', 'workers', 'out', 'precision', 'max-trials'], booleans: ['json', 'quiet', 'skip-invalid', 'point'] });
    if (p.positional.length !== 2) throw new UsageError('expects an opportunity CSV (or - for standard input) and a scenario file or preset');
    const asOf = lastFlag(p.flags, 'as-of');
    if (!asOf) throw new UsageError('--as-of YYYY-MM-DD is required (the date of the export)');
    const trialsFlag = intFlag(p, 'trials', 1, 1_000_000);
    const precise = precisionFlags(p, trialsFlag);
    const seedFlag = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const workers = intFlag(p, 'workers', 1, 256) ?? defaultWorkers();
    const planText = lastFlag(p.flags, 'plan');
    const plan = planText === undefined ? null : Number(planText);
    if (plan !== null && !(Number.isFinite(plan) && plan > 0)) throw new UsageError(`--plan must be a positive amount (got '${planText}')`);
    const out = lastFlag(p.flags, 'out');
    if (out) checkWritable(out, 'out');
    const actions = parseActions(p.flags.get('hire') ?? [], p.flags.get('act') ?? []);
    const src = readScenarioSource(p.positional[1]);
    rejectStudy(p.positional[1], src.text);
    const raw = parseText(src.text) as Record<string, unknown>;
    // --point: the scenario's uncertain parameters at their central values (no draws per trial)
    if (p.flags.has('point')) delete raw.uncertainty;
    const repsFile = lastFlag(p.flags, 'reps');
    const mapFile = lastFlag(p.flags, 'map');
    const prepared = prepareForecast(
      {
        opportunities: readInput(p.positional[0], 'opportunities'),
        roster: repsFile ? readInput(repsFile, 'reps') : null,
        scenario: raw,
        asOf,
        through: lastFlag(p.flags, 'through') ?? null,
        plan,
        mapping: mapFile ? readInput(mapFile, 'map') : null,
        invalidRows: p.flags.has('skip-invalid') ? 'skip' : 'error',
      },
      actions,
    );
    const trials = trialsFlag ?? prepared.setup.scenario.trials;
    const seed = seedFlag ?? prepared.setup.scenario.seed;
    if (trials < 2) throw new InputError([issue('trials', 'must be at least 2 for a forecast')]);
    const progress = progressBar('forecasting', { quiet: p.flags.has('quiet') || p.flags.has('json') });
    let results: TrialResults[];
    let precision: PrecisionReport | null = null;
    if (precise) {
      // the forecast from today decides the trials: its P(plan | bookings to date) and plan-year total
      const tracker = forecastPrecisionTracker(prepared.setup, precise.spec, '--precision');
      ({ results } = await runBaseThenRest(prepared.scenarios, tracker, { seed, maxTrials: precise.maxTrials, workers, onCount: progress.update }));
      precision = tracker.report(precise.spec, precise.maxTrials);
    } else ({ results } = await runScenarios(prepared.scenarios, { trials, seed, workers, onProgress: progress.update }));
    progress.done();
    const report = precision ? { ...reportPrepared(prepared, results, seed), precision } : reportPrepared(prepared, results, seed);
    const json = JSON.stringify(report, null, 2) + '\n';
    if (out) writeAtomic(out, json, 'out');
    if (p.flags.has('json')) writeStdout(json);
    else writeStdout(formatForecast(typeof raw.name === 'string' ? raw.name : p.positional[1], report) + (precision ? `\n${precisionLine(precision)}` : '') + (out ? `\nwrote ${out}` : '') + '\n');
    return 0;
  },
};
