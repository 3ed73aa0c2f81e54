import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossoverMonths, cumulativeDifference, perTrialTotals, variance, varianceReductionRatio } from '../../engine/paired.js';

describe('paired statistics', () => {
  it('per-trial totals of a row-major array', () => {
    expect([...perTrialTotals([1, 2, 3, 4, 5, 6], 2, 3)]).toEqual([6, 15]);
  });

  it('crossover: first month from which the cumulative difference stays > 0', () => {
    // months: cumulative differences per trial
    const base = new Float64Array(4).fill(10);
    const at = (diffs: number[]) => crossoverMonths(diffs.map((d) => 10 + d), base, 1, 4)[0];
    expect(at([1, 1, 1, 1])).toBe(1); // ahead from the start
    expect(at([-5, 2, 2, 2])).toBe(4); // cum -5, -3, -1, 1
    expect(at([-5, 6, 1, 1])).toBe(2); // cum -5, 1, 2, 3
    expect(at([-1, 2, -2, 5])).toBe(4); // cum -1, 1, -1, 4: dips back, so it stays ahead only from month 4
    expect(at([1, -1, 0, 0])).toBeNaN(); // cum 1, 0, 0, 0: level is not ahead
    expect(at([0, 0, 0, 0])).toBeNaN();
  });

  it('crossover agrees with its definition on random paths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 12 }), (d) => {
        const n = d.length;
        const c = crossoverMonths(d, new Array(n).fill(0), 1, n)[0];
        const cum = [...cumulativeDifference(d, new Array(n).fill(0), 1, n)];
        let expected = NaN;
        for (let m = 1; m <= n; m++) if (cum.slice(m - 1).every((x) => x > 0)) { expected = m; break; }
        expect(c).toEqual(expected);
      }),
    );
  });

  it('variance with n - 1 and the reduction ratio', () => {
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(variance([7])).toBe(0);
    // A = x, B = x + e with small independent e: ratio = (2 Var x + Var e) / Var e
    const a = [1, 2, 3, 4, 5];
    const e = [0.1, -0.1, 0.1, -0.1, 0];
    const b = a.map((x, i) => x + e[i]);
    expect(varianceReductionRatio(a, b)).toBeCloseTo((variance(a) + variance(b)) / variance(e), 10);
    expect(varianceReductionRatio(a, a)).toBeNull();
  });


});
