/**
 * Over-dispersion and drift of the opportunity rate (issue 25). Monthly rates r_t = created_t / exposure_t
 * (opportunities per seated rep-month) are modelled as a local level: r_t = L_t + e_t, L_t = L_{t-1} + w_t,
 * with Poisson noise plus a monthly random effect, Var(e_t) = rbar / exposure_t + s2 (rbar the pooled rate),
 * and a random walk of the level, Var(w_t) = q. Both variances are fitted by maximum likelihood of the Kalman
 * filter (Gaussian approximation, a grid over log scales refined by golden section), and tested together
 * against q = s2 = 0 (Poisson at one rate) by a likelihood ratio against a chi-square with 2 df (conservative:
 * both sit on their boundary under the null). Kept only when p < DRIFT_ALPHA.
 *
 * When kept, the rate at the end of the window is the filtered level L_T (the recent level, not the window's
 * mean), and its uncertainty over an H-month forecast is the variance of the mean level of months T+1..T+H
 * plus the random effects averaged over them: P_T + q (H + 1)(2H + 1) / (6H) + s2 / H. Drawn once per trial,
 * this is exact for the horizon's mean rate when the effect is a drifting level, and conservative month by
 * month.
 */
import { gammaP } from '../random/gammaCdf.js';

export const DRIFT_ALPHA = 0.01;

export interface DriftFit {
  /** random-walk variance of the level per month, and the monthly random effect's variance (rate units squared) */
  q: number;
  s2: number;
  /** the filtered level at the window's end and its variance */
  level: number;
  levelVar: number;
  /** pooled rate (created / exposure) */
  pooled: number;
  lr: number;
  df: number;
  pValue: number;
  kept: boolean;
  test: string;
  /** months used (exposure > 0) */
  months: number;
}

interface Obs {
  r: number;
  e: number;
}

/** Kalman filter log-likelihood and final state for the local level with variances (q, s2). */
function filter(obs: readonly Obs[], pooled: number, q: number, s2: number): { ll: number; level: number; P: number } {
  let L = obs[0].r;
  let P = 1e12; // diffuse start: the first observation sets the level
  let ll = 0;
  for (let t = 0; t < obs.length; t++) {
    const Pp = t === 0 ? P : P + q;
    const R = pooled / obs[t].e + s2;
    const F = Pp + R;
    const v = obs[t].r - L;
    if (t > 0) ll += -0.5 * (Math.log(2 * Math.PI * F) + (v * v) / F);
    const K = Pp / F;
    L += K * v;
    P = (1 - K) * Pp;
  }
  return { ll, level: L, P };
}

/**
 * Fits drift and over-dispersion of monthly opportunity rates; null with fewer than 6 months of exposure.
 * @example fitDrift([{ created: 40, exposure: 10 }, ...]).kept
 */
export function fitDrift(months: readonly { created: number; exposure: number }[]): DriftFit | null {
  const obs: Obs[] = months.filter((m) => m.exposure > 0).map((m) => ({ r: m.created / m.exposure, e: m.exposure }));
  if (obs.length < 6) return null;
  let C = 0,
    X = 0;
  for (const m of months) {
    C += m.created;
    X += m.exposure;
  }
  const pooled = C / X;
  if (!(pooled > 0)) return null;
  // under the null (q = s2 = 0) the level is the pooled rate: the filter with q = 0 and a diffuse start gives the
  // weighted mean; the likelihood of the null is computed from it exactly
  const ll0 = filter(obs, pooled, 0, 0).ll;
  const scale = pooled * pooled;
  let best = { ll: ll0, q: 0, s2: 0 };
  const grid = [0, ...Array.from({ length: 13 }, (_, i) => scale * 10 ** (-6 + i * 0.5))];
  for (const q of grid)
    for (const s2 of grid) {
      const f = filter(obs, pooled, q, s2);
      if (f.ll > best.ll) best = { ll: f.ll, q, s2 };
    }
  // refine each coordinate on the log scale around the grid's best (golden section, a few rounds)
  const refine = (which: 'q' | 's2') => {
    const x0 = best[which];
    if (x0 === 0) return;
    let a = Math.log(x0) - 1.2,
      b = Math.log(x0) + 1.2;
    const g = (Math.sqrt(5) - 1) / 2;
    const val = (lx: number) => filter(obs, pooled, which === 'q' ? Math.exp(lx) : best.q, which === 's2' ? Math.exp(lx) : best.s2).ll;
    for (let i = 0; i < 30; i++) {
      const c = b - g * (b - a),
        d = a + g * (b - a);
      if (val(c) > val(d)) b = d;
      else a = c;
    }
    const x = Math.exp((a + b) / 2);
    const ll = val(Math.log(x));
    if (ll > best.ll) best = { ...best, ll, [which]: x };
  };
  refine('q');
  refine('s2');
  refine('q');
  const lr = Math.max(0, 2 * (best.ll - ll0));
  const pValue = 1 - gammaP(1, lr / 2);
  const end = filter(obs, pooled, best.q, best.s2);
  return {
    q: best.q,
    s2: best.s2,
    level: end.level,
    levelVar: end.P,
    pooled,
    lr,
    df: 2,
    pValue,
    kept: pValue < DRIFT_ALPHA,
    test: `likelihood ratio of a local level (random walk plus a monthly random effect, Kalman filter) against one Poisson rate, chi-square 2 df, ${obs.length} months`,
    months: obs.length,
  };
}

/**
 * Variance of the mean rate over the next H months given the fit.
 * @example horizonVariance(fit, 12)
 */
export function horizonVariance(f: DriftFit, H: number): number {
  return f.levelVar + (f.q * (H + 1) * (2 * H + 1)) / (6 * H) + f.s2 / H;
}
