/**
 * Customers in forecasting (engine/kernel/calibration.ts): the block stays as written, and a forecast says
 * that its customer base is the scenario's, not the export's (the export has bookings, not customers).
 */
import type { MechanismHistory } from '../../kernel/calibration.js';

export const history = {
  move: (_s, _written, w) => ({
    set: {},
    warnings: w.forecast ? ['the customers block runs from its own starting base: the forecast counts bookings (new and expansion as the scenario says)'] : [],
  }),
} satisfies MechanismHistory;
