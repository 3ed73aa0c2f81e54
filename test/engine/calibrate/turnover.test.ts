/**
 * Seated months without a roster: a team with turnover (owners who come and go, their open deals handed
 * to successors) calibrated from the opportunity export alone recovers opportunities per rep-month.
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';

// ramp 0: without a roster tenure is unknown, so the fitted rate is the rate of a seated rep-month
const TRUTH = {
  reps: { seats: 40, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 3, noDecisionRate: 0.2 },
  hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 0 } },
  attrition: { annualRate: 0.35, pipelineLossOnExit: 0.5 },
};

describe('calibration without a roster on a team with turnover', () => {
  it.each([1, 2, 3])('recovers opportunities per rep-month within 3 SE (seed %i)', (seed) => {
    const h = synthesize(TRUTH, { months: 24, seed });
    const owners = new Set(h.opportunities.trimEnd().split('\n').slice(1).map((l) => l.split(',')[1])).size;
    expect(owners).toBeGreaterThan(55); // 40 seats, ~25 leavers and their successors
    const { report } = calibrate(h.opportunities);
    const rate = report.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!;
    expect(Math.abs(rate.value - 4), `fitted ${rate.value} ± ${rate.se}`).toBeLessThanOrEqual(3 * rate.se!);
    // seats at the end: at most the 40 seats plus the few leavers of the last months
    const seats = report.parameters.find((p) => p.path === 'reps.seats')!.value;
    expect(seats).toBeGreaterThanOrEqual(34);
    expect(seats).toBeLessThanOrEqual(46);
    expect(report.warnings.some((w) => w.startsWith('no roster: each opportunity owner is taken as seated and fully ramped from their first to their last activity'))).toBe(true);
  });

  it('before this rule (every owner seated for the whole window) the same history gave a rate far too low', () => {
    const h = synthesize(TRUTH, { months: 24, seed: 1 });
    const lines = h.opportunities.trimEnd().split('\n').slice(1);
    const owners = new Set(lines.map((l) => l.split(',')[1])).size;
    const created = lines.filter((l) => l.split(',')[2] >= '2025-01').length;
    expect(created / (owners * 24)).toBeLessThan(3); // the old estimate: every owner for 24 months
  });
});
