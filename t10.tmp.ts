import { synthesize, forecastSetup, simulate, parseScenario, readOpportunities, resolveMapping, scoreSample } from './engine/index.js';
const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];
const truth = { reps: { seats: 35, opportunitiesPerMonth: 6, winRate: { mean: 0.5, concentration: 15 }, dealSize: { empirical: [55, 55, 55, 550, 550, 550, 550, 1100, 1100, 1100, 3400, 3400, 5000] }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'empty' } };
const asOf = ['2025-06-30', '2025-09-30'];
const pits: number[] = []; let inside = 0;
const emp = process.argv.includes('--lognormal') ? { median: 1000, sigma: 1 } : truth.reps.dealSize;
const qe = process.argv.includes('--noq') ? 1 : 1.5;
for (let i = 0; i < 15; i++) {
  const tr = { ...truth, reps: { ...truth.reps, dealSize: emp } };
  const h = synthesize(tr, { months: 14, start: '2024-11', resolveByAge: H, quarterEndWin: qe, seed: 700 + i });
  const opps = readOpportunities(h.opportunities, resolveMapping(null)).opportunities;
  for (const d of asOf) {
    const m0 = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    const sc = { ...tr, resolution: { byAge: H, start: '2025-01', monthInQuarter: { win: [1, 1, qe] } } };
    const s = forecastSetup({ opportunities: h.opportunities, scenario: sc, asOf: d, through: '2026-12', plan: 1 });
    const p = parseScenario({ ...s.raw, horizonMonths: 3 });
    const r = simulate(p, { trials: 400, seed: i + 1 });
    const tot = new Float64Array(400);
    for (let t = 0; t < 400; t++) for (let m = 0; m < 3; m++) tot[t] += r.revenue[t * 3 + m];
    const act = opps.filter(o => o.outcome === 'won' && o.closedMonth! > m0 && o.closedMonth! <= m0 + 3).reduce((a, o) => a + o.amount!, 0);
    const sc2 = scoreSample(tot, act);
    pits.push(sc2.pit); if (sc2.inside80) inside++;
  }
}
console.log('inside', inside, '/', pits.length, 'pits', pits.map(p => p.toFixed(2)).join(' '));
