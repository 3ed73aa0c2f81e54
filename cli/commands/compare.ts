/** `salesim compare`: a study file, or a baseline and variant scenario files, on common random numbers. */
import { basename, dirname, resolve } from 'node:path';
import { checkComparable, compareAssumptions, compareColumns, compareDifferenceLines, compareTables, OUTCOME_METRICS, outcomeUnavailable, type CompareFormat, type AssumptionAnalysis, type OutcomeMetric, InputError, isStudy, issue, parseScenario, parseStudy, parseText, type CompareResult, type Study } from '../../engine/index.js';
import { defaultWorkers, runComparison } from '../../parallel/index.js';
import { warnOverBudget } from '../budget.js';
import { intFlag, parseArgs, UsageError, type Command } from '../args.js';
import { inFile, listStudies, readText, resolveStudy, signedMoney } from '../compare-io.js';
import { money, pct, progressBar, table } from '../format.js';
import { readScenarioSource } from '../load.js';
import { defaultPrecisionHelp, PRECISION_HELP, precisionFlags, precisionLine } from '../precision.js';
import { ownsTrials } from '../../engine/precision/defaults.js';

/**
 * Whether the command's files name the comparison's trial count (as `trials` decides it: the study's,
 * then its baseline's): then it runs exactly that many; otherwise it answers to the default precision.
 */
export function studyOwnsTrials(files: string[]): boolean {
  if (files.length === 1) {
    const path = resolveStudy(files[0]);
    const raw = parseText(readText(path)) as { trials?: unknown; compare?: { baseline?: unknown } };
    if (raw.trials !== undefined) return true;
    const b = raw.compare?.baseline;
    return typeof b === 'string' ? ownsTrials(parseText(readText(resolve(dirname(path), b)))) : ownsTrials(b);
  }
  return ownsTrials(parseText(readScenarioSource(files[0]).text));
}

/** Loads the command's positional arguments as a study: one study file, or baseline + variant files. */
/**
 * A crossover or payback month. Its percentiles are over the trials where it happens, so when most
 * trials never get there the line leads with that count instead of a P50 that would mislead.
 * @example monthLine(null, 1, 2000, 'paid back') // 'never in 2000 of 2000 trials (not paid back by the horizon)'
 */
export function monthLine(m: { p10: number; p50: number; p90: number } | null, never: number, trials: number, what: string): string {
  const n = Math.round(never * trials);
  const spread = m ? `P50 ${fmtMonth(m.p50)} (P10 ${fmtMonth(m.p10)}, P90 ${fmtMonth(m.p90)})` : '';
  if (!m || n * 2 >= trials) return `never in ${n} of ${trials} trials (not ${what} by the horizon)${m ? `; in the ${trials - n} that get there: ${spread}` : ''}`;
  return `${spread}; never ${what} by the horizon in ${n} of ${trials} trials (${pct(never)})`;
}

export function loadStudy(files: string[]): Study {
  if (files.length === 0)
    throw new UsageError(`give a study file, or a baseline scenario and at least one variant (preset studies: ${listStudies().map((s) => s.id).join(', ') || 'none'})`);
  if (files.length === 1) {
    const path = resolveStudy(files[0]);
    const raw = inFile(files[0], () => parseText(readText(path)));
    if (!isStudy(raw)) throw new UsageError(`'${files[0]}' is a scenario, not a study (no compare block): give a study file, or a baseline and at least one variant`);
    const dir = dirname(path);
    return inFile(files[0], () => parseStudy(raw, (ref) => readText(resolve(dir, ref))));
  }
  const scenarios = files.map((f) => inFile(f, () => parseScenario(readScenarioSource(f).text)));
  const [baseline, ...rest] = scenarios;
  const names = new Set<string>();
  const variants = rest.map((scenario, i) => {
    let name = scenario.name !== 'Untitled scenario' ? scenario.name : basename(files[i + 1]).replace(/\.(ya?ml|json)$/, '');
    if (names.has(name) || name === baseline.name) name = `${name} (${basename(files[i + 1])})`;
    names.add(name);
    return { name, scenario };
  });
  const errors = variants.flatMap((v, i) => checkComparable(baseline, v.scenario, '').map((e) => issue(e.path, `${e.rule} (in ${files[i + 1]})`)));
  if (errors.length > 0) throw new InputError(errors);
  return { name: `${baseline.name} vs ${variants.map((v) => v.name).join(', ')}`, baseline, baselineSource: files[0], variants };
}

const range = (s: { p10: number; p50: number; p90: number }, signed = false) => {
  const f = signed ? signedMoney : money;
  return `${f(s.p10)} / ${f(s.p50)} / ${f(s.p90)}`;
};

/**
 * The readable report of a comparison.
 * @example formatComparison('Hire or enable?', result) // 'Hire or enable? — 2000 trials, seed 1, …'
 */
export function formatComparison(title: string, r: CompareResult): string {
  const b = r.baseline;
  const lines: string[] = [];
  lines.push(`${title}`);
  lines.push(`${r.trials} trials, seed ${r.seed}, ${r.horizonMonths} months; every scenario on the same random draws (common random numbers)`);
  if (r.precision) lines.push(precisionLine(r.precision));
  if (b.plan) lines.push(`plan target (the baseline's): ${money(b.plan.target)}`);
  lines.push('');
  // the mechanisms' parts (engine/compareText.ts): columns of this table (recurring revenue), lines of each difference, tables of their own
  const format: CompareFormat = { money, pct, table, signedMoney, range };
  const extra = compareColumns(b, format);
  const rows: string[][] = [['scenario', '', 'revenue P10 / P50 / P90', 'cost (mean)', 'P(plan)', ...extra.headers]];
  const row = (label: string, name: string, s: typeof b) => [
    name,
    label,
    range(s.revenue.total),
    money(s.cost.total.mean),
    s.plan ? `${pct(s.plan.probability)} [${pct(s.plan.ci[0])}, ${pct(s.plan.ci[1])}]` : '-',
    ...extra.cells(s),
  ];
  rows.push(row('baseline', b.scenario.name, b));
  for (const v of r.variants) rows.push(row('variant', v.name, v.summary));
  lines.push(table(rows));
  for (const v of r.variants) {
    const d = v.difference;
    lines.push('');
    lines.push(`${v.name} minus baseline, trial by trial:`);
    lines.push(`  revenue difference    P10 / P50 / P90 ${range(d.total, true)}   mean ${signedMoney(d.total.mean)} ± ${money(d.stdError.total)} (SE)`);
    lines.push(`  cost difference       mean ${signedMoney(d.cost.mean)}`);
    lines.push(...compareDifferenceLines(d, format));
    lines.push(`  margin difference     P10 / P50 / P90 ${range(d.margin, true)}   mean ${signedMoney(d.margin.mean)}`);
    lines.push(`  P(beats baseline)     ${pct(v.beatsBaseline.probability)} [${pct(v.beatsBaseline.ci[0])}, ${pct(v.beatsBaseline.ci[1])}] (Wilson 95%)`);
    lines.push(`  crossover month       ${monthLine(v.crossoverMonth, v.neverCrosses, r.trials, 'ahead')}`);
    // a variant that spends no more has nothing to pay back: its margin lead from month 1 is not a payback
    if (d.cost.mean <= 0) lines.push(`  payback month         - (spends no more than the baseline: no extra spend to pay back)`);
    else
      lines.push(`  payback month         ${monthLine(v.paybackMonth, v.neverPaysBack, r.trials, 'paid back')}`);
    // the engine's incremental ROI (mean extra margin / mean extra cost), in % like the playground
    lines.push(`  incremental ROI       ${v.incrementalRoi === null ? '- (costs no more than the baseline)' : `${pct(v.incrementalRoi)} on the extra ${money(d.cost.mean)} spent (mean extra margin / mean extra cost)`}`);
    lines.push(
      `  variance reduction    ${v.varianceReduction === null ? '- (identical outcomes: the difference is 0 in every trial)' : `${v.varianceReduction.toFixed(1)}x (independent draws would give the difference this many times the variance)`}`,
    );
  }
  const all = [{ name: b.scenario.name, s: b }, ...r.variants.map((v) => ({ name: v.name, s: v.summary }))];
  for (const t of compareTables(all, format)) lines.push('', t.title, table(t.rows));
  return lines.join('\n');
}

const METRIC_LABEL: Record<OutcomeMetric, string> = { revenue: 'total revenue', margin: 'margin (revenue - cost)', arr: 'ARR at the horizon', plan: 'P(plan)' };

/**
 * The assumption section of a comparison: per variant, P(beats baseline) over the assumptions' ranges
 * and the random draws, the share of the difference's variance from assumptions vs noise, Sobol indices
 * and break-evens ("holds if X > b (assumed range a-c)").
 * @example // formatAssumptions(result.assumptions).split('\n')[0]
 */
export function formatAssumptions(a: AssumptionAnalysis): string {
  const lines: string[] = [];
  const v3 = (x: number) => String(+x.toPrecision(3));
  const fmt = a.metric === 'plan' ? (x: number) => `${(x * 100).toFixed(1)} points` : (x: number) => signedMoney(x);
  lines.push(`what the answer depends on: ${a.assumptions.length} assumption${a.assumptions.length === 1 ? '' : 's'} varied over their plausible ranges together with the random draws`);
  lines.push(`(metric: ${METRIC_LABEL[a.metric]}; ${2 * a.n} independent draws per variant, Sobol indices by Saltelli's plan and Jansen's estimators with ${Math.round(a.level * 100)}% bootstrap intervals; break-evens on ${a.breakEvenTrials} trials, common random numbers)`);
  if (a.assumptions.length === 0) {
    lines.push('  no assumption is in play: the scenarios use no unsourced number with a registered range and no uncertain input');
    return lines.join('\n');
  }
  const rows = [['assumption', 'value', 'range', 'from']];
  for (const x of a.assumptions) rows.push([x.path, v3(x.value), `${v3(x.range[0])} to ${v3(x.range[1])}`, x.from === 'uncertain' ? 'the scenario\'s distribution' : 'registry (no cited source)']);
  lines.push(table(rows));
  for (const v of a.variants) {
    lines.push('');
    lines.push(`${v.name} minus baseline, over the assumptions and the random draws:`);
    lines.push(`  P(beats baseline)     ${pct(v.beatsBaseline.probability)} [${pct(v.beatsBaseline.ci[0])}, ${pct(v.beatsBaseline.ci[1])}] (Wilson 95%); mean difference ${fmt(v.difference.mean)} ± ${a.metric === 'plan' ? `${(v.difference.stdError * 100).toFixed(1)} points` : money(v.difference.stdError)} (SE)`);
    lines.push(`  variance of the difference: ${pct(v.variance.assumptions)} [${pct(v.variance.assumptionsCi[0])}, ${pct(v.variance.assumptionsCi[1])}] from the assumptions, ${pct(v.variance.noise)} from simulation noise`);
    const se = (x: number) => (a.metric === 'plan' ? `${(x * 100).toFixed(1)} points` : money(x));
    lines.push(`  across the assumptions the expected difference has sd ${se(v.assumptionsSd)}; with every assumption at the end of its range that favours the variant: ${fmt(v.corners.best.mean)} ± ${se(v.corners.best.stdError)}, that favours the baseline: ${fmt(v.corners.worst.mean)} ± ${se(v.corners.worst.stdError)}`);
    const ir = [['  assumption', 'first-order', 'total', 'matters']];
    for (const x of v.indices) ir.push([`  ${x.path}`, `${v3(x.first)} [${v3(x.firstCi[0])}, ${v3(x.firstCi[1])}]`, `${v3(x.total)} [${v3(x.totalCi[0])}, ${v3(x.totalCi[1])}]`, x.matters ? 'yes' : '-']);
    lines.push(table(ir));
    if (v.breakEvens.length === 0) lines.push('  break-even: no assumption matters (its total index is under 5% of what the assumptions explain, or not distinguishable from 0)');
    for (const b of v.breakEvens) lines.push(`  break-even: ${v.name} ${b.text}`);
  }
  lines.push('');
  lines.push('  first-order: share of the difference\'s variance an assumption explains alone; total: the share it is involved in (with interactions).');
  lines.push('  A break-even moves one assumption with the others at their values; "holds" means the variant beats the baseline.');
  return lines.join('\n');
}

function fmtMonth(m: number): string {
  return Number.isInteger(m) ? String(m) : m.toFixed(1);
}

export const compareCommand: Command = {
  usage: 'compare <study.yaml | baseline.yaml variant.yaml...> [--trials N | --precision TARGETS [--max-trials N]] [--seed S] [--workers N] [--assumptions] [--metric M] [--draws N] [--json] [--quiet]',
  summary: 'compare designs on common random numbers',
  help: [
    'Runs a baseline and its variants with the same seed, so every trial of every scenario shares its random draws',
    '(common random numbers), and reports the per-trial differences: revenue, cost and margin (P10/P50/P90),',
    'the probability the variant beats the baseline, the crossover month, incremental ROI and the variance reduction.',
    '',
    'A study file has a compare block: { baseline: <file or inline scenario>, variants: [ { name, patch | scenario } ] },',
    'where patch is a JSON merge patch on the baseline. With several files, the first is the baseline.',
    'Preset names work too (salesim compare hiring-vs-enablement).',
    '',
    '  --trials N   trials per scenario (default: the study, then the baseline; neither: the default precision below)',
    '  --seed S     the shared seed (default: the study, then the baseline)',
    '  --workers N  worker threads (default: the number of cores; results are identical for any N)',
    '  --assumptions  also say what the answer depends on: the assumptions (unsourced numbers with plausible ranges,',
    '               and uncertain inputs) varied with the random draws: P(beats baseline) over both, the share of the',
    '               difference\'s variance from assumptions vs noise, Sobol indices, and break-evens ("holds if X > b")',
    '  --metric M   what --assumptions judges: revenue, margin, arr or plan (default: arr with a customers block, else revenue)',
    '  --draws N    rows of the Sobol plan (default 256: 2N independent draws; the plan runs N x (assumptions + 3) rows)',
    '  --json       print the comparison as JSON: { baseline: Summary, variants: [ ... ], assumptions? }',
    '  --quiet      no progress on stderr (progress shows for runs over a second: a bar on a terminal, plain lines otherwise)',
    '  --precision  e.g. diff=50000: run until every variant\'s mean revenue difference is known to ±$50,000 (95%)',
    PRECISION_HELP,
    defaultPrecisionHelp('every design answers to the baseline\'s default precision (p_plan=0.01,revenue=0.5%, or\nrevenue=0.5% without a quota block)', 'the study or its baseline'),
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['trials', 'seed', 'workers', 'precision', 'max-trials', 'metric', 'draws'], booleans: ['json', 'quiet', 'assumptions'] });
    const metric = p.flags.get('metric')?.at(-1) as OutcomeMetric | undefined;
    if (metric !== undefined && !OUTCOME_METRICS.includes(metric)) throw new UsageError(`--metric must be one of ${OUTCOME_METRICS.join(', ')} (got '${metric}')`);
    const draws = intFlag(p, 'draws', 8, 100_000);
    if ((metric !== undefined || draws !== undefined) && !p.flags.has('assumptions')) throw new UsageError('--metric and --draws go with --assumptions');
    const trialsFlag = intFlag(p, 'trials', 1, 1_000_000);
    const seedFlag = intFlag(p, 'seed', 0, 2 ** 32 - 1);
    const workers = intFlag(p, 'workers', 1, 256) ?? defaultWorkers();
    const study = loadStudy(p.positional);
    // no trial count anywhere: every design answers to the run's default precision (the baseline's targets)
    const designs = [study.baseline, ...study.variants.map((v) => v.scenario)];
    const precision = precisionFlags(p, trialsFlag, { scenarios: designs, ownsTrials: studyOwnsTrials(p.positional) }) ?? undefined;
    const trials = trialsFlag ?? study.trials ?? study.baseline.trials;
    const seed = seedFlag ?? study.seed ?? study.baseline.seed;
    warnOverBudget('compare', [study.baseline, ...study.variants.map((v) => v.scenario)].map((scenario) => ({ scenario, trials })));
    const progress = progressBar('comparing', { quiet: p.flags.has('quiet') });
    const result = await runComparison(study.baseline, study.variants, { trials, seed, workers, precision, onProgress: progress.update });
    progress.done();
    if (p.flags.has('assumptions')) {
      if (metric === 'plan' && !result.baseline.plan) throw new UsageError('--metric plan needs a plan: the baseline has no quota block');
      const unavailable = metric === undefined ? null : outcomeUnavailable(metric, study.baseline);
      if (unavailable) throw new UsageError(`--metric ${unavailable} in the baseline`);
      const ap = progressBar('assumptions', { quiet: p.flags.has('quiet') });
      result.assumptions = compareAssumptions(study.baseline, study.variants, { metric, n: draws, seed, breakEvenTrials: Math.min(trials, 400), onProgress: ap.update });
      ap.done();
    }
    process.stdout.write(p.flags.has('json') ? JSON.stringify(result) + '\n' : formatComparison(study.name, result) + (result.assumptions ? '\n\n' + formatAssumptions(result.assumptions) : '') + '\n');
    return 0;
  },
};
