/** The customers block's section of the Summary (`summary.customers`). */
import type { TrialColumns } from '../../columns.js';
import type { CustomersSummary } from '../../types.js';
import { stats, statsOrNull } from '../../stats/stats.js';
import { monthlyAnnual } from '../../kernel/summaryParts.js';

/** The customers part of the Summary (the scenario has a customers block). */
export function customersSummary(src: TrialColumns): CustomersSummary {
  const n = src.trials;
  const years = Math.ceil(src.months / 12);
  const total = new Float64Array(n);
  const recognised = monthlyAnnual(src, 'recognised', true, total);
  const arr = monthlyAnnual(src, 'arr', false);
  const perYear = (key: 'grr' | 'nrr') => Array.from({ length: years }, (_, y) => statsOrNull(src.column(key, y)));
  const end = arr.annual[arr.annual.length - 1];
  return {
    arr,
    newArr: monthlyAnnual(src, 'newArr', true),
    expansionArr: monthlyAnnual(src, 'expansionArr', true),
    churnedArr: monthlyAnnual(src, 'churnedArr', true),
    customers: monthlyAnnual(src, 'customerCount', false),
    recognisedRevenue: { ...recognised, total: stats(total) },
    grr: perYear('grr'),
    nrr: perYear('nrr'),
    newCustomers: stats(src.scalar('newCustomers')),
    cac: statsOrNull(src.scalar('cac')),
    ltv: statsOrNull(src.scalar('ltv')),
    cacPaybackMonths: statsOrNull(src.scalar('cacPayback')),
    referralOpportunities: { monthly: Array.from({ length: src.months }, (_, m) => stats(src.column('referralOpps', m))) },
    customerSuccessCost: stats(src.scalar('csCost')),
    arrStdError: end.sd / Math.sqrt(n),
  };
}
