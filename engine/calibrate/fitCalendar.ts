/**
 * Calendar effects by month of the quarter (first, second, third month; issue 25), each a GLM with a
 * three-level factor tested against no effect by a likelihood ratio (chi-square, 2 df) and kept only when
 * p < CALENDAR_ALPHA:
 *
 * - win: the deals decided in the window, won or lost, by the calendar month of their close: a logistic
 *   model with the factor is the three proportions p_k; the factors written are p_k / p (p pooled), so the
 *   seats' win rate is multiplied by them; SE of a factor sqrt(p_k (1 - p_k) / n_k) / p.
 * - resolve: the month-ends at risk of every opportunity in the window, by the fitted chance of resolving at
 *   its age h(a): expected resolutions E_k = sum of h(a) over the month-ends of month-in-quarter k, observed
 *   R_k; a Poisson model of R_k with offset E_k and the factor gives f_k = R_k / E_k (the age table makes
 *   sum R = sum E); SE sqrt(R_k) / E_k. (Poisson for a sum of Bernoulli month-ends: conservative.)
 *
 * Month of the year is not fitted (a year or two of history gives one or two of each month).
 */
import { gammaP } from '../random/gammaCdf.js';
import type { HazardRecord } from './fitHazard.js';

/** Significance level for keeping a calendar term (as the market terms', engine/calibrate/fitMarket.ts). */
export const CALENDAR_ALPHA = 0.01;

export interface QuarterEffect {
  term: 'win' | 'resolve';
  test: string;
  /** factors for the first, second and third month of the quarter, and their SEs */
  factors: [number, number, number];
  se: [number, number, number];
  /** events (wins / resolutions) and trials (decided / expected resolutions) by month of the quarter */
  events: [number, number, number];
  base: [number, number, number];
  lr: number;
  df: number;
  pValue: number;
  kept: boolean;
}

const chi2 = (lr: number) => 1 - gammaP(1, Math.max(0, lr) / 2); // 2 df: P(X > x) = exp(-x/2)
const xlogy = (x: number, y: number) => (x > 0 ? x * Math.log(y) : 0);

/**
 * The win-rate effect by month of the quarter from decided deals (close month index and outcome).
 * @example fitWinByQuarter([{ closedMonth: 2, won: true }, { closedMonth: 0, won: false }]).factors
 */
export function fitWinByQuarter(decided: readonly { closedMonth: number; won: boolean }[]): QuarterEffect {
  const w: [number, number, number] = [0, 0, 0];
  const n: [number, number, number] = [0, 0, 0];
  for (const d of decided) {
    const k = ((d.closedMonth % 3) + 3) % 3;
    n[k]++;
    if (d.won) w[k]++;
  }
  const N = n[0] + n[1] + n[2];
  const p = N > 0 ? (w[0] + w[1] + w[2]) / N : 0;
  let lr = 0;
  for (let k = 0; k < 3; k++) {
    if (n[k] === 0) continue;
    const pk = w[k] / n[k];
    lr += 2 * (xlogy(w[k], pk / p) + xlogy(n[k] - w[k], (1 - pk) / (1 - p)));
  }
  const factors = n.map((nk, k) => (nk > 0 && p > 0 ? w[k] / nk / p : 1)) as [number, number, number];
  const se = n.map((nk, k) => (nk > 0 && p > 0 ? Math.sqrt(((w[k] / nk) * (1 - w[k] / nk)) / nk) / p : NaN)) as [number, number, number];
  const pValue = N > 0 && p > 0 && p < 1 ? chi2(lr) : 1;
  return { term: 'win', test: 'likelihood ratio of a logistic model of won vs lost with the month of the quarter of the close, chi-square 2 df', factors, se, events: w, base: n, lr, df: 2, pValue, kept: pValue < CALENDAR_ALPHA };
}

/**
 * The effect on the chance of resolving by month of the quarter, given the chance by age `h` (last entry for
 * older ages), from the month-ends at risk in [from, to] (as in fitHazard).
 * @example fitResolveByQuarter(records, [0.3, 0.2, 0], from, to).kept
 */
export function fitResolveByQuarter(opps: readonly HazardRecord[], h: readonly number[], from: number, to: number): QuarterEffect {
  const R: [number, number, number] = [0, 0, 0];
  const E: [number, number, number] = [0, 0, 0];
  const K = h.length;
  for (const o of opps) {
    const start = Math.max(o.createdMonth, from);
    let end: number;
    let event = false;
    if (o.resolvedMonth !== null && o.resolvedMonth <= to) {
      if (o.resolvedMonth < from) continue;
      end = o.resolvedMonth;
      event = true;
    } else if (o.droppedMonth !== null) end = Math.min(o.droppedMonth, to);
    else end = to;
    for (let m = start; m <= end; m++) {
      const a = m - o.createdMonth;
      E[((m % 3) + 3) % 3] += h[a < K ? a : K - 1];
    }
    if (event && end >= start) R[((end % 3) + 3) % 3]++;
  }
  let lr = 0;
  for (let k = 0; k < 3; k++) if (E[k] > 0) lr += 2 * (xlogy(R[k], R[k] / E[k]) - (R[k] - E[k]));
  const factors = E.map((e, k) => (e > 0 ? R[k] / e : 1)) as [number, number, number];
  const se = E.map((e, k) => (e > 0 ? Math.sqrt(R[k]) / e : NaN)) as [number, number, number];
  const pValue = E[0] + E[1] + E[2] > 0 ? chi2(lr) : 1;
  return { term: 'resolve', test: 'likelihood ratio of a Poisson model of resolutions (offset: the chance by age of each month-end at risk) with the month of the quarter, chi-square 2 df', factors, se, events: R, base: E, lr, df: 2, pValue, kept: pValue < CALENDAR_ALPHA };
}

/** Month-to-month variation of the win rate beyond binomial (after the month-of-quarter effect when kept). */
export interface WinDispersion {
  test: string;
  chiSquare: number;
  df: number;
  pValue: number;
  kept: boolean;
  /** method-of-moments variance of a monthly random effect on the win rate (0 when not kept) */
  tau2: number;
  months: number;
}

/**
 * Pearson chi-square of monthly wins against n_t q_t (q_t = pooled rate x the month-of-quarter factor), df =
 * months - 1 - the factors fitted; kept when p < CALENDAR_ALPHA, with tau^2 = mean over months of
 * (w_t / n_t - q_t)^2 - q_t (1 - q_t) / n_t.
 * @example fitWinDispersion(decided, quarterEffect).kept
 */
export function fitWinDispersion(decided: readonly { closedMonth: number; won: boolean }[], q: QuarterEffect): WinDispersion {
  const by = new Map<number, { n: number; w: number }>();
  for (const d of decided) {
    const x = by.get(d.closedMonth) ?? { n: 0, w: 0 };
    x.n++;
    if (d.won) x.w++;
    by.set(d.closedMonth, x);
  }
  const N = decided.length;
  const p = N ? decided.filter((d) => d.won).length / N : 0;
  let chi = 0,
    mom = 0,
    T = 0;
  for (const [m, x] of by) {
    const qt = Math.min(1 - 1e-9, p * (q.kept ? q.factors[((m % 3) + 3) % 3] : 1));
    if (!(qt > 0)) continue;
    T++;
    chi += (x.w - x.n * qt) ** 2 / (x.n * qt * (1 - qt));
    mom += (x.w / x.n - qt) ** 2 - (qt * (1 - qt)) / x.n;
  }
  const df = Math.max(1, T - 1 - (q.kept ? 2 : 0));
  const pValue = T > 2 ? 1 - gammaP(df / 2, chi / 2) : 1;
  const kept = pValue < CALENDAR_ALPHA;
  return { test: `Pearson chi-square of monthly wins against the win rate${q.kept ? ' by month of the quarter' : ''}, ${df} df`, chiSquare: chi, df, pValue, kept, tau2: kept ? Math.max(0, mom / T) : 0, months: T };
}
