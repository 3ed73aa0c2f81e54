/**
 * Turns trial results into the Summary of DESIGN.md §5. All statistics of the product are computed here
 * (and in compare/sensitivity), never in the server or the playground.
 */
import type { Scenario } from './scenario.js';
import { scenarioHash } from './scenario.js';
import { COST_ITEMS, LORENZ_POINTS, type Stats, type Summary, type TrialResults } from './types.js';
import { planTargets, type PlanTargets } from './model/policy.js';
import { histogram, stats, statsIntColumns, statsOrNull, wilson } from './stats/stats.js';
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

/** Months extracted per pass over a row-major array (one pass reads each cache line once, not once per month). */
const BLOCK = 8;

/**
 * Calls `each(m, column)` for every month m in order, extracting BLOCK month columns per pass over
 * the row-major array `a` (trials x months). The column buffer is reused: consume it inside `each`.
 */
function forEachMonth(a: Float64Array, r: TrialResults, each: (m: number, col: Float64Array) => void): void {
  const n = r.trials;
  const H = r.months;
  const bufs = Array.from({ length: Math.min(BLOCK, H) }, () => new Float64Array(n));
  const ROWS = 512; // rows per tile: the tile's cache lines stay in L1/L2 while its BLOCK columns are copied
  for (let m0 = 0; m0 < H; m0 += BLOCK) {
    const w = Math.min(BLOCK, H - m0);
    for (let t0 = 0; t0 < n; t0 += ROWS) {
      const t1 = Math.min(n, t0 + ROWS);
      for (let k = 0; k < w; k++) {
        const b = bufs[k];
        for (let t = t0, o = t0 * H + m0 + k; t < t1; t++, o += H) b[t] = a[o];
      }
    }
    for (let k = 0; k < w; k++) each(m0 + k, bufs[k]);
  }
}

function perMonth(a: Float64Array, r: TrialResults): Stats[] {
  const counted = statsIntColumns(a, r.trials, r.months);
  if (counted) return counted;
  const out: Stats[] = [];
  forEachMonth(a, r, (_m, col) => out.push(stats(col)));
  return out;
}

function monthlyMean(a: Float64Array, r: TrialResults): number[] {
  const H = r.months;
  const acc = new Float64Array(H);
  for (let t = 0, o = 0; t < r.trials; t++, o += H) for (let m = 0; m < H; m++) acc[m] += a[o + m];
  return Array.from(acc, (v) => v / r.trials);
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
  const rev = r.revenue;
  const cost = r.cost;
  for (let t = 0; t < n; t++) {
    let acc = 0,
      cacc = 0;
    const o = t * H;
    for (let y = 0; y < yearsN; y++) {
      const end = Math.min(H, 12 * y + 12);
      let ya = 0;
      for (let m = 12 * y; m < end; m++) {
        const v = rev[o + m];
        acc += v;
        ya += v;
        cacc += cost[o + m];
      }
      annual[y][t] = ya;
    }
    total[t] = acc;
    costTotal[t] = cacc;
  }
  // monthly and cumulative revenue from the same column pass
  const cum = new Float64Array(n);
  const monthlyRevenue: Stats[] = [];
  forEachMonth(r.revenue, r, (_m, col) => {
    monthlyRevenue.push(stats(col));
    for (let t = 0; t < n; t++) cum[t] += col[t];
    cumulative.push(stats(cum));
  });
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
      monthly: monthlyRevenue,
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
      monthly: perMonth(r.headcount, r),
      productive: perMonth(r.productive, r),
      ramping: perMonth(r.ramping, r),
      vacant: perMonth(r.vacant, r),
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
    cost: { total: stats(costTotal), monthly: perMonth(r.cost, r), breakdown },
    margin: stats(margin),
    roi: s.costs ? statsOrNull(roi) : null,
    diagnostics: {
      revenueStdError: totalStats.sd / Math.sqrt(n),
      planProbabilityStdError: planSe,
    },
    meta: { elapsedMs: elapsed, engineVersion: ENGINE_VERSION, trialsPerSecond: elapsed > 0 ? (n / elapsed) * 1000 : null },
  };
}
