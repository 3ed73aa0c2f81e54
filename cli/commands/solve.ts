/** `salesim solve`: goal seek, "what does it take?" (engine/solve.ts), and the uncertainty tornado of `run`. */
import { solve, solveRuns, solvePrecise, type PrecisionReport, type SolveResult, type Summary } from '../../engine/index.js';
import { precisionFlags, precisionLine } from '../precision.js';
import { intFlag, parseArgs, UsageError, type Command } from '../args.js';
import { money, pct, table } from '../format.js';
import { loadScenario } from '../load.js';
import { warnOverBudget } from '../budget.js';

const fmt = (v: number, metric: string) => (metric === 'plan' ? pct(v) : Math.abs(v) >= 1000 ? money(v) : String(+v.toPrecision(4)));

/**
 * The readable goal-seek report: the answer, the target at it and its neighbours, and every value run.
 * @example // formatSolve('Baseline', result).split('\n')[0]
 */
export function formatSolve(title: string, r: SolveResult & { precision?: PrecisionReport }): string {
  const m = r.target.metric;
  const lines = [
    `What does it take? ${title}: ${r.target.text}, varying ${r.vary} over [${r.range[0]}, ${r.range[1]}]`,
    `${r.trials} trials per value, seed ${r.seed}; every value runs on the same random draws (common random numbers)${r.plan !== null ? `; plan ${money(r.plan)} (the scenario's own)` : ''}`,
    '',
    r.answer ? `answer: ${r.vary} = ${r.answer.x}` : 'answer: none in range',
    r.message,
    ...(r.precision ? [precisionLine(r.precision)] : []),
    '',
  ];
  const near = [...(r.answer ? [r.answer] : []), ...r.neighbours].sort((a, b) => a.x - b.x);
  const rows = [[r.vary, `${r.target.stat}(${m})`, '95% interval', 'meets target']];
  for (const p of (near.length > 0 ? near : r.evaluations).slice().sort((a, b) => a.x - b.x))
    rows.push([`${p.x}${r.answer && p.x === r.answer.x ? ' ◀' : ''}`, fmt(p.value, m), `${fmt(p.ci[0], m)} – ${fmt(p.ci[1], m)}`, p.met ? 'yes' : 'no']);
  lines.push(table(rows));
  lines.push('', `values run (in order): ${r.evaluations.map((p) => `${p.x} → ${fmt(p.value, m)}`).join(', ')}`);
  return lines.join('\n');
}

export const solveCommand: Command = {
  usage: 'solve <file|preset> --vary PATH --target "P(plan) >= 0.8" [--min A] [--max B] [--tolerance T] [--trials N | --precision bracket [--max-trials N]] [--seed S] [--json] [--quiet]',
  summary: 'goal seek: the smallest (or largest) value of one lever that meets a target',
  help: [
    'Finds the smallest value of one decision parameter (or the largest, when the target falls as it rises)',
    'that meets a target, running every value with the same seed (common random numbers) and judging it',
    'against the scenario\'s own plan. Bisection on whole numbers, or to --tolerance for real numbers.',
    '',
    '  --vary PATH       the lever, e.g. hiring.plan[0].seats (a new month-1 hiring entry when the plan has',
    '                    fewer entries), territories[0].seats, enablement[0].gapClosed',
    '  --target T        P(plan) >= p, mean(X) >= v, or PNN(X) >= v (<= too), X = revenue, margin or arr',
    '  --min A, --max B  search range (default: the field\'s minimum to twice its current value, +10 for whole numbers)',
    '  --tolerance T     real-valued levers: stop when the bracket is this narrow (default range / 1000)',
    '  --trials N, --seed S  per value (default: the scenario\'s)',
    '  --json            print the result as JSON',
    '  --precision bracket  rerun the search at 500, 1,000, 2,000, ... trials until the answer is decided (its',
    '                    95% interval and its failing neighbour\'s exclude the target), up to --max-trials',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['vary', 'target', 'min', 'max', 'tolerance', 'trials', 'seed', 'precision', 'max-trials'], booleans: ['json', 'quiet'] });
    if (p.positional.length !== 1) throw new UsageError('give exactly one scenario file or preset name');
    const vary = p.flags.get('vary')?.at(-1);
    const target = p.flags.get('target')?.at(-1);
    if (!vary) throw new UsageError('--vary PATH is required (e.g. --vary hiring.plan[0].seats)');
    if (!target) throw new UsageError('--target is required (e.g. --target "P(plan) >= 0.8")');
    const num = (name: string) => {
      const v = p.flags.get(name)?.at(-1);
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got '${v}')`);
      return n;
    };
    const trials = intFlag(p, 'trials', 1, 1_000_000);
    const precise = precisionFlags(p, trials);
    const { scenario } = loadScenario(p.positional[0]);
    const quiet = p.flags.has('quiet') || p.flags.has('json');
    const opts = {
      vary,
      target,
      min: num('min'),
      max: num('max'),
      tolerance: num('tolerance'),
      seed: intFlag(p, 'seed', 0, 2 ** 32 - 1),
      onProgress: quiet ? undefined : (n: number, x: number) => process.stderr.write(`solve: value ${n}: ${vary} = ${x}\n`),
    };
    warnOverBudget('solve', solveRuns(scenario, { ...opts, trials: precise ? precise.maxTrials : trials }), true);
    const result = precise ? solvePrecise(scenario, opts, precise.spec, precise.maxTrials) : solve(scenario, { ...opts, trials });
    process.stdout.write(p.flags.has('json') ? JSON.stringify(result) + '\n' : formatSolve(scenario.name, result) + '\n');
    return 0;
  },
};
