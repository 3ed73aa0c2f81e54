/** The demand block's section of the Summary (`summary.demand`). */
import type { Scenario } from '../../scenario.js';
import type { TrialColumns, WideKey } from '../../columns.js';
import type { DemandSummary } from '../../types.js';
import { stats, statsOrNull } from '../../stats/stats.js';
import { monthlyAnnual } from '../../kernel/summaryParts.js';

/** The demand part of the Summary (the scenario has a demand block). */
export function demandSummary(s: Scenario, src: TrialColumns): DemandSummary {
  const n = src.trials;
  const flow = (key: WideKey) => {
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
