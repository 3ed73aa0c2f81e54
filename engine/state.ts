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
import { FRESH, type Alloc } from './kernel/alloc.js';

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
export function createState(c: Compiled, a: Alloc = FRESH): SeatState {
  const st = createCore(c, a);
  // the one widening: the loop below adds every registry state slice, which is what `Slices` is made of
  const out = st as CoreSeatState & Slices;
  const d: Dims = { N: st.N, T: st.T, H: c.H, Y: st.Y, alloc: a };
  for (const m of MECHANISMS) {
    const make = 'slice' in m ? (m.slice as AnySlice).state : undefined;
    if (make) Object.assign(out, make(c, d));
  }
  return out;
}

/** The core's part of the state: seats, persons, territories, programmes, months and the trial's counters. */
function createCore(c: Compiled, a: Alloc): CoreSeatState {
  const N = c.seats;
  const P = c.programmes.length;
  const Y = c.years;
  const T = c.territories;
  const H = c.H;
  const pCap = Math.max(16, N * 2);
  const scratch = Math.max(pCap, N);
  const monthlyQuota = a.f64(N);
  for (let s = 0; s < N; s++) monthlyQuota[s] = c.quotaAnnual ? c.quotaAnnual[c.seatTerritory[s]] / 12 : 0;
  const planCum = a.f64(H + 1);
  if (c.plan) for (let m = 1; m <= H; m++) planCum[m] = planCum[m - 1] + c.plan.monthly[m - 1];
  return {
    N,
    P,
    Y,
    T,
    S: createStreams(N * PURPOSES + GLOBALS, a.i32),
    status: a.u8(N),
    fillAt: a.i32(N),
    start: a.i32(N),
    isHire: a.u8(N),
    rampR: a.f64(N),
    speed: a.f64(N),
    prog: a.f64(N),
    ramp: a.f64(N),
    base: a.f64(N),
    mult: a.f64(N),
    openReg: a.i32(N),
    openPad: a.i32(N),
    person: a.i32(N),
    lowQ: a.i32(N),
    qRev: a.f64(N),
    qQuota: a.f64(N),
    seatDemand: a.f64(N),
    pEff: a.f64(N),
    ndEff: a.f64(N),
    tier: a.i32(N),
    adoptU: a.f64(N * P),
    enrolled: a.u8(N * P),
    monthlyQuota,
    lamMemo: a.f64(2 * N).fill(-1),
    tenure0: a.i32(N),
    padHours: a.f64(N),
    workHours: a.f64(N).fill(Infinity),
    ageReg: a.i32(N * (c.stallAge + 1)),
    agePad: a.i32(N * (c.stallAge + 1)),
    nP: 0,
    pCap,
    pRev: a.f64(pCap),
    pBase: a.f64(pCap),
    pYearRev: a.f64(pCap * Y),
    pYearQuota: a.f64(pCap * Y),
    pYearMonths: a.f64(pCap * Y),
    pPad: a.f64(pCap),
    pMade: a.f64(pCap),
    idxBuf: a.i32(scratch),
    keyBuf: a.f64(scratch),
    topBuf: a.u8(scratch),
    sortBuf: a.f64(pCap),
    cumBuf: a.f64(pCap),
    tDemand: a.f64(T),
    tFactor: a.f64(T).fill(1),
    er: a.f64(P),
    bar: a.f64(P),
    cutoff: a.f64(P),
    cumRev: a.f64(H + 1),
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
    att: a.f32(1024),
    nAtt: 0,
  };
}

