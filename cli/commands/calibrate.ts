import type { Command } from '../args.js';
import { parseArgs, UsageError } from '../args.js';
import { checkWritable, lastFlag, readInput, writeAtomic, writeStdout } from '../files.js';
import { table } from '../format.js';
import { calibrate as fit, calibrateDemand, withDemand, type CalibrationResult, type DemandCalibration } from '../../engine/index.js';
import { basename } from 'node:path';

/** `salesim calibrate`: fit a scenario to a CRM opportunity export (and optional roster). */
export const calibrate: Command = {
  usage: 'calibrate <opps.csv|-> [--as-of YYYY-MM-DD] [--point] [--trend] [--reps F] [--leads F] [--out F] [--map F] [--json]',
  summary: 'fit a scenario to a CRM opportunity export (and rep roster)',
  help: [
    'Reads an opportunity export (default columns: Opportunity Owner, Created Date, Close Date, Stage, Amount)',
    'and optionally a roster (--reps: Name, Territory, Hire Date, Exit Date), fits win rates (empirical-Bayes',
    'beta-binomial), deal size (lognormal ML), cycle (censored geometric ML), opportunities per rep-month,',
    'no-decision rate, attrition and ramp, and writes a commented scenario YAML (--out, atomically; else stdout)',
    'with a fit report. --json prints { scenario, report } on stdout. --map reads a YAML/JSON mapping:',
    '  columns: { owner, created, closed, stage, amount, currency }, stages: { won: [..], lost: [..],',
    '  noDecision: [..], dropped: [..], prePipeline: [..] } ("*text*" = contains; rows with no created date in a\n  pre-pipeline stage, default *Prospect*, *Lead*, *MQL*, are excluded and counted), dateOrder: mdy | dmy, roster: { name, territory, hired, exited }',
    '--leads F reads a lead export (Created Date, Converted Date or qualified, optional Lead Status) and adds a',
    'demand block: leads a month, qualified share (recent leads censored), qualification delay, not-ready share.',
    'The fitted rates are also written as distributions (uncertainty.parameters: posteriors of the win rate,',
    'no-decision rate and resolution by age, lognormals of the opportunity rate and deal size by their SE) that',
    'each trial draws, so bands carry what the data cannot tell; --point writes point estimates only.',
    'A win-rate or deal-size trend over the window is reported; --trend also writes it as the drift block (a past trend need not continue).',
    '--as-of YYYY-MM-DD fits only what the CRM knew at the end of that day: rows created later are dropped,',
    'deals decided later are taken as open (no close date, no amount); the window ends in the as-of month.',
    'Other options: --from/--to YYYY-MM (the window: every rate, win rates and deal sizes included, uses only',
    'deals created / decided in it), --name NAME, --horizon MONTHS,',
    '--skip-invalid (reject bad rows and list them in the report instead of stopping).',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['reps', 'leads', 'out', 'map', 'from', 'to', 'as-of', 'name', 'horizon'], booleans: ['json', 'skip-invalid', 'point', 'trend'] });
    if (p.positional.length !== 1) throw new UsageError('expects exactly one opportunity CSV file');
    const file = p.positional[0];
    const out = lastFlag(p.flags, 'out');
    if (out) checkWritable(out, 'out');
    const csv = readInput(file, 'opportunities');
    const repsFile = lastFlag(p.flags, 'reps');
    const roster = repsFile ? readInput(repsFile, 'reps') : null;
    const mapFile = lastFlag(p.flags, 'map');
    const mapping = mapFile ? readInput(mapFile, 'map') : null;
    const horizon = lastFlag(p.flags, 'horizon');
    if (horizon !== undefined && !(Number.isInteger(Number(horizon)) && +horizon >= 1 && +horizon <= 120)) throw new UsageError(`--horizon must be a whole number between 1 and 120 (got '${horizon}')`);
    const leadsFile = lastFlag(p.flags, 'leads');
    const leads = leadsFile ? calibrateDemand(readInput(leadsFile, 'leads'), { asOf: lastFlag(p.flags, 'to') }) : null;
    const fitted = fit(csv, {
      roster,
      mapping,
      from: lastFlag(p.flags, 'from') ?? null,
      to: lastFlag(p.flags, 'to') ?? null,
      asOf: lastFlag(p.flags, 'as-of') ?? null,
      point: p.flags.has('point'),
      trend: p.flags.has('trend'),
      invalidRows: p.flags.has('skip-invalid') ? 'skip' : 'error',
      name: lastFlag(p.flags, 'name'),
      horizonMonths: horizon === undefined ? undefined : Number(horizon),
      source: basename(file),
    });
    const result = leads ? withDemand(fitted, leads, basename(leadsFile!)) : fitted;
    if (out) writeAtomic(out, result.yaml, 'out');
    const leadReport = leads ? '\n' + demandReport(leads) : '';
    if (p.flags.has('json')) writeStdout(JSON.stringify({ scenario: result.scenario, report: result.report, ...(leads ? { demandReport: leads.report } : {}) }) + '\n');
    else if (out) writeStdout(readableReport(result) + leadReport + `\nwrote ${out}\n`);
    else {
      writeStdout(result.yaml);
      process.stderr.write(readableReport(result) + leadReport + '\n');
    }
    return 0;
  },
};

const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : Math.abs(x) >= 1000 ? x.toFixed(0) : String(Number(x.toPrecision(4))));

/** The fit report as text: parameters with SE and method, row counts, warnings. */
export function readableReport(r: CalibrationResult): string {
  const rep = r.report;
  const rows = [['parameter', 'value', 'SE', 'method']];
  for (const x of rep.parameters) rows.push([x.path, num(x.value), num(x.se), x.method]);
  const out = [
    `window ${rep.window.from} .. ${rep.window.to} (${rep.window.months} months); rows: ${rep.rows.total} read, ${rep.rows.used} used, ${rep.rows.open} open, ${rep.rows.rejected} rejected, ${rep.rows.prePipeline} pre-pipeline excluded`,
    table(rows),
  ];
  const d = rep.dealSize;
  out.push(`deal size: ${d.distribution}, mean ${num(d.meanFitted)} (mean won amount ${num(d.meanWon)} ± ${num(d.meanWonSe)}; lognormal mean ${num(d.meanLognormal)}); ${d.test.test}: A² = ${num(d.test.statistic)}, p ${d.test.adjusted >= 10 ? '<' : '='} ${d.test.pValue < 1e-4 ? d.test.pValue.toExponential(1) : num(d.test.pValue)}`);
  out.push(`mean revenue per month at ${num(rep.parameters.find((p) => p.path === 'reps.seats')?.value ?? NaN)} seats (steady state): ${num(rep.revenue.meanMonthly)} ± ${num(rep.revenue.se)}`);
  for (const e of rep.rows.rejections.slice(0, 20)) out.push(`rejected: ${e.message}`);
  if (rep.rows.rejections.length > 20) out.push(`rejected: ... and ${rep.rows.rejections.length - 20} more problems`);
  for (const w of rep.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}

/** The lead-export fit as text. */
function demandReport(d: DemandCalibration): string {
  const r = d.report;
  const lp = d.demand.leadsPerMonth;
  const out = [
    `leads: ${r.leads} over ${r.months} months (as of ${r.asOf}): ${typeof lp === 'number' ? num(lp) : `mean ${num(lp.mean)}, sd of the monthly mean ${num(lp.sd)}`} a month ± ${num(r.leadsPerMonthStdError)}; qualified share ${num(d.demand.qualifiedShare)} ± ${num(r.qualifiedShareStdError)} of ${r.eligibleLeads} leads (${r.censoredLeads} too recent, censored); delay median ${r.delayMonths.median}, max ${r.delayMonths.max} months; not ready ${d.demand.notReadyShare === null ? '-' : num(d.demand.notReadyShare)}`,
  ];
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}
