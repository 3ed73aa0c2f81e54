/** The `--precision` and `--max-trials` flags shared by run, compare, sensitivity, solve and forecast. */
import { parsePrecision } from '../engine/precision/targets.js';
import type { PrecisionReport } from '../engine/precision/report.js';
import { defaultPrecision } from '../engine/precision/defaults.js';
import { fitTrialsToBudget } from '../engine/precision/fitCap.js';
import { precisionReached } from '../engine/precision/reached.js';
import type { Scenario } from '../engine/scenario.js';
import type { Summary } from '../engine/types.js';
import { DEFAULT_MAX_TRIALS } from '../parallel/precision.js';
import { intFlag, UsageError, type ParsedArgs } from './args.js';
import { maxWorkFromEnv } from './budget.js';
import { pct } from './format.js';

export const PRECISION_HELP = [
  '--precision TARGETS runs until every target holds instead of a fixed trial count: trials are added in',
  'fixed blocks (the same for any worker count) until p_plan=H (half-width of the 95% interval of P(plan),',
  'e.g. 0.01), revenue=R / arr=R (half-width of the mean\'s 95% interval relative to the mean, e.g. 0.5%),',
  'diff=D (compare: of the mean paired revenue difference) or bracket (solve: the answer decided) hold,',
  `or --max-trials (default ${DEFAULT_MAX_TRIALS.toLocaleString('en-US')}) is reached; the trials used and the precision reached are reported.`,
].join('\n');

/** The default-precision paragraph of `salesim run --help`. */
export const DEFAULT_PRECISION_HELP = [
  'With neither --trials nor --precision, and no `trials` in the file, the run answers to the default',
  'precision: p_plan=0.01,revenue=0.5% (revenue=0.5% without a quota block), capped at 100,000 trials or',
  'fewer to fit SALESIM_MAX_WORK. A `trials` in the file or --trials runs exactly that many.',
].join('\n');

/**
 * The default-precision paragraph of another command's help: what it answers to when no trial count is
 * named anywhere (`what`: e.g. 'every design answers to p_plan=0.01,revenue=0.5% ...').
 */
export function defaultPrecisionHelp(what: string, file = 'the file'): string {
  return [
    `With neither --trials nor --precision, and no \`trials\` in ${file}, ${what},`,
    'capped at 100,000 trials or fewer to fit SALESIM_MAX_WORK. A `trials` there or --trials runs exactly that many.',
  ].join('\n');
}

export interface PrecisionFlags {
  spec: string;
  maxTrials: number;
  /** the default precision: the user named neither a trial count nor a precision */
  default?: boolean;
}

/**
 * Reads --precision and --max-trials; null without --precision (a run of a trial count). --trials cannot be
 * combined with it. With `auto`, a run that names no trial count anywhere (no --trials, the scenario without
 * its own `trials`) gets the default precision (`auto.spec`, else the run's default for the first scenario),
 * its cap fitted to SALESIM_MAX_WORK (or --max-trials).
 * @example precisionFlags(parseArgs(['--precision', 'p_plan=0.01'], { values: ['precision'] }), undefined) // { spec: 'p_plan=0.01', maxTrials: 100000, ... }
 */
export function precisionFlags(p: ParsedArgs, trials: number | undefined, auto?: { scenarios: Scenario[]; ownsTrials: boolean; spec?: string }): PrecisionFlags | null {
  const spec = p.flags.get('precision')?.at(-1);
  const maxTrials = intFlag(p, 'max-trials', 1, 1_000_000);
  if (spec === undefined) {
    if (auto && trials === undefined && !auto.ownsTrials) {
      const cap = maxTrials ?? fitTrialsToBudget(auto.scenarios, { maxWork: maxWorkFromEnv(), maxMemoryBytes: Infinity }, DEFAULT_MAX_TRIALS);
      return { spec: auto.spec ?? defaultPrecision(auto.scenarios[0]), maxTrials: cap, default: true };
    }
    if (maxTrials !== undefined) throw new UsageError('--max-trials caps a precision-targeted run: give --precision too (or use --trials)');
    return null;
  }
  if (trials !== undefined) throw new UsageError('--trials and --precision cannot be combined (--max-trials caps a precision-targeted run)');
  parsePrecision(spec, '--precision');
  return { spec, maxTrials: maxTrials ?? DEFAULT_MAX_TRIALS };
}

/** One target: 0.0099 of 0.01 (met), relative ones in %. */
function target(t: PrecisionReport['targets'][number]): string {
  if (t.name === 'bracket') return t.met ? 'bracket decided' : `bracket NOT decided (an interval next to the answer still contains the target)`;
  const rel = t.name === 'revenue' || t.name === 'arr';
  const f = (v: number) => (!Number.isFinite(v) ? '-' : rel ? `±${pct(v, 2)}` : t.name === 'diff' ? `$${Math.round(v).toLocaleString('en-US')}` : `±${v.toFixed(4)}`);
  return `${t.name} ${f(t.reached)} (asked ${f(t.target)}${t.met ? '' : ', NOT met'})`;
}

/**
 * The readable line of a precision report.
 * @example precisionLine(summary.precision) // 'precision: 7,700 trials (cap 100,000): p_plan ±0.0099 (asked ±0.0100)'
 */
export function precisionLine(r: PrecisionReport): string {
  const head = `precision${r.default ? ' (default)' : ''}: ${r.trials.toLocaleString('en-US')} trials (cap ${r.maxTrials.toLocaleString('en-US')})`;
  const stop = r.met ? '' : ' — stopped at the cap before every target held';
  return `${head}: ${r.targets.map(target).join('; ') || 'bracket'}${stop}`;
}

/**
 * The precision line of any run's Summary: a precision-targeted run's report, or for a run of a given
 * trial count the precision it reached (engine/precision/reached.ts).
 * @example summaryPrecisionLine(summary) // 'precision: 2,000 trials (as set): p_plan ±0.0199; revenue ±0.61%'
 */
export function summaryPrecisionLine(s: Summary): string {
  if (s.precision) return precisionLine(s.precision);
  const r = precisionReached(s);
  const parts = [r.pPlan !== null ? `p_plan ±${r.pPlan.toFixed(4)}` : null, r.revenue !== null ? `revenue ±${pct(r.revenue, 2)}` : null, r.arr !== null ? `arr ±${pct(r.arr, 2)}` : null].filter((x) => x !== null);
  return `precision: ${r.trials.toLocaleString('en-US')} trials (as set): ${parts.join('; ') || '-'}`;
}
