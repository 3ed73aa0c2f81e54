/**
 * The demand block's part in the engine's analyses and estimates (its registry entry's `tornado` and
 * `work`): its parameters in the tornado's default set, and the marketing-sourced deals in a run's work.
 */
import type { Scenario } from '../../scenario.js';
import type { WorkHook } from '../../kernel/work.js';

/** Leads (or the budget that buys them), qualified share, hand-off loss, quality, and nurture conversion with a nurture programme. */
export const TORNADO = {
  order: 6,
  params: (s: Scenario): string[] => {
    const d = s.demand;
    if (!d) return [];
    const out = [d.budgetPerMonth != null ? 'demand.budgetPerMonth' : typeof d.leadsPerMonth === 'number' ? 'demand.leadsPerMonth' : 'demand.leadsPerMonth.mean'];
    out.push('demand.qualifiedShare', 'demand.handoffLoss', 'demand.quality');
    if (d.nurture) out.push('demand.nurture.monthlyConversion');
    return out;
  },
};

/** Qualified marketing opportunities a month, won at quality x the win share; the demand columns have width. */
export const WORK: WorkHook = (_s, c, { winShare }) => {
  const d = c.demand;
  return { factors: { marketingWonPerMonth: d ? d.leadMean * d.qualified * d.handoffKeep * d.quality * winShare : 0 } };
};
