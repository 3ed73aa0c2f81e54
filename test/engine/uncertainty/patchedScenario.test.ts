/**
 * A trial's scenario taken as the patch of its draws (engine/uncertainty/patchedScenario.ts) is exactly
 * what re-parsing the patch gives, trial for trial; a draw that breaks a cross-field rule still throws the
 * error the full parse throws; a field from which resolution derives another turns the shortcut off.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError, parseScenario, type Scenario } from '../../../engine/index.js';
import { trialScenarios } from '../../../engine/uncertainty/trialScenarios.js';
import { narrowestSchema, patchedScenarios, sameValue } from '../../../engine/uncertainty/patchedScenario.js';
import { setField } from '../../../engine/uncertainty/resolve.js';
import { medianInPlace } from '../../../engine/uncertainty/medianInPlace.js';
import type { Distribution } from '../../../engine/uncertainty/distribution.js';
import { parse as parseYaml } from 'yaml';

const REPS = { seats: 6, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: { median: 1000, sigma: 0.5 } };
const small = {
  horizonMonths: 6,
  reps: { ...REPS, winRate: { pert: [0.15, 0.25, 0.4] }, opportunitiesPerMonth: { lognormal: { median: 4, sigma: 0.2 } }, seats: { uniform: [3, 9] } },
  attrition: { annualRate: 0.2 },
  hiring: { plan: [{ month: 2, seats: { uniform: [0, 4] } }] },
  uncertainty: { correlations: [{ between: ['reps.winRate', 'reps.opportunitiesPerMonth'], rho: -0.5 }] },
};
const full = parseYaml(readFileSync(new URL('../../../bench/full-model.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const fullParameters = [
  { path: 'reps.opportunitiesPerMonth', distribution: { pert: [3, 4, 5] } },
  { path: 'attrition.annualRate', distribution: { uniform: [0.2, 0.4] } },
  { path: 'hiring.plan[0].seats', distribution: { uniform: [2, 8] } },
  { path: 'leadership.vacancyMonths', distribution: { triangular: [2, 3, 5] } },
] as const;
// one form per field: each listed field holds its distribution's median in place (a different fixed value is refused)
const fullUncertain = fullParameters.reduce<Record<string, unknown>>((s, p) => medianInPlace(s, p.path, p.distribution as Distribution), {
  ...full,
  uncertainty: { parameters: fullParameters },
});

/** The trial's scenario as before the shortcut: the patch re-parsed (or its error message). */
function reparsed(ts: ReturnType<typeof trialScenarios>, base: Scenario, t: number): Scenario | string {
  const k = ts.design.params.length;
  let x = base;
  for (let j = 0; j < k; j++) x = setField(x, ts.design.params[j].segs, ts.design.values[(t - ts.design.from) * k + j]);
  try {
    return parseScenario(x);
  } catch (e) {
    if (e instanceof InputError) return e.errors[0].message;
    throw e;
  }
}
function atOrError(ts: ReturnType<typeof trialScenarios>, t: number): Scenario | string {
  try {
    return ts.at(t);
  } catch (e) {
    if (e instanceof InputError) return e.errors[0].message;
    throw e;
  }
}

describe('patched trial scenarios', () => {
  it('equal the re-parsed patch, trial for trial (small scenario with seats, a hiring plan and correlations; the full model)', () => {
    for (const input of [small, fullUncertain]) {
      const s = parseScenario(input);
      const { uncertainty: _u, ...base } = s;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 400 }), (seed, n) => {
          const ts = trialScenarios(s, seed, n, 0, n);
          expect(patchedScenarios(base as Scenario, ts.design.params, (y) => parseScenario(y)).fast).toBe(true);
          for (let t = 0; t < n; t += Math.max(1, n >> 4)) {
            const want = reparsed(ts, base as Scenario, t);
            const got = ts.at(t);
            expect(typeof want).not.toBe('string');
            expect(sameValue(got, want)).toBe(true);
          }
        }),
        { numRuns: 8, seed: 28 },
      );
    }
  });

  it('a combination of draws that breaks a cross-field rule throws the full parse error', () => {
    // each extreme alone (the other at its centre) keeps cap >= multiple; multiple 2.9 with cap 2.7 does not
    const s = parseScenario({
      ...small,
      quota: { annualPerRep: 100000 },
      coverage: { policy: 'global', multiple: { uniform: [2, 3] }, escalation: { cap: { uniform: [2.6, 4] } } },
    });
    const { uncertainty: _u, ...base } = s;
    const n = 200;
    const ts = trialScenarios(s, 5, n, 0, n);
    let broken = 0;
    for (let t = 0; t < n; t++) {
      const want = reparsed(ts, base as Scenario, t);
      const got = atOrError(ts, t);
      if (typeof want === 'string') {
        broken++;
        expect(typeof got).toBe('string');
        expect(got).toContain(want.split(' (')[0]);
        expect(got).toContain(`draws of trial ${t}`);
      } else expect(sameValue(got, want)).toBe(true);
    }
    // P(cap < multiple) = ∫ over the overlap: clearly above 0 in 200 trials
    expect(broken).toBeGreaterThan(5);
  });

  it('turns off when re-parsing derives other fields from a drawn one', () => {
    const s = parseScenario(small);
    const { uncertainty: _u, ...base } = s;
    const ts = trialScenarios(s, 1, 10, 0, 10);
    // a parse that derives a field (here: a second field set from the first drawn one) is not the patch
    const deriving = (y: unknown) => {
      const r = parseScenario(y);
      return { ...r, attrition: { ...r.attrition!, annualRate: r.reps.winRate as number } } as Scenario;
    };
    expect(patchedScenarios(base as Scenario, ts.design.params, deriving).fast).toBe(false);
    expect(patchedScenarios(base as Scenario, ts.design.params, (y) => parseScenario(y)).fast).toBe(true);
  });

  it('validates the narrowest part of the schema that has no checks above the drawn field', () => {
    expect(narrowestSchema(['reps', 'opportunitiesPerMonth']).at).toEqual(['reps', 'opportunitiesPerMonth']);
    expect(narrowestSchema(['hiring', 'plan', 0, 'seats']).at).toEqual(['hiring', 'plan', 0, 'seats']);
    // the territories list has length checks, seasonality a list refine: validated whole
    expect(narrowestSchema(['territories', 0, 'seats']).at).toEqual(['territories']);
    expect(narrowestSchema(['market', 'seasonality', 3]).at).toEqual(['market', 'seasonality']);
    const leaf = narrowestSchema(['attrition', 'annualRate']).schema!;
    expect(leaf.safeParse(0.3).success).toBe(true);
    expect(leaf.safeParse(-1).success).toBe(false);
  });

  it('sameValue is exact: key order, -0, NaN, lengths', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue([1], [1, 2])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
