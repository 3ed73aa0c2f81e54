/** The `--precision` and `--max-trials` flags shared by run, compare, sensitivity, solve and forecast. */
import { parsePrecision } from '../engine/precision/targets.js';
import type { PrecisionReport } from '../engine/precision/report.js';
import { DEFAULT_MAX_TRIALS } from '../parallel/precision.js';
import { intFlag, UsageError, type ParsedArgs } from './args.js';
import { pct } from './format.js';

export const PRECISION_HELP = [
  '--precision TARGETS runs until every target holds instead of a fixed trial count: trials are added in',
  'fixed blocks (the same for any worker count) until p_plan=H (half-width of the 95% interval of P(plan),',
  'e.g. 0.01), revenue=R / arr=R (half-width of the mean\'s 95% interval relative to the mean, e.g. 0.5%),',
  'diff=D (compare: of the mean paired revenue difference) or bracket (solve: the answer decided) hold,',
  `or --max-trials (default ${DEFAULT_MAX_TRIALS.toLocaleString('en-US')}) is reached; the trials used and the precision reached are reported.`,
].join('\n');

/**
 * Reads --precision and --max-trials; null without --precision. --trials cannot be combined with it.
 * @example precisionFlags(parseArgs(['--precision', 'p_plan=0.01'], { values: ['precision'] }), undefined) // { spec: 'p_plan=0.01', maxTrials: 100000, ... }
 */
export function precisionFlags(p: ParsedArgs, trials: number | undefined): { spec: string; maxTrials: number } | null {
  const spec = p.flags.get('precision')?.at(-1);
  const maxTrials = intFlag(p, 'max-trials', 1, 1_000_000);
  if (spec === undefined) {
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
  const f = (v: number) => (!Number.isFinite(v) ? '-' : rel ? pct(v, 2) : t.name === 'diff' ? `$${Math.round(v).toLocaleString('en-US')}` : `±${v.toFixed(4)}`);
  return `${t.name} ${f(t.reached)} (asked ${f(t.target)}${t.met ? '' : ', NOT met'})`;
}

/**
 * The readable line of a precision report.
 * @example precisionLine(summary.precision) // 'precision: 7,700 trials (cap 100,000): p_plan ±0.0099 (asked ±0.0100)'
 */
export function precisionLine(r: PrecisionReport): string {
  const head = `precision: ${r.trials.toLocaleString('en-US')} trials (cap ${r.maxTrials.toLocaleString('en-US')})`;
  const stop = r.met ? '' : ' — stopped at the cap before every target held';
  return `${head}: ${r.targets.map(target).join('; ') || 'bracket'}${stop}`;
}
