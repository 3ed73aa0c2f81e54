/** The customers block's section of the Summary (`summary.customers`). */
import type { ColumnReader, CsvColumn, ReportBlock } from '../../kernel/outputs.js';
import type { CompareSection } from '../../kernel/comparison.js';
import type { Stats } from '../../stats/statsType.js';
import type { MonthlyAnnual } from '../../kernel/summaryParts.js';
import { stats, statsOrNull } from '../../stats/stats.js';
import { monthlyAnnual } from '../../kernel/summaryParts.js';

/** Recurring revenue (present only when the scenario has a customers block). */
export interface CustomersSummary {
  /** end-of-month ARR; annual = at each plan year's end */
  arr: MonthlyAnnual;
  /** ARR won, expanded and churned in the month; annual = the year's sum */
  newArr: MonthlyAnnual;
  expansionArr: MonthlyAnnual;
  churnedArr: MonthlyAnnual;
  /** end-of-month customers; annual = at each plan year's end */
  customers: MonthlyAnnual;
  /** subscription revenue recognised (end-of-month ARR / 12); annual = the year's sum */
  recognisedRevenue: MonthlyAnnual & { total: Stats };
  /** per plan year, of the ARR present at the year's start: gross (churn only) and net (with expansion) retention; null when no trial had customers then */
  grr: (Stats | null)[];
  nrr: (Stats | null)[];
  /** customers won over the horizon (sales and referrals) */
  newCustomers: Stats;
  /** per trial: (sales cost, without the customer-experience programme) / customers won; null without costs */
  cac: Stats | null;
  /** mean ACV won x grossMargin x expected months (5-year cap) at the horizon's churn and expansion / 12 */
  ltv: Stats | null;
  /** CAC / (mean ACV x grossMargin / 12) */
  cacPaybackMonths: Stats | null;
  referralOpportunities: { monthly: Stats[] };
  customerSuccessCost: Stats;
  /** standard error of mean end-of-horizon ARR */
  arrStdError: number;
}


/** The columns the section reads (its own: engine/mechanisms/customers/outputs.ts). */
type Read = ColumnReader<'recognised' | 'arr' | 'newArr' | 'expansionArr' | 'churnedArr' | 'customerCount' | 'grr' | 'nrr' | 'referralOpps', 'newCustomers' | 'cac' | 'ltv' | 'cacPayback' | 'csCost'>;

/** The customers part of the Summary (the scenario has a customers block). */
export function customersSummary(_s: unknown, src: Read): CustomersSummary {
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

/** The section's monthly columns of `salesim run --monthly-csv`. */
export const CSV: readonly CsvColumn<CustomersSummary>[] = [
  ['arr_mean', (c, i) => c.arr.monthly[i].mean],
  ['arr_p10', (c, i) => c.arr.monthly[i].p10],
  ['arr_p50', (c, i) => c.arr.monthly[i].p50],
  ['arr_p90', (c, i) => c.arr.monthly[i].p90],
  ['new_arr_mean', (c, i) => c.newArr.monthly[i].mean],
  ['expansion_arr_mean', (c, i) => c.expansionArr.monthly[i].mean],
  ['churned_arr_mean', (c, i) => c.churnedArr.monthly[i].mean],
  ['customers_mean', (c, i) => c.customers.monthly[i].mean],
  ['recognised_mean', (c, i) => c.recognisedRevenue.monthly[i].mean],
];

/**
 * The section's block of `salesim run`'s readable report: ARR, its flows, customers, retention and
 * recognised revenue by plan year, ARR at the horizon with its SE, and the unit economics (printed after
 * the cost line, before the demand block).
 */
export const REPORT: ReportBlock<{ readonly customers?: CustomersSummary }> = {
  order: 1,
  text: ({ customers: c }, { money, pct, table }) => {
    if (!c) return null;
    const rows = [['recurring revenue', ...c.arr.annual.map((_, i) => `year ${i + 1}`)]];
    const row = (label: string, f: (y: number) => string) => rows.push([label, ...c.arr.annual.map((_, y) => f(y))]);
    row('ARR at year end P10', (y) => money(c.arr.annual[y].p10));
    row('ARR at year end P50', (y) => money(c.arr.annual[y].p50));
    row('ARR at year end P90', (y) => money(c.arr.annual[y].p90));
    row('new ARR (mean)', (y) => money(c.newArr.annual[y].mean));
    row('expansion ARR (mean)', (y) => money(c.expansionArr.annual[y].mean));
    row('churned ARR (mean)', (y) => money(c.churnedArr.annual[y].mean));
    row('customers at year end', (y) => c.customers.annual[y].mean.toFixed(1));
    row('gross revenue retention', (y) => (c.grr[y] ? pct(c.grr[y]!.mean) : '-'));
    row('net revenue retention', (y) => (c.nrr[y] ? pct(c.nrr[y]!.mean) : '-'));
    row('recognised revenue', (y) => money(c.recognisedRevenue.annual[y].mean));
    const out = [table(rows)];
    const H = c.arr.monthly.length;
    out.push(`ARR at month ${H}: ${money(c.arr.monthly[H - 1].mean)} ± ${money(c.arrStdError)} (mean ± se); customers won ${c.newCustomers.mean.toFixed(1)}`);
    const unit = [
      c.ltv ? `LTV ${money(c.ltv.mean)}` : null,
      c.cac ? `CAC ${money(c.cac.mean)}` : null,
      c.cacPaybackMonths ? `CAC payback ${c.cacPaybackMonths.mean.toFixed(1)} months` : null,
      c.customerSuccessCost.mean > 0 ? `customer-experience cost ${money(c.customerSuccessCost.mean)}` : null,
    ].filter((x) => x !== null);
    if (unit.length) out.push(unit.join('; '));
    return out.join('\n');
  },
};

/** The section's columns of `salesim compare`'s table of scenarios (when the baseline has customers): ARR at the horizon and NRR in the last plan year. */
export const COMPARE: CompareSection<CustomersSummary> = {
  columns: {
    headers: ['ARR at horizon P10 / P50 / P90', 'NRR last year'],
    cells: (c, { pct, range }) => [c ? range(c.arr.monthly[c.arr.monthly.length - 1]) : '-', c?.nrr[c.nrr.length - 1] ? pct(c.nrr[c.nrr.length - 1]!.mean) : '-'],
  },
};
