import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, summarize } from '../../engine/index.js';
import { readable, monthlyCsv } from '../../cli/commands/run.js';

const s = parseScenario({ horizonMonths: 18, reps: { seats: 4, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 20000 }, costs: { repAnnualCost: 120000 }, customers: { annualChurn: 0.1, annualExpansion: 0.1, initial: { count: 40, arr: 20000 } } });
const summary = summarize(s, simulate(s, { trials: 100, seed: 1 }), { seed: 1 });

describe('CLI: recurring revenue', () => {
  it('run prints ARR, retention and unit-economics rows per plan year', () => {
    const text = readable(summary);
    for (const row of ['ARR at year end P50', 'net revenue retention', 'gross revenue retention', 'churned ARR (mean)', 'recognised revenue', 'CAC payback']) expect(text).toContain(row);
    expect(text).toMatch(/recurring revenue\s+year 1\s+year 2/);
  });
  it('--monthly-csv adds the ARR columns; a scenario without customers keeps the old header', () => {
    const [head, first] = monthlyCsv(summary).split('\n');
    expect(head.endsWith(',arr_mean,arr_p10,arr_p50,arr_p90,new_arr_mean,expansion_arr_mean,churned_arr_mean,customers_mean,recognised_mean')).toBe(true);
    expect(first.split(',')).toHaveLength(head.split(',').length);
    const plain = parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 } });
    expect(monthlyCsv(summarize(plain, simulate(plain, { trials: 20, seed: 1 }))).split('\n')[0].endsWith('cost_mean')).toBe(true);
  });
});
