/**
 * A fitted scenario with a demand block from a lead export: the opportunity-export fit (calibrate) and
 * the lead-funnel fit (calibrateDemand) in one answer, as `salesim calibrate --leads`, POST /api/calibrate
 * `{ csv, leads }` and the playground's Calibrate view give it. The YAML gets a commented demand block
 * (each fitted value with its standard error); the resolved scenario gets the same block.
 */
import { parseScenario } from '../scenario.js';
import { calibrate, type CalibrateOptions, type CalibrationResult } from './calibrate.js';
import { calibrateDemand, type DemandCalibration } from './demand.js';

/** A calibration with the lead export's fit report when a lead export was given. */
export type CalibrationWithLeads = CalibrationResult & { demandReport?: DemandCalibration['report'] };

const num = (x: number | null) => (x === null || !Number.isFinite(x) ? '-' : Math.abs(x) >= 1000 ? x.toFixed(0) : String(Number(x.toPrecision(4))));

/**
 * The fitted scenario with the demand block of `d` appended (YAML, with comments, and the resolved scenario).
 * @example withDemand(calibrate(opps), calibrateDemand(leads), 'leads.csv').scenario.demand
 */
export function withDemand(r: CalibrationResult, d: DemandCalibration, source: string): CalibrationResult {
  const f = d.demand;
  const rep = d.report;
  const leads = typeof f.leadsPerMonth === 'number' ? num(f.leadsPerMonth) : `{ mean: ${num(f.leadsPerMonth.mean)}, sd: ${num(f.leadsPerMonth.sd)} }`;
  const yaml =
    r.yaml.replace(/\n*$/, '\n') +
    [
      '',
      `# demand: fitted from ${source} (${rep.leads} leads over ${rep.months} months, ${rep.eligibleLeads} old enough for the shares)`,
      'demand:',
      `  leadsPerMonth: ${leads}   # ± ${num(rep.leadsPerMonthStdError)} (SE of the mean)`,
      `  qualifiedShare: ${num(f.qualifiedShare)}   # ± ${num(rep.qualifiedShareStdError)} (SE)`,
      `  qualificationDelayMonths: ${f.qualificationDelayMonths}   # median months from lead to qualified`,
      ...(f.notReadyShare === null ? ['  # notReadyShare: no status column in the export (default 0.5)'] : [`  notReadyShare: ${num(Math.min(f.notReadyShare, 1 - f.qualifiedShare))}   # leads nurturing or recycled`]),
      '',
    ].join('\n');
  parseScenario(yaml); // the fitted block is valid (throws an InputError naming the field if not)
  const demand = { leadsPerMonth: f.leadsPerMonth, qualifiedShare: f.qualifiedShare, qualificationDelayMonths: f.qualificationDelayMonths, ...(f.notReadyShare === null ? {} : { notReadyShare: Math.min(f.notReadyShare, 1 - f.qualifiedShare) }) };
  return { ...r, yaml, scenario: { ...r.scenario, demand } };
}

/**
 * Calibrates on an opportunity export and, given a lead export, adds its demand block; the lead fit is
 * as of the opportunity window's last month (`options.to`), as `salesim calibrate --leads` does.
 * @example calibrateWithLeads(opps, { from: null, to: null }, leadsCsv, 'leads.csv').demandReport?.leads
 */
export function calibrateWithLeads(csv: string, options: CalibrateOptions, leads: string | null | undefined, leadsSource = 'the lead export'): CalibrationWithLeads {
  const d = leads ? calibrateDemand(leads, { asOf: options.to ?? undefined }) : null;
  const fitted = calibrate(csv, options);
  return d ? { ...withDemand(fitted, d, leadsSource), demandReport: d.report } : fitted;
}
