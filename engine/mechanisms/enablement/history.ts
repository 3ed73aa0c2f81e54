/**
 * Enablement in forecasting (engine/kernel/calibration.ts): on a forecast's calendar its programmes shift by
 * the months gone; one already running runs on from month 1 with what is left of its ramp to full effect (its
 * one-time cost spent), one ended before month 1 or starting after the horizon is dropped. A window of the
 * scenario from its month 1 leaves them as they are.
 */
import type { Scenario } from '../../scenario.js';
import type { MechanismHistory } from '../../kernel/calibration.js';

export const history = {
  move: (s: Scenario, _written, w) => {
    if (!w.forecast) return { set: {}, warnings: [] };
    const enablement = s.enablement
      .filter((p) => p.endMonth === null || p.endMonth - w.shift >= 1)
      .map((p) => {
        const startMonth = p.startMonth - w.shift;
        if (startMonth >= 1) return { ...p, startMonth, endMonth: p.endMonth === null ? null : p.endMonth - w.shift };
        // already running: from month 1 with what is left of its ramp to full effect (its one-time cost is spent)
        return { ...p, startMonth: 1, endMonth: p.endMonth === null ? null : p.endMonth - w.shift, monthsToFullEffect: Math.max(0, p.monthsToFullEffect + startMonth - 1), cost: { ...p.cost, oneTime: 0 } };
      })
      .filter((p) => p.startMonth <= w.months);
    return { set: { enablement }, warnings: [] };
  },
} satisfies MechanismHistory;
