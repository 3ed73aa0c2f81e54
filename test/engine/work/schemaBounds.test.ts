/**
 * Issue 32: every numeric field's valid range is what the engine can run. Scenarios are drawn from the
 * JSON Schema's own bounds (every numeric leaf, each union branch, at its minimum, its maximum, the
 * denormals, 1e308, Number.MAX_VALUE and powers of ten in between), one field at a time on a small
 * valid scenario carrying the leaf's block. Each must either be refused naming a field (an InputError
 * whose every issue has a path: the CLI's exit 2, the API's 400; the store parses with the same
 * function), or be over the work budget naming the field that drives it (the API's 422), or run within
 * the budget to a Summary whose revenue and cost are finite and which holds no infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, checkBudget, parseScenario, simulate, summarize } from '../../../engine/index.js';

import { LEAVES, valuesOf } from '../../../bench/schema-leaves.js';

/** Budget of the property's runs: small, so that every admitted run is quick. */
const MAX_WORK = 3e5;
const MAX_MEMORY = 256 * 2 ** 20;

function hasInfinity(v: unknown): boolean {
  if (typeof v === 'number') return v === Infinity || v === -Infinity;
  if (Array.isArray(v)) return v.some(hasInfinity);
  if (v && typeof v === 'object') return Object.values(v).some(hasInfinity);
  return false;
}

/** 'refused', 'over budget' or 'ran'; throws (fails) on anything else. */
function outcome(input: unknown): string {
  let s;
  try {
    s = parseScenario(input as never);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    for (const i of (e as InputError).errors) expect(i.path, `${i.message}`).toBeTruthy();
    return 'refused';
  }
  const trials = Math.min(s.trials, 4);
  const over = checkBudget([{ scenario: s, trials }], MAX_WORK, MAX_MEMORY);
  if (over) {
    expect(over.path).toBeTruthy();
    expect(over.fits).toBeGreaterThanOrEqual(0);
    return 'over budget';
  }
  const summary = summarize(s, simulate(s, { trials, seed: 1 }), { seed: 1 });
  expect(Number.isFinite(summary.revenue.total.mean)).toBe(true);
  expect(Number.isFinite(summary.cost.total.mean)).toBe(true);
  expect(hasInfinity(summary)).toBe(false);
  return 'ran';
}

describe('the JSON Schema bounds are what the engine runs', () => {
  it('the schema walk finds the numeric fields of every block', () => {
    const paths = new Set(LEAVES.map((l) => l.path));
    for (const p of ['reps.opportunitiesPerMonth', 'reps.winRate.concentration', 'reps.cycleMonths', 'customers.initial.count', 'demand.budgetPerMonth', 'market.seasonality[0]'])
      expect(paths.has(p), p).toBe(true);
    expect(LEAVES.length).toBeGreaterThan(100);
  });

  it('every numeric leaf at every extreme inside its schema bounds: refused naming a field, over budget naming a field, or a finite Summary', () => {
    const counts: Record<string, number> = {};
    for (const l of LEAVES)
      for (const v of valuesOf(l)) {
        let o: string;
        try {
          o = outcome(l.wrap(v));
        } catch (e) {
          throw new Error(`${l.path} = ${v}: ${e instanceof Error ? e.message : String(e)}`);
        }
        counts[o] = (counts[o] ?? 0) + 1;
      }
    console.log(`schema extremes over ${LEAVES.length} numeric fields:`, counts);
    expect(counts.ran).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  }, 300_000);

  it('property: any value inside a leaf\'s schema bounds (fast-check doubles, biased to the extremes)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES).chain((l) =>
          fc.tuple(
            fc.constant(l),
            l.integer
              ? fc.integer({ min: Math.max(l.lo, Number.MIN_SAFE_INTEGER), max: Math.min(l.hi, Number.MAX_SAFE_INTEGER) })
              : fc.double({ min: l.lo, max: l.hi, minExcluded: l.exclusiveLo, noNaN: true, noDefaultInfinity: true }),
          ),
        ),
        ([l, v]) => {
          try {
            outcome(l.wrap(v));
          } catch (e) {
            throw new Error(`${l.path} = ${v}: ${e instanceof Error ? e.message : String(e)}`);
          }
        },
      ),
      { numRuns: 400, seed: 32 },
    );
  }, 300_000);
});
