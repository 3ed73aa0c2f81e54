/**
 * Where are the issue-shaped back-test's bands too narrow? (issue 25) For each cut of each synthetic export,
 * the horizon's bookings are split into what the open book at the cut brought (deals created on or before the
 * as-of date) and what new deals brought, and each part is forecast on its own (the same fitted scenario: new
 * deals only, with the open pipeline emptied; the open book only, with no arrivals). Band z of each part,
 * (actual - P50) / ((P90 - P10) / 2.563), has RMS 1 when its band is as wide as it should be.
 *
 * The band z of the whole forecast is also split by whether the cut's local-level fit of the opportunity rate
 * put its random-walk variance at 0 (engine/calibrate/fitDrift.ts; the ML estimate piles up there on short
 * windows). The forecasts are rollingBacktest's exactly (same calibration, set-up and seeds), so the totals of
 * exports 0..N-1 are bench/rollingCalibration.ts's.
 *
 *   node --import tsx bench/bandDiagnosis.ts [synthetic|issue] [N=10] [TR=300] [FIRST=0] [--steady] [--point] [--total] [--cuts=D1,D2,...]
 *
 * FIRST: the first export (seed 500 + FIRST), to look at other exports than rollingCalibration's first N;
 * --total: the whole forecast only (a third of the time); --cuts: other as-of dates.
 */
import { synthesize, parseScenario, simulate, forecastSetup } from '../engine/index.js';
import { calibrate } from '../engine/calibrate/calibrate.js';
import { readOpportunities } from '../engine/calibrate/opportunities.js';
import { resolveMapping } from '../engine/calibrate/mapping.js';
import { parseMonth } from '../engine/calibrate/dates.js';
import { scoreSample } from '../engine/forecast/scores.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const kind = args[0] ?? 'issue';
const N = Number(args[1] ?? 10);
const first = Number(args[3] ?? 0);
const TR = Number(args[2] ?? 300);
const steady = process.argv.includes('--steady');
const point = process.argv.includes('--point');
const totalOnly = process.argv.includes('--total');
const byQ: { q0: number[]; q1: number[] } = { q0: [], q1: [] };
const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];
const issue = kind === 'issue';
const truth = issue
  ? { reps: { seats: 35, opportunitiesPerMonth: 6, winRate: { mean: 0.5, concentration: 15 }, dealSize: { empirical: [55, 55, 55, 550, 550, 550, 550, 1100, 1100, 1100, 3400, 3400, 5000] }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: steady ? 'steady-state' : 'empty' } }
  : { reps: { seats: 30, opportunitiesPerMonth: 6, winRate: { mean: 0.35, concentration: 20 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'steady-state' } };
const history = issue ? { months: 14, start: '2024-11', resolveByAge: H, quarterEndWin: 1.5, arrivalDrift: 0.05 } : { months: 30, start: '2024-01', resolveByAge: H, quarterEndWin: 1.5 };
const cutsArg = process.argv.find((a) => a.startsWith('--cuts='));
const asOf = cutsArg ? cutsArg.slice(7).split(',') : issue ? ['2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30'] : ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'];
const horizon = 3;

type Part = { z: number[]; pit: number[] };
const parts: Record<'total' | 'book' | 'new' | 'bookWins' | 'newWins', Part> = { total: { z: [], pit: [] }, book: { z: [], pit: [] }, new: { z: [], pit: [] }, bookWins: { z: [], pit: [] }, newWins: { z: [], pit: [] } };
const put = (p: Part, sample: Float64Array, actual: number) => {
  const s = scoreSample(sample, actual);
  p.z.push((actual - s.p50) / ((s.p90 - s.p10) / 2.563));
  p.pit.push(s.pit);
};
const sumHorizon = (rev: Float64Array, trials: number) => {
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) for (let m = 0; m < horizon; m++) out[t] += rev[t * horizon + m];
  return out;
};
const t0 = Date.now();
for (let i = first; i < first + N; i++) {
  const h = synthesize(truth, { ...history, seed: 500 + i });
  const all = readOpportunities(h.opportunities, resolveMapping(null), 'error').opportunities;
  for (const d of asOf) {
    const month = parseMonth(d.slice(0, 7))!;
    const fitted = calibrate(h.opportunities, { asOf: d, point, horizonMonths: horizon });
    const setup = forecastSetup({ opportunities: h.opportunities, scenario: fitted.scenario, asOf: d, through: `${Math.floor((month + 12) / 12)}-${String(((month + 12) % 12) + 1).padStart(2, '0')}`, plan: 1 });
    const raw: Record<string, unknown> = { ...(setup.raw as Record<string, unknown>), horizonMonths: horizon };
    const full = parseScenario(raw);
    const newOnly = parseScenario({ ...raw, openPipeline: [] });
    const unc = raw.uncertainty as { parameters: { path: string }[] } | undefined;
    const bookOnly = parseScenario({
      ...raw,
      reps: { ...(raw.reps as object), opportunitiesPerMonth: 0 },
      ...(unc ? { uncertainty: { ...unc, parameters: unc.parameters.filter((p) => p.path !== 'reps.opportunitiesPerMonth') } } : {}),
    });
    let aBook = 0,
      aNew = 0,
      wBook = 0,
      wNew = 0;
    for (const o of all) {
      if (o.outcome !== 'won' || o.closedMonth === null) continue;
      const k = o.closedMonth - month - 1;
      if (k < 0 || k >= horizon) continue;
      if (o.createdMonth <= month) {
        aBook += o.amount!;
        wBook++;
      } else {
        aNew += o.amount!;
        wNew++;
      }
    }
    const seed = 1 + i;
    const rf = simulate(full, { trials: TR, seed });
    put(parts.total, sumHorizon(rf.revenue, rf.trials), aBook + aNew);
    // the band z by whether the local level's random-walk variance was fitted at 0
    (fitted.report.drift && fitted.report.drift.q > 0 ? byQ.q1 : byQ.q0).push(parts.total.z[parts.total.z.length - 1]);
    if (totalOnly) continue;
    const rn = simulate(newOnly, { trials: TR, seed });
    const rb = simulate(bookOnly, { trials: TR, seed });
    put(parts.new, sumHorizon(rn.revenue, rn.trials), aNew);
    put(parts.book, sumHorizon(rb.revenue, rb.trials), aBook);
  }
  process.stderr.write(`export ${i}: total z ${parts.total.z.slice(-asOf.length).map((z) => z.toFixed(2)).join(' ')} | book ${parts.book.z.slice(-asOf.length).map((z) => z.toFixed(2)).join(' ')} | new ${parts.new.z.slice(-asOf.length).map((z) => z.toFixed(2)).join(' ')}\n`);
}
const rms = (z: number[]) => Math.sqrt(z.reduce((a, b) => a + b * b, 0) / z.length);
const mean = (z: number[]) => z.reduce((a, b) => a + b, 0) / z.length;
console.log(`${kind}${steady ? ' --steady' : ''}${point ? ' --point' : ''}: ${N} exports x ${asOf.length} cuts, ${TR} trials, ${Math.round((Date.now() - t0) / 1000)} s`);
for (const [name, p] of Object.entries(parts)) {
  if (!p.z.length) continue;
  if (totalOnly && name !== 'total') continue;
  const inside = p.pit.filter((x) => x >= 0.1 && x <= 0.9).length / p.pit.length;
  console.log(`${name.padEnd(6)} band z mean ${mean(p.z).toFixed(2)}, RMS ${rms(p.z).toFixed(2)}; inside P10-P90 ${(100 * inside).toFixed(0)}%`);
}
for (const [k, z] of Object.entries(byQ)) if (z.length) console.log(`total, cuts with the rate's random-walk variance ${k === 'q0' ? 'fitted at 0' : 'fitted above 0'}: n ${z.length}, band z RMS ${rms(z).toFixed(2)}, inside P10-P90 ${Math.round((100 * z.filter((x) => Math.abs(x) <= 1.2816).length) / z.length)}% (normal approximation)`);
