/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { prob, nonNeg, pos, int } from '../../kernel/schemaRules.js';

export const LeadershipSchema = z.strictObject({
  tenureMonths: z.strictObject({ mean: pos(), shape: pos().default(1) }),
  vacancyMonths: nonNeg().default(0),
  disruption: z
    .strictObject({ months: int(0, 120), productivityDip: prob().default(0), attritionMultiplier: nonNeg().default(1) })
    .nullable()
    .default(null),
  changeProgram: z.strictObject({ monthsToEffect: nonNeg(), winRateLift: nonNeg() }).nullable().default(null),
  impatience: z.strictObject({ graceMonths: nonNeg(), attainmentBelow: nonNeg() }).nullable().default(null),
});

/** Shortest mean leader tenure, months. */
export const MIN_LEADER_TENURE = 0.01;
/** Smallest gamma shape of a tenure (below, draws underflow to exactly 0). */
export const MIN_GAMMA_SHAPE = 0.01;

/**
 * What the engine can run of the block (engine/runnable.ts): leader changes are simulated one by one, a month
 * holding about 1 / mean tenure of them (renewal), and a tiny gamma shape draws tenures of exactly 0.
 * @example // leadershipBounds(s, add) inside the scenario schema's superRefine
 */
export function leadershipBounds(s: { leadership?: { tenureMonths: { mean: number; shape: number } } | null }, add: (path: (string | number)[], message: string) => void): void {
  const lt = s.leadership?.tenureMonths;
  if (lt && lt.mean < MIN_LEADER_TENURE) add(['leadership', 'tenureMonths', 'mean'], `must be at least ${MIN_LEADER_TENURE} months (each leader change is simulated; shorter tenures make them unbounded)`);
  if (lt && lt.shape < MIN_GAMMA_SHAPE) add(['leadership', 'tenureMonths', 'shape'], `must be at least ${MIN_GAMMA_SHAPE} (smaller shapes draw tenures of exactly 0)`);
}
