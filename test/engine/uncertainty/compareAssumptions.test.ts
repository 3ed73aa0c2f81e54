/**
 * The assumption analysis of a comparison: which fields it varies, the share of the difference's
 * variance from the assumptions against a closed form, and break-evens only for assumptions that matter.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runTrials } from '../../../engine/index.js';
import { compareAssumptions, comparisonAssumptions } from '../../../engine/compareAssumptions.js';
import { scenarioAt } from '../../../engine/uncertainty/sobol/scenarioAt.js';
import { trialOutcome } from '../../../engine/uncertainty/sobol/outcome.js';
import { parsePath } from '../../../engine/schema-walk.js';

const REPS = {
  seats: 10,
  opportunitiesPerMonth: 4,
  winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] },
  dealSize: 10000,
};
const ATTRITION = { annualRate: 0.2, pipelineLossOnExit: 0.5 };
const base = parseScenario({ horizonMonths: 12, reps: REPS, attrition: ATTRITION, enablement: [{ gapClosed: 0.25 }] });
const variant = parseScenario({ horizonMonths: 12, reps: REPS, attrition: ATTRITION, enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }] });

describe('comparison assumptions', () => {
  it('varies the registry assumptions the scenarios share, and leaves out a field they set differently (the decision)', () => {
    const paths = comparisonAssumptions(base, [variant]).map((a) => a.path);
    expect(paths).toEqual(['attrition.pipelineLossOnExit', 'enablement[0].gapClosed']);
    const other = parseScenario({ horizonMonths: 12, reps: REPS, attrition: ATTRITION, enablement: [{ gapClosed: 0.4 }] });
    expect(comparisonAssumptions(base, [other]).map((a) => a.path)).toEqual(['attrition.pipelineLossOnExit']);
    // an uncertain input comes with its own distribution
    const unc = parseScenario({ horizonMonths: 12, reps: { ...REPS, opportunitiesPerMonth: { uniform: [3, 5] } } });
    expect(comparisonAssumptions(unc, [unc])[0]).toMatchObject({ path: 'reps.opportunitiesPerMonth', from: 'uncertain', distribution: { uniform: [3, 5] } });
  });

  it('a paid programme whose effect is the assumption: the assumptions\' share matches Var(a g) / (Var(a g) + noise), the effect matters and breaks even', () => {
    // a programme on both sides whose cost only the variant pays: D = -cost, whatever gapClosed is (it is the same on both
    // sides), so here the variant compares "pay for it" vs "have it free": the assumption cannot matter ...
    const r0 = compareAssumptions(base, [{ name: 'paid', scenario: variant }], { metric: 'margin', n: 64, breakEvenTrials: 50, seed: 1 });
    const v0 = r0.variants[0];
    expect(v0.difference.mean).toBeLessThan(0);
    expect(v0.beatsBaseline.probability).toBe(0);
    expect(v0.breakEvens.length).toBe(v0.indices.filter((x) => x.matters).length);
    // ... whereas against no programme, the programme's effect decides the verdict
    const none = parseScenario({ horizonMonths: 12, reps: REPS, attrition: ATTRITION });
    const r = compareAssumptions(none, [{ name: 'programme', scenario: variant }], { metric: 'margin', n: 256, breakEvenTrials: 300, seed: 1 });
    const v = r.variants[0];
    const g = v.indices.find((x) => x.path === 'enablement[0].gapClosed')!;
    expect(g.matters).toBe(true);
    expect(v.indices[0].path).toBe('enablement[0].gapClosed');
    // closed form: D = a g - c + e, g ~ U(0, 0.5): Var(E[D | g]) = a^2 / 48 (pipelineLossOnExit moves little); a from D(0), D(0.5) on the same trials
    const T = 400;
    const segs = [parsePath('enablement[0].gapClosed')!];
    const diffs = (g: number) => {
      const a = runTrials(scenarioAt(none, segs, [g]), 1, 0, T, T);
      const b = runTrials(scenarioAt(variant, segs, [g]), 1, 0, T, T);
      return Array.from({ length: T }, (_, t) => trialOutcome(b, t, 'margin', null) - trialOutcome(a, t, 'margin', null));
    };
    const mean = (x: number[]) => x.reduce((p, q) => p + q, 0) / x.length;
    const varOf = (x: number[]) => {
      const m = mean(x);
      return x.reduce((p, q) => p + (q - m) ** 2, 0) / (x.length - 1);
    };
    const d0 = diffs(0),
      d5 = diffs(0.5),
      dm = diffs(0.25);
    const a = (mean(d5) - mean(d0)) / 0.5;
    const between = (a * a) / 48;
    const within = (varOf(d0) + varOf(dm) + varOf(d5)) / 3;
    const share = between / (between + within);
    // the interval, widened by 0.05 for the estimated closed form (a and the noise variance are themselves estimates)
    expect(share).toBeGreaterThan(v.variance.assumptionsCi[0] - 0.05);
    expect(share).toBeLessThan(v.variance.assumptionsCi[1] + 0.05);
    expect(v.variance.assumptions + v.variance.noise).toBeCloseTo(1, 12);
    const be = v.breakEvens.find((b) => b.path === 'enablement[0].gapClosed')!;
    expect(be.holds).toBe('above');
    expect(be.value! - -mean(d0) / a).toBeLessThan(0.05);
    expect(be.value! - -mean(d0) / a).toBeGreaterThan(-0.05);
    // the corners: gapClosed at 0.5 favours the programme, at 0 the baseline; each equals the difference run there
    expect(v.corners.best.values['enablement[0].gapClosed']).toBe(0.5);
    expect(v.corners.worst.values['enablement[0].gapClosed']).toBe(0);
    expect(v.corners.best.mean).toBeGreaterThan(0);
    expect(v.corners.worst.mean).toBeLessThan(0);
    expect(v.assumptionsSd).toBeCloseTo(Math.sqrt(v.variance.total * v.variance.assumptions), 6);
    // P(B > A) is the share of the 2n independent draws where the variant is ahead
    expect(v.beatsBaseline.ci[0]).toBeLessThanOrEqual(v.beatsBaseline.probability);
    expect(v.beatsBaseline.ci[1]).toBeGreaterThanOrEqual(v.beatsBaseline.probability);
    expect(v.beatsBaseline.probability).toBeGreaterThan(0.1);
    expect(v.beatsBaseline.probability).toBeLessThan(0.9);
  }, 120000);
});

describe('per-variant assumptions', () => {
  it('a field two variants set differently is each one\'s assumption against the baseline; a tie only at the edge of the valid range is no break-even', () => {
    const none = parseScenario({ horizonMonths: 12, reps: REPS });
    const full = parseScenario({ horizonMonths: 12, reps: REPS, enablement: [{ gapClosed: 0.25 }] });
    const half = parseScenario({ horizonMonths: 12, reps: REPS, enablement: [{ gapClosed: 0.25, adoption: 0.5 }] });
    const r = compareAssumptions(none, [{ name: 'full', scenario: full }, { name: 'half', scenario: half }], { n: 32, breakEvenTrials: 60, seed: 1 });
    for (const v of r.variants) expect(v.indices.map((x) => x.path)).toContain('enablement[0].gapClosed');
    // against the full programme, half the adoption ties only at gapClosed = 0 (no effect either way) and fails above it
    const r2 = compareAssumptions(full, [{ name: 'half', scenario: half }], { n: 32, breakEvenTrials: 60, seed: 1 });
    const be = r2.variants[0].breakEvens.find((b) => b.path === 'enablement[0].gapClosed')!;
    expect(be.value).toBeNull();
    expect(be.holds).toBe('nowhere');
    expect(be.text).toMatch(/^fails for every enablement\[0\]\.gapClosed in 0–0\.5 .*it ties only at the edge of the field's valid range, 0\)$/);
  }, 120000);
});
