/**
 * Reps: a win rate, a deal-size multiplier and an arrival rate drawn once per holder of a seat; each
 * month, the holder's effective demand, win rate and no-decision rate (step 3).
 * Win rates are a scalar, a Beta(mean, concentration) or exact tiers (docs/design.md, Semantics: tiers fill exact
 * counts of the initial seats by largest remainder, assigned by a per-trial permutation; later hires
 * draw a tier with the shares as probabilities).
 */
import type { Compiled } from '../../kernel/compiled.js';
import { SEATED, INCUMBENT_START, type SeatState } from '../../kernel/state.js';
import { PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { PURPOSE as ENABLEMENT } from '../enablement/streams.js';
import { newPerson } from './persons.js';
import { enrolHire, programmeEffects } from '../enablement/enablement.js';
import { rampMultiplier } from '../../kernel/ramp.js';
import { betaMeanConcentration } from '../../random/beta.js';
import { nextU } from '../../random/streams.js';
import { normal } from '../../random/normal.js';
import type { WinRateDist } from '../../kernel/winRate.js';
export { compileWinRate, type WinRateDist } from '../../kernel/winRate.js';


/**
 * Exact tier counts for n seats by largest remainder (ties to the earlier tier).
 * @example Array.from(tierCounts(Float64Array.of(0.2, 0.8), 10)) // [2, 8]
 */
export function tierCounts(shares: Float64Array, n: number): Int32Array {
  const k = shares.length;
  const counts = new Int32Array(k);
  const rema: number[] = [];
  let used = 0;
  for (let i = 0; i < k; i++) {
    const x = shares[i] * n;
    counts[i] = Math.floor(x + 1e-9);
    used += counts[i];
    rema.push(x - counts[i]);
  }
  const order = rema.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; used < n; j++, used++) counts[order[j % k][1]]++;
  return counts;
}

/**
 * Fills `out[0..n)` with tier indices: exact counts, shuffled by the given stream (Fisher-Yates).
 */
export function assignTiers(d: WinRateDist, n: number, S: Int32Array, stream: number, out: Int32Array): void {
  const counts = tierCounts(d.shares, n);
  let k = 0;
  for (let t = 0; t < counts.length; t++) for (let c = 0; c < counts[t]; c++) out[k++] = t;
  if (d.shares.length === 1) return;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(nextU(S, stream) * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
}

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
 * A new holder of seat s: a hire in month m, or (hire = false) an initial holder at the start. Draws the
 * deal-size multiplier, tier (hires) and win rate from the seat's attribute stream and one adoption
 * uniform per programme; a hire who starts while a programme runs may be enrolled in it.
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
  const ad = s * PURPOSES + ENABLEMENT.adoption;
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
  if (hire) for (let j = 0; j < P; j++) enrolHire(st, c, s, j, m);
}

/**
 * Step 3 for seat s: the holder's ramp advances; demand = opportunitiesPerMonth x ramp x disruption dip x
 * selling-time gains, win rate = base lifted by enablement x the leader's change programme (capped at 1),
 * no-decision rate cut by enablement. Returns the demand.
 */
export function seatRates(st: SeatState, c: Compiled, s: number): number {
  let r = 1;
  if (st.isHire[s] === 1) {
    const pr = st.prog[s] + st.speed[s];
    st.prog[s] = pr;
    r = rampMultiplier(c.rampCurve, st.rampR[s], pr);
  }
  st.ramp[s] = r;
  let d = c.rate * r * st.dip;
  let p = st.base[s];
  if (st.P > 0) {
    programmeEffects(st, c, s, d, p);
    d = st.effDemand;
    p = st.effWin;
    st.ndEff[s] = st.effNoDecision;
  } else st.ndEff[s] = c.noDecision;
  p *= st.lift;
  st.pEff[s] = p > 1 ? 1 : p;
  st.seatDemand[s] = d;
  return d;
}
