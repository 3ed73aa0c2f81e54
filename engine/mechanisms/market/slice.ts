/** The market's slice of the compiled scenario (engine/kernel/slice.ts): seasonality and growth. */
import { defineSlice } from '../../kernel/slice.js';
import { compileMarket } from './market.js';

/** The market's compiled parameters. */
export interface MarketCompiled {
  /** arrival multiplier of months 1..H (index m - 1), all 1 without a market block */
  market: Float64Array;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends MarketCompiled {}
}

/** Compiles the market block (it draws nothing). */
export const slice = defineSlice({
  compile: (s): MarketCompiled => ({ market: compileMarket(s.market, s.horizonMonths) }),
});
