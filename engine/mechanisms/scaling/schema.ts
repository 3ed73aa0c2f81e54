/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { int, nonNeg } from '../../kernel/schemaRules.js';

/**
 * What gets harder as the team grows (engine/mechanisms/scaling/scaling.ts): coordination drag on each rep's
 * opportunities as the seated team outgrows the size its rates were measured at, and hires beyond the
 * recruiters' monthly capacity made below the usual bar.
 */
export const ScalingSchema = z.strictObject({
  /** the team size the scenario's rates describe (null: the seats at the start); no drag up to it */
  referenceSeats: int(1, 1_000_000).nullable().default(null),
  /** share of each rep's new opportunities lost per doubling of the seated team beyond referenceSeats (internal meetings, account conflicts, territory carving) */
  dragPerDoubling: nonNeg().max(0.5, 'must be between 0 and 0.5').default(0.05),
  /** hires a month the recruiters can vet at the usual bar (null: no limit) */
  recruitingCapacity: int(0, 1_000_000).nullable().default(3),
  /** a hire beyond recruitingCapacity in its month wins at this multiple of the win rate drawn for it */
  rushedWinRate: nonNeg().max(1, 'must be between 0 and 1').default(0.85),
});
