/**
 * Managers as a lever in goal seek: `managers.span` is a whole-number decision field (1 to 100) that
 * solve accepts. "How wide a span (how few managers) keeps mean revenue at T?": a wider span dilutes
 * coaching (win rate, ramp) and keeps fewer reps, so revenue falls with the span and the answer is the
 * largest span meeting T; the managers needed are ceil(seats / span). Checked on common random numbers:
 * the answer meets the target, the next span does not, and each reported point is the same run as a
 * plain simulate() at that span and seed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { InputError, parseScenario, parseTarget, simulate, solve, targetValue, withDecision } from '../../engine/index.js';
import { parsePath } from '../../engine/schema-walk.js';

const raw = parseYaml(readFileSync(new URL('../../scenarios/people-managers.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const s = parseScenario({ ...raw, horizonMonths: 12 });
const trials = 150;
const seed = 4;
const meanRevenue = (span: number) => targetValue(parseTarget('mean(revenue) >= 0'), simulate(withDecision(s, parsePath('managers.span')!, span), { trials, seed }), null).value;

describe('solve over managers.span', () => {
  it('brackets a mean-revenue target between adjacent spans on common random numbers', () => {
    const narrow = meanRevenue(2);
    const wide = meanRevenue(16);
    // the lever moves revenue: coaching falls from full time (span <= 6) to 6/16 of it
    expect(narrow).toBeGreaterThan(wide);
    const T = Math.round((narrow + wide) / 2);
    const res = solve(s, { vary: 'managers.span', target: `mean(revenue) >= ${T}`, min: 2, max: 16, trials, seed });
    expect(res.integer).toBe(true);
    expect(res.direction).toBe('largest');
    const x = res.answer!.x;
    expect(x).toBeGreaterThanOrEqual(2);
    expect(x).toBeLessThan(16);
    expect(res.answer!.met).toBe(true);
    const next = res.evaluations.find((p) => p.x === x + 1)!;
    expect(next.met).toBe(false);
    // common random numbers: the solve's points are plain runs at the same seed
    expect(res.answer!.value).toBe(meanRevenue(x));
    expect(next.value).toBe(meanRevenue(x + 1));
    expect(res.answer!.value).toBeGreaterThanOrEqual(T);
    expect(next.value).toBeLessThan(T);
  });

  it('also takes the manager fields that are real numbers (quality.mean) and refuses a scenario without the block', () => {
    const q = solve(s, { vary: 'managers.quality.mean', target: `mean(revenue) >= ${Math.round(meanRevenue(8))}`, min: 0, max: 1, tolerance: 0.25, trials: 60, seed });
    expect(q.integer).toBe(false);
    expect(q.range).toEqual([0, 1]);
    const none = parseScenario({ ...raw, managers: undefined });
    let msg = '';
    try {
      solve(none, { vary: 'managers.span', target: 'mean(revenue) >= 1', trials: 10 });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^vary: managers\.span names no number in this scenario/);
  });
});
