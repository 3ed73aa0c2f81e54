/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, int, str } from '../../kernel/schemaRules.js';

/** Leads a month: a mean (the month's count is Poisson, as independent arrivals are) or { mean, sd }: the month's mean drawn from a gamma. */
export const LeadsSchema = z.union([nonNeg(), z.strictObject({ mean: nonNeg(), sd: nonNeg() })], { error: 'must be a number of leads a month or { mean, sd }' });

/**
 * Demand generation (optional; absent = opportunities only from the reps' own prospecting, as before):
 * marketing leads, worked by SDRs (optional capacity), qualified after a delay, the not-ready share
 * nurtured (or lost without a programme), the hand-off to sales and its quality penalty
 * (engine/mechanisms/demand/demand.ts). Defaults cite their source (docs/design.md, Sources of defaults).
 */
export const DemandSchema = z.strictObject({
  /** leads a month (one of leadsPerMonth or budgetPerMonth; null = not given) */
  leadsPerMonth: LeadsSchema.nullable().optional(),
  /** marketing budget a month; leads a month = budgetPerMonth / costPerLead (null = not given) */
  budgetPerMonth: nonNeg().nullable().optional(),
  /** cost of one lead (charged per lead with leadsPerMonth) */
  costPerLead: nonNeg().default(0),
  /** how qualified opportunities are shared between territories: by initial seats, by potential, or by listed shares */
  routing: z
    .union(
      [
        z.enum(['seats', 'potential'], { error: 'must be seats, potential or a list of { territory, share }' }),
        z.array(z.strictObject({ territory: str(), share: prob() }), { error: 'must be a list of { territory, share }' }).min(1, 'must name at least one territory'),
      ],
      { error: 'must be seats, potential or a list of { territory, share }' },
    )
    .default('seats'),
  /** share of worked leads that become qualified opportunities; source (docs/design.md, Sources of defaults): "about 1 in 10 prospects becomes a qualified opportunity" */
  qualifiedShare: prob().default(0.1),
  /** months from a lead being worked to its qualified opportunity reaching sales (0 = the same month) */
  qualificationDelayMonths: int(0, 24).default(0),
  /** share of worked leads not ready to buy; source (docs/design.md, Sources of defaults): "half of leads are not ready to buy" */
  notReadyShare: prob().default(0.5),
  /** a nurturing programme for the not-ready leads; null: "most are never nurtured" (docs/design.md, Sources of defaults), and they are lost */
  nurture: z
    .strictObject({
      /** share of the pool that becomes a qualified opportunity each month */
      monthlyConversion: prob(),
      /** share of the pool that leaves (buys elsewhere, goes cold) each month */
      monthlyExit: prob(),
      costPerMonth: nonNeg().default(0),
      costPerLeadPerMonth: nonNeg().default(0),
    })
    .nullable()
    .default(null),
  /** share of qualified opportunities lost in the marketing-to-sales hand-off (the "Telephone" game) */
  handoffLoss: prob().default(0),
  /** win-rate multiplier of marketing-sourced opportunities (sales and marketing disagree on what a lead is) */
  quality: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 2').max(2, 'must be between 0 and 2').default(1),
  /** SDRs who work the leads (null: every lead is worked in the month it arrives) */
  sdr: z
    .strictObject({
      count: int(0, 100_000),
      leadsPerSdrMonth: pos(),
      monthlyCost: nonNeg().default(0),
      /** months to full capacity of SDRs who start at month 1 (linear); 0 = ramped */
      rampMonths: nonNeg().default(0),
      /** share of the leads waiting for an SDR that decay (are lost) each month */
      waitDecay: prob(),
    })
    .nullable()
    .default(null),
});
