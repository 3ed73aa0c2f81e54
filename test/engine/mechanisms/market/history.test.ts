/**
 * The market's part in calibration and forecasting (engine/mechanisms/market/history.ts), as the generic code
 * reaches it through the registry (engine/mechanismHistory.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { compile } from '../../../../engine/compile.js';
import { calendarStart, calibratedFromArrivals, moveOnCalendar } from '../../../../engine/mechanismHistory.js';
import { backtestScenario } from '../../../../engine/calibrate/backtest.js';
import { planYearStart } from '../../../../engine/calibrate/synthesize.js';

const reps = { seats: 2, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1000 };
const seasonality = [0.5, 0.6, 1.2, 1, 1, 1.5, 0.9, 0.6, 1, 1.3, 1.2, 1.2];
const grown = parseScenario({ reps, horizonMonths: 12, market: { annualGrowth: 0.2, seasonality, start: '2025-01' } });

describe('the market in calibration and forecasting', () => {
  it("its start is the scenario's month 1 on the calendar; without a market there is none", () => {
    expect(calendarStart(grown)).toBe('2025-01');
    expect(calendarStart(parseScenario({ reps }))).toBeNull();
    expect(planYearStart(parseScenario({ reps }))).toBe('2025-01');
    expect(planYearStart(parseScenario({ reps, market: { start: '2024-07' } }))).toBe('2024-07');
  });

  it('moved on the calendar, month 1 is the new start and the growth anchor stays: the compiled factors are the old ones from the shifted month', () => {
    const m = moveOnCalendar(grown, grown as unknown as Record<string, unknown>, { shift: 3, months: 9, start: '2025-04', origin: '2025-01', forecast: true });
    expect(m.set.market).toMatchObject({ start: '2025-04', baseMonth: '2025-01' });
    const before = compile(grown).market;
    const after = compile(parseScenario({ ...grown, horizonMonths: 9, ...m.set })).market;
    for (let k = 0; k < 9; k++) expect(after[k]).toBeCloseTo(before[k + 3], 12);
    // a window that keeps the calendar moves nothing; without a start the base month is the origin given
    expect(moveOnCalendar(grown, grown as unknown as Record<string, unknown>, { shift: 0, months: 6, start: null, origin: null, forecast: false }).set).toEqual({});
    const plain = parseScenario({ reps, market: { annualGrowth: 0.1 } });
    expect(backtestScenario(plain, 6, '2024-05').market).toMatchObject({ start: '2024-05', baseMonth: '2024-05' });
  });

  it('calibration writes the block only for a kept term: growth and seasonality as fitted, month 1 the month after the history, its tests warned of', () => {
    const tests = [
      { term: 'growth' as const, test: 'quasi-Poisson F(1, 20)', f: 12.3456, pValue: 0.0021, kept: true },
      { term: 'seasonality' as const, test: 'quasi-Poisson F(11, 9)', f: 1.2, pValue: 0.4, kept: false },
    ];
    const fit = { tests, growth: true, seasonality: false, annualGrowth: 0.123456, annualGrowthSe: 0.04, multipliers: new Array(12).fill(1), multipliersSe: new Array(12).fill(null) };
    const [c] = calibratedFromArrivals(fit, '2026-01');
    expect(c.set).toEqual({ market: { annualGrowth: 0.123, seasonality: new Array(12).fill(1), start: '2026-01', baseMonth: '2026-01' } });
    expect(c.params.map((p) => p.param.path)).toEqual(['market.annualGrowth']);
    expect(c.warnings).toEqual(['the market moves: growth (12.3% a year) by a likelihood-ratio test (F = 12.3, p = 0.0021): the scenario has a market block starting 2026-01 and opportunitiesPerMonth is the rate there, before seasonality']);
    expect(c.comments['market.seasonality']).toBe('no seasonality beyond chance (p = 0.4)');
    expect(parseScenario({ reps, ...c.set }).market!.annualGrowth).toBe(0.123);
    // seasonality kept: twelve parameters, January first
    const seas = calibratedFromArrivals({ ...fit, growth: false, seasonality: true, multipliers: seasonality, multipliersSe: new Array(12).fill(0.05), tests: [{ ...tests[0], kept: false }, { ...tests[1], kept: true, pValue: 0.001 }] }, '2026-01')[0];
    expect(seas.params.map((p) => p.param.path)).toEqual(seasonality.map((_, k) => `market.seasonality[${k}]`));
    expect((seas.set.market as { annualGrowth: number; seasonality: number[] })).toMatchObject({ annualGrowth: 0, seasonality });
    // nothing kept: nothing written
    expect(calibratedFromArrivals({ ...fit, growth: false, tests: [{ ...tests[0], kept: false }, tests[1]] }, '2026-01')).toEqual([{ set: {}, comments: {}, params: [], warnings: [] }]);
  });
});
