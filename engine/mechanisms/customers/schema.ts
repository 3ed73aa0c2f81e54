/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, int, str } from '../../kernel/schemaRules.js';

/** An ARR distribution: a fixed value or lognormal by median and sigma (like deal sizes). */
export const ArrSchema = z.union([pos(), z.strictObject({ median: pos(), sigma: nonNeg() })], {
  error: 'must be a positive number or { median, sigma }',
});

/**
 * Recurring revenue (optional; absent = one-off bookings only). Each won deal becomes a customer whose ARR
 * is the deal size (ACV); churn is a hazard from the annual gross (logo) churn rate, decided every month
 * or only at contract anniversaries; retained ARR expands at the annual net expansion rate (compounded
 * monthly); customers yield referral opportunities; a customer-experience programme lowers churn and
 * raises expansion and referrals.
 */
export const CustomersSchema = z.strictObject({
  annualChurn: prob(),
  churnDecided: z.enum(['monthly', 'anniversary'], { error: 'must be monthly or anniversary' }).default('monthly'),
  annualExpansion: nonNeg().default(0),
  grossMargin: prob().default(1),
  initial: z
    .union([z.literal('steady-state', { error: "must be 'steady-state' or { count, arr }" }), z.strictObject({ count: int(0, 1_000_000), arr: ArrSchema })], {
      error: "must be 'steady-state' or { count, arr }",
    })
    .nullable()
    .default(null),
  referrals: z
    .strictObject({ perCustomerPerYear: nonNeg(), winRate: prob() })
    .nullable()
    .default(null),
  experience: z
    .strictObject({
      name: str().default('Customer success'),
      startMonth: int(1, 120).default(1),
      monthsToFullEffect: nonNeg().default(0),
      churnCut: prob().default(0),
      expansionLift: nonNeg().default(0),
      referralLift: nonNeg().default(0),
      cost: z
        .strictObject({ oneTime: nonNeg().default(0), perMonth: nonNeg().default(0), perCustomerPerMonth: nonNeg().default(0) })
        .default({ oneTime: 0, perMonth: 0, perCustomerPerMonth: 0 }),
    })
    .nullable()
    .default(null),
});
