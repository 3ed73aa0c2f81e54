/** Customers on a forecast's calendar (engine/mechanisms/customers/history.ts), as engine/mechanismHistory.ts reaches it. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../engine/scenario.js';
import { moveOnCalendar } from '../../../../engine/mechanismHistory.js';

const reps = { seats: 2, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1000 };

describe('customers on a forecast calendar', () => {
  it('the block stays as written; a forecast says its base is the scenario\'s, a window says nothing', () => {
    const s = parseScenario({ reps, customers: { annualChurn: 0.1, initial: { count: 10, arr: 5000 } } });
    const w = { shift: 2, months: 10, start: '2025-03', origin: '2025-01' };
    expect(moveOnCalendar(s, s as unknown as Record<string, unknown>, { ...w, forecast: true })).toEqual({
      set: {},
      warnings: ['the customers block runs from its own starting base: the forecast counts bookings (new and expansion as the scenario says)'],
    });
    expect(moveOnCalendar(s, s as unknown as Record<string, unknown>, { ...w, forecast: false })).toEqual({ set: {}, warnings: [] });
    const none = parseScenario({ reps });
    expect(moveOnCalendar(none, none as unknown as Record<string, unknown>, { ...w, forecast: true }).warnings).toEqual([]);
  });
});
