/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  arr: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'end-of-month ARR; ARR won (new), expansion and churned ARR in the month; end-of-month customers' },
  newArr: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'ARR won in the month' },
  expansionArr: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'expansion ARR in the month' },
  churnedArr: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'churned ARR in the month' },
  customerCount: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'end-of-month customers' },
  recognised: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'subscription revenue recognised in the month (end-of-month ARR / 12)' },
  referralOpps: { width: (l) => l.recorded?.customers ? l.months : 0, read: 'wide', doc: 'referral opportunities created in the month' },
  grr: { width: (l) => l.recorded?.customers ? l.years : 0, read: 'wide', doc: 'gross and net revenue retention per plan year (NaN when no customer was present at the year\'s start), index = trial * years + y' },
  nrr: { width: (l) => l.recorded?.customers ? l.years : 0, read: 'wide', doc: 'net revenue retention per plan year (NaN when no customer was present at the year\'s start), index = trial * years + y' },
  newCustomers: { width: (l) => l.recorded?.customers ? 1 : 0, read: 'scalar', doc: 'per trial: customers won, CAC (sales cost / customers won; NaN without costs), LTV, CAC payback months, customer-experience cost' },
  cac: { width: (l) => l.recorded?.customers ? 1 : 0, read: 'scalar', doc: 'sales cost / customers won (NaN without costs)' },
  ltv: { width: (l) => l.recorded?.customers ? 1 : 0, read: 'scalar', doc: 'lifetime value of the customers won' },
  cacPayback: { width: (l) => l.recorded?.customers ? 1 : 0, read: 'scalar', doc: 'CAC payback months' },
  csCost: { width: (l) => l.recorded?.customers ? 1 : 0, read: 'scalar', doc: 'customer-experience programme cost', breakdown: { item: 'customerSuccess', when: (s) => !!s.customers } },
} as const satisfies Columns;
