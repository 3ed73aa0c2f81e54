/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { pos, int, str } from '../../kernel/schemaRules.js';

export const dateText = () => str().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

/** One seat of an explicit starting team: held since a hire date, or vacant (engine/mechanisms/team/team.ts). */
export const RosterSeatSchema = z.strictObject({
  /** the holder (or, for a vacant seat, its leaver): what `openPipeline[].owner` names */
  name: str().min(1, 'must not be empty').optional(),
  /** required when the scenario has more than one territory */
  territory: str().optional(),
  /** the holder's hire date (on or before asOf); absent with `vacant: true` */
  hired: dateText().optional(),
  /** the seat has no holder at asOf: it is filled after the time to fill (needs a hiring block) */
  vacant: z.literal(true, { error: 'must be true (or left out)' }).optional(),
  /** when the vacancy began (on or before asOf): the months it has been open count against the time to fill */
  since: dateText().optional(),
  /** the holder's (a vacancy's leaver's) track record before asOf: updates the prior of their win rate and deal size (engine/mechanisms/team/record.ts) */
  record: z
    .strictObject({
      /** decided deals won and lost (no-decisions left out) */
      won: int(0, 10_000_000),
      lost: int(0, 10_000_000),
      /** geometric mean of the won amounts; null = the deal-size multiplier is not updated */
      wonGeoMean: pos().nullable().default(null),
    })
    .optional(),
});

/** The team as it stands at `asOf`: month 1 is the month after it; each territory's seats are its entries. */
export const RosterTeamSchema = z.strictObject({
  asOf: dateText(),
  roster: z.array(RosterSeatSchema, { error: 'must be a list of seats' }).min(1, 'must have at least one seat').max(100_000, 'must have at most 100000 seats'),
});

export const InitialTeamSchema = z.union([z.enum(['ramped', 'steady-state'], { error: 'must be ramped or steady-state' }), RosterTeamSchema], {
  error: 'must be ramped, steady-state or { asOf, roster: [...] }',
});
