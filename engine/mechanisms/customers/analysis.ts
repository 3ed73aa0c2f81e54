/**
 * The customers block's part in the engine's analyses (its registry entry's `outcomes` and `tornado`):
 * ARR at the horizon as an outcome (a subscription scenario's headline: churn and expansion move no
 * bookings), and the block's parameters in the tornado's default set.
 */
import type { Scenario } from '../../scenario.js';
import type { OutcomeHook } from '../../kernel/outcome.js';
import type { CustomersSummary } from './summary.js';

/** ARR at the horizon: per trial the last month's end-of-month ARR; from a Summary its Stats and the SE of its mean. */
export const ARR = {
  name: 'arr',
  needs: 'a customers block',
  on: (s: Scenario) => !!s.customers,
  headline: true,
  trial: (r: { readonly customers?: boolean; readonly months: number; readonly arr: ArrayLike<number> }, t: number) => (r.customers ? r.arr[t * r.months + r.months - 1] : NaN),
  summary: (sum: { readonly customers?: CustomersSummary }) => (sum.customers ? { stats: sum.customers.arr.monthly[sum.customers.arr.monthly.length - 1], stdError: sum.customers.arrStdError } : null),
} as const satisfies OutcomeHook;

/** Churn and expansion, and the referral and customer-experience rates when those are on. */
export const TORNADO = {
  order: 5,
  params: (s: Scenario): string[] => {
    const c = s.customers;
    if (!c) return [];
    const out = ['customers.annualChurn', 'customers.annualExpansion'];
    if (c.referrals) out.push('customers.referrals.perCustomerPerYear', 'customers.referrals.winRate');
    if (c.experience) out.push('customers.experience.churnCut', 'customers.experience.expansionLift');
    return out;
  },
};
