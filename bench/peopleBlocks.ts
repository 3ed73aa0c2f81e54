/**
 * Issue 27's blocks as the bench sets them on the full model (bench/full-model.yaml): drift, compensation,
 * retention and managers at the studies' kind of settings, and the selling-time budget the coverage response
 * needs. Shared by bench/issue27-blocks.ts (speed) and bench/result-hashes.ts (bit-identity).
 */
export const PEOPLE_BLOCKS = {
  drift: { winRate: { change: -0.2, overMonths: 24, walkSd: 0.02 }, dealSize: { change: 0.05, overMonths: 12, walkSd: 0.02 }, noDecisionRate: { change: 0.1, overMonths: 24 } },
  compensation: { ote: 180000, decelerator: { below: 0.5, rate: 0.5 }, accelerators: [{ above: 1, rate: 1.5 }, { above: 1.5, rate: 2 }], cap: 2.5, guarantee: { months: 3, share: 1 }, spifs: [{ fromMonth: 10, toMonth: 12, rate: 0.02 }] },
  retention: { raise: { amount: 0.1 } },
  managers: { span: 8 },
};

export const SELLING_TIME = { sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 } };
