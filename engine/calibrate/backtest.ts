/**
 * Back-test: simulate a scenario over a past period with the engine's `simulate` and set the revenue
 * actually booked each month (won deals by close date, from the opportunity export) against the
 * simulated P10-P90 band. A well-calibrated scenario puts about 80% of months inside the band (months
 * of one history are correlated through the same reps, so the share varies more than a binomial's).
 */
import { InputError, issue } from '../errors.js';
import { parseScenario, type Scenario } from '../scenario.js';
import { simulate } from '../simulate.js';
import { stats } from '../stats/stats.js';
import { formatMonth, parseMonth } from './dates.js';
import { resolveMapping, type MappingInput } from './mapping.js';
import { readOpportunities } from './opportunities.js';

/** Options of `backtest`. */
export interface BacktestOptions {
  /** first and last month of the period, `YYYY-MM` */
  from: string;
  to: string;
  /** default: the scenario's */
  trials?: number;
  seed?: number;
  mapping?: MappingInput | string | null;
  invalidRows?: 'error' | 'skip';
}

/** One month of the back-test. */
export interface BacktestMonth {
  month: string;
  actual: number;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  inside: boolean;
}

/** The back-test result. */
export interface BacktestResult {
  from: string;
  to: string;
  trials: number;
  seed: number;
  months: BacktestMonth[];
  /** months inside [P10, P90] */
  inside: number;
  insideShare: number;
  total: { actual: number; mean: number; p10: number; p50: number; p90: number; inside: boolean };
  warnings: string[];
}

/**
 * Back-tests `scenario` (object, YAML/JSON text or resolved Scenario) against an opportunity export.
 * @example backtest(csv, scenario, { from: '2025-01', to: '2025-12', trials: 500, seed: 1 }).insideShare // e.g. 0.83
 */
export function backtest(csvText: string, scenarioInput: Scenario | string | object, opts: BacktestOptions): BacktestResult {
  const from = parseMonth(opts.from ?? '');
  const to = parseMonth(opts.to ?? '');
  const errors = [];
  if (from === null) errors.push(issue('from', `'${opts.from ?? ''}' must be a month YYYY-MM`));
  if (to === null) errors.push(issue('to', `'${opts.to ?? ''}' must be a month YYYY-MM`));
  if (errors.length) throw new InputError(errors);
  const n = to! - from! + 1;
  if (n < 1 || n > 120) throw new InputError([issue('to', `must be 1 to 120 months after from (${opts.from} .. ${opts.to} is ${n} months)`)]);
  const base = parseScenario(scenarioInput);
  const trials = opts.trials ?? base.trials;
  const seed = opts.seed ?? base.seed;
  if (!Number.isInteger(trials) || trials < 1 || trials > 1_000_000) throw new InputError([issue('trials', 'must be a whole number between 1 and 1000000')]);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new InputError([issue('seed', 'must be a whole number between 0 and 4294967295')]);
  const table = readOpportunities(csvText, resolveMapping(opts.mapping ?? null), opts.invalidRows ?? 'error');
  const warnings: string[] = [];
  const actual = new Float64Array(n);
  let latest = -Infinity;
  let earliest = Infinity;
  for (const o of table.opportunities) {
    latest = Math.max(latest, o.createdMonth, o.closedMonth ?? -Infinity);
    if (o.closedMonth !== null) earliest = Math.min(earliest, o.closedMonth);
    if (o.outcome !== 'won' || o.closedMonth === null) continue;
    const k = o.closedMonth - from!;
    if (k >= 0 && k < n) actual[k] += o.amount!;
  }
  if (latest < to!) warnings.push(`the history ends in ${formatMonth(latest)}, before ${opts.to}: later months show no actual revenue`);
  if (earliest > from!) warnings.push(`the first close in the history is in ${formatMonth(earliest)}, after ${opts.from}: earlier months show no actual revenue`);
  if (latest < from! || earliest > to!) throw new InputError([issue('from', `the period ${opts.from} .. ${opts.to} does not overlap the history (${formatMonth(earliest)} .. ${formatMonth(latest)})`)]);
  const scenario = parseScenario({ ...base, horizonMonths: n, hiring: base.hiring && { ...base.hiring, plan: base.hiring.plan.filter((p) => p.month <= n) } });
  const r = simulate(scenario, { trials, seed });
  const col = new Float64Array(trials);
  const totals = new Float64Array(trials);
  const months: BacktestMonth[] = [];
  for (let m = 0; m < n; m++) {
    for (let t = 0; t < trials; t++) {
      col[t] = r.revenue[t * n + m];
      totals[t] += col[t];
    }
    const st = stats(col);
    months.push({ month: formatMonth(from! + m), actual: actual[m], mean: st.mean, p10: st.p10, p50: st.p50, p90: st.p90, inside: actual[m] >= st.p10 && actual[m] <= st.p90 });
  }
  const inside = months.filter((x) => x.inside).length;
  const tot = stats(totals);
  const actualTotal = actual.reduce((a, b) => a + b, 0);
  return {
    from: formatMonth(from!),
    to: formatMonth(to!),
    trials,
    seed,
    months,
    inside,
    insideShare: inside / n,
    total: { actual: actualTotal, mean: tot.mean, p10: tot.p10, p50: tot.p50, p90: tot.p90, inside: actualTotal >= tot.p10 && actualTotal <= tot.p90 },
    warnings,
  };
}
