/** The demand block's section of the Summary (`summary.demand`). */
import type { Scenario } from '../../scenario.js';
import type { ColumnReader, CsvColumn, ReportBlock } from '../../kernel/outputs.js';
import type { CompareSection } from '../../kernel/comparison.js';
import type { Stats } from '../../stats/statsType.js';
import type { MonthlyAnnual } from '../../kernel/summaryParts.js';
import { stats, statsOrNull } from '../../stats/stats.js';
import { monthlyAnnual } from '../../kernel/summaryParts.js';

/** Demand generation (present only when the scenario has a demand block). */
export interface DemandSummary {
  /** leads arrived; annual = the year's sum; total over the horizon */
  leads: MonthlyAnnual & { total: Stats };
  /** qualified opportunities (after the qualification delay, nurture conversions included, before the hand-off) */
  qualified: MonthlyAnnual & { total: Stats };
  /** marketing-sourced opportunities created in the reps' pipelines (after the hand-off and territory saturation) */
  opportunities: MonthlyAnnual & { total: Stats };
  /** marketing-sourced deals won, and their revenue */
  won: MonthlyAnnual & { total: Stats };
  revenue: MonthlyAnnual & { total: Stats };
  /** end-of-month nurture pool; annual = at each plan year's end (null without a nurture programme) */
  nurturePool: MonthlyAnnual | null;
  /** end-of-month leads waiting for an SDR (null without SDRs) */
  backlog: MonthlyAnnual | null;
  /** per trial: marketing-sourced / all created (not padded) opportunities, and / all revenue */
  shareOfPipeline: Stats | null;
  shareOfRevenue: Stats | null;
  /** demand cost over the horizon: leads (or budget), SDRs, nurture programme, and their sum */
  cost: { total: Stats; leads: Stats; sdr: Stats; nurture: Stats };
  /** ratios of means: mean lead spend (leads or budget) / mean leads; mean demand cost (leads, SDRs, nurturing) / mean marketing-sourced opportunities and won deals (null when the denominator is 0) */
  costPerLead: number | null;
  costPerOpportunity: number | null;
  costPerWonDeal: number | null;
  /** marketing ROI: (mean marketing-sourced revenue - mean demand cost) / mean demand cost (null without demand cost) */
  roi: number | null;
  /** standard error of mean marketing-sourced revenue over the horizon */
  revenueStdError: number;
}


/** The columns the section reads (its own: engine/mechanisms/demand/outputs.ts). */
type Wide = 'leads' | 'qualifiedOpps' | 'nurturePool' | 'leadBacklog' | 'marketingOpps' | 'marketingWon' | 'marketingRevenue';
type Read = ColumnReader<Wide, 'marketingCostLeads' | 'marketingCostSdr' | 'marketingCostNurture' | 'marketingOppShare' | 'marketingRevenueShare'>;

/** The demand part of the Summary (the scenario has a demand block). */
export function demandSummary(s: Scenario, src: Read): DemandSummary {
  const n = src.trials;
  const flow = (key: Wide) => {
    const total = new Float64Array(n);
    return { ...monthlyAnnual(src, key, true, total), total: stats(total) };
  };
  const leads = flow('leads');
  const opportunities = flow('marketingOpps');
  const won = flow('marketingWon');
  const revenue = flow('marketingRevenue');
  const costLeads = src.scalar('marketingCostLeads');
  const costSdr = src.scalar('marketingCostSdr');
  const costNurture = src.scalar('marketingCostNurture');
  const cost = new Float64Array(n);
  for (let t = 0; t < n; t++) cost[t] = costLeads[t] + costSdr[t] + costNurture[t];
  const leadSpend = stats(costLeads);
  const costMean = cost.reduce((a, b) => a + b, 0) / n;
  const per = (mean: number) => (costMean > 0 && mean > 0 ? costMean / mean : null);
  return {
    leads,
    qualified: flow('qualifiedOpps'),
    opportunities,
    won,
    revenue,
    nurturePool: s.demand?.nurture ? monthlyAnnual(src, 'nurturePool', false) : null,
    backlog: s.demand?.sdr ? monthlyAnnual(src, 'leadBacklog', false) : null,
    shareOfPipeline: statsOrNull(src.scalar('marketingOppShare')),
    shareOfRevenue: statsOrNull(src.scalar('marketingRevenueShare')),
    cost: { total: stats(cost), leads: leadSpend, sdr: stats(costSdr), nurture: stats(costNurture) },
    costPerLead: leads.total.mean > 0 && leadSpend.mean > 0 ? leadSpend.mean / leads.total.mean : null,
    costPerOpportunity: per(opportunities.total.mean),
    costPerWonDeal: per(won.total.mean),
    roi: costMean > 0 ? (revenue.total.mean - costMean) / costMean : null,
    revenueStdError: revenue.total.sd / Math.sqrt(n),
  };
}

/** The section's monthly columns of `salesim run --monthly-csv` (the funnel's monthly means). */
export const CSV: readonly CsvColumn<DemandSummary>[] = [
  ['leads_mean', (d, i) => d.leads.monthly[i].mean],
  ['qualified_mean', (d, i) => d.qualified.monthly[i].mean],
  ['marketing_opps_mean', (d, i) => d.opportunities.monthly[i].mean],
  ['marketing_won_mean', (d, i) => d.won.monthly[i].mean],
  ['marketing_revenue_mean', (d, i) => d.revenue.monthly[i].mean],
  ['nurture_pool_mean', (d, i) => d.nurturePool?.monthly[i].mean ?? 0],
  ['lead_backlog_mean', (d, i) => d.backlog?.monthly[i].mean ?? 0],
];

/**
 * The section's block of `salesim run`'s readable report: the funnel by plan year, the marketing-sourced
 * shares, the demand cost and its unit costs, marketing ROI (printed after the customers block).
 */
export const REPORT: ReportBlock<{ readonly demand?: DemandSummary }> = {
  order: 2,
  text: ({ demand: d }, { money, pct, table }) => {
    if (!d) return null;
    const years = d.leads.annual;
    const rows = [['demand funnel (means)', ...years.map((_, i) => `year ${i + 1}`), 'total']];
    const row = (label: string, f: { annual: { mean: number }[]; total: { mean: number } }, fmt = (v: number) => v.toFixed(0)) => rows.push([label, ...f.annual.map((a) => fmt(a.mean)), fmt(f.total.mean)]);
    row('leads', d.leads);
    row('qualified opportunities', d.qualified);
    row('marketing-sourced opps', d.opportunities);
    row('marketing-sourced wins', d.won);
    row('marketing-sourced revenue', d.revenue, money);
    if (d.nurturePool) rows.push(['nurture pool at year end', ...d.nurturePool.annual.map((a) => a.mean.toFixed(0)), '']);
    if (d.backlog) rows.push(['leads waiting for an SDR', ...d.backlog.annual.map((a) => a.mean.toFixed(0)), '']);
    const out = [table(rows)];
    out.push(`marketing-sourced share: of created opportunities ${pct(d.shareOfPipeline?.mean)}, of revenue ${pct(d.shareOfRevenue?.mean)}; marketing-sourced revenue ${money(d.revenue.total.mean)} ± ${money(d.revenueStdError)} (mean ± se)`);
    const per = (label: string, v: number | null) => `${label} ${v === null ? '-' : money(v)}`;
    out.push(
      `demand cost ${money(d.cost.total.mean)} (leads ${money(d.cost.leads.mean)}, SDRs ${money(d.cost.sdr.mean)}, nurture ${money(d.cost.nurture.mean)}); ${per('per lead', d.costPerLead)}, ${per('per opportunity', d.costPerOpportunity)}, ${per('per won deal', d.costPerWonDeal)}; marketing ROI ${d.roi === null ? '-' : pct(d.roi)} (marketing-sourced bookings - demand cost) / demand cost`,
    );
    return out.join('\n');
  },
};

/** The section's table in `salesim compare`'s report (after the coverage table): each scenario's funnel, marketing-sourced share and revenue, cost and ROI. */
export const COMPARE: CompareSection<DemandSummary> = {
  table: {
    order: 2,
    title: 'demand generation (means over trials; marketing-sourced = from leads, after the hand-off):',
    headers: ['scenario', 'leads', 'qualified', 'mkt opps', 'mkt share of revenue', 'mkt revenue', 'demand cost', 'cost / won deal', 'marketing ROI'],
    row: (d, { money, pct }) => [d.leads.total.mean.toFixed(0), d.qualified.total.mean.toFixed(0), d.opportunities.total.mean.toFixed(0), pct(d.shareOfRevenue?.mean), money(d.revenue.total.mean), money(d.cost.total.mean), d.costPerWonDeal === null ? '-' : money(d.costPerWonDeal), d.roi === null ? '-' : pct(d.roi)],
  },
};
