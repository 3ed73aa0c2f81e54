/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { int, num } from '../../kernel/schemaRules.js';

/** One drifting quantity: a linear trend from startMonth over overMonths, and an optional mean-preserving log random walk. */
export const DriftTrendSchema = z.strictObject({
  /** relative change reached overMonths after startMonth and kept after: -0.2 = 20% lower */
  change: num().gt(-1, 'must be > -1 (a relative change)').max(10, 'must be <= 10 (a relative change)').default(0),
  /** months the trend takes to reach `change` */
  overMonths: int(1, 600).default(12),
  /** month in which the trend starts (its factor is 1 up to and including it) */
  startMonth: int(1, 600).default(1),
  /** monthly sd of a mean-preserving random walk on the log of the factor (0 = none) */
  walkSd: num().min(0, 'must be between 0 and 0.5').max(0.5, 'must be between 0 and 0.5').default(0),
});

/** Markets that move: win rate, deal size and no-decision rate follow a trend (and a random walk) over the horizon (engine/mechanisms/drift/drift.ts). */
export const DriftSchema = z.strictObject({
  /** multiplies every seated rep's effective win rate (capped at 1) */
  winRate: DriftTrendSchema.optional(),
  /** multiplies every won deal's value */
  dealSize: DriftTrendSchema.optional(),
  /** multiplies every seated rep's no-decision rate (capped at 1) */
  noDecisionRate: DriftTrendSchema.optional(),
});
