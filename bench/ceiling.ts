/**
 * The bench's ceiling: the draws of the core model (bench/core-model.yaml) and nothing else, in one flat
 * loop over typed arrays with the engine's own samplers and streams. Per rep-month: Poisson arrivals
 * (inversion, exp(-rate) cached per seat), Binomial resolutions (the engine's table), Binomial wins,
 * lognormal deal sizes (the engine's table), the attrition draw, a linear ramp and backfill. Per trial:
 * the stream seeding and the Beta win rates of the kernel. No persons, no quota, no Lorenz, no costs, no
 * per-month figures beyond revenue.
 *
 * It answers "how fast could the full kernel be with these exact samplers?": the gap between this row
 * and the core-model row is the kernel's bookkeeping; the gap between this row and a target is the
 * samplers' own cost.
 */
import { createStreams, nextU, seedTrialStreams, PURPOSE, PURPOSES } from '../engine/random/streams.js';
import { trialKey } from '../engine/random/trialKey.js';
import { createBinomialTable, binomialTable } from '../engine/random/binomialTable.js';
import { binomial } from '../engine/random/binomial.js';
import { createLognormalTable, lognormalTableQuantile } from '../engine/random/lognormalTable.js';
import { poisson, poissonInverseExp } from '../engine/random/poisson.js';
import { betaMeanConcentration } from '../engine/random/beta.js';
import type { ReferenceParams } from './reference.js';

/**
 * Runs `trials` trials; returns each trial's total revenue.
 * @example runCeiling(params, 1, 100).length // 100
 */
export function runCeiling(p: ReferenceParams, seed: number, trials: number): Float64Array {
  const N = p.seats;
  const S = createStreams(N * PURPOSES + 2);
  const key = new Int32Array(2);
  const resolveRows = createBinomialTable(1 / p.cycleMonths, 128);
  const deals = createLognormalTable(p.dealSigma);
  const hazard = 1 - Math.pow(1 - p.annualAttrition, 1 / 12);
  const open = new Int32Array(N);
  const vacantUntil = new Int32Array(N);
  const tenure = new Int32Array(N);
  const winRate = new Float64Array(N);
  const lastRate = new Float64Array(N);
  const expNeg = new Float64Array(N);
  const used = (1 << PURPOSE.attributes) | (1 << PURPOSE.initial) | (1 << PURPOSE.arrivals) | (1 << PURPOSE.resolutions) | (1 << PURPOSE.deals) | (1 << PURPOSE.exits);
  const totals = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    trialKey(seed, t, key);
    seedTrialStreams(S, N, key[0], key[1], used);
    for (let s = 0; s < N; s++) {
      const ss = s * PURPOSES;
      winRate[s] = betaMeanConcentration(S, ss + PURPOSE.attributes, p.winMean, p.winConcentration);
      open[s] = poisson(S, ss + PURPOSE.initial, p.rate * (p.cycleMonths - 1));
      vacantUntil[s] = 0;
      tenure[s] = 1_000;
      lastRate[s] = -1;
    }
    let revenue = 0;
    for (let m = 1; m <= p.months; m++) {
      for (let s = 0; s < N; s++) {
        const ss = s * PURPOSES;
        let seated = vacantUntil[s] <= m;
        if (seated && vacantUntil[s] === m) {
          winRate[s] = betaMeanConcentration(S, ss + PURPOSE.attributes, p.winMean, p.winConcentration);
          tenure[s] = 0;
        }
        if (seated) {
          tenure[s]++;
          const rate = p.rate * (tenure[s] >= p.rampMonths ? 1 : tenure[s] / p.rampMonths);
          if (rate !== lastRate[s]) {
            lastRate[s] = rate;
            expNeg[s] = Math.exp(-rate);
          }
          open[s] += poissonInverseExp(rate, expNeg[s], nextU(S, ss + PURPOSE.arrivals));
        }
        const n = open[s];
        if (n > 0) {
          const r = PURPOSE.resolutions + ss;
          const resolved = binomialTable(resolveRows, S, r, n);
          open[s] = n - resolved;
          const won = binomial(S, r, resolved, winRate[s]);
          let v = 0;
          for (let d = 0; d < won; d++) v += lognormalTableQuantile(deals, nextU(S, ss + PURPOSE.deals));
          revenue += v * p.dealMedian;
        }
        if (seated && nextU(S, ss + PURPOSE.exits) < hazard) {
          open[s] -= binomial(S, ss + PURPOSE.exits, open[s], p.pipelineLoss);
          vacantUntil[s] = m + 1 + p.timeToFill;
          seated = false;
        }
      }
    }
    totals[t] = revenue;
  }
  return totals;
}
