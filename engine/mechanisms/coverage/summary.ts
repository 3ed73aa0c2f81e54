/** The coverage figures' section of the Summary (`summary.coverage`: coverage, selling time or stalls on). */
import type { Scenario } from '../../scenario.js';
import type { TrialColumns } from '../../columns.js';
import type { CoverageSummary, Stats } from '../../types.js';
import { stats, statsOrNull } from '../../stats/stats.js';

/** Per month, stats over the trials of num / den (trials where den is 0 left out; null when none is left). */
function ratioByMonth(src: TrialColumns, num: 'wonOpps' | 'revenue' | 'stalledEnd', den: 'resolvedOpps' | 'openValue' | 'openEnd'): Stats[] {
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
export function coverageSummary(s: Scenario, src: TrialColumns, hasQuota: boolean): CoverageSummary {
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
