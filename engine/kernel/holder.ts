/**
 * A seat's holder, the kernel's: the attributes drawn once per holder (a win rate, from a tier; a deal-size
 * multiplier; one adoption uniform per enablement programme) and the person that carries the holder's
 * revenue and quota. The core seats its initial holders with it, hiring its hires and the starting team
 * its holders in their tenure; what a mechanism adds to a new holder (enablement's enrolment of a hire) is
 * its own step, which the month loop calls after (engine/simulate.ts).
 */
import type { Compiled } from './compiled.js';
import { SEATED, INCUMBENT_START, growPersons, type SeatState } from './state.js';
import type { WinRateDist } from './winRate.js';
import { PURPOSE } from './coreStreams.js';
import { betaMeanConcentration } from '../random/beta.js';
import { nextU, PURPOSES } from '../random/streams.js';
import { normal } from '../random/normal.js';

/**
 * A tier from one uniform with the shares as probabilities.
 * @example pickTier(compileWinRate(0.3), 0.9) // 0
 */
export function pickTier(d: WinRateDist, u: number): number {
  let acc = 0;
  const k = d.shares.length;
  for (let i = 0; i < k - 1; i++) {
    acc += d.shares[i];
    if (u < acc) return i;
  }
  return k - 1;
}

/**
 * Draws a win rate for a tier (exact mean, or Beta by mean and concentration) from the given stream.
 */
export function drawWinRate(d: WinRateDist, tier: number, S: Int32Array, stream: number): number {
  const c = d.concentrations[tier];
  return c > 0 ? betaMeanConcentration(S, stream, d.means[tier], c) : d.means[tier];
}

/**
 * A mean-1 lognormal deal-size multiplier exp(sZ - s^2/2); consumes one normal even when s = 0, so a
 * spread change does not shift the stream.
 */
export function drawDealMultiplier(S: Int32Array, stream: number, spread: number): number {
  const z = normal(S, stream);
  return spread === 0 ? 1 : Math.exp(spread * z - (spread * spread) / 2);
}

/**
 * A new person with base win rate `base`; returns its index.
 * @example // st.person[s] = newPerson(st, st.base[s])
 */
export function newPerson(st: SeatState, base: number): number {
  if (st.nP === st.pCap) growPersons(st);
  const p = st.nP++;
  st.pRev[p] = 0;
  st.pBase[p] = base;
  st.pPad[p] = st.pMade[p] = 0;
  const Y = st.Y;
  for (let y = 0; y < Y; y++) st.pYearRev[p * Y + y] = st.pYearQuota[p * Y + y] = st.pYearMonths[p * Y + y] = 0;
  return p;
}

/**
 * A new holder of seat s: a hire in month m, or (hire = false) an initial holder at the start. Draws the
 * deal-size multiplier, tier (hires) and win rate from the seat's attribute stream and one adoption
 * uniform per programme; enrolled in no programme (a hire who starts while a programme runs may then be
 * enrolled in it: enablement's enrolStarters, step 1).
 */
export function seatHolder(st: SeatState, c: Compiled, s: number, m: number, hire: boolean): void {
  const S = st.S;
  const a = s * PURPOSES + PURPOSE.attributes;
  st.mult[s] = drawDealMultiplier(S, a, c.dealSpread);
  const u = nextU(S, a);
  const dist = hire ? c.hireWinRate : c.winRate;
  const b = drawWinRate(dist, hire ? pickTier(dist, u) : st.tier[s], S, a);
  st.base[s] = b;
  const P = st.P;
  const ad = s * PURPOSES + PURPOSE.adoption;
  for (let j = 0; j < P; j++) st.adoptU[s * P + j] = nextU(S, ad);
  st.status[s] = SEATED;
  st.person[s] = newPerson(st, b);
  st.isHire[s] = hire ? 1 : 0;
  st.start[s] = hire ? m : INCUMBENT_START;
  st.rampR[s] = hire ? c.rampMonths : 0;
  st.prog[s] = 0;
  st.speed[s] = 1;
  st.lowQ[s] = 0;
  st.qRev[s] = 0;
  st.qQuota[s] = 0;
  st.padHours[s] = 0;
  for (let j = 0; j < P; j++) st.enrolled[s * P + j] = 0;
}
