/**
 * On the core model with no open pipeline and known bookings to date, P(plan | bookings to date) is the
 * closed form of the compound Poisson remaining revenue: with cycleMonths 1 every opportunity resolves in
 * its month, so the wins of the 6 remaining months are Poisson(seats x rate x (1 - noDecision) x p x 6),
 * thinned over a two-price list into independent Poissons.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../../engine/forecast/prepare.js';

const SEATS = 5,
  RATE = 3,
  P = 0.4,
  ND = 0.25,
  PRICES = [10_000, 30_000];

const scenario = {
  horizonMonths: 12,
  reps: { seats: SEATS, opportunitiesPerMonth: RATE, winRate: P, dealSize: { empirical: PRICES }, cycleMonths: 1, noDecisionRate: ND },
  quota: { method: 'flat', annualPerRep: 240_000, plan: 1_150_000 },
};

/** An export shaped like a CRM's: won and lost deals this year at list prices, a prospect row without a created date, every deal closed by June 30. */
function exportCsv(): { csv: string; booked: number } {
  const rows = ['Opportunity Name,Opportunity Owner,Created Date,Close Date,Stage,Amount'];
  let booked = 0;
  let id = 1;
  for (let r = 0; r < SEATS; r++) {
    const owner = `Rep ${r + 1}`;
    for (let m = 1; m <= 6; m++) {
      const won = PRICES[(r + m) % 2];
      const mm = String(m).padStart(2, '0');
      rows.push(`Deal ${id++},${owner},2025-${mm}-02,2025-${mm}-20,Closed Won,"$${won.toLocaleString('en-US')}.00"`);
      booked += won;
      rows.push(`Deal ${id++},${owner},2025-${mm}-03,2025-${mm}-25,Closed Lost,${PRICES[0]}`);
    }
    // last year's win: not booked this year
    rows.push(`Deal ${id++},${owner},2024-11-04,2024-12-15,Closed Won,${PRICES[1]}`);
  }
  rows.push('Lead 1,Rep 1,,,Prospecting,');
  return { csv: rows.join('\n') + '\n', booked };
}

function poissonPmf(lambda: number, kMax: number): number[] {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= kMax; k++) out.push((out[k - 1] * lambda) / k);
  return out;
}

describe('forecast on the core model (closed form)', () => {
  it('P(plan | bookings to date) and the expected gap equal the compound Poisson closed form within SE', () => {
    const { csv, booked } = exportCsv();
    const trials = 4000;
    const r = forecast({ opportunities: csv, scenario, asOf: '2025-06-30' }, { trials, seed: 17 });
    expect(r.booked).toBe(booked);
    expect(r.open.deals).toBe(0);
    expect(r.team).toEqual({ source: 'export', seated: SEATS, ramping: 0, vacant: 0 });
    // remaining revenue: 10k x W1 + 30k x W2, W1, W2 ~ Poisson(lambda / 2) independent
    const lambda = SEATS * RATE * (1 - ND) * P * 6;
    const pmf = poissonPmf(lambda / 2, 200);
    const need = 1_150_000 - booked;
    let pPlan = 0,
      gap = 0;
    for (let a = 0; a < pmf.length; a++)
      for (let b = 0; b < pmf.length; b++) {
        const rev = PRICES[0] * a + PRICES[1] * b;
        const pr = pmf[a] * pmf[b];
        if (rev >= need) pPlan += pr;
        else gap += pr * (need - rev);
      }
    expect(pPlan).toBeGreaterThan(0.2);
    expect(pPlan).toBeLessThan(0.8);
    const se = Math.sqrt((pPlan * (1 - pPlan)) / trials);
    expect(Math.abs(r.now.pPlan - pPlan)).toBeLessThan(4 * se);
    expect(r.now.pPlanInterval[0]).toBeLessThan(pPlan);
    expect(r.now.pPlanInterval[1]).toBeGreaterThan(pPlan);
    // the gap's SE from its own sample is not reported: bound it by the plan's scale over sqrt(trials)
    expect(Math.abs(r.now.expectedGap - gap)).toBeLessThan((4 * need) / Math.sqrt(trials));
    // the fan starts from what is booked and ends at the year's total
    expect(r.fan[5]).toMatchObject({ month: '2025-06', actual: booked });
    expect(r.fan[11].p50).toBe(r.now.yearTotal.p50);
  });
});
