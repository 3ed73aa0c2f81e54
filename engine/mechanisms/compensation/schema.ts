/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { int, nonNeg, pos, prob } from '../../kernel/schemaRules.js';

/** Below `below` x quota the plan pays `rate` x the base commission rate (a decelerator). */
export const DeceleratorSchema = z.strictObject({
  below: pos().max(1, 'must be <= 1 (an attainment below quota)').default(0.5),
  rate: nonNeg().max(1, 'must be between 0 and 1').default(0.5),
});

/** Above `above` x quota the plan pays `rate` x the base commission rate (an accelerator). */
export const AcceleratorSchema = z.strictObject({
  above: pos().min(1, 'must be >= 1 (an attainment at or above quota)'),
  rate: pos(),
});

/** A guarantee (a non-recoverable draw) for new hires: in their first `months` months the variable paid is at least `share` x the monthly target variable. */
export const GuaranteeSchema = z.strictObject({
  months: int(1, 24).default(3),
  share: prob().default(1),
});

/** A SPIF: in months fromMonth..toMonth every booking pays an extra `rate` x its value. */
export const SpifSchema = z.strictObject({
  fromMonth: int(1, 600),
  toMonth: int(1, 600),
  rate: prob(),
});

/** The compensation plan (engine/mechanisms/compensation/compensation.ts). */
export const CompensationSchema = z.strictObject({
  /** annual on-target earnings per rep (base + target variable) */
  ote: pos(),
  /** variable share of OTE (pay mix); the rest is base salary */
  variableShare: prob().default(0.5),
  /** annual quota per rep for the plan; null = the quota block's */
  quota: pos().nullable().default(null),
  decelerator: DeceleratorSchema.nullable().default(null),
  /** accelerator tiers above quota, in increasing `above` */
  accelerators: z.array(AcceleratorSchema, { error: 'must be a list' }).max(8, 'must have at most 8 tiers').default([]),
  /** variable payout cap as a multiple of the target variable (2 = at most 200%); null = uncapped */
  cap: pos().nullable().default(null),
  guarantee: GuaranteeSchema.nullable().default(null),
  spifs: z.array(SpifSchema, { error: 'must be a list' }).max(24, 'must have at most 24 SPIFs').default([]),
});

/**
 * The rules that span blocks: a plan needs a quota (its own, or the quota block's per-rep quota).
 * @example // compensationRules(s, add) inside the scenario schema's superRefine
 */
export function compensationRules(s: { compensation?: { quota: number | null; accelerators: { above: number }[]; spifs: { fromMonth: number; toMonth: number }[] } | null; quota?: { method: string; annualPerRep: number | null; plan: number | null } | null }, add: (path: (string | number)[], message: string) => void): void {
  const k = s.compensation;
  if (!k) return;
  const q = s.quota;
  if (k.quota === null && (!q || q.method === 'none' || (q.annualPerRep === null && q.plan === null))) add(['compensation', 'quota'], 'is required when the scenario has no quota block with annualPerRep or plan');
  k.accelerators.forEach((a, i) => {
    if (i > 0 && a.above <= k.accelerators[i - 1].above) add(['compensation', 'accelerators', i, 'above'], 'must be greater than the previous tier\'s');
  });
  k.spifs.forEach((x, i) => {
    if (x.toMonth < x.fromMonth) add(['compensation', 'spifs', i, 'toMonth'], 'must be >= fromMonth');
  });
}
