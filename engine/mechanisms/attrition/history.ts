/** Attrition in calibration (engine/kernel/calibration.ts): the annual rate the roster's exits per rep-month give. */
import { param, type MechanismHistory } from '../../kernel/calibration.js';
import { sig } from '../../stats/sig.js';

export const history = {
  fromRoster: (fit) => ({
    set: { attrition: { annualRate: sig(fit.annualRate, 3) } },
    comments: {},
    params: [{ param: param('attrition.annualRate', fit.annualRate, fit.annualRateSe, `exits / rep-months (${fit.exits} / ${fit.repMonths}), annualised 1-(1-q)^12`) }],
    warnings: [],
  }),
} satisfies MechanismHistory;
