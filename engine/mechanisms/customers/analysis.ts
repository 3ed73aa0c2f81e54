/**
 * The customers block's part in the engine's analyses (its registry entry's `outcomes`, `tornado`,
 * `comparison` and `work`): ARR at the horizon as an outcome (a subscription scenario's headline: churn and expansion
 * move no bookings), the block's parameters in the tornado's default set, recurring revenue in a
 * paired comparison, and the customer events in a run's work estimate.
 */
import type { Scenario } from '../../scenario.js';
import type { OutcomeHook } from '../../kernel/outcome.js';
import type { WorkHook } from '../../kernel/work.js';
import type { CompareFormat, ComparisonHook } from '../../kernel/comparison.js';
import type { Stats } from '../../stats/statsType.js';
import { stats, wilson } from '../../stats/stats.js';
import { column, perTrialTotals, subtract, variance } from '../../stats/paired.js';
import type { CustomersSummary } from './summary.js';

/** ARR at the horizon: per trial the last month's end-of-month ARR; from a Summary its Stats and the SE of its mean. */
export const ARR = {
  name: 'arr',
  needs: 'a customers block',
  on: (s: Scenario) => !!s.customers,
  headline: true,
  trial: (r: { readonly recorded?: Readonly<Record<string, true>>; readonly months: number; readonly arr: ArrayLike<number> }, t: number) => (r.recorded?.customers ? r.arr[t * r.months + r.months - 1] : NaN),
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

/**
 * Recurring revenue in a comparison (both scenarios have a customers block): ARR at the horizon and
 * recognised subscription revenue over it, variant - baseline trial by trial, with the SE of each mean and
 * the share of trials where the variant's ARR is strictly higher. recognisedMargin = recognised revenue
 * difference - cost difference: the subscription view of the margin (the comparison's margin is on bookings).
 */
export interface ArrDifference {
  end: Stats;
  endStdError: number;
  recognised: Stats;
  recognisedStdError: number;
  recognisedMargin: Stats;
  recognisedMarginStdError: number;
  beatsBaseline: { probability: number; ci: [number, number] };
}

/** The results a comparison reads: whether the run recorded customers, its end-of-month ARR and recognised revenue. */
type Recorded = { readonly recorded?: Readonly<Record<string, true>>; readonly trials: number; readonly months: number; readonly arr: ArrayLike<number>; readonly recognised: ArrayLike<number> };

/** The comparison's `difference.arr`, and its lines in `salesim compare`. */
export const COMPARISON = {
  key: 'arr',
  difference: (base: Recorded, variant: Recorded, dCost: Float64Array): ArrDifference | undefined => {
    if (!base.recorded?.customers || !variant.recorded?.customers) return undefined;
    const { trials, months } = base;
    const se = (x: Float64Array) => (x.length > 1 ? Math.sqrt(variance(x) / x.length) : 0);
    const endCol = (r: Recorded) => column(r.arr, trials, months, months - 1);
    const dEnd = subtract(endCol(variant), endCol(base));
    const dRec = subtract(perTrialTotals(variant.recognised, trials, months), perTrialTotals(base.recognised, trials, months));
    const dRecMargin = subtract(dRec, dCost);
    let up = 0;
    for (let t = 0; t < trials; t++) if (dEnd[t] > 0) up++;
    return { end: stats(dEnd), endStdError: se(dEnd), recognised: stats(dRec), recognisedStdError: se(dRec), recognisedMargin: stats(dRecMargin), recognisedMarginStdError: se(dRecMargin), beatsBaseline: { probability: trials > 0 ? up / trials : 0, ci: wilson(up, trials) } };
  },
  text: (d: ArrDifference, { money, pct, signedMoney, range }: CompareFormat): string[] => [
    `  ARR at the horizon    P10 / P50 / P90 ${range(d.end, true)}   mean ${signedMoney(d.end.mean)} ± ${money(d.endStdError)} (SE); P(higher ARR) ${pct(d.beatsBaseline.probability)}`,
    `  recognised revenue    mean ${signedMoney(d.recognised.mean)} ± ${money(d.recognisedStdError)} (SE); minus the cost difference ${signedMoney(d.recognisedMargin.mean)} ± ${money(d.recognisedMarginStdError)} (SE)`,
    `  (revenue and margin below are bookings: in a subscription model read ARR and recognised revenue)`,
  ],
} as const satisfies ComparisonHook;

/**
 * Every won deal is recorded (and becomes a customer); the initial base (a count, or the steady state's
 * mean) and the referral deals a customer brings a month; the customers' columns have width.
 */
export const WORK: WorkHook = (s, c) => {
  const cu = c.customers;
  return {
    factors: {
      recordDeals: cu !== null,
      initialCustomers: cu ? (cu.initial === 1 ? cu.initialCount : cu.initial === 2 ? cu.steadyMean : 0) : 0,
      referralWonPerCustomerMonth: cu && cu.referrals ? ((s.customers?.referrals?.perCustomerPerYear ?? 0) / 12) * cu.referralWin : 0,
    },
  };
};
