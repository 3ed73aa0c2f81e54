/**
 * The TrialResults fields of the engine before the optional blocks of the second round (market, empirical
 * deal sizes, coverage figures, customers, ...): golden hashes taken then cover these and no field added
 * since, so a new output array does not break a bit-identity pin.
 */
export const PINNED_KEYS = [
  'attainmentCounts', 'attainments', 'bottom80RevenuePerRep', 'cost', 'costItems', 'disrupted', 'exits', 'from', 'gini', 'headcount', 'hires',
  'leaderChanges', 'leaderPresent', 'lorenz', 'meanAttainment', 'months', 'monthsWithoutLeader', 'padded', 'paddedShare', 'productive',
  'programmesLost', 'ramping', 'realisedCoverage', 'revenue', 'shareAtQuota', 'territories', 'territoryRevenue', 'top20RevenuePerRep',
  'top20Share', 'trials', 'vacant', 'years',
];

/** The pinned fields of `r` in sorted order; throws when one is missing (every hash would then differ). */
export function pinnedEntries(r: object): [string, unknown][] {
  const rec = r as Record<string, unknown>;
  for (const k of PINNED_KEYS) if (!(k in rec)) throw new Error(`results lack the pinned field ${k}`);
  return Object.keys(rec)
    .sort()
    .filter((k) => PINNED_KEYS.includes(k))
    .map((k) => [k, rec[k]]);
}
