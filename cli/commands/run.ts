import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError } from '../args.js';
import { loadScenario } from '../load.js';
import { money, pct, progressBar, table } from '../format.js';
import type { Summary } from '../../engine/types.js';
import { monthlyCsv, summaryCsv, summaryReports, summaryTextSections, type TextUnit } from '../../engine/index.js';
import { parseText } from '../../engine/scenario.js';
import { ownsTrials } from '../../engine/precision/defaults.js';
import { warnOverBudget } from '../budget.js';
import { defaultWorkers } from '../../parallel/pool.js';
import { runSummary } from '../../parallel/runSummary.js';
import { runSummaryPrecise } from '../../parallel/precision.js';
import { DEFAULT_PRECISION_HELP, PRECISION_HELP, precisionFlags, summaryPrecisionLine } from '../precision.js';

/** `salesim run`: simulate a scenario and print a readable table, JSON or CSV. */
export const run: Command = {
  usage: 'run <file.yaml|file.json|preset> [--trials N | --precision TARGETS [--max-trials N]] [--seed S] [--workers N] [--assumptions] [--json | --csv | --monthly-csv] [--quiet]',
  summary: 'simulate a scenario and print its outcome distribution',
  help: [
    'Simulates the scenario and prints revenue P10/P50/P90 per year, the probability of hitting plan,',
    'share of reps at quota and the top-20% share. --json prints the Summary JSON (one object) and',
    'nothing else on stdout; --csv prints every figure of the Summary as one CSV table (metric, month,',
    'mean, sd, p5 ... p95: the export of POST /api/simulate with Accept: text/csv and of the playground\'s',
    'Export CSV, byte for byte); --monthly-csv prints the monthly table (one row per month: revenue,',
    'cumulative revenue, headcount, cost, then each section\'s columns). --trials and --seed override the file.',
    '--workers N runs the trials on N worker threads (default: the number of cores, or 1 = this thread',
    'for runs under 5 million rep-months, where starting threads costs more than it saves); the results',
    'are identical for any N. Blocks of trials stream into the Summary as they finish, so a large run',
    'holds the Summary\'s columns, not every per-trial array.',
    'Progress goes to stderr for runs over a second (a bar on a terminal, plain lines in a pipe or CI log);',
    '--quiet silences it. --assumptions also lists the assumptions the scenario uses (unsourced numbers, each',
    'with its plausible range and why; the Summary JSON always carries them as `assumptions`).',
    PRECISION_HELP,
    DEFAULT_PRECISION_HELP,
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['trials', 'seed', 'workers', 'precision', 'max-trials'], booleans: ['json', 'csv', 'monthly-csv', 'quiet', 'assumptions'] });
    if (p.positional.length !== 1) throw new UsageError('expects exactly one scenario file or preset name');
    const outputs = ['json', 'csv', 'monthly-csv'].filter((f) => p.flags.has(f));
    if (outputs.length > 1) throw new UsageError(`${outputs.map((f) => `--${f}`).join(' and ')} cannot be combined: choose one output`);
    const trials = intFlag(p, 'trials', 1, 1_000_000);
    const seed = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const workersFlag = intFlag(p, 'workers', 1, 256);
    const { scenario, text } = loadScenario(p.positional[0]);
    const precise = precisionFlags(p, trials, { scenarios: [scenario], ownsTrials: ownsTrials(parseText(text)) });
    const bar = progressBar('simulating', { quiet: p.flags.has('quiet') });
    const n = precise?.maxTrials ?? trials ?? scenario.trials;
    const s = seed ?? scenario.seed;
    // starting worker threads costs about a second: by default small runs stay in this thread (a
    // precision run by what its first targets usually need, not its cap)
    const repMonths = Math.min(n, precise ? 10_000 : n) * Math.max(1, scenario.reps.seats ?? 0) * scenario.horizonMonths;
    const workers = workersFlag ?? (repMonths >= 5_000_000 ? defaultWorkers() : 1);
    // the run starts now (a line only when progress shows from the start: SALESIM_PROGRESS_AFTER_MS=0)
    bar.update(0, n);
    // blocks of trials stream into the Summary in trial order: memory is bounded by the Summary's
    // columns, not by every per-trial array of the run
    warnOverBudget('run', [{ scenario, trials: precise ? precise.maxTrials : n }]);
    const { summary } = precise
      ? await runSummaryPrecise(scenario, precise.spec, { seed: s, maxTrials: precise.maxTrials, workers, onCount: bar.update })
      : await runSummary(scenario, { trials: n, seed: s, workers, onCount: bar.update });
    if (precise?.default && summary.precision) summary.precision.default = true;
    bar.done();
    if (p.flags.has('json')) process.stdout.write(JSON.stringify(summary) + '\n');
    else if (p.flags.has('csv')) process.stdout.write(summaryCsv(summary));
    else if (p.flags.has('monthly-csv')) process.stdout.write(monthlyCsv(summary));
    else process.stdout.write(readable(summary) + (p.flags.has('assumptions') ? '\n\n' + (summary.assumptions.length > 0 ? assumptionsTable(summary) : 'the scenario uses no registered assumption') : '') + '\n');
    return 0;
  },
};

/** The CSV export (every figure, --csv) and the monthly table (--monthly-csv), both the engine's (engine/summaryCsv.ts). */
export { summaryCsv, monthlyCsv };

/** The readable report of a Summary. */
export function readable(s: Summary): string {
  const out: string[] = [];
  out.push(`${s.scenario.name} — ${s.trials} trials, seed ${s.seed}, ${s.horizonMonths} months (${s.meta.elapsedMs.toFixed(0)} ms)`);
  out.push(summaryPrecisionLine(s));
  out.push('');
  const rows = [['revenue', 'P10', 'P50', 'P90', 'mean ± se']];
  s.revenue.annual.forEach((a, i) => rows.push([`year ${i + 1}`, money(a.p10), money(a.p50), money(a.p90), money(a.mean)]));
  rows.push(['total', money(s.revenue.total.p10), money(s.revenue.total.p50), money(s.revenue.total.p90), `${money(s.revenue.total.mean)} ± ${money(s.diagnostics.revenueStdError)}`]);
  out.push(table(rows));
  out.push('');
  if (s.plan) {
    out.push(`plan ${money(s.plan.target)}: P(hit) = ${pct(s.plan.probability)} (95% CI ${pct(s.plan.ci[0])} – ${pct(s.plan.ci[1])})`);
    for (const y of s.plan.annual) out.push(`  year ${y.year} plan ${money(y.target)}: ${pct(y.probability)} (${pct(y.ci[0])} – ${pct(y.ci[1])})`);
  } else out.push('plan: none (no quota block)');
  if (s.reps.shareAtQuota) out.push(`reps at quota: ${pct(s.reps.shareAtQuota.mean)} (P10 ${pct(s.reps.shareAtQuota.p10)}, P90 ${pct(s.reps.shareAtQuota.p90)}); median attainment ${pct(s.reps.attainment?.p50)}`);
  out.push(`top-20% share of rep revenue: ${pct(s.reps.top20Share.mean)}; Gini ${s.reps.gini.mean.toFixed(3)}`);
  const last = s.headcount.monthly.length - 1;
  out.push(`headcount at month ${last + 1}: ${s.headcount.monthly[last].mean.toFixed(1)} seated (${s.headcount.ramping[last].mean.toFixed(1)} ramping, ${s.headcount.vacant[last].mean.toFixed(1)} vacant); hires ${s.hiring.hires.mean.toFixed(1)}, exits ${s.hiring.exits.mean.toFixed(1)}`);
  // the mechanisms' headline lines (the leader's changes, coverage), from their folders
  const format = { money, pct, table };
  out.push(...summaryReports(s, format, 'lines'));
  // ROI: the engine's headline figure (mean margin / mean cost), the same one the playground and API show
  if (s.cost.total.mean > 0) out.push(`cost ${money(s.cost.total.mean)}; margin ${money(s.margin.mean)}${s.roiOfMeans !== null ? `; ROI ${pct(s.roiOfMeans)} (mean margin / mean cost)` : ''}`);
  // the mechanisms' blocks (recurring revenue, the demand funnel, the uncertain inputs' variance contribution), from their folders
  for (const block of summaryReports(s, format, 'block')) out.push('', block);
  const people = peopleTable(s);
  if (people) out.push('', people);
  return out.join('\n');
}

/**
 * The Summary sections whose mechanisms declare readable rows (engine summaryTextSections: rep pay,
 * exits by performance, first-line managers, the coverage response), each only when its block is on:
 * mean, P50 and P10 - P90 per trial, the rows the playground's People and pay view shows. Formatting
 * only; null when the Summary holds none of them.
 */
export function peopleTable(s: Summary): string | null {
  const sections = summaryTextSections(s);
  if (sections.length === 0) return null;
  const fmt = (unit: TextUnit) => (v: number) => (unit === 'money' ? money(v) : unit === 'share' ? pct(v) : unit === 'hours' ? `${v.toFixed(0)} h` : v.toFixed(1));
  const out: string[] = [];
  for (const sec of sections) {
    const rows: string[][] = [[sec.title, 'mean', 'P50', 'P10 - P90']];
    const after: string[] = [];
    for (const r of sec.rows) {
      if ('stats' in r) {
        const f = fmt(r.unit);
        rows.push([r.label, f(r.stats.mean), f(r.stats.p50), `${f(r.stats.p10)} - ${f(r.stats.p90)}`]);
      } else if ('value' in r) rows.push([r.label, r.unit === 'count' && Number.isInteger(r.value) ? String(r.value) : fmt(r.unit)(r.value), '', '']);
      else if ('off' in r) rows.push([r.label, r.off, '', '']);
      else after.push(`${r.label}: ${r.bins.edges.map((lo, i) => `${lo}${i === r.bins.edges.length - 1 ? '+' : `-${r.bins.edges[i + 1]}`}x ${pct(r.bins.shares[i], 0)}`).join(', ')}`);
    }
    if (out.length) out.push('');
    out.push(table(rows), ...after);
  }
  return out.join('\n');
}

/**
 * The assumptions the run used (unsourced numbers with a plausible range, engine/assumptions.ts).
 * @example // assumptionsTable(summary).split('\n')[0]
 */
export function assumptionsTable(s: Summary): string {
  const v = (x: number) => String(+x.toPrecision(4));
  const rows = [['assumption (no cited source)', 'value', 'plausible range', 'why']];
  for (const a of s.assumptions) rows.push([a.path, a.distribution ? `uncertain (median ${v(a.value)})` : v(a.value), `${v(a.range[0])} to ${v(a.range[1])}`, a.why]);
  return `${table(rows)}\n  how much a comparison's answer depends on these, and where it breaks even: salesim compare --assumptions`;
}
