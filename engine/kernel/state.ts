/**
 * The seat state of one trial: a struct of typed arrays that every mechanism's step reads and writes, and
 * the seat statuses. A kernel module that names no mechanism; `state.ts` allocates it (the core's part,
 * then each mechanism's slice).
 */

/** Seat status: closed (never opened, or not backfilled), held by a rep, or an open requisition. */
export const CLOSED = 0;
export const SEATED = 1;
export const VACANT = 2;
/** `start` of a seat's initial holder: tenure long enough for every tenure rule. */
export const INCUMBENT_START = -1_000_000;

/** The core's part of a trial's state (the seats, persons, territories, programmes, months and counters). */
export interface CoreSeatState {
  /** seats, enablement programmes, plan years, territories */
  readonly N: number;
  readonly P: number;
  readonly Y: number;
  readonly T: number;
  /** the trial's random streams (seat x purpose, then the trial-level streams) */
  readonly S: Int32Array;

  // ---- per seat
  /** CLOSED, SEATED or VACANT */
  status: Uint8Array;
  /** month the seat's open requisition is filled */
  fillAt: Int32Array;
  /** month the holder started (INCUMBENT_START for an initial holder) */
  start: Int32Array;
  /** 1 when the holder was hired during the trial (ramps, ramp-adjusted quota) */
  isHire: Uint8Array;
  /** the holder's ramp length in months (after enablement savings), its speed and progress */
  rampR: Float64Array;
  speed: Float64Array;
  prog: Float64Array;
  /** this month's ramp multiplier */
  ramp: Float64Array;
  /** the holder's base win rate and deal-size multiplier */
  base: Float64Array;
  mult: Float64Array;
  /** open opportunities: real and padded */
  openReg: Int32Array;
  openPad: Int32Array;
  /** the holder's person index (-1 when none) */
  person: Int32Array;
  /** consecutive quarters below the low-performer threshold */
  lowQ: Int32Array;
  /** revenue and quota of the current quarter */
  qRev: Float64Array;
  qQuota: Float64Array;
  /** this month's demand of each seat's holder (opportunities/month before saturation; not the demand block's leads), effective win and no-decision rates */
  seatDemand: Float64Array;
  pEff: Float64Array;
  ndEff: Float64Array;
  /** win-rate tier of each initial seat */
  tier: Int32Array;
  /** per seat x programme: the holder's adoption uniform and enrolment */
  adoptU: Float64Array;
  enrolled: Uint8Array;
  /** the seat's monthly quota at full ramp */
  monthlyQuota: Float64Array;
  /** per seat: [rate, exp(-rate)] of the last arrivals draw */
  lamMemo: Float64Array;
  /** tenure month at month 1 of an initial holder of a steady-state team (0 otherwise) */
  tenure0: Int32Array;
  /** selling time: hours of last month's padding owed by this month, and this month's hours left to work deals */
  padHours: Float64Array;
  workHours: Float64Array;
  /** stalls: open opportunities by month-ends survived, seat-major (stallAge + 1 buckets; the last one caps the age) */
  ageReg: Int32Array;
  agePad: Int32Array;

  // ---- per person (grown on demand)
  nP: number;
  pCap: number;
  pRev: Float64Array;
  pBase: Float64Array;
  /** per person x plan year */
  pYearRev: Float64Array;
  pYearQuota: Float64Array;
  pYearMonths: Float64Array;
  /** per person: padded and real opportunities created (coverage figures) */
  pPad: Float64Array;
  pMade: Float64Array;

  // ---- scratch for ranking and the Lorenz curve (length >= max(N, pCap))
  idxBuf: Int32Array;
  keyBuf: Float64Array;
  topBuf: Uint8Array;
  sortBuf: Float64Array;
  cumBuf: Float64Array;

  // ---- per territory
  tDemand: Float64Array;
  /** yield / demand of each territory this month (1 for unlimited potential) */
  tFactor: Float64Array;

  // ---- per programme
  /** this month's share of the full effect */
  er: Float64Array;
  /** the bar (mean top-quintile base win rate at start) and the cut-off for later joiners */
  bar: Float64Array;
  cutoff: Float64Array;

  // ---- per month
  /** cumulative revenue and plan to the end of month m (index m; 0 = before month 1) */
  cumRev: Float64Array;
  planCum: Float64Array;

  // ---- this month's leader effects (set by the leadership step)
  lift: number;
  dip: number;
  hazardMult: number;
  /** this month's calendar factors on the win rate and the chance of resolving (resolution.monthInQuarter; 1 without) */
  calWin: number;
  calResolve: number;

  // ---- the enablement effects of one seat (written by programmeEffects, read at once)
  effDemand: number;
  effWin: number;
  effNoDecision: number;

  // ---- trial counters
  hires: number;
  exits: number;
  padded: number;
  created: number;
  /** realised coverage: pipeline value after padding and remaining quota, summed over rep-months */
  covSum: number;
  covN: number;
  /** required pipeline value (multiple x remaining quota), summed over rep-months */
  covReq: number;
  /** the global coverage multiple in force (raised by escalation) */
  multiple: number;
  /** this month's resolved and won opportunities, added to by the resolution step */
  mRes: number;
  mWon: number;
  /** the quarter's resolved and won opportunities (escalation) */
  qRes: number;
  qWon: number;
  /** the trial's resolved and won opportunities; stalled and all open opportunities summed over month ends */
  tRes: number;
  tWon: number;
  tStalled: number;
  tOpen: number;


  // ---- attainments of the block (person-years with quota), in trial order
  att: Float32Array;
  nAtt: number;
}

/**
 * The state of one trial: the core's part and every mechanism's slice. Each mechanism adds its fields from
 * its own folder (engine/mechanisms/<name>/slice.ts, by module augmentation), so this file names no
 * mechanism; engine/state.ts allocates it from the registry's slices and checks, as a type, that it is
 * exactly the core plus the registry's state slices.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SeatState extends CoreSeatState {}

/** Doubles the person arrays (and the scratch that must hold every person). */
export function growPersons(st: SeatState): void {
  const cap = st.pCap * 2;
  const grow = (a: Float64Array, w: number) => {
    const x = new Float64Array(cap * w);
    x.set(a);
    return x;
  };
  st.pRev = grow(st.pRev, 1);
  st.pBase = grow(st.pBase, 1);
  st.pYearRev = grow(st.pYearRev, st.Y);
  st.pYearQuota = grow(st.pYearQuota, st.Y);
  st.pYearMonths = grow(st.pYearMonths, st.Y);
  st.pPad = grow(st.pPad, 1);
  st.pMade = grow(st.pMade, 1);
  st.pCap = cap;
  const scratch = Math.max(cap, st.N);
  st.sortBuf = new Float64Array(cap);
  st.cumBuf = new Float64Array(cap);
  st.idxBuf = new Int32Array(scratch);
  st.keyBuf = new Float64Array(scratch);
  st.topBuf = new Uint8Array(scratch);
}
