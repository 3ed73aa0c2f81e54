/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';
import { PAYOUT_BINS } from './types.js';

const on = (l: { compensation?: boolean }) => (l.compensation ? 1 : 0);

export const COLUMNS = {
  compCost: { width: on, read: 'scalar', doc: 'rep pay under the compensation plan: base, commission, guarantee top-ups and SPIFs' },
  compBase: { width: on, read: 'scalar', doc: 'base salaries paid' },
  compCommission: { width: on, read: 'scalar', doc: 'commission paid on attainment (after decelerator, accelerators and cap)' },
  compGuarantee: { width: on, read: 'scalar', doc: "guarantee top-ups paid to new hires (non-recoverable draws)" },
  compSpif: { width: on, read: 'scalar', doc: 'SPIF pay' },
  costOfSales: { width: on, read: 'scalar', doc: 'rep pay / revenue (NaN without revenue)' },
  shareAtCap: { width: on, read: 'scalar', doc: 'share of person-years (seated >= 3 months of the plan year) whose variable reached the cap (NaN without a cap)' },
  payoutHist: { width: (l) => on(l) * PAYOUT_BINS, read: 'summed', doc: 'person-years by variable earned / target variable, in bins of 0.25 (the last open)' },
} as const satisfies Columns;
