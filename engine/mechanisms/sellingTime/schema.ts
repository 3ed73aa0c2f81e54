/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { nonNeg, pos } from '../../kernel/schemaRules.js';

/**
 * A rep's monthly selling-time budget (hours). Real prospecting costs hoursPerOpportunity per qualified
 * opportunity, padding hoursPerPaddedOpportunity per padded one, and every open opportunity
 * hoursPerOpenOpportunityPerMonth of work a month. Padding hours come out of the next month's
 * prospecting (fewer real arrivals) and, beyond it, out of the time to work deals (diluted win rates).
 */
export const SellingTimeSchema = z.strictObject({
  hoursPerMonth: pos().nullable().default(null),
  hoursPerOpportunity: pos(),
  hoursPerPaddedOpportunity: nonNeg(),
  hoursPerOpenOpportunityPerMonth: nonNeg().default(0),
});
