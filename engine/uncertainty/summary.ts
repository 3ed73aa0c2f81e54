/**
 * What was sampled, and which uncertainty matters: the realised marginals of the input draws, their
 * realised rank correlations against the targets, and the contribution of each uncertain input to the
 * variance of total revenue as squared standardised rank regression coefficients (SRRC², engine/
 * uncertainty/rankRegression.ts), a tornado.
 */
import { stats } from '../stats/stats.js';
import type { Stats } from '../stats/statsType.js';
import { formatPath } from '../errors.js';
import { parsePath } from '../schema-walk.js';
import { uncertainDesign } from './design.js';
import { rankRegression } from './rankRegression.js';
import { spearman, spearmanSe } from './spearman.js';
import type { Distribution } from './distribution.js';
import type { Uncertainty } from './resolve.js';

/**
 * Below this R², SRRC² is not an adequate screen: the inputs' ranks explain less than 70% of the
 * variance of rank(revenue), because the trials' own randomness dominates, the output is not monotone in
 * an input, or inputs interact (Saltelli et al. 2008, "Global sensitivity analysis: the primer", §1.2.5
 * uses R² >= 0.7 as the bar for regression-based measures).
 */
export const SRRC_ADEQUATE_R2 = 0.7;

export interface UncertaintySummary {
  sampling: 'lhs' | 'random';
  /** trials of the design (the run's); the figures below are over the trials summarised */
  designTrials: number;
  parameters: {
    path: string;
    distribution: Distribution;
    /** the field's valid range and how it is kept: bounded distributions lie inside, unbounded ones are truncated (rejection) */
    range: [number, number];
    bounds: 'inside' | 'truncated';
    integer: boolean;
    /** the realised marginal of the draws */
    draws: Stats;
  }[];
  correlations: { between: [string, string]; target: number; realised: number; stdError: number }[];
  /** variance contributions to total revenue, largest first */
  contribution: {
    method: 'srrc2';
    description: string;
    /** R² of the rank regression: the share of the variance of rank(total revenue) the inputs explain together */
    r2: number;
    /** whether SRRC² is an adequate screen: R² >= SRRC_ADEQUATE_R2 (below it, the shares leave most of the variance unexplained) */
    adequate: boolean;
    /** when not adequate: why, and what to use instead */
    note: string | null;
    parameters: { path: string; srrc: number; share: number }[];
  };
}

/**
 * The uncertainty section of a Summary over trials 0..n-1 of a design of `designTrials` trials.
 * @example // uncertaintySummary(s.uncertainty, 1, 2000, 2000, totalRevenue).contribution.parameters[0].path
 */
export function uncertaintySummary(un: Uncertainty, seed: number, designTrials: number, n: number, revenue: ArrayLike<number>): UncertaintySummary {
  const d = uncertainDesign(un, seed, designTrials, 0, n);
  const k = d.params.length;
  const column = (j: number) => {
    const c = new Float64Array(n);
    for (let t = 0; t < n; t++) c[t] = d.values[t * k + j];
    return c;
  };
  const cols = d.params.map((_, j) => column(j));
  const index = new Map(d.params.map((p, j) => [p.path, j]));
  const at = (p: string) => index.get(formatPath(parsePath(p) ?? [p]))!;
  const reg = rankRegression(d.values, n, k, revenue);
  return {
    sampling: un.sampling,
    designTrials,
    parameters: d.params.map((p, j) => ({
      path: p.path,
      distribution: p.distribution,
      range: [p.range.min, p.range.max],
      bounds: p.bounds,
      integer: p.integer,
      draws: stats(cols[j]),
    })),
    correlations: un.correlations.map((c) => {
      const r = spearman(cols[at(c.between[0])], cols[at(c.between[1])]);
      return { between: c.between, target: c.rho, realised: r, stdError: spearmanSe(c.rho, n) };
    }),
    contribution: {
      method: 'srrc2',
      description: 'squared standardised rank regression coefficients of total revenue on the uncertain inputs (SRRC²)',
      r2: reg.r2,
      adequate: reg.r2 >= SRRC_ADEQUATE_R2,
      note:
        reg.r2 >= SRRC_ADEQUATE_R2
          ? null
          : `the rank regression explains ${Number.isFinite(reg.r2) ? Math.round(reg.r2 * 100) : '?'}% of the variance of rank(revenue) (below ${SRRC_ADEQUATE_R2 * 100}%): the trials' own randomness dominates, or inputs interact or act non-monotonically, so the SRRC² shares are only a screen; the variance-based indices (salesim sensitivity --sobol) split what the inputs explain from the noise`,
      parameters: d.params
        .map((p, j) => ({ path: p.path, srrc: reg.srrc[j], share: reg.srrc[j] * reg.srrc[j] }))
        .sort((a, b) => b.share - a.share),
    },
  };
}
