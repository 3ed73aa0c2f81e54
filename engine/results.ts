/**
 * Allocation, merging and slicing of TrialResults blocks. Merging keeps trial order, so any chunking
 * gives the same arrays.
 */
import { COST_ITEMS, LORENZ_POINTS, type TrialResults } from './types.js';

type Layout = Pick<TrialResults, 'from' | 'trials' | 'months' | 'territories' | 'years' | 'customers' | 'demand'> & Partial<Pick<TrialResults, 'figures'>>;

/**
 * Per-trial arrays and how many values each trial has in them (given the layout). The coverage figures
 * (monthly opportunity counts, open value, stalls, the multiple, the win-rate groups) have width 0 in a
 * run that does not record them, so a scenario without coverage, selling time or stalls carries none of
 * their memory.
 */
function widths(l: Layout): Record<string, number> {
  const fm = l.figures ? l.months : 0;
  const f1 = l.figures ? 1 : 0;
  const cm = l.customers ? l.months : 0;
  const cy = l.customers ? l.years : 0;
  const c1 = l.customers ? 1 : 0;
  const dm = l.demand ? l.months : 0;
  const d1 = l.demand ? 1 : 0;
  return {
    revenue: l.months,
    cost: l.months,
    costItems: COST_ITEMS.length,
    headcount: l.months,
    productive: l.months,
    ramping: l.months,
    vacant: l.months,
    leaderPresent: l.months,
    disrupted: l.months,
    padded: l.months,
    territoryRevenue: l.territories,
    hires: 1,
    exits: 1,
    leaderChanges: 1,
    monthsWithoutLeader: 1,
    programmesLost: 1,
    shareAtQuota: 1,
    meanAttainment: 1,
    top20Share: 1,
    gini: 1,
    lorenz: LORENZ_POINTS,
    top20RevenuePerRep: 1,
    bottom80RevenuePerRep: 1,
    paddedShare: 1,
    realisedCoverage: 1,
    createdOpps: fm,
    resolvedOpps: fm,
    wonOpps: fm,
    openValue: fm,
    openEnd: fm,
    stalledEnd: fm,
    multiple: fm,
    requiredCoverage: f1,
    realisedWinRate: f1,
    stalledShare: f1,
    top20Attainment: f1,
    bottom80Attainment: f1,
    top20PaddedShare: f1,
    bottom80PaddedShare: f1,
    arr: cm,
    newArr: cm,
    expansionArr: cm,
    churnedArr: cm,
    customerCount: cm,
    recognised: cm,
    referralOpps: cm,
    grr: cy,
    nrr: cy,
    newCustomers: c1,
    cac: c1,
    ltv: c1,
    cacPayback: c1,
    csCost: c1,
    leads: dm,
    qualifiedOpps: dm,
    nurturePool: dm,
    leadBacklog: dm,
    marketingOpps: dm,
    marketingWon: dm,
    marketingRevenue: dm,
    marketingCostLeads: d1,
    marketingCostSdr: d1,
    marketingCostNurture: d1,
    marketingOppShare: d1,
    marketingRevenueShare: d1,
  };
}

/**
 * A zeroed block for `trials` trials starting at `from`.
 * @example allocateResults({ from: 0, trials: 2, months: 12, territories: 1, years: 1 }).revenue.length // 24
 */
export function allocateResults(l: Layout): TrialResults {
  const r: Record<string, unknown> = { ...l, figures: l.figures ?? false };
  if (!l.customers) delete r.customers;
  if (!l.demand) delete r.demand;
  for (const [k, w] of Object.entries(widths(l))) r[k] = new Float64Array(l.trials * w);
  r.attainments = new Float32Array(0);
  r.attainmentCounts = new Int32Array(l.trials);
  return r as unknown as TrialResults;
}

/**
 * Concatenates blocks that are consecutive in trial order.
 * @example // mergeResults([runTrials(s, 1, 0, 50), runTrials(s, 1, 50, 50)]) equals runTrials(s, 1, 0, 100)
 */
export function mergeResults(parts: TrialResults[]): TrialResults {
  if (parts.length === 0) throw new RangeError('mergeResults: no blocks');
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from !== sorted[i - 1].from + sorted[i - 1].trials) throw new RangeError('mergeResults: blocks are not consecutive');
  }
  const first = sorted[0];
  const trials = sorted.reduce((a, p) => a + p.trials, 0);
  const out = allocateResults({ ...first, from: first.from, trials });
  for (const k of Object.keys(widths(first))) {
    const dst = (out as unknown as Record<string, Float64Array>)[k];
    let o = 0;
    for (const p of sorted) {
      const src = (p as unknown as Record<string, Float64Array>)[k];
      dst.set(src, o);
      o += src.length;
    }
  }
  const nAtt = sorted.reduce((a, p) => a + p.attainments.length, 0);
  out.attainments = new Float32Array(nAtt);
  let o = 0,
    t = 0;
  for (const p of sorted) {
    out.attainments.set(p.attainments, o);
    o += p.attainments.length;
    out.attainmentCounts.set(p.attainmentCounts, t);
    t += p.trials;
  }
  return out;
}

/**
 * The block of `count` trials starting at absolute trial index `from` (copies).
 * @example // sliceResults(r, 10, 5).from === 10
 */
export function sliceResults(r: TrialResults, from: number, count: number): TrialResults {
  const start = from - r.from;
  if (start < 0 || count < 0 || start + count > r.trials) throw new RangeError('sliceResults: out of range');
  const out = allocateResults({ ...r, from, trials: count });
  for (const [k, w] of Object.entries(widths(r))) {
    const src = (r as unknown as Record<string, Float64Array>)[k];
    (out as unknown as Record<string, Float64Array>)[k].set(src.subarray(start * w, (start + count) * w));
  }
  let a0 = 0;
  for (let t = 0; t < start; t++) a0 += r.attainmentCounts[t];
  let a1 = a0;
  for (let t = start; t < start + count; t++) a1 += r.attainmentCounts[t];
  out.attainments = r.attainments.slice(a0, a1);
  out.attainmentCounts = r.attainmentCounts.slice(start, start + count);
  return out;
}

/** Names of the per-trial Float64Array fields, for code that ships results between threads. */
export function resultArrays(r: TrialResults): ArrayBuffer[] {
  return [...Object.keys(widths(r)).map((k) => ((r as unknown as Record<string, Float64Array>)[k]).buffer as ArrayBuffer), r.attainments.buffer as ArrayBuffer, r.attainmentCounts.buffer as ArrayBuffer];
}
