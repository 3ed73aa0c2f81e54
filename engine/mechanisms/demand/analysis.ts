/** The demand block's part in the engine's analyses (its registry entry's `tornado`): its parameters in the tornado's default set. */
import type { Scenario } from '../../scenario.js';

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
