/**
 * Break-even goal seek on common random numbers, against a case with a known answer: an enablement
 * programme raises the bottom 80%'s win rate by gapClosed x (T - p), so the programme's extra revenue
 * is linear in gapClosed and its margin difference D(g) = a g - cost crosses 0 at cost / a. The
 * straight line through D(0) and D(0.5), measured on the same trials, gives the truth; the tolerance
 * is 3 standard errors of D divided by the slope.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runTrials } from '../../engine/index.js';
import { breakEven } from '../../engine/breakEven.js';
import { scenarioAt } from '../../engine/uncertainty/sobol/scenarioAt.js';
import { trialOutcome } from '../../engine/uncertainty/sobol/outcome.js';
import { parsePath } from '../../engine/schema-walk.js';

const REPS = {
  seats: 10,
  opportunitiesPerMonth: 4,
  winRate: { tiers: [{ share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 }] },
  dealSize: 10000,
};
const base = parseScenario({ horizonMonths: 12, reps: REPS });
const variant = parseScenario({ horizonMonths: 12, reps: REPS, enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 1500 } }] });
const PATH = 'enablement[0].gapClosed';
const TRIALS = 300;

function meanDiff(g: number): { d: number; se: number } {
  const segs = [parsePath(PATH)!];
  const a = runTrials(scenarioAt(base, segs, [g]), 1, 0, TRIALS, TRIALS);
  const b = runTrials(scenarioAt(variant, segs, [g]), 1, 0, TRIALS, TRIALS);
  const d = Array.from({ length: TRIALS }, (_, t) => trialOutcome(b, t, 'margin', null) - trialOutcome(a, t, 'margin', null));
  const m = d.reduce((x, y) => x + y, 0) / TRIALS;
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - m) ** 2, 0) / (TRIALS - 1));
  return { d: m, se: sd / Math.sqrt(TRIALS) };
}

describe('break-even', () => {
  it('finds where a linear margin difference crosses 0, within 3 standard errors over the slope', () => {
    const r = breakEven(base, variant, PATH, [0, 0.5], { metric: 'margin', plan: null, trials: TRIALS, seed: 1 });
    const d0 = meanDiff(0);
    const d5 = meanDiff(0.5);
    const slope = (d5.d - d0.d) / 0.5;
    const truth = -d0.d / slope;
    expect(d0.d).toBeLessThan(0);
    expect(d5.d).toBeGreaterThan(0);
    expect(r.holds).toBe('above');
    expect(r.insideAssumed).toBe(true);
    expect(Math.abs(r.value! - truth)).toBeLessThan((3 * Math.max(d0.se, d5.se)) / slope);
    expect(r.text).toMatch(/^holds if enablement\[0\]\.gapClosed > 0\.\d+ \(assumed range 0–0\.5\)$/);
    // at the break-even the difference is within noise of 0
    const at = meanDiff(r.value!);
    expect(Math.abs(at.d)).toBeLessThan(3 * at.se);
  }, 60000);

  it('reports a break-even just outside the assumed range as such, and "fails for every value" when there is none', () => {
    // the same programme costing twice as much breaks even above 0.5: look beyond the assumed [0, 0.25]
    const dear = parseScenario({ horizonMonths: 12, reps: REPS, enablement: [{ gapClosed: 0.25, cost: { perRepPerMonth: 3000 } }] });
    const r = breakEven(base, dear, PATH, [0, 0.25], { metric: 'margin', plan: null, trials: 200, seed: 1 });
    expect(r.insideAssumed).toBe(false);
    expect(r.value).toBeGreaterThan(0.25);
    expect(r.text).toMatch(/the break-even lies outside it/);
    // a programme that changes nothing but costs: fails everywhere
    const useless = parseScenario({ horizonMonths: 12, reps: REPS, enablement: [{ gapClosed: 0, noDecisionCut: 0, cost: { perRepPerMonth: 100 } }] });
    const none = breakEven(base, useless, 'attrition.pipelineLossOnExit', [0.2, 0.8], { metric: 'margin', plan: null, trials: 50, seed: 1 });
    expect(none.holds).toBe('nowhere');
    expect(none.value).toBeNull();
    expect(none.text).toMatch(/^fails for every attrition\.pipelineLossOnExit/);
  }, 60000);
});
