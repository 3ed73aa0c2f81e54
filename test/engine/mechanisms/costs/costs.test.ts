import { describe, expect, it } from 'vitest';
import { managers, COST } from '../../../../engine/mechanisms/costs/costs.js';
import { summarize } from '../../../../engine/index.js';
import { scenario, simulate, totals } from '../../../helpers/scenarios.js';

describe('costs', () => {
  it('managers = ceil(seated / span)', () => {
    expect(managers(17, 8)).toBe(3);
    expect(managers(16, 8)).toBe(2);
    expect(managers(0, 8)).toBe(0);
    expect(managers(5, null)).toBe(0);
  });
  it('rep and manager costs per month, exactly', () => {
    const s = scenario({ horizonMonths: 12, costs: { repAnnualCost: 120000, managerSpan: 8, managerAnnualCost: 240000 } }, { seats: 40 });
    const r = simulate(s, { trials: 3, seed: 1 });
    for (let t = 0; t < 3; t++) {
      expect(r.costItems[t * 6 + COST.reps]).toBeCloseTo(40 * 120000, 6);
      expect(r.costItems[t * 6 + COST.managers]).toBeCloseTo(5 * 240000, 6);
    }
  });
  it('hiring, vacancy and leader-search costs follow their counts; margin and ROI per trial', () => {
    const s = scenario(
      {
        horizonMonths: 24,
        hiring: { costPerHire: 1000, timeToFillMonths: 2 },
        attrition: { annualRate: 0.4 },
        leadership: { tenureMonths: { mean: 6 } },
        costs: { repAnnualCost: 12000, leaderSearchCost: 500, vacancyMonthlyCost: 100 },
      },
      { seats: 10, dealSize: 1000 },
    );
    const r = simulate(s, { trials: 50, seed: 2 });
    for (let t = 0; t < 50; t++) {
      expect(r.costItems[t * 6 + COST.hiring]).toBe(1000 * r.hires[t]);
      expect(r.costItems[t * 6 + COST.leadership]).toBe(500 * r.leaderChanges[t]);
      let vac = 0;
      for (let m = 0; m < 24; m++) vac += r.vacant[t * 24 + m];
      expect(r.costItems[t * 6 + COST.vacancy]).toBeCloseTo(100 * vac, 6);
    }
    const sum = summarize(s, r);
    const rev = totals(r);
    let cost0 = 0;
    for (let m = 0; m < 24; m++) cost0 += r.cost[m];
    expect(sum.margin.mean).toBeCloseTo(sum.revenue.total.mean - sum.cost.total.mean, 4);
    expect(sum.roi).not.toBeNull();
    expect(rev[0] - cost0).toBeCloseTo(rev[0] - cost0, 6);
  });
  it('no costs block: ROI is null', () => {
    const s = scenario({ horizonMonths: 3 });
    expect(summarize(s, simulate(s, { trials: 5, seed: 1 })).roi).toBeNull();
  });
});
