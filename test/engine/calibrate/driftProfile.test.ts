/**
 * The opportunity rate's random-walk variance q carried by its confidence distribution from the profile
 * likelihood (engine/calibrate/fitDrift.ts's header: driftProfile, driftHorizon).
 */
import { describe, expect, it } from 'vitest';
import { fitDrift, driftProfile, driftHorizon, horizonVariance } from '../../../engine/calibrate/fitDrift.js';
import { createStreams, seedStream } from '../../../engine/random/streams.js';
import { normal } from '../../../engine/random/normal.js';
import { poisson } from '../../../engine/random/poisson.js';

type Month = { created: number; exposure: number };

/**
 * A local level of the monthly rate per rep-month from `start`, random-walk variance q, and Poisson counts over
 * `exposure` rep-months a month (the level kept above 0.1 rep-months^-1); `months` months, seeded.
 */
function localLevel(seed: number, months: number, q: number, start: number, exposure: number): Month[] {
  const S = createStreams(1);
  seedStream(S, 0, seed, 0x51ed, 25);
  let L = start;
  const out: Month[] = [];
  for (let t = 0; t < months; t++) {
    if (t > 0) L = Math.max(0.1, L + Math.sqrt(q) * normal(S, 0));
    out.push({ created: poisson(S, 0, L * exposure), exposure });
  }
  return out;
}

describe('the random-walk variance by its confidence distribution', () => {
  it('C is a distribution function: non-decreasing, one half at 0 when qhat = 0 and at qhat when qhat > 0, tending to 1', () => {
    // a steady Poisson-like rate (ML q = 0) and a step (ML q > 0); the fits are checked, not assumed
    const wobble = [3, -5, 8, -2, 0, 6, -9, 4, -1, 7, -6, 2];
    const steady = Array.from({ length: 12 }, (_, t) => ({ created: 100 + wobble[t], exposure: 20 }));
    const step = Array.from({ length: 12 }, (_, t) => ({ created: (t < 6 ? 100 : 160) + wobble[t], exposure: 20 }));
    const f0 = fitDrift(steady)!;
    const f1 = fitDrift(step)!;
    expect(f0.q).toBe(0);
    expect(f1.q).toBeGreaterThan(0);
    const p0 = driftProfile(steady, f0)!;
    const p1 = driftProfile(step, f1)!;
    expect(p0.cdf(0)).toBe(0.5);
    expect(p1.cdf(f1.q)).toBe(0.5);
    expect(p1.cdf(0)).toBeLessThan(0.5);
    for (const [p, f] of [
      [p0, f0],
      [p1, f1],
    ] as const) {
      // on a fine grid of q from 0 to 100 times the scale where the likelihood is informative
      const top = Math.max(f.q, p.quantile(0.99)) * 100;
      let prev = -1;
      for (let i = 0; i <= 400; i++) {
        const c = p.cdf((top * i * i) / 160000);
        expect(c).toBeGreaterThanOrEqual(prev - 1e-12);
        prev = c;
      }
      expect(prev).toBeGreaterThan(0.999999);
      // the quantile inverts C: C(C^-1(u)) = u above the mass at 0, and C^-1(u) = 0 within it
      for (const u of [0.1, 0.3, 0.6, 0.9, 0.99]) {
        const q = p.quantile(u);
        if (u <= p.cdf(0)) expect(q).toBe(0);
        else expect(Math.abs(p.cdf(q) - u)).toBeLessThan(1e-4);
      }
    }
    // the profile's s2 is at least as good as the fit's own: lp(qhat) is the fit's maximum
    expect(p1.profile(f1.q).ll).toBeGreaterThanOrEqual(p1.profile(f1.q * 1.5).ll);
    expect(p1.profile(f1.q).ll).toBeGreaterThanOrEqual(p1.profile(f1.q / 1.5).ll);
  });

  it('the correction vanishes when the data tell q: 60 months of a large drift give the plug-in variance within 10%, 480 within 3%', () => {
    // level 20 a rep-month, 35 rep-months a month (Poisson variance of a month's rate 0.57), q = 1: the walk
    // dominates and 60 months estimate q to about a fifth; the integrated variance exceeds the plug-in by the
    // confidence distribution's right skew, which shrinks as the window grows (measured: +3.5%, +6.2%, +8.2% on
    // seeds 1-3 at 60 months, +0.6% at 480; the level moves by under 0.03 of its SE)
    for (const seed of [1, 2, 3]) {
      const m = localLevel(seed, 60, 1, 20, 35);
      const f = fitDrift(m)!;
      expect(f.q).toBeGreaterThan(0);
      const h = driftHorizon(m, f, 3)!;
      expect(h.plugInVariance).toBeCloseTo(horizonVariance(f, 3), 12);
      expect(h.massAtZero).toBeLessThan(1e-6);
      expect(h.variance / h.plugInVariance).toBeGreaterThan(0.97);
      expect(h.variance / h.plugInVariance).toBeLessThan(1.1);
      // the level moves by a small fraction of its own SE
      expect(Math.abs(h.level - h.plugInLevel)).toBeLessThan(0.1 * Math.sqrt(f.levelVar));
    }
    const m = localLevel(4, 480, 0.25, 20, 35);
    const f = fitDrift(m)!;
    const h = driftHorizon(m, f, 3)!;
    expect(Math.abs(h.variance / h.plugInVariance - 1)).toBeLessThan(0.03);
  });

  it("covers the next 3 months' mean rate 80% of the time on 10-month windows where q's ML estimate is often 0", () => {
    // the issue-shaped exports' regime: 35 rep-months a month at 6 opportunities a rep-month (Poisson variance of
    // a month's rate 0.17) with the level drifting by sd 0.3 a month (q = 0.09, 5% of the level as in
    // bench/rollingCalibration.ts issue); a third of these windows fit q at 0. The outcome is the realised mean
    // rate of months 11-13, so its predictive variance adds the Poisson noise of the count (pooled / (35 x 3)).
    // Measured on these 400 windows (seeds 1000-1399; 29% fit q at 0): integrated 80.5% inside, plug-in q
    // 69.5% (reported, asserted only as narrower than the integrated, not as failing). Across the drift's size the
    // integrated interval is not exact (measured with another generator, 400-600 windows): q = 0.04 gives 88%
    // (plug-in 76%), q = 0.09 81% (71%), q = 0.25 77% (67%); too wide where the drift is small against the
    // Poisson noise, as the confidence distribution then keeps q's upper values that 10 months cannot exclude.
    const N = 400;
    const H = 3;
    const E = 35;
    let inside = 0,
      insidePlugIn = 0,
      zero = 0;
    for (let s = 0; s < N; s++) {
      const m = localLevel(1000 + s, 10 + H, 0.09, 6, E);
      const past = m.slice(0, 10);
      const f = fitDrift(past)!;
      if (f.q === 0) zero++;
      const h = driftHorizon(past, f, H)!;
      const actual = m.slice(10).reduce((a, x) => a + x.created / x.exposure, 0) / H;
      const noise = f.pooled / (E * H);
      if (Math.abs(actual - h.level) <= 1.2816 * Math.sqrt(h.variance + noise)) inside++;
      if (Math.abs(actual - f.level) <= 1.2816 * Math.sqrt(horizonVariance(f, H) + noise)) insidePlugIn++;
    }
    const se = Math.sqrt((0.8 * 0.2) / N);
    expect(zero / N).toBeGreaterThan(0.2);
    expect(Math.abs(inside / N - 0.8)).toBeLessThan(3 * se);
    // the integrated interval is wider than the plug-in's and covers more (the contrast the comment reports)
    expect(inside).toBeGreaterThan(insidePlugIn);
  });
});
