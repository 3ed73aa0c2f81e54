/** Attrition's slice of the compiled scenario (engine/kernel/slice.ts): the monthly hazard and low-performer exits. */
import { defineSlice } from '../../kernel/slice.js';
import { monthlyHazard } from '../../kernel/hazard.js';
import { PURPOSE } from './streams.js';

/** Attrition's compiled parameters (off: hazard 0). */
export interface AttritionCompiled {
  attrition: boolean;
  hazard: number;
  pipelineLoss: number;
  lowPerf: boolean;
  lowPerfBelow: number;
  lowPerfQuarters: number;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends AttritionCompiled {}
}

/** Compiles the attrition block; draws exits from each seat's `exits` stream. */
export const slice = defineSlice({
  compile: (s): AttritionCompiled => ({
    attrition: s.attrition !== null,
    hazard: s.attrition ? monthlyHazard(s.attrition.annualRate) : 0,
    pipelineLoss: s.attrition?.pipelineLossOnExit ?? 0,
    lowPerf: !!s.attrition?.lowPerformerExit,
    lowPerfBelow: s.attrition?.lowPerformerExit?.attainmentBelow ?? 0,
    lowPerfQuarters: s.attrition?.lowPerformerExit?.consecutiveQuarters ?? 0,
  }),
  purposes: (s) => (s.attrition ? 1 << PURPOSE.exits : 0),
});
