/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns, type ResultLayout } from '../../kernel/outputs.js';

/** Widths of this mechanism's columns: recorded only while it is on (the registry's `recorded`). */
const on = (l: ResultLayout) => l.recorded?.customers === true;
const perMonth = (l: ResultLayout) => (on(l) ? l.months : 0);
const perYear = (l: ResultLayout) => (on(l) ? l.years : 0);
const perTrial = (l: ResultLayout) => (on(l) ? 1 : 0);

export const COLUMNS = {
  arr: { width: perMonth, read: 'wide', doc: 'end-of-month ARR; ARR won (new), expansion and churned ARR in the month; end-of-month customers' },
  newArr: { width: perMonth, read: 'wide', doc: 'ARR won in the month' },
  expansionArr: { width: perMonth, read: 'wide', doc: 'expansion ARR in the month' },
  churnedArr: { width: perMonth, read: 'wide', doc: 'churned ARR in the month' },
  customerCount: { width: perMonth, read: 'wide', doc: 'end-of-month customers' },
  recognised: { width: perMonth, read: 'wide', doc: 'subscription revenue recognised in the month (end-of-month ARR / 12)' },
  referralOpps: { width: perMonth, read: 'wide', doc: 'referral opportunities created in the month' },
  grr: { width: perYear, read: 'wide', doc: 'gross and net revenue retention per plan year (NaN when no customer was present at the year\'s start), index = trial * years + y' },
  nrr: { width: perYear, read: 'wide', doc: 'net revenue retention per plan year (NaN when no customer was present at the year\'s start), index = trial * years + y' },
  newCustomers: { width: perTrial, read: 'scalar', doc: 'per trial: customers won, CAC (sales cost / customers won; NaN without costs), LTV, CAC payback months, customer-experience cost' },
  cac: { width: perTrial, read: 'scalar', doc: 'sales cost / customers won (NaN without costs)' },
  ltv: { width: perTrial, read: 'scalar', doc: 'lifetime value of the customers won' },
  cacPayback: { width: perTrial, read: 'scalar', doc: 'CAC payback months' },
  csCost: { width: perTrial, read: 'scalar', doc: 'customer-experience programme cost', breakdown: { item: 'customerSuccess', when: (s) => !!s.customers } },
} as const satisfies Columns;
