/**
 * Rolling-origin calibration on exports shaped like real ones (issue 25). N synthetic exports, each cut at
 * several as-of dates, calibrated on each cut and forecast `horizon` months on (engine/forecast/rolling.ts).
 * Prints the PIT uniformity (Kolmogorov-Smirnov, and chi-square on deciles), P10-P90 coverage against 80% with
 * its binomial SE, the count of PITs outside [0.02, 0.98], mean CRPS against the two analyst forecasts, and
 * the recovery of the age table and the quarter-end effect (z-scores against the truth, from the last cut).
 *
 *   node --import tsx bench/rollingCalibration.ts [synthetic|issue] [N=12] [TR=300] [--point] [--no-drift] [--no-push]
 *
 * synthetic: 30 seats, 6 opportunities a rep-month, Beta win rates (mean 0.35), lognormal deal sizes, the age
 *   table H below (stale after 6 month-ends), quarter-end win x 1.5; 30 months from 2024-01; cuts at the ends
 *   of 2025-03, -06, -09, -12, horizon 3.
 * issue: the issue's export's shape: 35 owners, 14 months from 2024-11 (about 3,000 opportunities), a price
 *   list of five products with unequal weights, win mean 0.5 with quarter-end x 1.5, the same age table, and
 *   drifting arrivals (sd 0.05 a month on the log), the export starting with the CRM (no deals from before it,
 *   so stale deals pile up over its 14 months only); cuts at the ends of 2025-06, -07, -08, -09, horizon 3.
 * --point calibrates without parameter uncertainty, for contrast; --no-drift leaves the issue shape's arrivals steady, --lognormal gives it lognormal deal
 * sizes (median 1000, sigma 1) instead of the price list, --steady starts its history with a steady-state open book (stale deals from before the
 * export included) instead of an empty one, --no-push takes its quarter-end push out (the
 * quarter-effect recovery line then measures against 1.5 and is meaningless). Independent exports give independent PITs;
 * cuts of one export share its history (their PITs are correlated, so the tests are approximate).
 */
import { rollingBacktest, synthesize, ksUniform, pitHistogram, type RollingCut } from '../engine/index.js';
import { binomialQuantile } from '../engine/forecast/rolling.js';
import { calibrate } from '../engine/calibrate/calibrate.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const kind = args[0] ?? 'synthetic';
const N = Number(args[1] ?? 12);
const TR = Number(args[2] ?? 300);
const point = process.argv.includes('--point');
const noDrift = process.argv.includes('--no-drift');
const noPush = process.argv.includes('--no-push');
const lognormal = process.argv.includes('--lognormal');
const steady = process.argv.includes('--steady');
const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];

const issue = kind === 'issue';
const truth = issue
  ? { reps: { seats: 35, opportunitiesPerMonth: 6, winRate: { mean: 0.5, concentration: 15 }, dealSize: lognormal ? { median: 1000, sigma: 1 } : { empirical: [55, 55, 55, 550, 550, 550, 550, 1100, 1100, 1100, 3400, 3400, 5000] }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: steady ? 'steady-state' : 'empty' } }
  : { reps: { seats: 30, opportunitiesPerMonth: 6, winRate: { mean: 0.35, concentration: 20 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'steady-state' } };
const history = issue ? { months: 14, start: '2024-11', resolveByAge: H, quarterEndWin: noPush ? 1 : 1.5, arrivalDrift: noDrift ? 0 : 0.05 } : { months: 30, start: '2024-01', resolveByAge: H, quarterEndWin: 1.5 };
const asOf = issue ? ['2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30'] : ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'];

const cuts: RollingCut[] = [];
const hz: number[] = [];
const qz: number[] = [];
const t0 = Date.now();
for (let i = 0; i < N; i++) {
  const h = synthesize(truth, { ...history, seed: 500 + i });
  const r = rollingBacktest(h.opportunities, { asOf, horizon: 3, trials: TR, seed: 1 + i, point });
  cuts.push(...r.cuts);
  // recovery at the last cut: each age's hazard and the quarter-end win ratio against the truth
  const fit = calibrate(h.opportunities, { asOf: asOf[asOf.length - 1], point: true }).report;
  const f = fit.resolution.fit;
  for (let a = 0; a < Math.min(6, f.hazard.length); a++) if (f.atRisk[a] > 0) hz.push((f.hazard[a] - H[a]) / Math.sqrt((H[a] * (1 - H[a])) / f.atRisk[a]));
  const q = fit.calendar.win;
  // win rate in the quarter's last month over the other two: truth 1.5 (before the cap at 1, never reached here)
  const p2 = q.events[2] / q.base[2];
  const p01 = (q.events[0] + q.events[1]) / (q.base[0] + q.base[1]);
  const se = (p2 / p01) * Math.sqrt((1 - p2) / q.events[2] + (1 - p01) / (q.events[0] + q.events[1]));
  qz.push((p2 / p01 - 1.5) / se);
  process.stderr.write(`export ${i + 1}/${N}: ${r.summary.verdict}\n`);
}
const n = cuts.length;
const pits = cuts.map((c) => c.salesim.pit);
const inside = cuts.filter((c) => c.salesim.inside80).length;
const se80 = Math.sqrt((0.8 * 0.2) / n);
const mean = (f: (c: RollingCut) => number) => cuts.reduce((a, c) => a + f(c), 0) / n;
const ks = ksUniform(pits);
const hist = pitHistogram(pits);
const summary = (zs: number[]) => `n ${zs.length}, mean z ${(zs.reduce((a, b) => a + b, 0) / zs.length).toFixed(2)}, sd ${Math.sqrt(zs.reduce((a, b) => a + b * b, 0) / zs.length).toFixed(2)}, |z| < 2: ${Math.round((100 * zs.filter((z) => Math.abs(z) < 2).length) / zs.length)}%`;
console.log(`${kind}${point ? ' --point' : ''}${noDrift ? ' --no-drift' : ''}${noPush ? ' --no-push' : ''}${lognormal ? ' --lognormal' : ''}${steady ? ' --steady' : ''}: ${N} exports x ${asOf.length} cuts = ${n} forecasts of 3 months, ${TR} trials, ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`inside P10-P90: ${inside}/${n} = ${(inside / n).toFixed(3)} (80% +- ${se80.toFixed(3)} SE; ${Math.abs(inside / n - 0.8) <= 3 * se80 ? 'within' : 'outside'} 3 SE); inside P25-P75: ${(cuts.filter((c) => c.salesim.inside50).length / n).toFixed(3)}`);
console.log(`PIT: ${ks.test}: D ${ks.d.toFixed(3)}, p ${ks.pValue.toFixed(3)}; ${hist.test}: chi2 ${hist.chiSquare.toFixed(1)}, p ${hist.pValue.toFixed(3)}; deciles ${hist.counts.join(' ')}`);
// cuts of one export overlap (3-month horizons a month apart share months and history): the binomial SE
// treats them as independent; the cluster SE (by export: the spread of the exports' own coverage) does not
const per = Array.from({ length: N }, (_, i) => cuts.slice(i * asOf.length, (i + 1) * asOf.length).filter((c) => c.salesim.inside80).length / asOf.length);
const perMean = per.reduce((a, b) => a + b, 0) / N;
const clusterSe = Math.sqrt(per.reduce((a, b) => a + (b - perMean) ** 2, 0) / (N - 1) / N);
console.log(`coverage's cluster SE (by export): ${clusterSe.toFixed(3)}: ${((inside / n - 0.8) / clusterSe).toFixed(2)} cluster SE from 80%`);
// z of each actual in its band, (actual - P50) / ((P90 - P10) / 2.563): sd 1 when the bands are as wide as they should be (normal approximation)
const zs = cuts.map((c) => (c.salesim.actual - c.salesim.p50) / ((c.salesim.p90 - c.salesim.p10) / 2.563));
console.log(`band z (actual - P50) / ((P90 - P10) / 2.563): mean ${(zs.reduce((a, b) => a + b, 0) / n).toFixed(2)}, root mean square ${Math.sqrt(zs.reduce((a, b) => a + b * b, 0) / n).toFixed(2)} (1 when the bands are as wide as they should be)`);
console.log(`PIT < 0.02 or > 0.98: ${pits.filter((p) => p < 0.02 || p > 0.98).length} of ${n} (${(0.04 * n).toFixed(1)} expected by chance if calibrated; over ${binomialQuantile(n, 0.04, 0.975)} says the bands are too narrow)`);
console.log(`mean CRPS: salesim ${mean((c) => c.salesim.crps).toFixed(0)}, pipeline ${mean((c) => c.baselines.pipeline.crps).toFixed(0)}, run rate ${mean((c) => c.baselines.runRate.crps).toFixed(0)}; mean bias (actual/P50) ${mean((c) => c.salesim.bias).toFixed(3)}`);
console.log(`cuts where salesim's CRPS beats pipeline: ${cuts.filter((c) => c.salesim.crps < c.baselines.pipeline.crps).length}/${n}, run rate: ${cuts.filter((c) => c.salesim.crps < c.baselines.runRate.crps).length}/${n}`);
console.log(`stale share of the open book: ${Math.min(...cuts.map((c) => c.open.staleShare)).toFixed(2)} to ${Math.max(...cuts.map((c) => c.open.staleShare)).toFixed(2)}`);
console.log(`hazard by age recovery (z vs truth, ages 0-5): ${summary(hz)}`);
console.log(`quarter-end win ratio recovery (z vs 1.5): ${summary(qz)}`);
