/**
 * The seat state of one trial: a struct of typed arrays that every model step reads and writes.
 *
 * One state is allocated per kernel (a block of trials) and reset at the start of each trial, so nothing
 * is allocated per rep-month or per deal. Seats are indexed 0..N-1 (initial seats first, then the
 * hiring plan's seats, as laid out by `seatLayout`); persons (every holder a seat ever had in the trial)
 * are indexed 0..nP-1 and their arrays grow by doubling when a trial has more of them than expected.
 */
import type { Compiled } from './kernel/compiled.js';
import type { CoreSeatState, SeatState } from './kernel/state.js';
export { CLOSED, SEATED, VACANT, INCUMBENT_START, growPersons, type SeatState } from './kernel/state.js';
import type { AnySlice, Dims, Same, StateSlices } from './kernel/slice.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { createStreams, PURPOSES, GLOBALS } from './random/streams.js';

/** The trial-state fields of every mechanism's slice in the registry. */
type Slices = StateSlices<typeof MECHANISMS>;
/**
 * `SeatState` (what the steps read; each slice.ts adds its fields to it) is exactly the core's part plus the
 * registry's state slices: a slice.ts missing from the registry, or a registry slice whose fields are not
 * declared on `SeatState`, fails this line at compile time.
 */
const exact: Same<SeatState, CoreSeatState & Slices> = true;
void exact;


/**
 * Allocates the state for a compiled scenario.
 * @example // const st = createState(compile(parseScenario(text))); st.N === seatCount
 */
export function createState(c: Compiled): SeatState {
  const st = createCore(c);
  // the one widening: the loop below adds every registry state slice, which is what `Slices` is made of
  const out = st as CoreSeatState & Slices;
  const d: Dims = { N: st.N, T: st.T, H: c.H, Y: st.Y };
  for (const m of MECHANISMS) {
    const make = 'slice' in m ? (m.slice as AnySlice).state : undefined;
    if (make) Object.assign(out, make(c, d));
  }
  return out;
}

/** The core's part of the state: seats, persons, territories, programmes, months and the trial's counters. */
function createCore(c: Compiled): CoreSeatState {
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
    att: new Float32Array(1024),
    nAtt: 0,
  };
}

