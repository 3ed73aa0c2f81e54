/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, bool } from '../../kernel/schemaRules.js';
import { MAX_OPEN_PER_SEAT } from '../../kernel/limits.js';

export const QuotaSchema = z.strictObject({
  method: z.enum(['flat', 'potential', 'none'], { error: 'must be flat, potential or none' }).default('flat'),
  annualPerRep: nonNeg().nullable().default(null),
  rampAdjusted: bool().default(true),
  plan: pos().nullable().default(null),
});

/**
 * Escalation: at each quarter end, when the team's realised win rate over the quarter (won / resolved,
 * padded opportunities included) is below 1 / multiple, leadership raises the global multiple by `step`,
 * up to `cap`; it never comes down.
 */
export const EscalationSchema = z.strictObject({
  step: pos().default(1),
  cap: pos().default(7),
});

export const CoverageSchema = z.strictObject({
  policy: z.enum(['none', 'global', 'individual'], { error: 'must be none, global or individual' }).default('none'),
  multiple: pos().default(3),
  paddingQuality: prob().default(0.2),
  escalation: EscalationSchema.nullable().default(null),
});

/**
 * What the engine can run of the padding (engine/runnable.ts): a month's padding is at most (the multiple, or the
 * escalation cap) x a quarter's quota / the expected deal (`deal`, the core's: kernel/limits.ts's expectedDeal of
 * reps.dealSize), and a seat's padded pipeline must fit its 32-bit counts.
 * @example // paddingBounds(s, expectedDeal(s.reps.dealSize), add) inside the scenario schema's superRefine
 */
export function paddingBounds(
  s: { quota?: { annualPerRep: number | null } | null; coverage?: { policy: string; multiple: number; escalation?: { cap: number } | null } | null },
  deal: number,
  add: (path: (string | number)[], message: string) => void,
): void {
  const q = s.quota;
  const cov = s.coverage;
  if (cov && cov.policy !== 'none' && q && q.annualPerRep !== null) {
    const multiple = Math.max(cov.multiple, cov.escalation?.cap ?? 0);
    const pad = deal > 0 ? (multiple * q.annualPerRep) / 4 / deal : Infinity;
    if (pad > MAX_OPEN_PER_SEAT) {
      const fits = Math.floor((MAX_OPEN_PER_SEAT * 4 * deal) / multiple);
      add(['quota', 'annualPerRep'], `must keep a seat's padded pipeline (coverage multiple x a quarter's quota / the expected deal) under ${MAX_OPEN_PER_SEAT.toExponential(0)}, so its counts cannot overflow: the largest value that fits is ${fits}`);
    }
  }
}
