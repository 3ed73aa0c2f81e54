/** The scaling mechanism's compiled parameters, trial state and Summary section. */
import type { Stats } from '../../stats/statsType.js';

/** The compiled scaling block. */
export interface CompiledScaling {
  /** team size with no drag */
  reference: number;
  drag: number;
  /** hires a month at the usual bar (Infinity: no limit) */
  capacity: number;
  rushed: number;
}

/** Per trial: this month's drag factor and the trial's counts. */
export interface ScalingState {
  /** this month's multiplier on every rep's new opportunities (1: no drag) */
  factor: number;
  /** the trial's hires beyond the recruiting capacity */
  rushedHires: number;
  /** sum over months of (1 - factor): opportunity-months lost per rep */
  lost: number;
  /** the largest seated team of the trial */
  peakSeated: number;
}

/** The Summary's section. */
export interface ScalingSummary {
  /** the team size the rates describe (no drag up to it); null: the seats at the start */
  referenceSeats: number | null;
  /** hires per trial made beyond the recruiting capacity (each at rushedWinRate x its win rate) */
  rushedHires: Stats;
  /** share of a rep's new opportunities lost to coordination drag, averaged over the horizon's months */
  dragShare: Stats;
  /** the largest seated team of each trial */
  peakSeated: Stats;
}
