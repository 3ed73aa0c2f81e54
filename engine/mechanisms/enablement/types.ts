/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface CompiledProgramme {
  start: number;
  end: number;
  monthsToFull: number;
  target: number;
  adoption: number;
  gapClosed: number;
  rampMonthsSaved: number;
  noDecisionCut: number;
  sellingTimeGain: number;
  oneTime: number;
  perRepPerMonth: number;
}
