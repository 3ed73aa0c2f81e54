/**
 * Uncertain parameters in a run: parse and validation errors name the entry, a scenario without uncertain
 * parameters gives bit-identical results, each trial runs on its own drawn scenario, and chunking does
 * not change a number.
 */
import { describe, expect, it } from 'vitest';
import { InputError, mergeResults, parseScenario, runTrials, scenarioHash, simulate, summarize } from '../../../engine/index.js';
import { trialScenarios } from '../../../engine/uncertainty/trialScenarios.js';
import { regularizedBeta } from '../../../engine/stats/special.js';

const REPS = { seats: 6, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: { median: 1000, sigma: 0.5 } };
const base = { horizonMonths: 6, reps: REPS, attrition: { annualRate: 0.2 }, hiring: { plan: [{ month: 2, seats: 2 }] } };
const uncertain = {
  ...base,
  reps: { ...REPS, winRate: { pert: [0.15, 0.25, 0.4] }, opportunitiesPerMonth: { lognormal: { median: 4, sigma: 0.2 } } },
  hiring: { plan: [{ month: 2, seats: { uniform: [0, 4] } }] },
  uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.opportunitiesPerMonth'], rho: -0.5 }] },
};

function errors(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof InputError) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

describe('parsing', () => {
  it('resolves in place distributions to medians plus one uncertainty block that parses to itself', () => {
    const s = parseScenario(uncertain);
    // the PERT's median: I_x(2.6, 3.4) = 1/2 at x = (winRate - 0.15) / 0.25
    expect(regularizedBeta(((s.reps.winRate as number) - 0.15) / 0.25, 2.6, 3.4)).toBeCloseTo(0.5, 10);
    expect(s.hiring!.plan[0].seats).toBe(2);
    expect(s.uncertainty!.parameters.map((p) => p.path)).toEqual(['reps.opportunitiesPerMonth', 'reps.winRate', 'hiring.plan[0].seats']);
    expect(s.uncertainty!.sampling).toBe('lhs');
    expect(parseScenario(s)).toEqual(s);
    // the list form (with each listed field at its median in place, or left out) is the same scenario
    const listed = parseScenario({ ...base, reps: { ...REPS, winRate: s.reps.winRate, opportunitiesPerMonth: s.reps.opportunitiesPerMonth }, hiring: s.hiring, uncertainty: { ...s.uncertainty } });
    expect(scenarioHash(listed)).toBe(scenarioHash(s));
  });
  it('names the entry of every bad input', () => {
    expect(errors({ ...base, reps: { ...REPS, winRate: { uniform: [0.2, 1.2] } } })[0]).toMatch(/^reps\.winRate: must lie inside the field's valid range \[0, 1\]/);
    expect(errors({ ...base, reps: { ...REPS, winRate: { triangular: [0.3, 0.2, 0.4] } } })[0]).toMatch(/^reps\.winRate\.triangular: /);
    expect(errors({ ...base, horizonMonths: { uniform: [6, 12] } })[0]).toMatch(/^horizonMonths: .*cannot be uncertain/);
    expect(errors({ ...uncertain, uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.seats'], rho: 0.3 }] } })[0]).toMatch(
      /^uncertainty\.correlations\[0\]\.between\[1\]: reps\.seats is not an uncertain parameter/,
    );
    expect(errors({ ...uncertain, uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.opportunitiesPerMonth'], rho: 1.5 }] } })[0]).toMatch(
      /^uncertainty\.correlations\[0\]\.rho: must be between -1 and 1/,
    );
    const notPsd = errors({
      ...uncertain,
      uncertainty: {
        correlations: [
          { between: ['reps.winRate', 'reps.opportunitiesPerMonth'], rho: 0.6 },
          { between: ['reps.winRate', 'hiring.plan[0].seats'], rho: 0.6 },
          { between: ['reps.opportunitiesPerMonth', 'hiring.plan[0].seats'], rho: -0.6 },
        ],
      },
    });
    expect(notPsd[0]).toMatch(/^uncertainty\.correlations\[2\]\.rho: makes the correlation matrix not positive semi-definite/);
    expect(errors({ ...base, uncertainty: { parameters: [{ path: 'reps.winRat', distribution: { uniform: [0, 1] } }] } })[0]).toMatch(
      /^uncertainty\.parameters\[0\]\.path: reps\.winRat is not a numeric field/,
    );
    expect(errors({ ...base, uncertainty: { parameters: [{ path: 'quota.plan', distribution: { uniform: [1, 2] } }] } })[0]).toMatch(/names no number in this scenario/);
    const two = { ...base, territories: [{ name: 'A', seats: 3 }, { name: 'B', seats: 3 }], reps: { ...REPS, seats: undefined } };
    expect(errors({ ...two, uncertainty: { parameters: [{ path: 'reps.seats', distribution: { uniform: [4, 8] } }] } })[0]).toMatch(/make territories\[i\]\.seats uncertain instead/);
    const one = parseScenario({ ...base, reps: { ...REPS, seats: { uniform: [4, 8] } } });
    expect(one.territories[0].seats).toBe(one.reps.seats);
    // a draw that breaks a cross-field rule: the plan's month beyond the horizon
    expect(errors({ ...base, hiring: { plan: [{ month: { uniform: [1, 9] }, seats: 2 }] } })[0]).toMatch(/^hiring\.plan\[0\]\.month: a draw of .* breaks a rule .*within the horizon/);
  });
});

describe('simulation', () => {
  it('a scenario without uncertain parameters (or an empty block) gives bit-identical results', () => {
    const plain = parseScenario(base);
    const empty = parseScenario({ ...base, uncertainty: { parameters: [], correlations: [] } });
    expect(empty).toEqual(plain);
    expect(scenarioHash(parseScenario({ ...base, uncertainty: null }))).toBe(scenarioHash(plain));
    expect(runTrials(empty, 3, 0, 40)).toEqual(runTrials(plain, 3, 0, 40));
  });
  it('each trial is the fixed scenario of its draws, trial for trial', () => {
    const s = parseScenario(uncertain);
    const n = 30;
    const r = simulate(s, { trials: n, seed: 2 });
    const draws = trialScenarios(s, 2, n, 0, n);
    // every trial: each runs on arrays the trial before it used (engine/kernel/alloc.ts), with another seat count
    for (let t = 0; t < n; t++) {
      const fixed = draws.at(t);
      expect(fixed.uncertainty).toBeUndefined();
      const one = runTrials(fixed, 2, t, 1);
      expect(Array.from(one.revenue)).toEqual(Array.from(r.revenue.subarray(t * 6, (t + 1) * 6)));
      expect(Array.from(one.headcount)).toEqual(Array.from(r.headcount.subarray(t * 6, (t + 1) * 6)));
      expect(Array.from(one.cost)).toEqual(Array.from(r.cost.subarray(t * 6, (t + 1) * 6)));
      expect([one.hires[0], one.exits[0]]).toEqual([r.hires[t], r.exits[t]]);
    }
    // the draws vary and reach the model
    expect(new Set(Array.from({ length: n }, (_, t) => draws.at(t).hiring!.plan[0].seats)).size).toBeGreaterThan(2);
  });
  it('chunks merged equal the whole run (the design spans the run)', () => {
    const s = parseScenario(uncertain);
    const whole = simulate(s, { trials: 40, seed: 5 });
    const parts = mergeResults([runTrials(s, 5, 0, 13, 40), runTrials(s, 5, 13, 1, 40), runTrials(s, 5, 14, 26, 40)]);
    expect(parts).toEqual(whole);
    expect(() => runTrials(s, 5, 30, 20, 40)).toThrow(/do not fit a run of 40/);
  });
  it('the Summary reports the realised draws, rank correlations and SRRC² contributions', () => {
    const s = parseScenario(uncertain);
    const sum = summarize(s, simulate(s, { trials: 300, seed: 1 }), { seed: 1 });
    const u = sum.uncertainty!;
    // the lognormal lies inside [0, Infinity): nothing to truncate
    expect(u.parameters.map((p) => p.bounds)).toEqual(['inside', 'inside', 'inside']);
    expect(u.parameters[2].draws.p50).toBe(2);
    expect(Math.abs(u.correlations[0].realised + 0.5)).toBeLessThan(u.correlations[0].stdError);
    expect(u.contribution.method).toBe('srrc2');
    expect(u.contribution.parameters[0].path).toBe('reps.opportunitiesPerMonth');
    expect(u.contribution.r2).toBeGreaterThan(0.2);
    // adequacy follows R² against the 0.7 bar, with a note exactly when it is not adequate
    expect(u.contribution.adequate).toBe(u.contribution.r2 >= 0.7);
    expect(u.contribution.note === null).toBe(u.contribution.adequate);
  });
  it('says SRRC² is not adequate when the trials\' own randomness dominates (R² low)', () => {
    // a 1-seat team over 6 months: the win/loss of a handful of deals swamps a narrow win-rate range
    const s = parseScenario({ horizonMonths: 6, reps: { seats: 1, opportunitiesPerMonth: 2, winRate: { uniform: [0.24, 0.26] }, dealSize: 1000 } });
    const u = summarize(s, simulate(s, { trials: 400, seed: 1 }), { seed: 1 }).uncertainty!;
    expect(u.contribution.r2).toBeLessThan(0.2);
    expect(u.contribution.adequate).toBe(false);
    expect(u.contribution.note).toMatch(/^the rank regression explains \d+% of the variance of rank\(revenue\) \(below 70%\)/);
  });
});

describe('one-at-a-time sensitivity with uncertain inputs', () => {
  it('leaves the uncertain inputs out of the default tornado and refuses them by name', async () => {
    const { planSensitivity } = await import('../../../engine/index.js');
    const s = parseScenario(uncertain);
    expect(planSensitivity(s).map((r) => r.path)).not.toContain('reps.opportunitiesPerMonth');
    expect(() => planSensitivity(s, [{ path: 'reps.winRate' }])).toThrow(/reps\.winRate: is uncertain \(drawn per trial\)/);
  });
});

describe('a field given both ways', () => {
  it('refuses a fixed value and a listed distribution for the same field, naming it; accepts the resolved form (value = median)', () => {
    const both = { ...base, reps: { ...REPS, winRate: 0.25 }, uncertainty: { parameters: [{ path: 'reps.winRate', distribution: { uniform: [0.3, 0.4] } }] } };
    expect(errors(both)).toEqual([expect.stringMatching(/^reps\.winRate: is given both as a fixed value \(0\.25\) and as a distribution \(uncertainty\.parameters\[0\]\): keep one: write the distribution in place of the value, or drop the value \(the distribution's median is 0\.35\)$/)]);
    // a field left to its default may be listed
    expect(errors({ ...base, uncertainty: { parameters: [{ path: 'reps.cycleMonths', distribution: { uniform: [2, 4] } }] } })).toEqual([]);
    // the resolved form holds the median in place and parses to itself
    const s = parseScenario({ ...base, reps: { ...REPS, winRate: 0.35 }, uncertainty: { parameters: [{ path: 'reps.winRate', distribution: { uniform: [0.3, 0.4] } }] } });
    expect(parseScenario(s)).toEqual(s);
    // an edit to the in-place value of a resolved scenario is refused rather than silently ignored
    expect(errors({ ...s, reps: { ...s.reps, winRate: 0.2 } })[0]).toMatch(/^reps\.winRate: is given both as a fixed value \(0\.2\)/);
  });
});
