/** Enablement on a forecast's calendar (engine/mechanisms/enablement/history.ts), as engine/mechanismHistory.ts reaches it. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { moveOnCalendar } from '../../../../engine/mechanismHistory.js';

const reps = { seats: 2, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1000 };
const s = parseScenario({
  reps,
  enablement: [
    { name: 'ended', startMonth: 1, endMonth: 3 },
    { name: 'running', startMonth: 2, endMonth: 10, monthsToFullEffect: 4, cost: { oneTime: 5000, perRepPerMonth: 10 } },
    { name: 'later', startMonth: 6 },
    { name: 'past', startMonth: 12 },
  ],
});
const raw = s as unknown as Record<string, unknown>;

describe('enablement on a forecast calendar', () => {
  it('programmes shift by the months gone: one running goes on from month 1 with the rest of its ramp and no one-time cost, ended and past ones are dropped', () => {
    const m = moveOnCalendar(s, raw, { shift: 3, months: 8, start: '2025-04', origin: '2025-01', forecast: true });
    const e = parseScenario({ ...s, horizonMonths: 8, ...m.set }).enablement;
    expect(e.map((p) => [p.name, p.startMonth, p.endMonth])).toEqual([
      ['running', 1, 7],
      ['later', 3, null],
    ]);
    // started in month 2, 4 months to full effect: at the new month 1 (old month 4) 2 of them are left
    expect(e[0].monthsToFullEffect).toBe(2);
    expect(e[0].cost).toEqual({ oneTime: 0, perRepPerMonth: 10 });
    expect(e[1].monthsToFullEffect).toBe(0);
    expect(m.warnings).toEqual([]);
  });

  it('a window of the scenario from its month 1 leaves the programmes as written', () => {
    expect(moveOnCalendar(s, raw, { shift: 0, months: 6, start: '2025-01', origin: '2025-01', forecast: false }).set).toEqual({});
  });
});
