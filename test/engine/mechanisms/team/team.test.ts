import { describe, expect, it } from 'vitest';
import { compileTeam, seatInitialTeam, teamPipelineWeight, vacancyMonthsPmf } from '../../../../engine/mechanisms/team/team.js';
import { monthlyHazard } from '../../../../engine/mechanisms/attrition/attrition.js';
import { gammaP } from '../../../../engine/random/gammaCdf.js';
import { seedTrialStreams, ALL_PURPOSES } from '../../../../engine/random/streams.js';
import { SEATED, VACANT } from '../../../../engine/state.js';
import { parseScenario, simulate } from '../../../../engine/index.js';
import { stepFixture } from '../../../helpers/state.js';
import { compile } from '../../../../engine/compile.js';
import type { Scenario } from '../../../../engine/scenario.js';

/** The starting team's compiled parameters, with the core's (as the team's slice compiles them). */
const teamOf = (s: Scenario) => compileTeam(s, compile(s));

/** P(chi-square with df degrees of freedom >= x). */
const chiSquareSurvival = (x: number, df: number) => 1 - gammaP(df / 2, x / 2);

/** Pearson's statistic of observed counts against expected probabilities (which sum to 1). */
function chiSquare(observed: number[], probs: number[]): number {
  const n = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((a, o, i) => a + (o - n * probs[i]) ** 2 / (n * probs[i]), 0);
}

const team = (hiring: Record<string, unknown>, annualRate = 0.3) => ({
  horizonMonths: 36,
  initialTeam: 'steady-state',
  hiring: { backfill: true, ramp: { months: 4, curve: 'linear' }, ...hiring },
  attrition: { annualRate, pipelineLossOnExit: 0.5 },
});

describe('initial team in steady state', () => {
  it('vacancy months: round(Exp(mean)) has P(0) = 1 - e^(-1/(2m)), P(d) = e^(-(d - 1/2)/m) - e^(-(d + 1/2)/m)', () => {
    const m = 3;
    const pmf = vacancyMonthsPmf(m, m); // sd = mean: an exponential
    expect(pmf[0]).toBeCloseTo(1 - Math.exp(-0.5 / m), 12);
    for (const d of [1, 2, 5, 10]) expect(pmf[d]).toBeCloseTo(Math.exp(-(d - 0.5) / m) - Math.exp(-(d + 0.5) / m), 12);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 11);
    expect(Array.from(vacancyMonthsPmf(2.4, 0))).toEqual([0, 0, 1]);
  });

  it('month-1 states match the stationary distribution: vacant E[D]/(E[D] + 1/q), tenure month k with q(1-q)^(k-1) (chi-square, fixed seed)', () => {
    const mean = 3;
    const { c, st } = stepFixture(team({ timeToFillMonths: { mean, sd: mean } }), { seats: 50 });
    const t = teamOf(parseScenario({ reps: { seats: 50, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 }, ...team({ timeToFillMonths: { mean, sd: mean } }) }))!;
    // the truth, written independently of the engine's tables: D = round(Exp(3)), E[D] = sum d P(D = d)
    const q = monthlyHazard(0.3);
    let ED = 0;
    for (let d = 1; d < 400; d++) ED += d * (Math.exp(-(d - 0.5) / mean) - Math.exp(-(d + 0.5) / mean));
    const pVac = ED / (ED + 1 / q);
    const R = 4;
    // categories: vacant, tenure 1..R (ramping), productive
    const probs = [pVac, ...Array.from({ length: R }, (_, i) => (1 - pVac) * q * (1 - q) ** i), (1 - pVac) * (1 - q) ** R];
    const counts = new Array(R + 2).fill(0);
    // remaining vacancy r = 1..6 and beyond: P(r) = P(D >= r) / E[D]
    const pGe = (r: number) => Math.exp(-(r - 0.5) / mean);
    const rProbs = [1, 2, 3, 4, 5, 6].map((r) => pGe(r) / ED);
    rProbs.push(1 - rProbs.reduce((a, b) => a + b, 0));
    const rCounts = new Array(7).fill(0);
    for (let trial = 0; trial < 600; trial++) {
      seedTrialStreams(st.S, st.N, 17, trial, ALL_PURPOSES);
      st.nP = 0;
      for (let s = 0; s < 50; s++) {
        seatInitialTeam(st, c, t, s);
        if (st.status[s] === VACANT) {
          counts[0]++;
          rCounts[Math.min(6, st.fillAt[s] - 2)]++;
        } else {
          expect(st.status[s]).toBe(SEATED);
          const k = st.tenure0[s];
          counts[k <= R ? k : R + 1]++;
          expect(st.isHire[s]).toBe(k <= R ? 1 : 0);
        }
      }
    }
    expect(chiSquareSurvival(chiSquare(counts, probs), probs.length - 1)).toBeGreaterThan(0.001);
    expect(chiSquareSurvival(chiSquare(rCounts, rProbs), rProbs.length - 1)).toBeGreaterThan(0.001);
  });

  it('the open-pipeline weights: own arrivals through the ramp plus what the predecessor left; cycle - 1 once settled', () => {
    const t = teamOf(parseScenario({ reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, cycleMonths: 3 }, ...team({ timeToFillMonths: 2 }) }))!;
    // a leaver's settled pipeline is cycle - 1 = 2 per unit of rate; half is lost on exit; two vacant months at 2/3 kept each
    const keep = 2 / 3;
    const left = 0.5 * 2;
    const inherited = left * keep ** 2;
    // tenure 1 (ramp 1/4): only the inherited pipeline; tenure 2 (ramp 1/2): ramp(1) keep of its own, inherited one month older
    expect(teamPipelineWeight(t, 1)).toBeCloseTo(inherited / 0.25, 14);
    expect(teamPipelineWeight(t, 2)).toBeCloseTo((0.25 * keep + inherited * keep) / 0.5, 14);
    expect(teamPipelineWeight(t, 10_000)).toBeCloseTo(2, 10);
    // vacant with 2 months left: the exit was at the end of the month before (nothing resolved yet); 1 left: one month older
    expect(t.vacantWeight[1]).toBeCloseTo(left, 14);
    expect(t.vacantWeight[0]).toBeCloseTo(left * keep, 14);
  });

  it('with nothing changing, mean monthly revenue and seated head count have no trend (slope within 3 SE of 0); the ramped start drifts down', () => {
    const base = { reps: { seats: 40, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 1000, sigma: 0.6 }, cycleMonths: 3 } };
    const steady = parseScenario({ ...base, ...team({ timeToFillMonths: { mean: 3, sd: 1 } }) });
    const ramped = parseScenario({ ...base, ...team({ timeToFillMonths: { mean: 3, sd: 1 } }), initialTeam: 'ramped' });
    /** per-trial OLS slope of a monthly series over months 1..H; mean and SE over trials */
    const slope = (a: Float64Array, trials: number, H: number) => {
      const xbar = (H + 1) / 2;
      let sxx = 0;
      for (let m = 1; m <= H; m++) sxx += (m - xbar) ** 2;
      const b = new Float64Array(trials);
      for (let t = 0; t < trials; t++) {
        let sxy = 0;
        for (let m = 1; m <= H; m++) sxy += (m - xbar) * a[t * H + m - 1];
        b[t] = sxy / sxx;
      }
      const mean = b.reduce((x, y) => x + y, 0) / trials;
      const sd = Math.sqrt(b.reduce((x, y) => x + (y - mean) ** 2, 0) / (trials - 1));
      return { mean, se: sd / Math.sqrt(trials) };
    };
    const trials = 1500;
    const r = simulate(steady, { trials, seed: 23 });
    for (const series of [r.revenue, r.headcount]) {
      const { mean, se } = slope(series, trials, 36);
      expect(Math.abs(mean)).toBeLessThan(3 * se);
    }
    // the ramped start loses seated, productive reps and revenue over the first year
    const old = simulate(ramped, { trials, seed: 23 });
    const { mean, se } = slope(old.revenue, trials, 36);
    expect(mean).toBeLessThan(-3 * se);
  });

  it('absent or ramped: the resolved scenario and the results are as before', () => {
    const s = { reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 }, attrition: { annualRate: 0.3 } };
    const a = parseScenario(s);
    const b = parseScenario({ ...s, initialTeam: 'ramped' });
    expect(b).toEqual(a);
    expect('initialTeam' in a).toBe(false);
    expect(simulate(b, { trials: 50, seed: 3 }).revenue).toEqual(simulate(a, { trials: 50, seed: 3 }).revenue);
    expect(() => parseScenario({ ...s, initialTeam: 'today' })).toThrow(/initialTeam: must be ramped or steady-state/);
  });
});
