/** `salesim sensitivity`: a tornado of total revenue over the scenario's main parameters. */
import { OUTCOME_METRICS, outcomeUnavailable, parseScenario, planSensitivity, planTargets, scenarioIndices, sensitivityScenarios, type OutcomeMetric, type ScenarioIndices, type SensitivityParam, type SensitivityResult } from '../../engine/index.js';
import { defaultWorkers, runSensitivity } from '../../parallel/index.js';
import { warnOverBudget } from '../budget.js';
import { intFlag, parseArgs, UsageError, type Command } from '../args.js';
import { defaultPrecisionHelp, PRECISION_HELP, precisionFlags, precisionLine } from '../precision.js';
import { ownsTrials } from '../../engine/precision/defaults.js';
import { parseText } from '../../engine/index.js';
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

/**
 * The readable variance-based sensitivity (--sobol): the assumptions' first-order and total Sobol
 * indices and the share of the variance they explain against the simulation's noise.
 * @example formatIndices('Baseline', result).split('\n')[0]
 */
export function formatIndices(title: string, r: ScenarioIndices): string {
  const what = { revenue: 'total revenue', margin: 'margin', arr: 'ARR at the horizon', plan: 'reaching plan' }[r.metric];
  const v3 = (x: number) => String(+x.toPrecision(3));
  const lines = [
    `Variance-based sensitivity of ${what}: ${title}`,
    `${r.assumptions.length} assumption${r.assumptions.length === 1 ? '' : 's'} over ${r.assumptions.length === 1 ? 'its' : 'their'} plausible range${r.assumptions.length === 1 ? '' : 's'}, with the random draws as one more input; ${2 * r.n} independent draws; Sobol indices (Saltelli's plan, Jansen's estimators) with ${Math.round(r.level * 100)}% bootstrap intervals`,
  ];
  if (r.assumptions.length === 0) return [...lines, 'no assumption is in play: the scenario uses no unsourced number with a registered range and no uncertain input'].join('\n');
  lines.push(`the assumptions explain ${pct(r.assumptionsShare)} [${pct(r.assumptionsShareCi[0])}, ${pct(r.assumptionsShareCi[1])}] of the variance; the rest is the simulation's own randomness`, '');
  const rows = [['assumption', 'range', 'first-order', 'total']];
  const byPath = new Map(r.assumptions.map((a) => [a.path, a]));
  for (const x of r.indices) {
    const a = byPath.get(x.path)!;
    rows.push([x.path, `${v3(a.range[0])} to ${v3(a.range[1])}`, `${v3(x.first)} [${v3(x.firstCi[0])}, ${v3(x.firstCi[1])}]`, `${v3(x.total)} [${v3(x.totalCi[0])}, ${v3(x.totalCi[1])}]`]);
  }
  lines.push(table(rows));
  lines.push('', 'first-order: the share of the variance an assumption explains alone; total: the share it is involved in (with interactions and with the noise).');
  return lines.join('\n');
}

export const sensitivityCommand: Command = {
  usage: 'sensitivity <file|preset> [--param path[=lo:hi] ...] [--relative R] [--trials N | --precision TARGETS [--max-trials N]] [--seed S] [--workers N] [--sobol [--metric M] [--draws N]] [--json] [--quiet]',
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
    '  --trials N       trials per run (default: the scenario\'s; none there: the default precision below)',
    '  --seed S         seed shared by every run (default: the scenario\'s)',
    '  --workers N      worker threads (default: the number of cores; results are identical for any N)',
    '  --sobol          instead: variance-based sensitivity over the assumptions (unsourced numbers with plausible ranges,',
    '                   and uncertain inputs): first-order and total Sobol indices, and the share of the variance',
    '                   the assumptions explain against the simulation\'s noise',
    '  --metric M       with --sobol: revenue, margin, arr or plan (default: arr with a customers block, else revenue)',
    '  --draws N        with --sobol: rows of the Sobol plan (default 256; runs N x (assumptions + 3) single trials)',
    '  --json           print { output, base, parameters: [ { path, low, high, swing, ... } ] } as JSON',
    '  --quiet          no progress on stderr (shown for runs over a second: a bar on a terminal, plain lines otherwise)',
    '  --precision T    the base scenario runs until T holds (p_plan, revenue, arr); every low/high run takes its trials',
    PRECISION_HELP,
    defaultPrecisionHelp('the base scenario answers to the default precision (p_plan=0.01,revenue=0.5%, or\nrevenue=0.5% without a quota block) and every low/high run takes its trials'),
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['trials', 'seed', 'param', 'workers', 'relative', 'precision', 'max-trials', 'metric', 'draws'], booleans: ['json', 'quiet', 'sobol'] });
    const trialsFlag = intFlag(p, 'trials', 1, 1_000_000);
    if (p.positional.length !== 1) throw new UsageError('give exactly one scenario file or preset name');
    const file = p.positional[0];
    let owns = true;
    const scenario = inFile(file, () => {
      const { text } = readScenarioSource(file);
      rejectStudy(file, text);
      owns = ownsTrials(parseText(text));
      return parseScenario(text);
    });
    // no trial count anywhere: the base scenario answers to the run's default precision (not with --sobol: one trial per draw)
    const precision = precisionFlags(p, trialsFlag, p.flags.has('sobol') ? undefined : { scenarios: [scenario], ownsTrials: owns }) ?? undefined;
    if (p.flags.has('sobol')) {
      for (const f of ['param', 'relative', 'trials', 'workers', 'precision', 'max-trials']) if (p.flags.has(f)) throw new UsageError(`--${f} does not go with --sobol (it runs one trial per draw)`);
      const metric = p.flags.get('metric')?.at(-1) as OutcomeMetric | undefined;
      if (metric !== undefined && !OUTCOME_METRICS.includes(metric)) throw new UsageError(`--metric must be one of ${OUTCOME_METRICS.join(', ')} (got '${metric}')`);
      if (metric === 'plan' && !planTargets(scenario)) throw new UsageError('--metric plan needs a plan: the scenario has no quota block');
      const unavailable = metric === undefined ? null : outcomeUnavailable(metric, scenario);
      if (unavailable) throw new UsageError(`--metric ${unavailable}`);
      const draws = intFlag(p, 'draws', 8, 100_000);
      const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1) ?? scenario.seed;
      const progress = progressBar('sobol', { quiet: p.flags.has('quiet') });
      const r = scenarioIndices(scenario, { metric, n: draws, seed, onProgress: progress.update });
      progress.done();
      process.stdout.write(p.flags.has('json') ? JSON.stringify(r) + '\n' : formatIndices(scenario.name, r) + '\n');
      return 0;
    }
    if (p.flags.has('metric') || p.flags.has('draws')) throw new UsageError('--metric and --draws go with --sobol');
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
