/**
 * Calibration of forecasts from today (issue 17): N synthetic 18-month histories (from 2024-07) cut at
 * 2025-06-30, each forecast with TR trials, grouped by forecast P(plan); prints the mean forecast, the
 * realised hit rate and its binomial SE per group, the overall z and the Brier score.
 *
 *   node --import tsx bench/forecastCalibration.ts [N=400] [TR=300] [core|beta|real] [--no-roster]
 *
 * core: fixed win rate; beta: Beta win rates and a deal-size spread (track records matter); real: beta plus
 * a price list (empirical deal sizes), growth and seasonality, and prospect rows. --no-roster reads the team
 * from the export's activity instead of the roster.
 */
import { forecast, synthesize, parseScenario, readOpportunities, resolveMapping } from '../engine/index.js';
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(args[0] ?? 400),
  TR = Number(args[1] ?? 300);
const kind = args[2] ?? 'beta';
const noRoster = process.argv.includes('--no-roster');
const truth: any = kind === 'core' ? {
  horizonMonths: 12,
  reps: { seats: 12, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: { median: 40000, sigma: 0.8 }, cycleMonths: 3, noDecisionRate: 0.3, initialPipeline: 'steady-state' },
  hiring: { plan: [], backfill: true, timeToFillMonths: { mean: 3, sd: 1 }, ramp: { months: 6 } },
  attrition: { annualRate: 0.25 },
  quota: { method: 'flat', annualPerRep: 500000, plan: 5600000 },
} : {
  horizonMonths: 12,
  reps: { seats: 12, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 8 }, dealSize: { median: 40000, sigma: 0.8 }, repDealSizeSpread: 0.2, cycleMonths: 3, noDecisionRate: 0.3, initialPipeline: 'steady-state' },
  hiring: { plan: [], backfill: true, timeToFillMonths: { mean: 3, sd: 1 }, ramp: { months: 6 } },
  attrition: { annualRate: 0.25 },
  quota: { method: 'flat', annualPerRep: 500000, plan: 5600000 },
};
const real = kind === 'real';
const market = { annualGrowth: 0.05, seasonality: [0.8, 0.9, 1.1, 0.9, 0.9, 1.1, 0.8, 0.8, 1.1, 1.0, 1.1, 1.5], start: '2024-07', baseMonth: '2024-07' };
const hist: any = real ? { ...truth, reps: { ...truth.reps, winRate: { mean: 0.3, concentration: 8 }, dealSize: { empirical: [12000, 24000, 24000, 24000, 48000, 48000, 96000, 150000] } }, market } : truth;
const fcast: any = real ? { ...hist, market: { ...market, start: '2025-01' } } : truth;
const mapping = resolveMapping(null);
const rows: [number, number][] = [];
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  const h = synthesize(parseScenario(hist), { months: 18, start: '2024-07', seed: 1000 + i, roster: true, prospects: real ? 2 : 0 });
  const opps = readOpportunities(h.opportunities, mapping).opportunities;
  let year = 0;
  for (const o of opps) if (o.outcome === 'won' && o.closed && o.closed.year === 2025) year += o.amount!;
  const r = forecast({ opportunities: h.opportunities, roster: noRoster ? null : h.roster, scenario: fcast, asOf: '2025-06-30' }, { trials: TR, seed: 1 + i });
  rows.push([r.now.pPlan, year >= 5600000 ? 1 : 0]);
}
console.log('ms', Date.now() - t0);
const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
let chi = 0;
for (let b = 0; b < bins.length - 1; b++) {
  const g = rows.filter(([p]) => p >= bins[b] && p < bins[b + 1]);
  if (!g.length) continue;
  const pm = g.reduce((a, [p]) => a + p, 0) / g.length, hit = g.reduce((a, [, h]) => a + h, 0) / g.length;
  const se = Math.sqrt(g.reduce((a, [p]) => a + p * (1 - p), 0)) / g.length;
  console.log(`${bins[b].toFixed(1)}-${Math.min(1, bins[b + 1]).toFixed(1)} n=${g.length} forecast=${pm.toFixed(3)} realised=${hit.toFixed(3)} se=${se.toFixed(3)} z=${((hit - pm) / se).toFixed(2)}`);
}
const z = rows.reduce((a, [p, h]) => a + h - p, 0) / Math.sqrt(rows.reduce((a, [p]) => a + p * (1 - p), 0));
console.log('overall z', z.toFixed(2), 'brier', (rows.reduce((a, [p, h]) => a + (p - h) ** 2, 0) / rows.length).toFixed(4));
