import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.js';
import { parseScenario } from '../../engine/scenario.js';
import { simulate } from '../../engine/simulate.js';
import { defaultParameters, defaultRange, planSensitivity, sensitivity, sensitivityFromResults, sensitivityParams } from '../../engine/sensitivity.js';

const core = {
  name: 'core',
  horizonMonths: 12,
  reps: { seats: 20, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
  quota: { annualPerRep: 450000 },
  costs: { repAnnualCost: 150000 },
};


describe('sensitivity (tornado)', () => {
  it('the default set holds the parameters present in the scenario with a non-zero value', () => {
    expect(defaultParameters(parseScenario(core))).toEqual(['reps.winRate.mean', 'reps.opportunitiesPerMonth', 'reps.dealSize.median', 'reps.cycleMonths']);
    const rich = parseScenario({
      ...core,
      reps: { ...core.reps, winRate: { tiers: [{ share: 0.2, mean: 0.4 }, { share: 0.8, mean: 0.1 }] }, dealSize: 20000 },
      hiring: { timeToFillMonths: { mean: 2, sd: 1 }, ramp: { months: 4 } },
      attrition: { annualRate: 0.3 },
      leadership: { tenureMonths: { mean: 19 } },
      enablement: [{ gapClosed: 0.3 }, { gapClosed: 0 }],
    });
    expect(defaultParameters(rich)).toEqual([
      'reps.winRate.tiers[0].mean',
      'reps.winRate.tiers[1].mean',
      'reps.opportunitiesPerMonth',
      'reps.dealSize',
      'reps.cycleMonths',
      'attrition.annualRate',
      'hiring.ramp.months',
      'hiring.timeToFillMonths.mean',
      'leadership.tenureMonths.mean',
      'enablement[0].gapClosed', // enablement[1] has gapClosed 0: ±20% of 0 moves nothing
    ]);
  });

  it('default ranges are ±20% clamped to the valid range', () => {
    expect(defaultRange(['reps', 'winRate', 'mean'], 0.25)).toEqual([0.2, 0.3]);
    expect(defaultRange(['reps', 'winRate', 'mean'], 0.9)).toEqual([0.72, 1]);
    expect(defaultRange(['reps', 'cycleMonths'], 1.1)).toEqual([1, 1.32]);
    expect(defaultRange(['reps', 'cycleMonths'], 3)).toEqual([2.4, 3.6]);
    expect(defaultRange(['reps', 'seats'], 2)).toEqual([1, 3]); // whole numbers, rounded outward
  });

  it('a parameter the model does not use swings exactly 0 and ranks last; deal-size median scales revenue linearly', () => {
    const s = parseScenario(core);
    const r = sensitivity(s, { trials: 600, seed: 4, params: [{ path: 'costs.repAnnualCost' }, ...defaultParameters(s).map((path) => ({ path }))] });
    const unused = r.parameters.at(-1)!;
    expect(unused.path).toBe('costs.repAnnualCost');
    expect(unused.swing).toEqual({ mean: 0, p50: 0, planProbability: 0 });
    expect(unused.swingStdError).toBe(0);
    // sorted by |swing.mean|, largest first
    const abs = r.parameters.map((p) => Math.abs(p.swing.mean));
    expect(abs).toEqual([...abs].sort((a, b) => b - a));
    // deal size: every won deal scales with the median, so revenue at 1.2x minus at 0.8x is 0.4x the base
    const deal = r.parameters.find((p) => p.path === 'reps.dealSize.median')!;
    expect([deal.low, deal.high]).toEqual([20000, 30000]);
    expect(Math.abs(deal.swing.mean - 0.4 * r.base.mean)).toBeLessThanOrEqual(4 * deal.swingStdError + 1e-6 * r.base.mean);
    expect(deal.swing.p50).toBeCloseTo(0.4 * r.base.p50, -1);
    // more opportunities and a higher win rate raise revenue; a longer cycle delays it
    expect(r.parameters.find((p) => p.path === 'reps.winRate.mean')!.swing.mean).toBeGreaterThan(0);
    expect(r.parameters.find((p) => p.path === 'reps.opportunitiesPerMonth')!.swing.mean).toBeGreaterThan(0);
    expect(r.parameters.find((p) => p.path === 'reps.winRate.mean')!.swing.planProbability).toBeGreaterThan(0);
  });

  it('deal size as a scalar: the swing is exactly 0.4 x the base in every statistic', () => {
    const s = parseScenario({ ...core, reps: { ...core.reps, dealSize: 25000 } });
    const r = sensitivity(s, { trials: 300, seed: 8, params: [{ path: 'reps.dealSize' }] });
    const p = r.parameters[0];
    expect(p.swing.mean / r.base.mean).toBeCloseTo(0.4, 12);
    expect(p.swing.p50 / r.base.p50).toBeCloseTo(0.4, 12);
    expect(p.lowOutput.mean / r.base.mean).toBeCloseTo(0.8, 12);
  });

  it('given low/high values are used as they are; sensitivityFromResults equals sensitivity', () => {
    const s = parseScenario(core);
    const params = [{ path: 'reps.cycleMonths', low: 2, high: 6 }, { path: 'reps.winRate.mean', low: 0.2, high: 0.3 }];
    const r = sensitivity(s, { trials: 200, seed: 3, params });
    expect(r.parameters.map((p) => [p.path, p.low, p.high]).sort()).toEqual([['reps.cycleMonths', 2, 6], ['reps.winRate.mean', 0.2, 0.3]]);
    const runs = planSensitivity(s, params);
    const results = runs.map((x) => ({ low: simulate(x.lowScenario, { trials: 200, seed: 3 }), high: simulate(x.highScenario, { trials: 200, seed: 3 }) }));
    const pooled = sensitivityFromResults(s, simulate(s, { trials: 200, seed: 3 }), runs, results, { seed: 3 });
    expect({ ...pooled, meta: null }).toEqual({ ...r, meta: null });
  });

  it('bad parameters fail with their paths', () => {
    const s = parseScenario(core);
    const errs = errorsOf(() =>
      planSensitivity(s, [
        { path: 'reps.winRat' },
        { path: 'attrition.annualRate' },
        { path: 'reps.winRate.mean', low: 0.2, high: 1.5 },
        { path: 'name' },
        { path: 'reps..x' },
      ]),
    );
    expect(errs.map((e) => e.path)).toEqual(['reps.winRat', 'attrition.annualRate', 'reps.winRate.mean', 'name', 'reps..x']);
    expect(errs[0].rule).toBe('is not a known field');
    expect(errs[1].rule).toMatch(/not set/);
    expect(errs[2].rule).toMatch(/between 0 and 1/);
  });
  it('a given range must have its low below its high (a given end against the default other end too)', () => {
    const s = parseScenario(core);
    const errs = errorsOf(() =>
      planSensitivity(s, [
        { path: 'reps.winRate.mean', low: 0.3, high: 0.2 },
        { path: 'reps.cycleMonths', low: 4, high: 4 },
        { path: 'reps.opportunitiesPerMonth', low: 5 },
      ]),
    );
    expect(errs.map((e) => e.path)).toEqual(['reps.winRate.mean', 'reps.cycleMonths', 'reps.opportunitiesPerMonth']);
    expect(errs[0].message).toBe('reps.winRate.mean: low must be below high (low 0.3; high 0.2)');
    // the default high of 4 opportunities a month is 4.8 (+20%)
    expect(errs[2].message).toBe('reps.opportunitiesPerMonth: low must be below high (low 5; high 4.8, the default: base + 20%)');
    // one end given, the other the relative move: used as they are
    const [run] = planSensitivity(s, [{ path: 'reps.opportunitiesPerMonth', high: 6 }], 0.5);
    expect([run.low, run.high]).toEqual([2, 6]);
    // the default ends may meet (a field at 0 moves nowhere) without an error
    expect(planSensitivity(parseScenario({ ...core, costs: { repAnnualCost: 0 } }), [{ path: 'costs.repAnnualCost' }])[0]).toMatchObject({ low: 0, high: 0 });
  });

  it('a value outside the field\'s bounds names the parameter and which end', () => {
    const s = parseScenario(core);
    const errs = errorsOf(() => planSensitivity(s, [{ path: 'reps.winRate.mean', low: -0.1, high: 1.5 }]));
    expect(errs.map((e) => e.message)).toEqual([
      'reps.winRate.mean: low -0.1 is not valid here: reps.winRate.mean must be between 0 and 1',
      'reps.winRate.mean: high 1.5 is not valid here: reps.winRate.mean must be between 0 and 1',
    ]);
  });

  it('sensitivityParams reads a request\'s params, naming each bad entry', () => {
    expect(sensitivityParams(undefined)).toBeUndefined();
    expect(sensitivityParams([{ path: 'reps.cycleMonths', low: 2 }, { path: 'reps.seats' }])).toEqual([{ path: 'reps.cycleMonths', low: 2 }, { path: 'reps.seats' }]);
    expect(errorsOf(() => sensitivityParams('reps.seats')).map((e) => e.path)).toEqual(['params']);
    const errs = errorsOf(() => sensitivityParams([{ path: 'reps.seats' }, { path: 'reps.cycleMonths', low: '2' }, { path: 'x', hi: 3 }, 7]));
    expect(errs.map((e) => e.path)).toEqual(['params[1]', 'params[2]', 'params[3]']);
    expect(errs[0].message).toBe('params[1]: must be { path: string, low?: number, high?: number }');
  });
});
