/**
 * Resolution by age, fitted with censoring: the discrete-time hazard (life table, Kaplan-Meier style) of an
 * opportunity's resolution at a month end by its age a (month-ends survived before it: a deal created in
 * month c and resolved in month r resolved at age r - c). Inside the window [from, to], each opportunity is
 * at risk at the month ends from max(created, from) to its resolution (an event), or to `to` when it is still
 * open or was decided after the window (censored), or to the month it was dropped (censored); deals created
 * before the window enter at their age then (left truncation). With n_a month ends at risk at age a and d_a
 * resolutions among them, the maximum-likelihood hazard is h_a = d_a / n_a (won, lost and no decision apart:
 * competing risks, their sum the hazard of resolution), SE sqrt(h (1 - h) / n_a), and the chance of still being
 * open after a month ends is S(a) = prod_{j<a} (1 - h_j).
 *
 * The table written into a scenario has one entry per age up to the oldest age at which anything resolved
 * (A), and one more for every older age, pooled: h = d / n over all of them, which is 0 since nothing resolved
 * there. An open deal older than anything that ever closed then has no chance of closing.
 */
import { gammaP } from '../random/gammaCdf.js';

/** One opportunity's months as the hazard fit needs them. */
export interface HazardRecord {
  createdMonth: number;
  /** month of resolution (won, lost or no decision) */
  resolvedMonth: number | null;
  outcome: 'won' | 'lost' | 'noDecision' | 'open' | 'dropped';
  /** month dropped (censored after it); null otherwise */
  droppedMonth: number | null;
}

/** The hazard by age. Arrays are indexed by age 0..A+1 (the last entry pools every older age). */
export interface HazardFit {
  /** month ends at risk, resolutions, and by outcome */
  atRisk: number[];
  resolved: number[];
  won: number[];
  lost: number[];
  noDecision: number[];
  /** d / n and its SE (0 at risk: hazard 0, SE null) */
  hazard: number[];
  se: (number | null)[];
  /** S(a): the chance of being open after a month ends, a = 0..A+1 */
  survival: number[];
  /** oldest age at which a deal resolved */
  maxResolvedAge: number;
}

/**
 * Fits the hazard of resolution by age from opportunities observed in months [from, to].
 * @example fitHazard([{ createdMonth: 0, resolvedMonth: 1, outcome: 'won', droppedMonth: null }], 0, 5).hazard // [0, 1, 0]
 */
export function fitHazard(opps: readonly HazardRecord[], from: number, to: number): HazardFit {
  // first pass: the oldest resolved age in the window
  let A = 0;
  for (const o of opps) if (o.resolvedMonth !== null && o.resolvedMonth >= from && o.resolvedMonth <= to) A = Math.max(A, o.resolvedMonth - o.createdMonth);
  const K = A + 2;
  const atRisk = new Array<number>(K).fill(0);
  const won = new Array<number>(K).fill(0);
  const lost = new Array<number>(K).fill(0);
  const nd = new Array<number>(K).fill(0);
  const bucket = (age: number) => Math.min(age, K - 1);
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
    if (end < start) continue;
    // month ends start..end at ages start - created .. end - created; those beyond A pooled in the last bucket
    const a0 = start - o.createdMonth;
    const a1 = end - o.createdMonth;
    const firstPooled = Math.max(a0, K - 1);
    for (let a = a0; a <= Math.min(a1, K - 2); a++) atRisk[a]++;
    if (a1 >= firstPooled) atRisk[K - 1] += a1 - firstPooled + 1;
    if (event) {
      const b = bucket(a1);
      if (o.outcome === 'won') won[b]++;
      else if (o.outcome === 'lost') lost[b]++;
      else nd[b]++;
    }
  }
  const resolved = atRisk.map((_, a) => won[a] + lost[a] + nd[a]);
  const hazard = resolved.map((d, a) => (atRisk[a] > 0 ? d / atRisk[a] : 0));
  const se = hazard.map((h, a) => (atRisk[a] > 0 ? Math.sqrt((h * (1 - h)) / atRisk[a]) : null));
  const survival: number[] = [];
  let s = 1;
  for (let a = 0; a < K; a++) {
    s *= 1 - hazard[a];
    survival.push(s);
  }
  return { atRisk, resolved, won, lost, noDecision: nd, hazard, se, survival, maxResolvedAge: A };
}

/**
 * The share of an open book (ages in month-ends survived, as `openPipeline[].ageMonths`) that the fitted
 * hazard treats as stale: older than any age at which a deal ever resolved (hazard 0 from there on).
 * @example staleShare([1, 2, 9], fit) // 1/3 when fit.maxResolvedAge is 6
 */
export function staleShare(ages: readonly number[], fit: HazardFit): number {
  if (ages.length === 0) return 0;
  let n = 0;
  for (const a of ages) if (a > fit.maxResolvedAge) n++;
  return n / ages.length;
}

/** Significance level of the test that keeps the age table (as the market terms', engine/calibrate/fitMarket.ts). */
export const HAZARD_ALPHA = 0.01;

/** The likelihood-ratio test of a hazard varying by age against one constant monthly rate (the geometric cycle). */
export interface HazardTest {
  test: string;
  lr: number;
  df: number;
  pValue: number;
  /** p < HAZARD_ALPHA: the scenario resolves deals by age */
  kept: boolean;
}

/**
 * Likelihood ratio of the by-age hazard against a constant one (chi-square with one degree of freedom per
 * age bucket beyond the first that has deals at risk).
 * @example hazardTest(fit).kept // true when deals resolve at different rates by age
 */
export function hazardTest(fit: HazardFit): HazardTest {
  const ll = (d: number, n: number, h: number) => (d > 0 ? d * Math.log(h) : 0) + (n - d > 0 ? (n - d) * Math.log(1 - h) : 0);
  let D = 0,
    N = 0,
    full = 0,
    buckets = 0;
  fit.atRisk.forEach((n, a) => {
    if (n === 0) return;
    buckets++;
    D += fit.resolved[a];
    N += n;
    full += ll(fit.resolved[a], n, fit.hazard[a]);
  });
  const p = N > 0 ? D / N : 0;
  let constant = 0;
  fit.atRisk.forEach((n, a) => {
    if (n > 0) constant += ll(fit.resolved[a], n, p);
  });
  const lr = Math.max(0, 2 * (full - constant));
  const df = Math.max(1, buckets - 1);
  const pValue = 1 - gammaP(df / 2, lr / 2);
  return { test: `likelihood ratio of the hazard by age (${buckets} ages) against one constant rate, chi-square ${df} df`, lr, df, pValue, kept: pValue < HAZARD_ALPHA };
}
