/** The coverage figures' section of the Summary (`summary.coverage`: coverage, selling time or stalls on). */
import type { Scenario } from '../../scenario.js';
import type { ColumnReader, ReportBlock } from '../../kernel/outputs.js';
import type { CompareSection } from '../../kernel/comparison.js';
import type { Stats } from '../../stats/statsType.js';
import { stats, statsOrNull } from '../../stats/stats.js';

/** One win-rate group's coverage figures (top 20% or the other 80% of persons by base win rate). */
export interface WinRateGroup {
  revenuePerRep: Stats;
  /** mean attainment of the group's person-years (null without quota) */
  attainment: Stats | null;
  /** padded / created opportunities of the group */
  paddedShare: Stats | null;
}

export interface CoverageSummary {
  /** padded / created opportunities (0 without a coverage rule) */
  paddedShare: Stats;
  /** pipeline value after padding / remaining quarterly quota (null without a coverage rule) */
  realisedCoverage: Stats | null;
  /** the multiple the rule required (global: the multiple in force; individual: 1 / own conversion), weighted by remaining quota */
  requiredCoverage: Stats | null;
  /** won / resolved opportunities over the horizon (padded included) */
  realisedWinRate: Stats | null;
  /** stalled / open opportunities over month ends (null without stalls) */
  stalledShare: Stats | null;
  byMonth: {
    /** won / resolved in the month */
    winRate: Stats[];
    /** pipeline velocity: value won in the month / open pipeline value */
    velocity: Stats[];
    /** stalled / open at the month's end (null without stalls) */
    stalledShare: Stats[] | null;
    /** the global multiple in force (null unless the policy is global) */
    multiple: Stats[] | null;
  };
  top20: WinRateGroup;
  bottom80: WinRateGroup;
}


/**
 * The columns the section reads: its own, the core's revenue and per-group revenue (reps/outputs.ts) and
 * the stalled figures (stalls/outputs.ts); summarize.ts checks the names against the registry's columns.
 */
type Read = ColumnReader<'wonOpps' | 'resolvedOpps' | 'revenue' | 'openValue' | 'stalledEnd' | 'openEnd' | 'multiple', 'paddedShare' | 'realisedCoverage' | 'requiredCoverage' | 'realisedWinRate' | 'stalledShare' | 'top20RevenuePerRep' | 'bottom80RevenuePerRep' | 'top20Attainment' | 'bottom80Attainment' | 'top20PaddedShare' | 'bottom80PaddedShare'>;

/** Per month, stats over the trials of num / den (trials where den is 0 left out; null when none is left). */
function ratioByMonth(src: Read, num: 'wonOpps' | 'revenue' | 'stalledEnd', den: 'resolvedOpps' | 'openValue' | 'openEnd'): Stats[] {
  const n = src.trials;
  const out: Stats[] = [];
  const buf = new Float64Array(n);
  for (let m = 0; m < src.months; m++) {
    const a = Float64Array.from(src.column(num, m));
    const b = src.column(den, m);
    for (let t = 0; t < n; t++) buf[t] = b[t] > 0 ? a[t] / b[t] : NaN;
    out.push(statsOrNull(buf) ?? stats([0]));
  }
  return out;
}

/** The coverage figures: padding, required and realised coverage, win rate, velocity, stalls, the multiple, the two win-rate groups. */
export function coverageSummary(s: Scenario, src: Read, hasQuota: boolean): CoverageSummary {
  const rule = s.coverage !== null && s.coverage.policy !== 'none';
  const zero = stats([0]);
  const isGlobal = s.coverage?.policy === 'global';
  return {
    paddedShare: stats(src.scalar('paddedShare')),
    realisedCoverage: rule ? statsOrNull(src.scalar('realisedCoverage')) : null,
    requiredCoverage: rule ? statsOrNull(src.scalar('requiredCoverage')) : null,
    realisedWinRate: statsOrNull(src.scalar('realisedWinRate')),
    stalledShare: s.stalls ? statsOrNull(src.scalar('stalledShare')) : null,
    byMonth: {
      winRate: ratioByMonth(src, 'wonOpps', 'resolvedOpps'),
      velocity: ratioByMonth(src, 'revenue', 'openValue'),
      stalledShare: s.stalls ? ratioByMonth(src, 'stalledEnd', 'openEnd') : null,
      multiple: isGlobal ? Array.from({ length: src.months }, (_, m) => stats(src.column('multiple', m))) : null,
    },
    top20: {
      revenuePerRep: statsOrNull(src.scalar('top20RevenuePerRep')) ?? zero,
      attainment: hasQuota ? statsOrNull(src.scalar('top20Attainment')) : null,
      paddedShare: rule ? statsOrNull(src.scalar('top20PaddedShare')) : null,
    },
    bottom80: {
      revenuePerRep: statsOrNull(src.scalar('bottom80RevenuePerRep')) ?? zero,
      attainment: hasQuota ? statsOrNull(src.scalar('bottom80Attainment')) : null,
      paddedShare: rule ? statsOrNull(src.scalar('bottom80PaddedShare')) : null,
    },
  };
}

/** The section's table in `salesim compare`'s report (the first of the sections' tables): each scenario's coverage, padding, stalls and win-rate groups. */
export const COMPARE: CompareSection<CoverageSummary> = {
  table: {
    order: 1,
    title: 'coverage (means over trials; top 20% / other 80% of reps by win rate):',
    headers: ['scenario', 'required', 'realised', 'padded', 'stalled', 'win rate', 'final multiple', 'revenue/rep', 'attainment', 'padded share'],
    row: (c, { money, pct }) => {
      const x2 = (v: { mean: number } | null | undefined) => (v ? `${v.mean.toFixed(2)}x` : '-');
      const pair = (a: { mean: number } | null | undefined, b: { mean: number } | null | undefined, f: (v: number) => string) => `${a ? f(a.mean) : '-'} / ${b ? f(b.mean) : '-'}`;
      const mult = c.byMonth.multiple;
      return [
        x2(c.requiredCoverage),
        x2(c.realisedCoverage),
        pct(c.paddedShare.mean),
        c.stalledShare ? pct(c.stalledShare.mean) : '-',
        c.realisedWinRate ? pct(c.realisedWinRate.mean) : '-',
        mult ? `${mult[mult.length - 1].mean.toFixed(2)}x` : '-',
        pair(c.top20.revenuePerRep, c.bottom80.revenuePerRep, money),
        pair(c.top20.attainment, c.bottom80.attainment, (v) => pct(v, 0)),
        pair(c.top20.paddedShare, c.bottom80.paddedShare, (v) => pct(v, 1)),
      ];
    },
  },
};

/** The section's headline lines of `salesim run`'s readable report (after the leadership line): coverage, padding, stalls, the final multiple, and the win-rate groups. */
export const REPORT: ReportBlock<{ readonly coverage: CoverageSummary | null }> = {
  order: 2,
  at: 'lines',
  text: ({ coverage: c }, { money, pct }) =>
    c
      ? `coverage: padded share ${pct(c.paddedShare.mean)}; realised coverage ${c.realisedCoverage ? c.realisedCoverage.mean.toFixed(2) + 'x' : '-'}` +
        `${c.requiredCoverage ? ` (required ${c.requiredCoverage.mean.toFixed(2)}x)` : ''}; realised win rate ${pct(c.realisedWinRate?.mean)}` +
        `${c.stalledShare ? `; stalled share ${pct(c.stalledShare.mean)}` : ''}${c.byMonth.multiple ? `; multiple in the last month ${c.byMonth.multiple[c.byMonth.multiple.length - 1].mean.toFixed(2)}x` : ''}` +
        `\n  top 20% / other 80% by win rate: revenue per rep ${money(c.top20.revenuePerRep.mean)} / ${money(c.bottom80.revenuePerRep.mean)}; attainment ${pct(c.top20.attainment?.mean)} / ${pct(c.bottom80.attainment?.mean)}; padded share ${pct(c.top20.paddedShare?.mean)} / ${pct(c.bottom80.paddedShare?.mean)}`
      : null,
};
