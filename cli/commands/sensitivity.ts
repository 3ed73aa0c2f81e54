/** `salesim sensitivity`: a tornado of total revenue over the scenario's main parameters. */
import { parseScenario, planSensitivity, sensitivityScenarios, type SensitivityParam, type SensitivityResult } from '../../engine/index.js';
import { defaultWorkers, runSensitivity } from '../../parallel/index.js';
import { warnOverBudget } from '../budget.js';
import { intFlag, parseArgs, UsageError, type Command } from '../args.js';
import { PRECISION_HELP, precisionFlags, precisionLine } from '../precision.js';
import { inFile, signedMoney } from '../compare-io.js';
import { money, pct, progressBar, table } from '../format.js';
import { readScenarioSource, rejectStudy } from '../load.js';

/**
 * Parses `--param` values: `path` (±20%) or `path=low:high`.
 * @example parseParam('reps.winRate.mean=0.2:0.3') // { path: 'reps.winRate.mean', low: 0.2, high: 0.3 }
 */
export function parseParam(text: string): SensitivityParam {
  const eq = text.indexOf('=');
  if (eq < 0) return { path: text };
  const path = text.slice(0, eq);
  const m = /^\s*([^:]+):([^:]+)\s*$/.exec(text.slice(eq + 1));
  const low = m ? Number(m[1]) : NaN;
  const high = m ? Number(m[2]) : NaN;
  if (!path || !Number.isFinite(low) || !Number.isFinite(high)) throw new UsageError(`--param must be path or path=low:high with numbers (got '${text}')`);
  return { path, low, high };
}

const fmtValue = (v: number) => (Math.abs(v) >= 1000 ? money(v) : String(+v.toPrecision(4)));
const pts = (v: number | null) => (v === null ? '-' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pts`);

/**
 * The readable tornado: one row per parameter, largest swing first, with a bar.
 * @example formatSensitivity('Baseline', result).split('\n')[0] // 'Sensitivity of total revenue: Baseline'
 */
export function formatSensitivity(title: string, r: SensitivityResult): string {
  const lines = [
    `Sensitivity of ${r.output === 'arr.end' ? 'ARR at the horizon' : 'total revenue'}: ${title}`,
    `${r.trials} trials, seed ${r.seed}; low and high of each parameter run on the same random draws as the base`,
    ...(r.precision ? [precisionLine(r.precision)] : []),
    `base: mean ${money(r.base.mean)} ± ${money(r.base.stdError)} (SE), P50 ${money(r.base.p50)}${r.base.planProbability === null ? '' : `, P(plan) ${pct(r.base.planProbability)}`}`,
    '',
  ];
  const widest = Math.max(1e-9, ...r.parameters.map((p) => Math.abs(p.swing.mean)));
  const rows = [['parameter', 'low → high (base)', 'mean swing', '', 'P50 swing', 'P(plan) swing']];
  for (const p of r.parameters) {
    // padded to a fixed width so the (right-aligned) column reads as a left-aligned bar
    const bar = ('█'.repeat(Math.round((20 * Math.abs(p.swing.mean)) / widest)) || (p.swing.mean === 0 ? '' : '▏')).padEnd(20);
    rows.push([
      p.path,
      `${fmtValue(p.low)} → ${fmtValue(p.high)} (${fmtValue(p.baseValue)})`,
      `${signedMoney(p.swing.mean)} ± ${money(p.swingStdError)}`,
      bar,
      signedMoney(p.swing.p50),
      pts(p.swing.planProbability),
    ]);
  }
  lines.push(table(rows));
  lines.push('', 'swing = output at high - output at low; ± is the standard error of the mean swing from the paired trials.');
  return lines.join('\n');
}

export const sensitivityCommand: Command = {
  usage: 'sensitivity <file|preset> [--param path[=lo:hi] ...] [--relative R] [--trials N | --precision TARGETS [--max-trials N]] [--seed S] [--workers N] [--json] [--quiet]',
  summary: 'tornado: which parameters move total revenue most',
  help: [
    'Moves one parameter at a time to a low and a high value, runs both with the scenario\'s seed (common random',
    'numbers) and ranks the parameters by the swing in mean total revenue; also reports the P50 and P(plan) swings.',
    '',
    'Default parameters (those present in the scenario): win-rate mean, opportunities per month, deal-size median,',
    'cycle months, attrition rate, ramp months, time to fill, leader tenure mean, enablement gapClosed; each',
    'moved ±R (default ±20%) and clamped to its valid range.',
    '',
    '  --param P        vary the field at path P by ±R (repeatable; replaces the default set)',
    '  --param P=lo:hi  vary it from lo to hi, e.g. --param reps.winRate.mean=0.2:0.3',
    '  --relative R     the default move, as a fraction (default 0.2 = ±20%)',
    '  --trials N       trials per run (default: the scenario\'s)',
    '  --seed S         seed shared by every run (default: the scenario\'s)',
    '  --workers N      worker threads (default: the number of cores; results are identical for any N)',
    '  --json           print { output, base, parameters: [ { path, low, high, swing, ... } ] } as JSON',
    '  --quiet          no progress on stderr (shown for runs over a second: a bar on a terminal, plain lines otherwise)',
    '  --precision T    the base scenario runs until T holds (p_plan, revenue, arr); every low/high run takes its trials',
    PRECISION_HELP,
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['trials', 'seed', 'param', 'workers', 'relative', 'precision', 'max-trials'], booleans: ['json', 'quiet'] });
    const trialsFlag = intFlag(p, 'trials', 1, 1_000_000);
    const precision = precisionFlags(p, trialsFlag) ?? undefined;
    if (p.positional.length !== 1) throw new UsageError('give exactly one scenario file or preset name');
    const file = p.positional[0];
    const scenario = inFile(file, () => {
      const { text } = readScenarioSource(file);
      rejectStudy(file, text);
      return parseScenario(text);
    });
    const params = p.flags.get('param')?.map(parseParam);
    const trials = trialsFlag ?? scenario.trials;
    const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1) ?? scenario.seed;
    const workers = intFlag(p, 'workers', 1, 256) ?? defaultWorkers();
    const relText = p.flags.get('relative')?.at(-1);
    const relative = relText === undefined ? 0.2 : Number(relText);
    if (!(relative > 0 && relative < 1)) throw new UsageError(`--relative must be a number between 0 and 1, exclusive (got '${relText}')`);
    const runs = planSensitivity(scenario, params, relative);
    warnOverBudget('sensitivity', sensitivityScenarios(scenario, runs).map((s) => ({ scenario: s, trials })));
    const progress = progressBar('sensitivity', { quiet: p.flags.has('quiet') });
    const result = await runSensitivity(scenario, runs, { trials, seed, workers, precision, onProgress: progress.update });
    progress.done();
    process.stdout.write(p.flags.has('json') ? JSON.stringify(result) + '\n' : formatSensitivity(scenario.name, result) + '\n');
    return 0;
  },
};
