/**
 * The "hand-tuned typed-array kernel of the core model": bench/core-model.yaml and nothing else,
 * written as one flat loop for this one model. It keeps what the product needs of a kernel (exact samplers,
 * the engine's per-seat streams, so every seat and purpose has its own common random numbers) and drops
 * what the general engine carries (persons, quota, costs, monthly figures, every other mechanism).
 *
 * Per rep-month, one pass over the seats: Poisson arrivals by guide-table inversion from CDF rows shared
 * per ramp step; Binomial(open, 1/cycleMonths) resolutions from guided CDF rows; Binomial(resolved,
 * winRate) won counts by inversion from the seat's cached powers (1 - winRate)^n; lognormal deal sizes from
 * the engine's table; the attrition draw, pipeline loss on exit, backfill and a linear ramp. Every sampler
 * is an exact inversion; a uniform past the end of a row falls back to the engine's sequential search.
 *
 * The gap between this row and the engine's core-model row is the price of the general kernel; the gap
 * between this row and the issue's ~22M is the per-seat streams (one generator held in locals instead: ~21M
 * here) and the machine.
 */
import { createStreams, nextU, seedTrialStreams, PURPOSES } from '../engine/random/streams.js';
import { PURPOSE } from '../engine/mechanisms/registry.js';
import { trialKey } from '../engine/random/trialKey.js';
import { binomial, binomialInverse } from '../engine/random/binomial.js';
import { poissonInverse } from '../engine/random/poisson.js';
import { createLognormalTable, lognormalTableQuantile } from '../engine/random/lognormalTable.js';
import { betaMeanConcentration } from '../engine/random/beta.js';
import type { ReferenceParams } from './reference.js';

/** Guide cells over u. */
const G = 32;
/** Longest CDF row kept (a draw past it falls back to the sequential search). */
const ROW = 64;
/** Largest open count with a resolution row. */
const NMAX = 128;
/** Powers (1 - winRate)^n kept per seat. */
const POWERS = 32;
/** The largest uniform `nextU` returns. */
const U_MAX = (4294967295 + 0.5) * 2.3283064365386963e-10;

/**
 * CDF row of Poisson(mean) by the engine's recurrence (`poissonInverseExp`) up to the entry every uniform
 * stops at, then its guide. The last entry is a sentinel: a search that reaches it falls back.
 */
function poissonRow(mean: number, cdf: Float64Array, guide: Int32Array, o: number, g: number): void {
  let p = Math.exp(-mean);
  let acc = p;
  cdf[o] = acc;
  let k = 0;
  while (k < ROW - 2 && acc < U_MAX) {
    k++;
    p *= mean * (1 / k);
    acc += p;
    cdf[o + k] = acc;
  }
  for (let i = k + 1; i < ROW; i++) cdf[o + i] = 2;
  for (let j = 0, i = 0; j <= G; j++) {
    while (i < ROW - 1 && cdf[o + i] < j / G) i++;
    guide[g + j] = i;
  }
}

/**
 * Runs `trials` trials of the core model; returns each trial's total revenue.
 * @example runHandTuned(params, 1, 100).length // 100
 */
export function runHandTuned(p: ReferenceParams, seed: number, trials: number): Float64Array {
  const N = p.seats;
  const R = p.rampMonths;
  // Poisson rows: index r = 1..R for the arrival rate at ramp step r, index 0 for the steady-state start
  const pcdf = new Float64Array((R + 1) * ROW);
  const pguide = new Int32Array((R + 1) * (G + 1));
  const means = new Float64Array(R + 1);
  for (let r = 0; r <= R; r++) {
    means[r] = r === 0 ? p.rate * (p.cycleMonths - 1) : p.rate * (r / R);
    poissonRow(means[r], pcdf, pguide, r * ROW, r * (G + 1));
  }
  // resolution rows: Binomial(n, 1/cycleMonths) for n = 0..NMAX, stride NMAX + 1
  const pr = 1 / p.cycleMonths;
  const bcdf = new Float64Array((NMAX + 1) * (NMAX + 1));
  const bguide = new Int32Array((NMAX + 1) * (G + 1));
  for (let n = 0; n <= NMAX; n++) {
    const o = n * (NMAX + 1);
    let f = Math.pow(1 - pr, n);
    let acc = f;
    for (let k = 0; k <= n; k++) {
      bcdf[o + k] = k === n ? 1 : acc;
      f *= ((pr / (1 - pr)) * (n - k)) / (k + 1);
      acc += f;
    }
    for (let j = 0, i = 0; j <= G; j++) {
      while (i < n && bcdf[o + i] < j / G) i++;
      bguide[n * (G + 1) + j] = i;
    }
  }
  const deals = createLognormalTable(p.dealSigma);
  const hazard = 1 - Math.pow(1 - p.annualAttrition, 1 / 12);
  const S = createStreams(N * PURPOSES + 2);
  const key = new Int32Array(2);
  const used = (1 << PURPOSE.attributes) | (1 << PURPOSE.initial) | (1 << PURPOSE.arrivals) | (1 << PURPOSE.resolutions) | (1 << PURPOSE.deals) | (1 << PURPOSE.exits);
  const open = new Int32Array(N);
  const vacantUntil = new Int32Array(N);
  const tenure = new Int32Array(N);
  const win = new Float64Array(N);
  const ratio = new Float64Array(N);
  const pow = new Float64Array(N * POWERS);
  const totals = new Float64Array(trials);
  const newHolder = (s: number): void => {
    const w = betaMeanConcentration(S, s * PURPOSES + PURPOSE.attributes, p.winMean, p.winConcentration);
    win[s] = w;
    ratio[s] = w / (1 - w);
    let x = 1;
    for (let n = 0; n < POWERS; n++) {
      pow[s * POWERS + n] = x;
      x *= 1 - w;
    }
  };
  for (let t = 0; t < trials; t++) {
    trialKey(seed, t, key);
    seedTrialStreams(S, N, key[0], key[1], used);
    for (let s = 0; s < N; s++) {
      newHolder(s);
      vacantUntil[s] = 0;
      tenure[s] = R;
      // the steady-state pipeline before month 1
      const u = nextU(S, s * PURPOSES + PURPOSE.initial);
      let k = pguide[(u * G) | 0];
      while (u > pcdf[k]) k++;
      open[s] = k < ROW - 1 ? k : poissonInverse(means[0], u);
    }
    let revenue = 0;
    for (let m = 1; m <= p.months; m++) {
      for (let s = 0; s < N; s++) {
        const ss = s * PURPOSES;
        const seated = vacantUntil[s] <= m;
        let n = open[s];
        if (seated) {
          if (vacantUntil[s] === m) {
            newHolder(s);
            tenure[s] = 0;
          }
          const r = tenure[s] < R ? ++tenure[s] : R;
          const u = nextU(S, ss + PURPOSE.arrivals);
          const o = r * ROW;
          let k = pguide[r * (G + 1) + ((u * G) | 0)];
          while (u > pcdf[o + k]) k++;
          n += k < ROW - 1 ? k : poissonInverse(means[r], u);
        }
        if (n > 0) {
          let resolved: number;
          if (n <= NMAX) {
            const u = nextU(S, ss + PURPOSE.resolutions);
            const o = n * (NMAX + 1);
            resolved = bguide[n * (G + 1) + ((u * G) | 0)];
            while (u > bcdf[o + resolved]) resolved++;
          } else resolved = binomial(S, ss + PURPOSE.resolutions, n, pr);
          n -= resolved;
          if (resolved > 0) {
            let won: number;
            const w = win[s];
            if (resolved < POWERS && resolved * w <= 30) {
              const u = nextU(S, ss + PURPOSE.resolutions);
              const rq = ratio[s];
              let f = pow[s * POWERS + resolved];
              let cdf = f;
              won = 0;
              while (u > cdf && won < resolved) {
                f *= (rq * (resolved - won)) / (won + 1);
                won++;
                cdf += f;
              }
            } else won = binomialInverse(resolved, w, nextU(S, ss + PURPOSE.resolutions));
            let v = 0;
            for (let d = 0; d < won; d++) v += lognormalTableQuantile(deals, nextU(S, ss + PURPOSE.deals));
            revenue += v * p.dealMedian;
          }
        }
        if (seated && nextU(S, ss + PURPOSE.exits) < hazard) {
          n -= binomial(S, ss + PURPOSE.exits, n, p.pipelineLoss);
          vacantUntil[s] = m + 1 + p.timeToFill;
        }
        open[s] = n;
      }
    }
    totals[t] = revenue;
  }
  return totals;
}
