import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError } from '../args.js';
import { lastFlag, readInput, writeStdout } from '../files.js';
import { loadScenario } from '../load.js';
import { backtest as run, parseScenario } from '../../engine/index.js';
import { money, pct, progressBar, table } from '../format.js';

/** `salesim backtest`: a scenario's simulated monthly revenue band against booked revenue. */
export const backtest: Command = {
  usage: 'backtest <opps.csv> <scenario|-> --from YYYY-MM --to YYYY-MM [--json] [--quiet]',
  summary: 'compare booked revenue per month with the scenario\'s P10-P90 band',
  help: [
    'Simulates the scenario over the period (month 1 = --from) and compares the revenue actually booked each',
    'month (won deals by close date) with the simulated P10-P90 band; prints the share of months inside, each',
    'month\'s PIT (share of simulated months below the actual), the bias (actual total / simulated P50, with',
    'its 80% interval) and the mean interval score of the band.',
    '--trials N and --seed S override the scenario; --json prints the full result; --map mapping.yaml and',
    '--skip-invalid as for calibrate. "-" as the scenario reads it from standard input.',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['from', 'to', 'trials', 'seed', 'map'], booleans: ['json', 'skip-invalid', 'quiet'] });
    if (p.positional.length !== 2) throw new UsageError('expects an opportunity CSV and a scenario file');
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
    const rows = [['month', 'actual', 'P10', 'P50', 'P90', 'inside', 'PIT']];
    for (const m of r.months) rows.push([m.month, money(m.actual), money(m.p10), money(m.p50), money(m.p90), m.inside ? 'yes' : m.actual < m.p10 ? 'below' : 'above', m.pit.toFixed(2)]);
    rows.push(['total', money(r.total.actual), money(r.total.p10), money(r.total.p50), money(r.total.p90), r.total.inside ? 'yes' : r.total.actual < r.total.p10 ? 'below' : 'above', '']);
    writeStdout(`${scenario.name}: back-test ${r.from} .. ${r.to}, ${r.trials} trials, seed ${r.seed}\n${table(rows)}\n`);
    writeStdout(`months inside P10-P90: ${r.inside} of ${r.months.length} (${pct(r.insideShare)}; about 80% expected when the scenario fits)\n`);
    const b = r.scores.bias;
    writeStdout(`bias (actual total / simulated P50): ${b.ratio.toFixed(3)}, 80% interval ${b.interval[0].toFixed(3)} to ${b.interval[1].toFixed(3)} (${b.interval[0] > 1 ? 'the scenario under-forecasts' : b.interval[1] < 1 ? 'the scenario over-forecasts' : 'no bias beyond the band'}); mean PIT ${r.scores.meanPit.toFixed(2)} (0.5 when centred)\n`);
    writeStdout(`mean interval score (80%): ${money(r.scores.meanIntervalScore)} a month (${pct(r.scores.relativeIntervalScore)} of the mean actual month; lower is better)\n`);
    for (const w of r.warnings) process.stderr.write(`salesim backtest: warning: ${w}\n`);
    return 0;
  },
};
