/**
 * Hiring's part in calibration and forecasting (engine/mechanisms/hiring/history.ts), as the generic code
 * reaches it through the registry (engine/mechanismHistory.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { calibratedFromRoster, hirePatch, moveOnCalendar, rampMonths } from '../../../../engine/mechanismHistory.js';
import { backtestScenario } from '../../../../engine/calibrate/backtest.js';

const reps = { seats: 2, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1000 };
const hired = parseScenario({ reps, hiring: { plan: [{ month: 2, seats: 1 }, { month: 4, seats: 2, territory: 'All' }, { month: 9, seats: 1 }], ramp: { months: 4 } } });

describe('hiring in calibration and forecasting', () => {
  it('planned hires move with the calendar: shifted by the months gone, those before the new month 1 or past the horizon dropped and counted', () => {
    const m = moveOnCalendar(hired, hired as unknown as Record<string, unknown>, { shift: 2, months: 5, start: '2025-03', origin: '2025-01', forecast: true });
    expect((m.set.hiring as { plan: unknown[] }).plan).toEqual([{ month: 2, seats: 2, territory: 'All' }]);
    expect(m.warnings).toEqual(['2 planned hires open before 2025-03 or after the forecast: dropped (those already open are vacancies in the team)']);
    // the rest of the block as written is kept
    expect(parseScenario({ ...hired, ...m.set }).hiring!.ramp).toEqual(hired.hiring!.ramp);
    // a window from month 1 keeps every hire inside it
    const w = moveOnCalendar(hired, hired as unknown as Record<string, unknown>, { shift: 0, months: 4, start: null, origin: null, forecast: false });
    expect((w.set.hiring as { plan: { month: number }[] }).plan.map((p) => p.month)).toEqual([2, 4]);
    expect(backtestScenario(hired, 4).hiring!.plan.map((p) => p.month)).toEqual([2, 4]);
  });

  it('without a hiring block nothing moves, nothing ramps, and a hire action is refused with the reason', () => {
    const none = parseScenario({ reps });
    expect(moveOnCalendar(none, none as unknown as Record<string, unknown>, { shift: 3, months: 6, start: '2025-04', origin: '2025-01', forecast: true })).toEqual({ set: {}, warnings: [] });
    expect(rampMonths(none)).toBe(0);
    expect(rampMonths(hired)).toBe(4);
    expect(hirePatch({ reps }, { seats: 2 })).toEqual({ refused: 'needs a hiring block in the scenario (time to fill and ramp)' });
  });

  it("a forecast's hire action opens seats in month 1, after the plan as written", () => {
    expect(hirePatch({ reps, hiring: { plan: [{ month: 3, seats: 1 }] } }, { seats: 2, territory: 'East' })).toEqual({ patch: { hiring: { plan: [{ month: 3, seats: 1 }, { month: 1, seats: 2, territory: 'East' }] } } });
  });

  it('calibration writes the block from the roster: backfill by majority, time to fill as mean and sd, the fitted ramp, net growth warned', () => {
    const fit = { exits: 4, backfilled: 3, hiresInWindow: 5, timeToFillMean: 1.23456, timeToFillSd: 0.5, repMonths: 100, annualRate: 0.3, annualRateSe: 0.1, rampMonths: 3 };
    const [h] = calibratedFromRoster(fit).filter((c) => 'hiring' in c.set);
    expect(h.set).toEqual({ hiring: { backfill: true, timeToFillMonths: { mean: 1.23, sd: 0.5 }, ramp: { months: 3, curve: 'linear' } } });
    expect(h.params.map((p) => [p.param.path, p.param.value, p.param.se])).toEqual([
      ['hiring.timeToFillMonths', 1.23456, 0.5 / Math.sqrt(3)],
      ['hiring.ramp.months', 3, null],
    ]);
    expect(h.warnings).toEqual(["2 hires in the window were not backfills (net growth): the scenario starts from today's seats; add hiring.plan for the growth you expect"]);
    expect(parseScenario({ reps, ...h.set }).hiring!.timeToFillMonths).toEqual({ mean: 1.23, sd: 0.5 });
    // no backfill observed: the default time to fill, no parameter for it; one exit of four backfilled is not backfill
    const [n] = calibratedFromRoster({ ...fit, backfilled: 1, timeToFillMean: null, timeToFillSd: null, rampMonths: null }).filter((c) => 'hiring' in c.set);
    expect(n.set).toEqual({ hiring: { backfill: false, timeToFillMonths: 2, ramp: { months: 0, curve: 'linear' } } });
    expect(n.params).toEqual([]);
    expect(n.comments['hiring.timeToFillMonths']).toBe('default (no backfill observed)');
  });
});
