/** The compiled manager layer and its per-trial state (a leaf). */
import type { Stats } from '../../stats/statsType.js';

export interface CompiledManagers {
  span: number;
  teams: number;
  /** team of each seat (floor(s / span)), so the seat pass looks it up instead of dividing */
  team: Int32Array;
  qMean: number;
  qSd: number;
  /** coaching time: min(1, referenceSpan / span) */
  coaching: number;
  winRateLift: number;
  rampSpeedup: number;
  poor: number;
  good: number;
  /** managers' monthly exit hazard */
  hazard: number;
  vacancy: number;
  disruptionMonths: number;
  disruptionMultiplier: number;
}

export interface ManagerState {
  /** per team: quality of its (current or next) manager, month the manager is present from, last disrupted month */
  quality: Float64Array;
  presentFrom: Int32Array;
  disruptedTo: Int32Array;
  /** per team this month: win-rate multiplier, exit-hazard multiplier, ramp-speed multiplier */
  win: Float64Array;
  hazard: Float64Array;
  ramp: Float64Array;
  /** per seat: the holder whose ramp speed was set (-1 none) */
  person: Int32Array;
  /** the trial's manager exits and team-months without a manager */
  exits: number;
  vacantMonths: number;
}

/** The Summary's section. */
export interface ManagersSummary {
  /** teams of the seats at the start (ceil(seats / span)) */
  teamsAtStart: number;
  exits: Stats;
  teamMonthsWithoutManager: Stats;
}
