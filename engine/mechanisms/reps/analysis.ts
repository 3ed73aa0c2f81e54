/** The core's part in the engine's analyses (its registry entry's `tornado`): its parameters in the tornado's default set, listed first. */
import type { Scenario } from '../../scenario.js';

/** The win rate's mean (each tier's with tiers), opportunities per month, the deal size's median and the cycle. */
export const TORNADO = {
  order: 0,
  params: (s: Scenario): string[] => {
    const out: string[] = [];
    const w = s.reps.winRate;
    if (typeof w === 'number') out.push('reps.winRate');
    else if ('mean' in w) out.push('reps.winRate.mean');
    else w.tiers.forEach((_, i) => out.push(`reps.winRate.tiers[${i}].mean`));
    out.push('reps.opportunitiesPerMonth');
    out.push(typeof s.reps.dealSize === 'number' ? 'reps.dealSize' : 'reps.dealSize.median');
    out.push('reps.cycleMonths');
    return out;
  },
};
