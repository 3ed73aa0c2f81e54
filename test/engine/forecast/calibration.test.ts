/**
 * Forecasts of P(plan | bookings to date) are calibrated: over many synthetic histories cut at mid-year,
 * grouped by forecast probability, the realised hit rates fall within their binomial standard errors.
 * The histories are 18 months of a team with hiring, 25% attrition, a 6-month ramp and reps who differ
 * (Beta win rates, deal-size spread), exported as a CRM would (roster with hire and exit dates, prospect
 * rows); each forecast only sees the export up to June 30 (rows closed later are open then, without amounts).
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../../engine/forecast/prepare.js';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { readOpportunities } from '../../../engine/calibrate/opportunities.js';
import { resolveMapping } from '../../../engine/calibrate/mapping.js';
import { parseScenario } from '../../../engine/scenario.js';

const PLAN = 5_600_000;
const truth = {
  horizonMonths: 12,
  reps: { seats: 12, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 40000, sigma: 0.8 }, repDealSizeSpread: 0.2, cycleMonths: 3, noDecisionRate: 0.3, initialPipeline: 'steady-state' },
  hiring: { plan: [], backfill: true, timeToFillMonths: { mean: 3, sd: 1 }, ramp: { months: 6 } },
  attrition: { annualRate: 0.25 },
  quota: { method: 'flat', annualPerRep: 500000, plan: PLAN },
};

/** [forecast P(plan), realised hit] for `n` histories. */
function forecasts(n: number, trials: number): [number, number][] {
  const mapping = resolveMapping(null);
  const s = parseScenario(truth);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const h = synthesize(s, { months: 18, start: '2024-07', seed: 1000 + i, roster: true, prospects: 1 });
    let year = 0;
    for (const o of readOpportunities(h.opportunities, mapping).opportunities) if (o.outcome === 'won' && o.closed?.year === 2025) year += o.amount!;
    const r = forecast({ opportunities: h.opportunities, roster: h.roster, scenario: truth, asOf: '2025-06-30' }, { trials, seed: 1 + i });
    out.push([r.now.pPlan, year >= PLAN ? 1 : 0]);
  }
  return out;
}

describe('forecast calibration over synthetic histories', () => {
  it('grouped by forecast probability, realised hit rates are within 3 binomial SE of the mean forecast', () => {
    // 100 trials per forecast: the tolerance is the binomial SE over the 240 histories; a forecast's own
    // Monte Carlo noise (SD <= 0.05 at 100 trials) only blurs the groups, which makes the check no easier
    // (at 200, 100 and 60 trials every group stayed within 1.7 SE and |z| <= 1.06)
    const rows = forecasts(240, 100);
    const edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
    let groups = 0;
    for (let b = 0; b < edges.length - 1; b++) {
      const g = rows.filter(([p]) => p >= edges[b] && p < edges[b + 1]);
      if (g.length < 10) continue;
      groups++;
      const forecastMean = g.reduce((a, [p]) => a + p, 0) / g.length;
      const realised = g.reduce((a, [, h]) => a + h, 0) / g.length;
      const se = Math.sqrt(g.reduce((a, [p]) => a + p * (1 - p), 0)) / g.length;
      expect(Math.abs(realised - forecastMean), `forecasts ${edges[b]}-${edges[b + 1]}: n ${g.length}, forecast ${forecastMean}, realised ${realised}`).toBeLessThan(3 * se);
    }
    // the forecasts spread over the range (a forecast of 0.5 for every history would also be calibrated)
    expect(groups).toBeGreaterThanOrEqual(4);
    const z = rows.reduce((a, [p, h]) => a + h - p, 0) / Math.sqrt(rows.reduce((a, [p]) => a + p * (1 - p), 0));
    expect(Math.abs(z)).toBeLessThan(3);
  });
});
