/**
 * Tiers when the win-rate distribution is clearly bimodal. Test: a two-component binomial mixture
 * (share, p1, p2; fitted by EM from several starts) against the single beta-binomial (mean,
 * concentration); tiers are used when the mixture's BIC is lower by more than 10 ("very strong" on the
 * Kass-Raftery scale), both components hold at least 10% of the reps and their rates differ by at least
 * 0.05. Each tier's own spread is then fitted by a beta-binomial on the reps assigned to it (posterior
 * > 0.5); a tier with no detectable spread gets `concentration: null` (every rep exactly the tier mean).
 */
import { fitWinRate, type RepRecord } from './fitWinRate.js';

/** One fitted tier in scenario form plus its standard errors. */
export interface TierFit {
  share: number;
  shareSe: number;
  mean: number;
  meanSe: number;
  concentration: number | null;
}

/** The bimodality test's numbers and, when it passes, the tiers. */
export interface TiersResult {
  bicSingle: number;
  bicMixture: number;
  tiers: TierFit[] | null;
  test: string;
}

const logBinom = (w: number, n: number, p: number) => w * Math.log(Math.max(p, 1e-300)) + (n - w) * Math.log(Math.max(1 - p, 1e-300));

/** Log-likelihood of a binomial mixture (without binomial coefficients) and the posteriors of component 1. */
function mixture(reps: RepRecord[], share: number, p1: number, p2: number): { ll: number; post: number[] } {
  let ll = 0;
  const post: number[] = [];
  for (const r of reps) {
    const a = Math.log(share) + logBinom(r.wins, r.decided, p1);
    const b = Math.log(1 - share) + logBinom(r.wins, r.decided, p2);
    const m = Math.max(a, b);
    const l = m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    ll += l;
    post.push(Math.exp(a - l));
  }
  return { ll, post };
}

/**
 * Runs the bimodality test on reps' wins and decided deals, given the single beta-binomial's log-likelihood.
 * @example fitTiers(reps, fitWinRate(reps).logLik).tiers // null for a unimodal team
 */
export function fitTiers(input: RepRecord[], singleLogLik: number): TiersResult {
  const reps = input.filter((r) => r.decided > 0);
  const n = reps.length;
  const test = 'two-component binomial mixture (EM) vs beta-binomial: BIC lower by > 10, each tier >= 10% of reps, means 0.05 apart';
  const bicSingle = -2 * singleLogLik + 2 * Math.log(Math.max(n, 1));
  if (n < 10) return { bicSingle, bicMixture: Infinity, tiers: null, test };
  const rates = reps.map((r) => r.wins / r.decided).sort((a, b) => a - b);
  let best = { ll: -Infinity, share: 0.5, p1: 0, p2: 0, post: [] as number[] };
  for (const q of [0.5, 0.7, 0.8, 0.9]) {
    const cut = rates[Math.min(n - 1, Math.floor(q * n))];
    let share = 1 - q;
    let p1 = Math.min(0.999, Math.max(0.001, rates.filter((r) => r >= cut).reduce((a, b) => a + b, 0) / Math.max(1, rates.filter((r) => r >= cut).length)));
    let p2 = Math.min(0.999, Math.max(0.001, rates.filter((r) => r < cut).reduce((a, b) => a + b, 0) / Math.max(1, rates.filter((r) => r < cut).length)));
    if (!(p2 < p1)) continue;
    share = Math.min(0.95, Math.max(0.05, share));
    let prev = -Infinity;
    let cur = mixture(reps, share, p1, p2);
    for (let it = 0; it < 500 && cur.ll - prev > 1e-10; it++) {
      prev = cur.ll;
      let s1 = 0, w1 = 0, n1 = 0, w2 = 0, n2 = 0;
      reps.forEach((r, i) => {
        const g = cur.post[i];
        s1 += g;
        w1 += g * r.wins;
        n1 += g * r.decided;
        w2 += (1 - g) * r.wins;
        n2 += (1 - g) * r.decided;
      });
      share = Math.min(1 - 1e-6, Math.max(1e-6, s1 / n));
      p1 = n1 > 0 ? w1 / n1 : p1;
      p2 = n2 > 0 ? w2 / n2 : p2;
      cur = mixture(reps, share, p1, p2);
    }
    if (cur.ll > best.ll) best = { ll: cur.ll, share, p1, p2, post: cur.post };
  }
  const bicMixture = -2 * best.ll + 3 * Math.log(n);
  const hiShare = best.p1 >= best.p2 ? best.share : 1 - best.share;
  const [pHi, pLo] = best.p1 >= best.p2 ? [best.p1, best.p2] : [best.p2, best.p1];
  const clear = bicMixture < bicSingle - 10 && hiShare >= 0.1 && hiShare <= 0.9 && pHi - pLo >= 0.05;
  if (!clear) return { bicSingle, bicMixture, tiers: null, test };
  const hiIsOne = best.p1 >= best.p2;
  const groupHi = reps.filter((_, i) => (hiIsOne ? best.post[i] : 1 - best.post[i]) > 0.5);
  const groupLo = reps.filter((_, i) => (hiIsOne ? best.post[i] : 1 - best.post[i]) <= 0.5);
  const tier = (share: number, p: number, group: RepRecord[]): TierFit => {
    const decided = group.reduce((s, r) => s + r.decided, 0);
    const f = group.length >= 5 ? fitWinRate(group) : null;
    return {
      share,
      shareSe: Math.sqrt((share * (1 - share)) / n),
      mean: p,
      meanSe: f?.meanSe ?? Math.sqrt((p * (1 - p)) / Math.max(1, decided)),
      concentration: f && !f.atBound ? f.concentration : null,
    };
  };
  return { bicSingle, bicMixture, tiers: [tier(hiShare, pHi, groupHi), tier(1 - hiShare, pLo, groupLo)], test };
}
