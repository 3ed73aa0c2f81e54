/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { LORENZ_POINTS, type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  revenue: { width: (l) => l.months, read: 'wide', doc: 'revenue booked in each month' },
  cost: { width: (l) => l.months, read: 'wide', doc: 'cost of each month (all items)' },
  headcount: { width: (l) => l.months, read: 'wide', doc: 'end-of-month seated reps, productive (ramp done), ramping, vacant seats (open requisitions)' },
  productive: { width: (l) => l.months, read: 'wide', doc: 'end-of-month productive reps (ramp done)' },
  ramping: { width: (l) => l.months, read: 'wide', doc: 'end-of-month ramping reps' },
  vacant: { width: (l) => l.months, read: 'wide', doc: 'end-of-month vacant seats (open requisitions)' },
  shareAtQuota: { width: () => 1, read: 'scalar', doc: 'share of person-years at or above quota (NaN when no quota)' },
  meanAttainment: { width: () => 1, doc: 'mean attainment of person-years in the trial (NaN when no quota)' },
  top20Share: { width: () => 1, read: 'scalar', doc: 'share of person revenue held by the top 20% of persons (1 - L(0.8))' },
  gini: { width: () => 1, read: 'scalar', doc: 'Gini coefficient of person revenue' },
  lorenz: { width: (l) => LORENZ_POINTS, read: 'summed', doc: 'Lorenz curve of person revenue, LORENZ_POINTS per trial' },
  top20RevenuePerRep: { width: () => 1, read: 'scalar', doc: 'revenue per person of the top 20% by base win rate' },
  bottom80RevenuePerRep: { width: () => 1, read: 'scalar', doc: 'revenue per person of the other 80%' },
} as const satisfies Columns;
