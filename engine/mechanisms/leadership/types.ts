/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface LeaderParams {
  shape: number;
  scale: number;
  vacancy: number;
  disruptionMonths: number;
  dip: number;
  attritionMultiplier: number;
  monthsToEffect: number;
  lift: number;
  hasProgram: boolean;
  grace: number;
  impatienceBelow: number;
  hasImpatience: boolean;
}

/** Mutable leader state of one trial (numbers only; reused across trials). */
export interface LeaderState {
  start: number;
  exit: number;
  changes: number;
  lost: number;
  lastExitMonth: number;
}
