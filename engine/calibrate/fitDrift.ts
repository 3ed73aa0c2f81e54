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
 *
 * q's own sampling uncertainty (driftHorizon). Over 8-11 months the ML estimate of q is exactly 0 in about a
 * quarter of the cuts of drifting exports; plugged in, q = 0 says the level cannot move, and the bands are too
 * narrow on those cuts. The forecast therefore integrates over q by its confidence distribution from the
 * profile likelihood, a frequentist device with no prior and no tuned constant:
 *   - lp(q) = max over s2 >= 0 of the filter's log-likelihood at (q, s2) (the same grid and golden section);
 *   - the signed root r(q) = sign(qhat - q) sqrt(2 (lp(qhat) - lp(q))), and C(q) = Phi(-r(q)) for q >= 0,
 *     with the mass Phi(-r(0)) at q = 0 (one half when qhat = 0: the boundary case);
 *   - on the fixed quantile grid u_i = (i - 0.5) / K (K = 64, deterministic), q_i = C^-1(u_i) (0 where
 *     u_i <= C(0)), and for each q_i its profile s2, filtered level L_T(q_i) and horizon variance V_i;
 *   - the horizon's mean rate then has mean mean_i L_T(q_i) and variance mean_i V_i + var_i L_T(q_i) (the law
 *     of total variance).
 * When the data tell q (a long series, a large q), C is tight around qhat and the result is the plug-in's.
 */
import { gammaP } from '../random/gammaCdf.js';
import { normalCdf } from '../uncertainty/normalCdf.js';

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
  const prepared = prepare(months);
  if (prepared === null) return null;
  const { obs, pooled } = prepared;
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

/** months with exposure as rates, and the pooled rate; null with fewer than 6 months of exposure or no opportunity */
function prepare(months: readonly { created: number; exposure: number }[]): { obs: Obs[]; pooled: number } | null {
  const obs: Obs[] = months.filter((m) => m.exposure > 0).map((m) => ({ r: m.created / m.exposure, e: m.exposure }));
  if (obs.length < 6) return null;
  let C = 0,
    X = 0;
  for (const m of months) {
    C += m.created;
    X += m.exposure;
  }
  const pooled = C / X;
  return pooled > 0 ? { obs, pooled } : null;
}

/** The profile likelihood of q, its confidence distribution C(q) and C's quantiles (see the header). */
export interface DriftProfile {
  /** the ML random-walk variance */
  qHat: number;
  /** lp(q): the log-likelihood maximised over s2 >= 0, and the s2 that does it */
  profile(q: number): { ll: number; s2: number };
  /** C(q) = Phi(-r(q)); C(0) is the mass at 0 */
  cdf(q: number): number;
  /** the smallest q >= 0 with C(q) >= u (0 where u <= C(0)) */
  quantile(u: number): number;
}

/**
 * q's confidence distribution from the profile likelihood of the local level fitted by fitDrift to the same
 * months; null where fitDrift returns null.
 * @example driftProfile(months, fitDrift(months)!)!.cdf(0)
 */
export function driftProfile(months: readonly { created: number; exposure: number }[], fit: DriftFit): DriftProfile | null {
  const prep = prepare(months);
  if (!prep) return null;
  const { obs, pooled } = prep;
  const scale = pooled * pooled;
  const gold = (Math.sqrt(5) - 1) / 2;
  const profile = (q: number): { ll: number; s2: number } => {
    let best = { ll: filter(obs, pooled, q, 0).ll, s2: 0 };
    for (let i = 0; i < 13; i++) {
      const s2 = scale * 10 ** (-6 + i * 0.5);
      const ll = filter(obs, pooled, q, s2).ll;
      if (ll > best.ll) best = { ll, s2 };
    }
    if (best.s2 === 0) return best;
    // golden section on log s2 around the grid's best (one new evaluation per round)
    const val = (lx: number) => filter(obs, pooled, q, Math.exp(lx)).ll;
    let a = Math.log(best.s2) - 1.2,
      b = Math.log(best.s2) + 1.2;
    let c = b - gold * (b - a),
      d = a + gold * (b - a);
    let fc = val(c),
      fd = val(d);
    for (let i = 0; i < 30; i++) {
      if (fc > fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - gold * (b - a);
        fc = val(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + gold * (b - a);
        fd = val(d);
      }
    }
    const x = (a + b) / 2;
    const ll = val(x);
    return ll > best.ll ? { ll, s2: Math.exp(x) } : best;
  };
  const qHat = fit.q;
  const lpHat = profile(qHat).ll;
  const cdf = (q: number): number => {
    if (q < 0) return 0;
    const d = Math.max(0, lpHat - profile(q).ll);
    const r = (q < qHat ? 1 : q > qHat ? -1 : 0) * Math.sqrt(2 * d);
    return normalCdf(-r);
  };
  const c0 = cdf(0);
  const quantile = (u: number): number => {
    if (!(u > 0 && u < 1)) throw new RangeError('driftProfile.quantile: u must be in (0, 1)');
    if (u <= c0) return 0;
    // bisection on sqrt(q): C is Phi(-r) and r falls as q rises where the profile is unimodal
    let lo = 0,
      hi = Math.sqrt(qHat);
    if (u > 0.5 || qHat === 0) {
      lo = hi;
      hi = Math.max(hi, Math.sqrt(scale) * 1e-3);
      for (let i = 0; i < 200 && cdf(hi * hi) < u; i++) {
        lo = hi;
        hi *= 2;
      }
    }
    // to a relative precision of 1e-5 in sqrt(q) (far below what the K-point average resolves)
    for (let i = 0; i < 60 && hi - lo > 1e-5 * hi; i++) {
      const m = (lo + hi) / 2;
      if (cdf(m * m) >= u) hi = m;
      else lo = m;
    }
    return hi * hi;
  };
  return { qHat, profile, cdf, quantile };
}

/** The horizon's mean rate with q integrated over its confidence distribution, and the plug-in's for contrast. */
export interface DriftHorizon {
  /** mean_i L_T(q_i) and mean_i V_i + var_i L_T(q_i) */
  level: number;
  variance: number;
  /** the part of the variance without the level's (what a market block, whose terms give the rate, adds) */
  varianceWithoutLevel: number;
  /** the plug-in (q = qhat) level and horizonVariance */
  plugInLevel: number;
  plugInVariance: number;
  /** C(0): the confidence mass of q at 0 */
  massAtZero: number;
  /** the quantiles of q used */
  qs: number[];
}

/** K points of the quantile grid u_i = (i - 0.5) / K */
export const DRIFT_Q_POINTS = 64;

/**
 * The horizon's mean rate over H months with q integrated over its confidence distribution (see the header);
 * null where fitDrift returns null.
 * @example driftHorizon(months, fitDrift(months)!, 3)!.variance
 */
export function driftHorizon(months: readonly { created: number; exposure: number }[], fit: DriftFit, H: number, K = DRIFT_Q_POINTS): DriftHorizon | null {
  const prof = driftProfile(months, fit);
  const prep = prepare(months);
  if (!prof || !prep) return null;
  const walk = ((H + 1) * (2 * H + 1)) / (6 * H);
  const qs: number[] = [];
  let sL = 0,
    sLL = 0,
    sV = 0,
    sW = 0;
  for (let i = 1; i <= K; i++) {
    const q = prof.quantile((i - 0.5) / K);
    const s2 = prof.profile(q).s2;
    const f = filter(prep.obs, prep.pooled, q, s2);
    qs.push(q);
    sL += f.level;
    sLL += f.level * f.level;
    const w = q * walk + s2 / H;
    sW += w;
    sV += f.P + w;
  }
  const level = sL / K;
  const levelSpread = Math.max(0, sLL / K - level * level);
  return {
    level,
    variance: sV / K + levelSpread,
    varianceWithoutLevel: sW / K,
    plugInLevel: fit.level,
    plugInVariance: horizonVariance(fit, H),
    massAtZero: prof.cdf(0),
    qs,
  };
}
