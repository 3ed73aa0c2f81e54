/**
 * A rep's track record (roster `record`: deals won and lost before the start, and the geometric mean of the
 * won amounts) updates the scenario's prior of that rep's win rate and deal-size multiplier, so a forecast
 * from today uses what the CRM already says about each rep instead of drawing strangers.
 *
 * - **Win rate.** A decided opportunity is won with the rep's base win rate p, so won ~ Binomial(won + lost, p).
 *   A Beta(mu k, (1 - mu) k) prior gives the Beta(mu k + won, (1 - mu) k + lost) posterior; tiers give a
 *   mixture whose weights are share x the tier's marginal likelihood (a Beta-Binomial, or p^won (1 - p)^lost
 *   for an exact tier); a scalar win rate is known and stays.
 * - **Deal-size multiplier.** log(amount / median) = log M + sigma Z for each won deal, with the prior
 *   log M ~ Normal(-s^2 / 2, s^2) (s = repDealSizeSpread): the conjugate normal update on the mean log ratio.
 *
 * Not undone: the lifts and dips of the history (enablement, a leader's change programme) in the record.
 */
import type { WinRateDist } from '../../kernel/winRate.js';
import { betaMeanConcentration } from '../../random/beta.js';
import { normal } from '../../random/normal.js';
import { nextU } from '../../random/streams.js';
import { logBeta } from '../../stats/special.js';

/**
 * Draws a win rate from its posterior given `won` and `lost` decided deals.
 * @example // posteriorWinRate(compileWinRate({ mean: 0.3, concentration: 8 }), 30, 20, S, stream) is near 0.56
 */
export function posteriorWinRate(d: WinRateDist, won: number, lost: number, S: Int32Array, stream: number): number {
  const T = d.shares.length;
  let tier = 0;
  if (T > 1) {
    // log weights of the tiers, normalised by their maximum
    let max = -Infinity;
    const w = new Float64Array(T);
    for (let i = 0; i < T; i++) {
      const mu = d.means[i],
        k = d.concentrations[i];
      let ll: number;
      if (k > 0) ll = logBeta(mu * k + won, (1 - mu) * k + lost) - logBeta(mu * k, (1 - mu) * k);
      else ll = (won > 0 ? won * Math.log(mu) : 0) + (lost > 0 ? lost * Math.log1p(-mu) : 0);
      w[i] = d.shares[i] > 0 ? Math.log(d.shares[i]) + ll : -Infinity;
      if (w[i] > max) max = w[i];
    }
    let sum = 0;
    for (let i = 0; i < T; i++) sum += w[i] = Math.exp(w[i] - max);
    let u = nextU(S, stream) * sum;
    while (tier < T - 1 && u > w[tier]) u -= w[tier++];
  }
  const mu = d.means[tier],
    k = d.concentrations[tier];
  if (k <= 0) return mu;
  const a = mu * k + won,
    b = (1 - mu) * k + lost;
  return betaMeanConcentration(S, stream, a / (a + b), a + b);
}

/**
 * Draws a deal-size multiplier from its posterior given n won deals whose amounts have geometric mean g.
 * @example // posteriorMultiplier(0.2, 0.8, 40000, 25, 60000, S, stream) is near 1.4
 */
export function posteriorMultiplier(spread: number, sigma: number, median: number, n: number, g: number, S: Int32Array, stream: number): number {
  if (spread === 0) return 1;
  const prior = -(spread * spread) / 2;
  if (n === 0 || !(g > 0)) return Math.exp(prior + spread * normal(S, stream));
  const ybar = Math.log(g / median);
  if (sigma === 0) return Math.exp(ybar);
  const precision = 1 / (spread * spread) + n / (sigma * sigma);
  const mean = (prior / (spread * spread) + (n * ybar) / (sigma * sigma)) / precision;
  return Math.exp(mean + normal(S, stream) / Math.sqrt(precision));
}
