/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface TeamParams {
  /** monthly hazard (0: every holder is productive) */
  q: number;
  /** ramp months */
  R: number;
  /** probability that a seat starts vacant */
  pVacant: number;
  /** CDF of the months of vacancy left, r = 1, 2, ... at index r - 1 */
  remainingCdf: Float64Array;
  /** w_k at index k (k = 1..K); tenure beyond K uses w_K */
  pipelineWeight: Float64Array;
  /** a vacant seat's open pipeline (the leaver's) per unit of full-ramp rate, by months of vacancy left r at index r - 1 */
  vacantWeight: Float64Array;
  /** an explicit roster (`initialTeam: { asOf, roster }`), in seat order; null = the stationary start */
  roster: RosterStart | null;
}
/** The initial seats of a roster: each holder's tenure month at month 1, or a vacancy and how long it has been open. */
export interface RosterStart {
  /** tenure month k of the holder in month 1 (0: the seat is vacant) */
  tenure: Int32Array;
  /** whole months a vacant seat has already been open at month 1 */
  vacantFor: Int32Array;
  /** P(D = d) of the whole months to fill, d = 0.. (empty without a hiring block: a vacancy is never filled) */
  fillPmf: Float64Array;
  /** the initial pipeline of holders is drawn from their tenure (reps.initialPipeline steady-state, no openPipeline) */
  pipeline: boolean;
  /** track records (engine/mechanisms/team/record.ts): won and lost (-1: none) and the won amounts' geometric mean (NaN: none) */
  won: Int32Array;
  lost: Int32Array;
  wonGeoMean: Float64Array;
}
