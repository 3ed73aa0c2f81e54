/**
 * The seat state of one trial: a struct of typed arrays that every model step reads and writes.
 *
 * One state is allocated per kernel (a block of trials) and reset at the start of each trial, so nothing
 * is allocated per rep-month or per deal. Seats are indexed 0..N-1 (initial seats first, then the
 * hiring plan's seats, as laid out by `seatLayout`); persons (every holder a seat ever had in the trial)
 * are indexed 0..nP-1 and their arrays grow by doubling when a trial has more of them than expected.
 */
import type { Compiled } from './compile.js';
import { createStreams, PURPOSES, GLOBALS } from './random/streams.js';
import { createLeaderState, type LeaderState } from './model/leadership.js';
import { createCustomerState, type CustomerState } from './model/customers.js';
import { createDemandState, type DemandState } from './model/demand.js';

/** Seat status: closed (never opened, or not backfilled), held by a rep, or an open requisition. */
export const CLOSED = 0;
export const SEATED = 1;
export const VACANT = 2;
/** `start` of a seat's initial holder: tenure long enough for every tenure rule. */
export const INCUMBENT_START = -1_000_000;

export interface SeatState {
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
  /** this month's demand (opportunities/month before saturation), effective win and no-decision rates */
  demand: Float64Array;
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
  leader: LeaderState;

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

  // ---- the open book (openPipeline; length 0 without one)
  /** each export deal's age, -1 once resolved */
  bookAge: Int32Array;
  /** the seat's export deals still open */
  bookOpen: Int32Array;

  // ---- customers (null when the scenario has no customers block)
  cust: CustomerState | null;
  /** demand generation (null when the scenario has no demand block) */
  dem: DemandState | null;

  // ---- attainments of the block (person-years with quota), in trial order
  att: Float32Array;
  nAtt: number;
}

/**
 * Allocates the state for a compiled scenario.
 * @example // const st = createState(compile(parseScenario(text))); st.N === seatCount
 */
export function createState(c: Compiled): SeatState {
  const N = c.seats;
  const P = c.programmes.length;
  const Y = c.years;
  const T = c.territories;
  const H = c.H;
  const pCap = Math.max(16, N * 2);
  const scratch = Math.max(pCap, N);
  const monthlyQuota = new Float64Array(N);
  for (let s = 0; s < N; s++) monthlyQuota[s] = c.quotaAnnual ? c.quotaAnnual[c.seatTerritory[s]] / 12 : 0;
  const planCum = new Float64Array(H + 1);
  if (c.plan) for (let m = 1; m <= H; m++) planCum[m] = planCum[m - 1] + c.plan.monthly[m - 1];
  return {
    N,
    P,
    Y,
    T,
    S: createStreams(N * PURPOSES + GLOBALS),
    status: new Uint8Array(N),
    fillAt: new Int32Array(N),
    start: new Int32Array(N),
    isHire: new Uint8Array(N),
    rampR: new Float64Array(N),
    speed: new Float64Array(N),
    prog: new Float64Array(N),
    ramp: new Float64Array(N),
    base: new Float64Array(N),
    mult: new Float64Array(N),
    openReg: new Int32Array(N),
    openPad: new Int32Array(N),
    person: new Int32Array(N),
    lowQ: new Int32Array(N),
    qRev: new Float64Array(N),
    qQuota: new Float64Array(N),
    demand: new Float64Array(N),
    pEff: new Float64Array(N),
    ndEff: new Float64Array(N),
    tier: new Int32Array(N),
    adoptU: new Float64Array(N * P),
    enrolled: new Uint8Array(N * P),
    monthlyQuota,
    lamMemo: new Float64Array(2 * N).fill(-1),
    tenure0: new Int32Array(N),
    padHours: new Float64Array(N),
    workHours: new Float64Array(N).fill(Infinity),
    ageReg: new Int32Array(N * (c.stallAge + 1)),
    agePad: new Int32Array(N * (c.stallAge + 1)),
    nP: 0,
    pCap,
    pRev: new Float64Array(pCap),
    pBase: new Float64Array(pCap),
    pYearRev: new Float64Array(pCap * Y),
    pYearQuota: new Float64Array(pCap * Y),
    pYearMonths: new Float64Array(pCap * Y),
    pPad: new Float64Array(pCap),
    pMade: new Float64Array(pCap),
    idxBuf: new Int32Array(scratch),
    keyBuf: new Float64Array(scratch),
    topBuf: new Uint8Array(scratch),
    sortBuf: new Float64Array(pCap),
    cumBuf: new Float64Array(pCap),
    tDemand: new Float64Array(T),
    tFactor: new Float64Array(T).fill(1),
    er: new Float64Array(P),
    bar: new Float64Array(P),
    cutoff: new Float64Array(P),
    cumRev: new Float64Array(H + 1),
    planCum,
    leader: createLeaderState(),
    lift: 1,
    dip: 1,
    hazardMult: 1,
    calWin: 1,
    calResolve: 1,
    effDemand: 0,
    effWin: 0,
    effNoDecision: 0,
    hires: 0,
    exits: 0,
    padded: 0,
    created: 0,
    covSum: 0,
    covN: 0,
    covReq: 0,
    multiple: c.coverageMultiple,
    mRes: 0,
    mWon: 0,
    qRes: 0,
    qWon: 0,
    tRes: 0,
    tWon: 0,
    tStalled: 0,
    tOpen: 0,
    bookAge: new Int32Array(c.book ? c.book.age0.length : 0),
    bookOpen: new Int32Array(N),
    cust: c.customers ? createCustomerState(N, T, H, Y) : null,
    dem: c.demand ? createDemandState(N, T, c.demand.delay) : null,
    att: new Float32Array(1024),
    nAtt: 0,
  };
}

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
