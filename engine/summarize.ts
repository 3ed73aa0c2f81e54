/**
 * Turns trial results into the Summary (docs/design.md, Contracts). All statistics of the product are computed here
 * (and in compare/sensitivity), never in the server or the playground.
 */
import { seatLayout } from './kernel/seats.js';
import type { Scenario } from './scenario.js';
import { scenarioHash } from './scenario.js';
import { COST_ITEMS, LORENZ_POINTS, type Stats, type Summary, type TrialResults } from './types.js';
import { planTargets, type PlanTargets } from './plan.js';
import { histogram, stats, statsOrNull, wilson } from './stats/stats.js';
import { countIntegers } from './stats/countIntegers.js';
import { statsOfCounts } from './stats/statsOfCounts.js';
import { COUNT_CAP, rowMajorColumns, type CountedKey, type SummedKey, type TrialColumns } from './columns.js';
import { ENGINE_VERSION } from './version.js';
import { halfWidths } from './precision/reached.js';
import { uncertaintySummary } from './uncertainty/summary.js';
import { assumptionsUsed } from './assumptionsUsed.js';
import { addInto } from './kernel/summaryParts.js';
import { MECHANISMS, type AlwaysSections, type OptionalSections } from './mechanisms/registry.js';
import type { Columns } from './kernel/outputs.js';
import type { ScalarKey } from './columns.js';

export interface SummarizeOptions {
  seed?: number;
  elapsedMs?: number;
  /** judge against this plan (a comparison judges every variant against the baseline's); default: the scenario's */
  plan?: PlanTargets | null;
  /** with uncertain inputs: the run's trials (the design's size) when summarising a part of it; default the trials summarised */
  designTrials?: number;
}

/**
 * Stats of every month of a per-month array. When every value is an integer in [0, COUNT_CAP) (head
 * counts), from the counts of each month's values (no copy, no sort; the sd summed by value); else
 * `stats` of each month.
 */
function perMonth(src: TrialColumns, key: CountedKey): Stats[] {
  const n = src.trials;
  const H = src.months;
  const counted = src.counts?.(key);
  if (counted) return counted.map((c) => statsOfCounts(c, n));
  const counts = new Int32Array(COUNT_CAP);
  const out: Stats[] = [];
  for (let m = 0; m < H; m++) {
    counts.fill(0);
    if (!countIntegers(src.column(key, m), counts)) break;
    out.push(statsOfCounts(counts, n));
  }
  if (out.length === H) return out;
  out.length = 0;
  for (let m = 0; m < H; m++) out.push(stats(src.column(key, m)));
  return out;
}

// The loops over the trials are small functions of their own: optimised whole and early, they do not run
// as on-stack-replaced code of the long summarizeColumns (which bails out at each loop exit until the
// whole function is optimised).

/** How many values are at least `target`. */
function countAtLeast(a: Float64Array, target: number): number {
  let hit = 0;
  for (let t = 0; t < a.length; t++) if (a[t] >= target) hit++;
  return hit;
}

/** Margin (revenue - cost) and ROI (margin / cost, NaN without cost) of each trial. */
function marginAndRoi(revenue: Float64Array, cost: Float64Array, margin: Float64Array, roi: Float64Array): void {
  for (let t = 0; t < revenue.length; t++) {
    margin[t] = revenue[t] - cost[t];
    roi[t] = cost[t] > 0 ? margin[t] / cost[t] : NaN;
  }
}

/**
 * The headline ROI: (mean revenue - mean cost) / mean cost; null without costs or without spend.
 * @example roiOfMeans(2.28e6, 1e6, true) // 1.28
 */
export function roiOfMeans(revenueMean: number, costMean: number, hasCosts: boolean): number | null {
  return hasCosts && costMean > 0 ? (revenueMean - costMean) / costMean : null;
}

/** Mean over the trials of each month of a summed per-month array. */
function monthlyMean(src: TrialColumns, key: SummedKey): number[] {
  return Array.from({ length: src.months }, (_, m) => src.sum(key, m).all / src.trials);
}

/**
 * The mechanisms' Summary sections, in registry order (engine/mechanisms/registry.ts, each entry's
 * `summary`): those that are always in the Summary (null when off) and those present only when on.
 */
function sections(s: Scenario, src: TrialColumns, hasQuota: boolean): { always: AlwaysSections; optional: OptionalSections } {
  const always: Record<string, unknown> = {};
  const optional: Record<string, unknown> = {};
  for (const m of MECHANISMS) {
    if (!('summary' in m)) continue;
    const isAlways = 'always' in m.summary;
    if (m.summary.when(s)) (isAlways ? always : optional)[m.summary.key] = m.summary.build(s, src, hasQuota);
    else if (isAlways) always[m.summary.key] = null;
  }
  return { always: always as AlwaysSections, optional: optional as OptionalSections };
}

export const ATTAINMENT_EDGES = Array.from({ length: 31 }, (_, i) => Math.round(i * 10) / 100);

/**
 * The Summary of a block of trials (all of a run, or the trials done so far for a progress update).
 * @example // const summary = summarize(scenario, simulate(scenario, { trials: 1000, seed: 1 }))
 */
export function summarize(s: Scenario, r: TrialResults, opts: SummarizeOptions = {}): Summary {
  return summarizeColumns(s, rowMajorColumns(r), opts);
}

/**
 * The Summary of trial results read column by column (`summarize` reads a TrialResults block this way;
 * the streaming summary its stored columns).
 * @example // const summary = summarizeColumns(scenario, rowMajorColumns(results), { seed: 1 })
 */
export function summarizeColumns(s: Scenario, src: TrialColumns, opts: SummarizeOptions = {}): Summary {
  const n = src.trials;
  if (n < 1) throw new RangeError('summarize: no trials');
  const H = src.months;
  const yearsN = Math.ceil(H / 12);
  // one pass over the months of revenue: each month's stats, the running total (cumulative revenue; after
  // the last month, the total) and each year's total, each summed month by month in order from 0
  const total = new Float64Array(n);
  const annual = Array.from({ length: yearsN }, () => new Float64Array(n));
  const monthlyRevenue: Stats[] = [];
  const cumulative: Stats[] = [];
  for (let m = 0; m < H; m++) {
    const col = src.column('revenue', m);
    monthlyRevenue.push(stats(col));
    addInto(total, col, annual[(m / 12) | 0]);
    cumulative.push(stats(total));
  }
  const costTotal = new Float64Array(n);
  for (let m = 0; m < H; m++) addInto(costTotal, src.column('cost', m));
  const plan = opts.plan === undefined ? planTargets(s) : opts.plan;
  let planResult: Summary['plan'] = null;
  let planSe: number | null = null;
  if (plan) {
    const hit = countAtLeast(total, plan.total);
    const p = hit / n;
    planSe = Math.sqrt((p * (1 - p)) / n);
    planResult = {
      target: plan.total,
      probability: p,
      ci: wilson(hit, n),
      monthly: plan.monthly.slice(0, H),
      annual: plan.annual.map((target, y) => {
        const h = countAtLeast(annual[y], target);
        return { year: y + 1, months: Math.min(12, H - 12 * y), target, probability: h / n, ci: wilson(h, n) };
      }),
    };
  }
  // the total and the first year's total are running totals already summarised (the same sums, in the same order)
  const totalStats = { ...cumulative[H - 1] };
  const annualStats = annual.map((a, y) => (y === 0 ? { ...cumulative[Math.min(12, H) - 1] } : stats(a)));
  const costStats = stats(costTotal);
  const margin = new Float64Array(n);
  const roi = new Float64Array(n);
  marginAndRoi(total, costTotal, margin, roi);
  const breakdown: Record<string, Stats> = {};
  COST_ITEMS.forEach((item, k) => (breakdown[item] = stats(src.column('costItems', k))));
  for (const m of MECHANISMS) for (const [key, spec] of Object.entries(m.columns as Columns)) if (spec.breakdown?.when(s)) breakdown[spec.breakdown.item] = stats(src.scalar(key as ScalarKey));
  const lorenz: [number, number][] = [];
  for (let i = 0; i < LORENZ_POINTS; i++) {
    const x = i / (LORENZ_POINTS - 1);
    const { notNaN, count } = src.sum('lorenz', i);
    lorenz.push([x, count > 0 ? notNaN / count : x]);
  }
  // the seats have quotas (attainment) when the scenario's block sets a plan (its registry `plan`: the quota block's), and a plan is judged
  const hasQuota = plan !== null && (opts.plan === undefined || planTargets(s) !== null);
  const elapsed = opts.elapsedMs ?? 0;
  const zero = stats([0]);
  const { always, optional } = sections(s, src, hasQuota);
  const summary: Summary = {
    trials: n,
    seed: opts.seed ?? s.seed,
    horizonMonths: H,
    scenario: s,
    scenarioHash: scenarioHash(s),
    revenue: {
      total: totalStats,
      monthly: monthlyRevenue,
      annual: annualStats,
      cumulative,
      histogram: histogram(total, 40),
    },
    plan: planResult,
    reps: {
      shareAtQuota: hasQuota ? statsOrNull(src.scalar('shareAtQuota')) : null,
      attainment: hasQuota ? (src.attainmentSketch ? src.attainmentSketch.stats() : statsOrNull(src.attainments)) : null,
      attainmentHistogram: hasQuota ? (src.attainmentSketch ? src.attainmentSketch.histogram() : histogram(src.attainments, 30, ATTAINMENT_EDGES)) : null,
      top20Share: statsOrNull(src.scalar('top20Share')) ?? zero,
      gini: statsOrNull(src.scalar('gini')) ?? zero,
      lorenz,
      topVsBottom: {
        top20: { revenuePerRep: statsOrNull(src.scalar('top20RevenuePerRep')) ?? zero },
        bottom80: { revenuePerRep: statsOrNull(src.scalar('bottom80RevenuePerRep')) ?? zero },
      },
    },
    territories: seatLayout(s).names.map((name, k) => ({ name, revenue: stats(src.column('territoryRevenue', k)) })),
    headcount: {
      monthly: perMonth(src, 'headcount'),
      productive: perMonth(src, 'productive'),
      ramping: perMonth(src, 'ramping'),
      vacant: perMonth(src, 'vacant'),
    },
    hiring: { hires: stats(src.scalar('hires')), exits: stats(src.scalar('exits')) },
    leadership: {
      changes: stats(src.scalar('leaderChanges')),
      monthsWithoutLeader: stats(src.scalar('monthsWithoutLeader')),
      programmesLost: stats(src.scalar('programmesLost')),
      presentByMonth: monthlyMean(src, 'leaderPresent'),
      disruptedByMonth: monthlyMean(src, 'disrupted'),
    },
    ...always,
    cost: { total: costStats, monthly: perMonth(src, 'cost'), breakdown },
    margin: stats(margin),
    roi: s.costs ? statsOrNull(roi) : null,
    roiOfMeans: roiOfMeans(totalStats.mean, costStats.mean, s.costs !== null && s.costs !== undefined),
    diagnostics: {
      revenueStdError: totalStats.sd / Math.sqrt(n),
      planProbabilityStdError: planSe,
      halfWidth: { pPlan: null, revenue: null, arr: null },
    },
    ...optional,
    ...(s.uncertainty ? { uncertainty: uncertaintySummary(s.uncertainty, opts.seed ?? s.seed, opts.designTrials ?? n, n, total) } : {}),
    assumptions: assumptionsUsed(s),
    meta: { elapsedMs: elapsed, engineVersion: ENGINE_VERSION, trialsPerSecond: elapsed > 0 ? (n / elapsed) * 1000 : null },
  };
  // the precision the run reached (95% half-widths of P(plan) and the means), as a precision run's stopping rule measures it
  summary.diagnostics.halfWidth = halfWidths(summary);
  return summary;
}
