/** Selling time's slice of the compiled scenario (engine/kernel/slice.ts): the hours budget and what each opportunity costs. */
import { defineSlice } from '../../kernel/slice.js';

/** Selling time's compiled parameters (off: hours 0, budget Infinity). */
export interface SellingTimeCompiled {
  sellingTime: boolean;
  hoursBudget: number;
  hoursReal: number;
  hoursPad: number;
  hoursOpen: number;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends SellingTimeCompiled {}
}

/** Compiles the sellingTime block (it draws nothing). */
export const slice = defineSlice({
  compile: (s): SellingTimeCompiled => ({
    sellingTime: s.sellingTime != null,
    hoursBudget: s.sellingTime?.hoursPerMonth ?? Infinity,
    hoursReal: s.sellingTime?.hoursPerOpportunity ?? 1,
    hoursPad: s.sellingTime?.hoursPerPaddedOpportunity ?? 0,
    hoursOpen: s.sellingTime?.hoursPerOpenOpportunityPerMonth ?? 0,
  }),
});
