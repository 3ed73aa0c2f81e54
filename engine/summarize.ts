/**
 * Turns trial results into the Summary of DESIGN.md §5. All statistics of the product are computed here
 * (and in compare/sensitivity), never in the server or the playground.
 */
import type { Scenario } from './scenario.js';
import { scenarioHash } from './scenario.js';
import { COST_ITEMS, LORENZ_POINTS, type Stats, type Summary, type TrialResults } from './types.js';
import { planTargets, type PlanTargets } from './model/policy.js';
import { histogram, stats, statsOrNull, wilson } from './stats/stats.js';
import { ENGINE_VERSION } from './version.js';

export interface SummarizeOptions {
  seed?: number;
  elapsedMs?: number;
  /** judge against this plan (a comparison judges every variant against the baseline's); default: the scenario's */
  plan?: PlanTargets | null;
}

/** Column `k` (of `width`) of a row-major per-trial array. */
function column(a: Float64Array, width: number, k: number, trials: number, buf: Float64Array): Float64Array {
  for (let t = 0; t < trials; t++) buf[t] = a[t * width + k];
  return buf;
}

function perMonth(a: Float64Array, r: TrialResults, buf: Float64Array): Stats[] {
  const out: Stats[] = [];
  for (let m = 0; m < r.months; m++) out.push(stats(column(a, r.months, m, r.trials, buf)));
  return out;
}

function monthlyMean(a: Float64Array, r: TrialResults): number[] {
  const out = new Array<number>(r.months).fill(0);
  for (let t = 0; t < r.trials; t++) for (let m = 0; m < r.months; m++) out[m] += a[t * r.months + m];
  return out.map((v) => v / r.trials);
}

const ATTAINMENT_EDGES = Array.from({ length: 31 }, (_, i) => Math.round(i * 10) / 100);

/**
 * The Summary of a block of trials (all of a run, or the trials done so far for a progress update).
 * @example // const summary = summarize(scenario, simulate(scenario, { trials: 1000, seed: 1 }))
 */
export function summarize(s: Scenario, r: TrialResults, opts: SummarizeOptions = {}): Summary {
  const n = r.trials;
  if (n < 1) throw new RangeError('summarize: no trials');
  const H = r.months;
  const buf = new Float64Array(n);
  const total = new Float64Array(n);
  const costTotal = new Float64Array(n);
  const yearsN = Math.ceil(H / 12);
  const annual = Array.from({ length: yearsN }, () => new Float64Array(n));
  const cumulative: Stats[] = [];
  for (let t = 0; t < n; t++) {
    let acc = 0,
      cacc = 0;
    for (let m = 0; m < H; m++) {
      const v = r.revenue[t * H + m];
      acc += v;
      annual[(m / 12) | 0][t] += v;
      cacc += r.cost[t * H + m];
    }
    total[t] = acc;
    costTotal[t] = cacc;
  }
  const cum = new Float64Array(n);
  for (let m = 0; m < H; m++) {
    for (let t = 0; t < n; t++) cum[t] += r.revenue[t * H + m];
    cumulative.push(stats(cum));
  }
  const plan = opts.plan === undefined ? planTargets(s) : opts.plan;
  let planResult: Summary['plan'] = null;
  let planSe: number | null = null;
  if (plan) {
    let hit = 0;
    for (let t = 0; t < n; t++) if (total[t] >= plan.total) hit++;
    const p = hit / n;
    planSe = Math.sqrt((p * (1 - p)) / n);
    planResult = {
      target: plan.total,
      probability: p,
      ci: wilson(hit, n),
      monthly: plan.monthly.slice(0, H),
      annual: plan.annual.map((target, y) => {
        let h = 0;
        for (let t = 0; t < n; t++) if (annual[y][t] >= target) h++;
        return { year: y + 1, months: Math.min(12, H - 12 * y), target, probability: h / n, ci: wilson(h, n) };
      }),
    };
  }
  const totalStats = stats(total);
  const margin = new Float64Array(n);
  const roi = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    margin[t] = total[t] - costTotal[t];
    roi[t] = costTotal[t] > 0 ? margin[t] / costTotal[t] : NaN;
  }
  const breakdown: Record<string, Stats> = {};
  COST_ITEMS.forEach((item, k) => (breakdown[item] = stats(column(r.costItems, COST_ITEMS.length, k, n, buf))));
  const lorenz: [number, number][] = [];
  for (let i = 0; i < LORENZ_POINTS; i++) {
    const x = i / (LORENZ_POINTS - 1);
    let sum = 0,
      cnt = 0;
    for (let t = 0; t < n; t++) {
      const v = r.lorenz[t * LORENZ_POINTS + i];
      if (v === v) {
        sum += v;
        cnt++;
      }
    }
    lorenz.push([x, cnt > 0 ? sum / cnt : x]);
  }
  const hasQuota = plan !== null && s.quota !== null && s.quota.method !== 'none';
  const elapsed = opts.elapsedMs ?? 0;
  const zero = stats([0]);
  return {
    trials: n,
    seed: opts.seed ?? s.seed,
    horizonMonths: H,
    scenario: s,
    scenarioHash: scenarioHash(s),
    revenue: {
      total: totalStats,
      monthly: perMonth(r.revenue, r, buf),
      annual: annual.map((a) => stats(a)),
      cumulative,
      histogram: histogram(total, 40),
    },
    plan: planResult,
    reps: {
      shareAtQuota: hasQuota ? statsOrNull(r.shareAtQuota) : null,
      attainment: hasQuota ? statsOrNull(r.attainments) : null,
      attainmentHistogram: hasQuota ? histogram(r.attainments, 30, ATTAINMENT_EDGES) : null,
      top20Share: statsOrNull(r.top20Share) ?? zero,
      gini: statsOrNull(r.gini) ?? zero,
      lorenz,
      topVsBottom: {
        top20: { revenuePerRep: statsOrNull(r.top20RevenuePerRep) ?? zero },
        bottom80: { revenuePerRep: statsOrNull(r.bottom80RevenuePerRep) ?? zero },
      },
    },
    territories: s.territories.map((t, k) => ({ name: t.name, revenue: stats(column(r.territoryRevenue, r.territories, k, n, buf)) })),
    headcount: {
      monthly: perMonth(r.headcount, r, buf),
      productive: perMonth(r.productive, r, buf),
      ramping: perMonth(r.ramping, r, buf),
      vacant: perMonth(r.vacant, r, buf),
    },
    hiring: { hires: stats(r.hires), exits: stats(r.exits) },
    leadership: {
      changes: stats(r.leaderChanges),
      monthsWithoutLeader: stats(r.monthsWithoutLeader),
      programmesLost: stats(r.programmesLost),
      presentByMonth: monthlyMean(r.leaderPresent, r),
      disruptedByMonth: monthlyMean(r.disrupted, r),
    },
    coverage: s.coverage && s.coverage.policy !== 'none' ? { paddedShare: stats(r.paddedShare), realisedCoverage: statsOrNull(r.realisedCoverage) } : null,
    cost: { total: stats(costTotal), monthly: perMonth(r.cost, r, buf), breakdown },
    margin: stats(margin),
    roi: s.costs ? statsOrNull(roi) : null,
    diagnostics: {
      revenueStdError: totalStats.sd / Math.sqrt(n),
      planProbabilityStdError: planSe,
    },
    meta: { elapsedMs: elapsed, engineVersion: ENGINE_VERSION, trialsPerSecond: elapsed > 0 ? (n / elapsed) * 1000 : null },
  };
}
