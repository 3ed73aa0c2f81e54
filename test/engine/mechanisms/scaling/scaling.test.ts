import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coordinationFactor } from '../../../../engine/mechanisms/scaling/scaling.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { scenario, simulate, totals } from '../../../helpers/scenarios.js';

// cycle 1 and an empty start: an opportunity resolves in the month it arrives, so a month's expected
// revenue is seats x rate x (1 - noDecision) x winRate x deal with no pipeline transient
const reps = { seats: 24, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1, noDecisionRate: 0.2, cycleMonths: 1, initialPipeline: 'empty' };
const H = 12;

describe('scaling', () => {
  it('a larger team never has a larger coordination factor; no drag up to the reference; bad input throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (n, more, n0, drag) => {
        expect(coordinationFactor(n + more, n0, drag)).toBeLessThanOrEqual(coordinationFactor(n, n0, drag));
        expect(coordinationFactor(Math.min(n, n0), n0, drag)).toBe(1);
      }),
      { seed: 2903, numRuns: 300 },
    );
    expect(coordinationFactor(40, 20, 0.05)).toBeCloseTo(0.95, 14);
    expect(coordinationFactor(1e9, 1, 0.5)).toBe(0);
    expect(() => coordinationFactor(10, 0, 0.1)).toThrow(/reference team must be > 0/);
    expect(() => coordinationFactor(10, 5, -1)).toThrow(/drag must be >= 0/);
  });

  it('coordination drag scales mean revenue by 1 - drag x log2(seats / reference) (closed form), and the Summary reports that share', () => {
    const s = scenario({ horizonMonths: H, scaling: { referenceSeats: 6, dragPerDoubling: 0.05 } }, reps);
    const r = simulate(s, { trials: 2000, seed: 71 });
    const f = 1 - 0.05 * Math.log2(24 / 6);
    expectMoments(totals(r), 24 * H * 4 * 0.8 * 0.25 * f, null);
    const sm = summarize(s, r);
    expect(sm.scaling!.dragShare.mean).toBeCloseTo(1 - f, 12);
    expect(sm.scaling!.peakSeated.mean).toBe(24);
    expect(sm.scaling!.referenceSeats).toBe(6);
  });

  it('hires beyond the recruiting capacity of their month win at rushedWinRate x their rate (closed form), and are counted exactly', () => {
    // 2 seats at the start, 10 opened in month 1 and filled at once, no ramp: 4 at the usual bar, 6 rushed at half the win rate
    const s = scenario(
      { horizonMonths: H, hiring: { plan: [{ month: 1, seats: 10 }], timeToFillMonths: 0, ramp: { months: 0 } }, scaling: { recruitingCapacity: 4, rushedWinRate: 0.5, dragPerDoubling: 0 } },
      { ...reps, seats: 2 },
    );
    const r = simulate(s, { trials: 2000, seed: 72 });
    expect(new Set(Array.from(r.rushedHires))).toEqual(new Set([6]));
    expectMoments(totals(r), H * 4 * 0.8 * 0.25 * (2 + 4 + 6 * 0.5), null);
    expect(summarize(s, r).scaling!.rushedHires.mean).toBe(6);
  });

  it('a block with no effect is bit-identical to none (it draws no random numbers)', () => {
    const base = scenario({ horizonMonths: 24, attrition: { annualRate: 0.3 }, hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 4 }, plan: [{ month: 3, seats: 12 }] } }, { ...reps, cycleMonths: 3, initialPipeline: 'steady-state' });
    const r0 = simulate(base, { trials: 60, seed: 4 });
    const r1 = simulate(parseScenario({ ...base, scaling: { dragPerDoubling: 0, recruitingCapacity: null, rushedWinRate: 1 } }), { trials: 60, seed: 4 });
    expect(Array.from(r1.revenue)).toEqual(Array.from(r0.revenue));
    expect(Array.from(r1.exits)).toEqual(Array.from(r0.exits));
    expect(r1.rushedHires.every((x) => x === 0)).toBe(true);
    expect(r1.peakSeated.some((x) => x >= 36)).toBe(true);
    expect(r0.rushedHires.length).toBe(0);
  });

  it('each effect lowers mean revenue of a growing team on common random numbers (paired, by more than 4 SE)', () => {
    const grow = { horizonMonths: 24, hiring: { plan: [{ month: 2, seats: 24 }], timeToFillMonths: 1, ramp: { months: 3 } } };
    const base = scenario(grow, { ...reps, cycleMonths: 3, initialPipeline: 'steady-state' });
    const with_ = (scaling: Record<string, unknown>) => totals(simulate(parseScenario({ ...base, scaling }), { trials: 400, seed: 9 }));
    const t0 = totals(simulate(base, { trials: 400, seed: 9 }));
    for (const t1 of [with_({ dragPerDoubling: 0.1, recruitingCapacity: null, rushedWinRate: 1 }), with_({ dragPerDoubling: 0, recruitingCapacity: 3, rushedWinRate: 0.7 })]) {
      const d = Array.from(t0, (x, i) => x - t1[i]);
      const m = d.reduce((a, x) => a + x, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / (d.length - 1));
      expect(m).toBeGreaterThan(4 * (sd / Math.sqrt(d.length)));
    }
  });

  it('refuses bad values naming the field', () => {
    expect(() => parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 }, scaling: { dragPerDoubling: 0.9 } })).toThrow(/scaling\.dragPerDoubling.*between 0 and 0\.5/);
    expect(() => parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 }, scaling: { rushedWinRate: 1.5 } })).toThrow(/scaling\.rushedWinRate.*between 0 and 1/);
  });
});
