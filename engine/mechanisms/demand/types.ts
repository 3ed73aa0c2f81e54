/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
/** The demand block in the loop's terms. */
export interface CompiledDemand {
  /** mean leads a month, and the sd of the month's mean (0: Poisson at the mean) */
  leadMean: number;
  leadSd: number;
  /** charged per lead (leadsPerMonth), and a fixed monthly spend (budgetPerMonth) */
  costPerLead: number;
  budget: number;
  /** routing: the conditional probability of territory t given it is none of 0..t-1 (multinomial by sequential binomials) */
  routeCond: Float64Array;
  /** qualified share, and the not-ready share of the leads that do not qualify */
  qualified: number;
  notReadyCond: number;
  delay: number;
  nurture: boolean;
  conversion: number;
  /** exit probability of a lead that did not convert: monthlyExit / (1 - monthlyConversion) */
  exitCond: number;
  nurtureFixed: number;
  nurturePerLead: number;
  /** 1 - handoffLoss */
  handoffKeep: number;
  quality: number;
  sdr: boolean;
  /** SDR capacity in month m (index m - 1): leads worked */
  sdrCapacity: Float64Array;
  sdrMonthlyCost: number;
  waitDecay: number;
}

/** The demand block's state in one trial (reset by `demandBegin`). */
export interface DemandState {
  /** leads waiting for an SDR, and the nurture pool, at the end of the month */
  backlog: number;
  pool: number;
  /** qualified opportunities due in month m at index m mod (delay + 1) */
  ring: Float64Array;
  /** this month's handed-off opportunities per territory (before saturation), then those still to assign, and the seated reps still to get a share */
  mktT: Float64Array;
  leftT: Float64Array;
  seatsLeftT: Int32Array;
  /** open marketing-sourced opportunities per seat */
  openMkt: Int32Array;
  /** totals over the trial */
  leads: number;
  created: number;
  won: number;
  revenue: number;
  leadCost: number;
  sdrCost: number;
  nurtureCost: number;
}
