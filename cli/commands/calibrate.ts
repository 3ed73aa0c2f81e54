import type { Command } from '../args.js';
import { parseArgs, UsageError } from '../args.js';
import { checkWritable, lastFlag, readInput, writeAtomic, writeStdout } from '../files.js';
import { table } from '../format.js';
import { calibrate as fit, type CalibrationResult } from '../../engine/index.js';
import { basename } from 'node:path';

/** `salesim calibrate`: fit a scenario to a CRM opportunity export (and optional roster). */
export const calibrate: Command = {
  usage: 'calibrate <opps.csv|-> [--reps F] [--out F] [--map F] [--json]',
  summary: 'fit a scenario to a CRM opportunity export (and rep roster)',
  help: [
    'Reads an opportunity export (default columns: Opportunity Owner, Created Date, Close Date, Stage, Amount)',
    'and optionally a roster (--reps: Name, Territory, Hire Date, Exit Date), fits win rates (empirical-Bayes',
    'beta-binomial), deal size (lognormal ML), cycle (censored geometric ML), opportunities per rep-month,',
    'no-decision rate, attrition and ramp, and writes a commented scenario YAML (--out, atomically; else stdout)',
    'with a fit report. --json prints { scenario, report } on stdout. --map reads a YAML/JSON mapping:',
    '  columns: { owner, created, closed, stage, amount, currency }, stages: { won: [..], lost: [..],',
    '  noDecision: [..], dropped: [..], prePipeline: [..] } ("*text*" = contains; rows with no created date in a\n  pre-pipeline stage, default *Prospect*, *Lead*, *MQL*, are excluded and counted), dateOrder: mdy | dmy, roster: { name, territory, hired, exited }',
    'Other options: --from/--to YYYY-MM (the window), --name NAME, --horizon MONTHS,',
    '--skip-invalid (reject bad rows and list them in the report instead of stopping).',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['reps', 'out', 'map', 'from', 'to', 'name', 'horizon'], booleans: ['json', 'skip-invalid'] });
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
    const result = fit(csv, {
      roster,
      mapping,
      from: lastFlag(p.flags, 'from') ?? null,
      to: lastFlag(p.flags, 'to') ?? null,
      invalidRows: p.flags.has('skip-invalid') ? 'skip' : 'error',
      name: lastFlag(p.flags, 'name'),
      horizonMonths: horizon === undefined ? undefined : Number(horizon),
      source: basename(file),
    });
    if (out) writeAtomic(out, result.yaml, 'out');
    if (p.flags.has('json')) writeStdout(JSON.stringify({ scenario: result.scenario, report: result.report }) + '\n');
    else if (out) writeStdout(readableReport(result) + `\nwrote ${out}\n`);
    else {
      writeStdout(result.yaml);
      process.stderr.write(readableReport(result) + '\n');
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
