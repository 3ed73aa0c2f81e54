/** Attrition in calibration (engine/mechanisms/attrition/history.ts), as engine/mechanismHistory.ts reaches it. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { calibratedFromRoster } from '../../../../engine/mechanismHistory.js';

describe('attrition in calibration', () => {
  it('writes the annual rate the roster gives (3 significant digits), after hiring, with its SE and counts in the parameter', () => {
    const fit = { exits: 6, backfilled: 6, hiresInWindow: 6, timeToFillMean: 2, timeToFillSd: null, repMonths: 240, annualRate: 1 - (1 - 6 / 240) ** 12, annualRateSe: 0.07, rampMonths: null };
    const all = calibratedFromRoster(fit);
    expect(all.map((c) => Object.keys(c.set))).toEqual([['hiring'], ['attrition']]);
    const a = all[1];
    expect(a.set).toEqual({ attrition: { annualRate: 0.262 } });
    expect(a.params).toEqual([{ param: { path: 'attrition.annualRate', value: fit.annualRate, se: 0.07, method: 'exits / rep-months (6 / 240), annualised 1-(1-q)^12' } }]);
    expect(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 }, ...a.set }).attrition!.annualRate).toBe(0.262);
  });
});
