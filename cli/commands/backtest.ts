import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError, type ParsedArgs } from '../args.js';
import { lastFlag, readInput, writeStdout } from '../files.js';
import { loadScenario } from '../load.js';
import { backtest as run, parseScenario, rollingBacktest, type BacktestResult, type RollingResult } from '../../engine/index.js';
import { money, pct, progressBar, table } from '../format.js';

/** `salesim backtest`: a scenario's simulated monthly revenue band against booked revenue. */
export const backtest: Command = {
  usage: 'backtest <opps.csv> <scenario|-> --from YYYY-MM --to YYYY-MM [--json] [--quiet]  |  backtest <opps.csv> --as-of D1,D2,... [--horizon N] [--point] [--reps F]',
  summary: 'compare booked revenue with the scenario\'s band, or score forecasts made at past dates (rolling origin)',
  help: [
    'Rolling origin (--as-of D1,D2,..., month ends): at each date the export is cut as the CRM showed it that',
    'day (rows created later dropped, deals decided later open), calibrated on the cut, and the next --horizon',
    'months (default 3) forecast from that day\'s team and open book; the forecast of the horizon\'s bookings is',
    'scored against what was booked: PIT, inside P10-P90 and P25-P75, CRPS, bias (actual / P50), with the same',
    'scores for two analyst forecasts (the open pipeline weighted by the historical chance a deal of its age is',
    'won, plus a run-rate of new deals; and the last quarter\'s run rate), a PIT histogram and a verdict.',
    '--point calibrates without parameter uncertainty; --reps F gives the roster. No scenario is read.',
    '',
    'Fixed scenario (--from/--to):',
    'Simulates the scenario over the period (month 1 = --from) and compares the revenue actually booked each',
    'month (won deals by close date) with the simulated P10-P90 band; prints the share of months inside, each',
    'month\'s PIT (share of simulated months below the actual), the bias (actual total / simulated P50, with',
    'its 80% interval), the mean interval score of the band, and the months\' PIT histogram with its uniformity tests.',
    '--trials N and --seed S override the scenario; --json prints the full result; --map mapping.yaml and',
    '--skip-invalid as for calibrate. "-" as the scenario reads it from standard input.',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['from', 'to', 'trials', 'seed', 'map', 'as-of', 'horizon', 'reps'], booleans: ['json', 'skip-invalid', 'quiet', 'point'] });
    const asOf = lastFlag(p.flags, 'as-of');
    if (asOf !== undefined) return rolling(p, asOf);
    if (p.positional.length !== 2) throw new UsageError('expects an opportunity CSV and a scenario file (or --as-of dates to score forecasts made then)');
    const from = lastFlag(p.flags, 'from');
    const to = lastFlag(p.flags, 'to');
    if (!from || !to) throw new UsageError('--from and --to (YYYY-MM) are required');
    const trials = intFlag(p, 'trials', 1, 1_000_000);
    const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const csv = readInput(p.positional[0], 'opportunities');
    if (p.positional[0] === '-' && p.positional[1] === '-') throw new UsageError('only one of the inputs can be standard input (-)');
    const scenario = p.positional[1] === '-' ? parseScenario(readInput('-', 'scenario')) : loadScenario(p.positional[1]).scenario;
    const mapFile = lastFlag(p.flags, 'map');
    const progress = progressBar('back-testing', { quiet: p.flags.has('quiet') });
    const r = run(csv, scenario, { from, to, trials, seed, mapping: mapFile ? readInput(mapFile, 'map') : null, invalidRows: p.flags.has('skip-invalid') ? 'skip' : 'error', onProgress: progress.update });
    progress.done();
    if (p.flags.has('json')) {
      writeStdout(JSON.stringify(r) + '\n');
      return 0;
    }
    writeStdout(formatBacktest(scenario.name, r) + '\n');
    for (const w of r.warnings) process.stderr.write(`salesim backtest: warning: ${w}\n`);
    return 0;
  },
};

/** The rolling-origin mode: `backtest opps.csv --as-of D1,D2,...`. */
function rolling(p: ParsedArgs, asOf: string): number {
  if (p.positional.length !== 1) throw new UsageError('with --as-of, expects only the opportunity CSV (each cut is calibrated on itself; no scenario)');
  if (p.flags.has('from') || p.flags.has('to')) throw new UsageError('--as-of and --from/--to are two modes: give one of them');
  const horizon = intFlag(p, 'horizon', 1, 24);
  const trials = intFlag(p, 'trials', 10, 100_000);
  const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1);
  const csv = readInput(p.positional[0], 'opportunities');
  const mapFile = lastFlag(p.flags, 'map');
  const repsFile = lastFlag(p.flags, 'reps');
  const progress = progressBar('cutting, calibrating and forecasting', { quiet: p.flags.has('quiet') || p.flags.has('json') });
  const r = rollingBacktest(csv, {
    asOf: asOf.split(',').map((x) => x.trim()),
    horizon,
    trials,
    seed,
    point: p.flags.has('point'),
    roster: repsFile ? readInput(repsFile, 'reps') : null,
    mapping: mapFile ? readInput(mapFile, 'map') : null,
    invalidRows: p.flags.has('skip-invalid') ? 'skip' : 'error',
    onProgress: progress.update,
  });
  progress.done();
  writeStdout(p.flags.has('json') ? JSON.stringify(r) + '\n' : formatRolling(r) + '\n');
  return 0;
}

/**
 * The rolling-origin report as text: a row per cut, the summary, the PIT histogram and the verdict.
 * @example formatRolling(rollingBacktest(csv, { asOf: ['2025-06-30'] })).split('\n')[0] // 'rolling-origin back-test: ...'
 */
export function formatRolling(r: RollingResult): string {
  const out: string[] = [];
  out.push(`rolling-origin back-test: ${r.cuts.length} cuts, ${r.horizon}-month horizon, ${r.trials} trials, seed ${r.seed}${r.point ? ', point estimates (--point)' : ', parameter uncertainty drawn per trial'}`);
  const rows = [['as of', 'months', 'actual', 'P10', 'P50', 'P90', 'PIT', 'CRPS', 'pipeline', 'run rate', 'stale open']];
  for (const c of r.cuts)
    rows.push([c.asOf, `${c.from}..${c.to}`, money(c.salesim.actual), money(c.salesim.p10), money(c.salesim.p50), money(c.salesim.p90), c.salesim.pit.toFixed(3), money(c.salesim.crps), money(c.baselines.pipeline.forecast), money(c.baselines.runRate.forecast), pct(c.open.staleShare)]);
  out.push(table(rows));
  const s = r.summary;
  out.push('');
  out.push(`inside P10-P90: ${s.inside80} of ${s.cuts} (${pct(s.inside80Share)}; 80% expected ± ${pct(s.inside80Se)} binomial SE); inside P25-P75: ${pct(s.inside50Share)} (50% expected)`);
  out.push(`mean CRPS (lower is better): salesim ${money(s.meanCrps.salesim)}, pipeline ${money(s.meanCrps.pipeline)}, run rate ${money(s.meanCrps.runRate)} (the analyst forecasts are points: their CRPS is the absolute error)`);
  out.push(`mean bias (actual / forecast): salesim ${s.meanBias.salesim.toFixed(3)} (of P50), pipeline ${s.meanBias.pipeline.toFixed(3)}, run rate ${s.meanBias.runRate.toFixed(3)}`);
  out.push(...pitLines(s.ks, s.pitHistogram));
  out.push(`verdict: ${s.verdict}`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}

/**
 * The fixed-window back-test as text: a row per month against the band, the share inside, the bias, the
 * interval score, and the months' PIT histogram with its uniformity tests (the engine's `scores.pit`, as
 * the playground's Calibrate view draws it).
 * @example formatBacktest('Fit', backtest(csv, scenario, { from: '2025-01', to: '2025-06' })).split('\n')[0] // 'Fit: back-test 2025-01 .. 2025-06, ...'
 */
export function formatBacktest(name: string, r: BacktestResult): string {
  const out: string[] = [];
  const rows = [['month', 'actual', 'P10', 'P50', 'P90', 'inside', 'PIT']];
  for (const m of r.months) rows.push([m.month, money(m.actual), money(m.p10), money(m.p50), money(m.p90), m.inside ? 'yes' : m.actual < m.p10 ? 'below' : 'above', m.pit.toFixed(2)]);
  rows.push(['total', money(r.total.actual), money(r.total.p10), money(r.total.p50), money(r.total.p90), r.total.inside ? 'yes' : r.total.actual < r.total.p10 ? 'below' : 'above', '']);
  out.push(`${name}: back-test ${r.from} .. ${r.to}, ${r.trials} trials, seed ${r.seed}`, table(rows));
  out.push(`months inside P10-P90: ${r.inside} of ${r.months.length} (${pct(r.insideShare)}; about 80% expected when the scenario fits)`);
  const b = r.scores.bias;
  out.push(`bias (actual total / simulated P50): ${b.ratio.toFixed(3)}, 80% interval ${b.interval[0].toFixed(3)} to ${b.interval[1].toFixed(3)} (${b.interval[0] > 1 ? 'the scenario under-forecasts' : b.interval[1] < 1 ? 'the scenario over-forecasts' : 'no bias beyond the band'}); mean PIT ${r.scores.meanPit.toFixed(2)} (0.5 when centred)`);
  out.push(`mean interval score (80%): ${money(r.scores.meanIntervalScore)} a month (${pct(r.scores.relativeIntervalScore)} of the mean actual month; lower is better)`);
  out.push(...pitLines(r.scores.pit.ks, r.scores.pit.histogram));
  return out.join('\n');
}

/** The PIT uniformity tests and the histogram's ten bins as text bars. */
function pitLines(ks: { test: string; d: number; pValue: number }, hist: { test: string; pValue: number; counts: number[] }): string[] {
  const out = [`PIT uniformity: ${ks.test}: D = ${ks.d.toFixed(3)}, p = ${ks.pValue.toFixed(3)}; ${hist.test}: p = ${hist.pValue.toFixed(3)}`];
  out.push('PIT histogram (reliability: flat when calibrated; U-shaped: bands too narrow; piled at one end: biased):');
  const max = Math.max(1, ...hist.counts);
  hist.counts.forEach((c, i) => out.push(`  ${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)} ${'#'.repeat(Math.round((c / max) * 30))}${c ? ` ${c}` : ''}`));
  return out;
}
