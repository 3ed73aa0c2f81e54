/**
 * Does each fitted rate's distribution (calibrate's `uncertainty.parameters`, what every forecast trial draws)
 * hold the generator's true value as often as it should? (issue 25) For each cut of each synthetic export the
 * truth's place in the fitted distribution, z = Phi^-1(CDF(truth)), is collected by parameter: mean z near 0
 * and RMS near 1 when the estimator is unbiased and its uncertainty right; an RMS above 1 is uncertainty
 * understated.
 *
 *   node --import tsx bench/parameterRecovery.ts [synthetic|issue] [N=20] [--no-drift] [--no-push] [--steady]
 *
 * Exports as bench/rollingCalibration.ts's. Truths: the hazard by age, the no-decision rate 0.1, the deal
 * size's level (the price list's mean over the fitted list's mean; the lognormal's median 20000), and with
 * --no-push the win rate's mean, with --no-drift the opportunity rate 6. With or without drift, the fitted
 * opportunity rate is also scored against the rate the next 3 months realised (its predictive sd: the fitted SE
 * and the Poisson noise of the realised count), over all cuts and over the cuts whose local-level fit put the
 * random-walk variance at 0.
 */
import { synthesize } from '../engine/index.js';
import { calibrate } from '../engine/calibrate/calibrate.js';
import { distributionCdf, type Distribution } from '../engine/uncertainty/distribution.js';
import { normalQuantile } from '../engine/random/normal.js';
import { readOpportunities } from '../engine/calibrate/opportunities.js';
import { resolveMapping } from '../engine/calibrate/mapping.js';
import { parseMonth } from '../engine/calibrate/dates.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const kind = args[0] ?? 'issue';
const N = Number(args[1] ?? 20);
const noDrift = process.argv.includes('--no-drift');
const noPush = process.argv.includes('--no-push');
const steady = process.argv.includes('--steady');
const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];
const issue = kind === 'issue';
const PRICES = [55, 55, 55, 550, 550, 550, 550, 1100, 1100, 1100, 3400, 3400, 5000];
const truth = issue
  ? { reps: { seats: 35, opportunitiesPerMonth: 6, winRate: { mean: 0.5, concentration: 15 }, dealSize: { empirical: PRICES }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: steady ? 'steady-state' : 'empty' } }
  : { reps: { seats: 30, opportunitiesPerMonth: 6, winRate: { mean: 0.35, concentration: 20 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'steady-state' } };
const history = issue
  ? { months: 14, start: '2024-11', resolveByAge: H, quarterEndWin: noPush ? 1 : 1.5, arrivalDrift: noDrift ? 0 : 0.05 }
  : { months: 30, start: '2024-01', resolveByAge: H, quarterEndWin: noPush ? 1 : 1.5, arrivalDrift: noDrift ? 0 : 0 };
const asOf = issue ? ['2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30'] : ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'];
const priceMean = PRICES.reduce((a, b) => a + b, 0) / PRICES.length;

const zs = new Map<string, number[]>();
const put = (name: string, d: Distribution, x: number) => {
  const p = Math.min(1 - 1e-6, Math.max(1e-6, distributionCdf(d, x)));
  const a = zs.get(name) ?? [];
  a.push(normalQuantile(p));
  zs.set(name, a);
};
for (let i = 0; i < N; i++) {
  const h = synthesize(truth, { ...history, seed: 500 + i });
  const all = readOpportunities(h.opportunities, resolveMapping(null), 'error').opportunities;
  for (const d of asOf) {
    const fit = calibrate(h.opportunities, { asOf: d, horizonMonths: 3 });
    // the opportunity rate against the horizon's realized rate (with drift the truth moves): its predictive
    // distribution is the fitted one's (level, drift and monthly effect over the horizon) plus Poisson noise
    const m0 = parseMonth(d.slice(0, 7))!;
    const created = all.filter((o) => o.createdMonth > m0 && o.createdMonth <= m0 + 3).length;
    const seats = fit.report.parameters.find((p) => p.path === 'reps.seats')!.value;
    const rate = fit.report.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!;
    const realized = created / (seats * 3);
    const sd = Math.sqrt(rate.se! ** 2 + rate.value / (seats * 3));
    const z = (realized - rate.value) / sd;
    const a = zs.get('rate vs the horizon\'s (predictive)') ?? [];
    a.push(z);
    zs.set('rate vs the horizon\'s (predictive)', a);
    const q = fit.report.drift?.q ?? 0;
    const b = zs.get('  ... cuts with q = 0') ?? [];
    if (q === 0) b.push(z);
    zs.set('  ... cuts with q = 0', b);
    const sc = fit.scenario as { reps: { dealSize: { empirical?: number[] } }; uncertainty?: { parameters: { path: string; distribution: Distribution }[] } };
    for (const u of sc.uncertainty?.parameters ?? []) {
      const age = /^resolution\.byAge\[(\d+)\]$/.exec(u.path);
      if (age) put(`hazard age ${age[1]}`, u.distribution, H[Math.min(Number(age[1]), H.length - 1)]);
      else if (u.path === 'reps.noDecisionRate') put('noDecisionRate', u.distribution, 0.1);
      else if (u.path === 'reps.dealSize.scale') {
        const list = sc.reps.dealSize.empirical!;
        put('deal size level (scale)', u.distribution, priceMean / (list.reduce((a, b) => a + b, 0) / list.length));
      } else if (u.path === 'reps.dealSize.median') put('deal size median', u.distribution, 20000);
      else if (u.path === 'reps.winRate.mean' && noPush) put('winRate.mean', u.distribution, issue ? 0.5 : 0.35);
      else if (u.path === 'reps.opportunitiesPerMonth' && (noDrift || !issue)) put('opportunitiesPerMonth', u.distribution, 6);
    }
  }
  process.stderr.write(`export ${i + 1}/${N}\n`);
}
console.log(`${kind}${noDrift ? ' --no-drift' : ''}${noPush ? ' --no-push' : ''}${steady ? ' --steady' : ''}: ${N} exports x ${asOf.length} cuts; z = Phi^-1(CDF of the fitted distribution at the truth)`);
for (const [name, z] of [...zs].sort((a, b) => a[0].localeCompare(b[0]))) {
  const m = z.reduce((a, b) => a + b, 0) / z.length;
  const rms = Math.sqrt(z.reduce((a, b) => a + b * b, 0) / z.length);
  console.log(`${name.padEnd(26)} n ${String(z.length).padStart(3)}  mean z ${m.toFixed(2).padStart(5)}  RMS ${rms.toFixed(2)}  |z| > 2: ${z.filter((x) => Math.abs(x) > 2).length}`);
}
