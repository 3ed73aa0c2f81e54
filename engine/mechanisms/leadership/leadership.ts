/**
 * The sales leader: a renewal process in continuous months. Tenures are gamma(mean, shape); after an
 * exit the seat is vacant for vacancyMonths, then a successor starts (not at a month boundary). The
 * incumbent at month 1 is mid-tenure (equilibrium residual: a length-biased Gamma(shape + 1) tenure
 * times a uniform). Month-level effects use the state at the start of the month. A change programme
 * lifts win rates from the leader's tenure month monthsToEffect + 1 until the leader goes; a disruption
 * window follows each exit; an impatient board replaces a leader at a quarter end whose trailing
 * bookings fall short of the plan.
 */
import { gamma } from '../../random/gamma.js';
import { nextU } from '../../random/streams.js';
import type { SeatState } from '../../kernel/state.js';
import type { TrialResults } from '../../types.js';
import type { LeaderParams, LeaderState } from './types.js';
export type { LeaderParams, LeaderState } from './types.js';



export { createLeaderState } from './compile.js';

/** Starts a trial: the incumbent's elapsed and remaining tenure from the equilibrium residual. */
export function leaderInit(L: LeaderState, p: LeaderParams, S: Int32Array, stream: number): void {
  const total = gamma(S, stream, p.shape + 1, p.scale);
  const u = nextU(S, stream);
  L.start = -total * (1 - u);
  L.exit = total * u;
  L.changes = 0;
  L.lost = 0;
  L.lastExitMonth = -1e9;
}

/** Is a leader in the seat at the start of month m (time m - 1)? */
export function leaderPresent(L: LeaderState, m: number): boolean {
  const t = m - 1;
  return L.start <= t && t < L.exit;
}

/** The leader's tenure month at the start of month m (1 in the month the leader started). */
export function leaderTenureMonth(L: LeaderState, m: number): number {
  return Math.floor(m - 1 - L.start) + 1;
}

/** Win-rate multiplier of the change programme in month m. */
export function changeLift(L: LeaderState, p: LeaderParams, m: number): number {
  if (!p.hasProgram || !leaderPresent(L, m)) return 1;
  return leaderTenureMonth(L, m) >= p.monthsToEffect + 1 ? 1 + p.lift : 1;
}

/** Is month m inside a disruption window (the months after an exit)? */
export function disrupted(L: LeaderState, p: LeaderParams, m: number): boolean {
  return m > L.lastExitMonth && m <= L.lastExitMonth + p.disruptionMonths;
}

/** Records the exit of the current leader at time `at` (inside month m) and starts the successor's clock. */
function exitAt(L: LeaderState, p: LeaderParams, S: Int32Array, stream: number, at: number, m: number): void {
  L.changes++;
  if (p.hasProgram && at - L.start < p.monthsToEffect) L.lost++;
  L.lastExitMonth = m;
  L.start = at + p.vacancy;
  L.exit = L.start + gamma(S, stream, p.shape, p.scale);
}

/**
 * End of month m: every tenure clock that runs out inside [m - 1, m) is an exit in m; then, at quarter
 * ends, the impatience rule. `trailingBookings` and `trailingPlan` cover the leader's last 12 months (or
 * since their start). Returns the number of exits in m (for leader-search costs).
 */
export function leaderMonthEnd(L: LeaderState, p: LeaderParams, S: Int32Array, stream: number, m: number, trailingBookings: number, trailingPlan: number): number {
  const before = L.changes;
  while (L.exit < m) exitAt(L, p, S, stream, L.exit, m);
  if (p.hasImpatience && m % 3 === 0 && L.start <= m && L.exit > m && m - L.start >= p.grace && trailingPlan > 0) {
    if (trailingBookings < p.impatienceBelow * trailingPlan) exitAt(L, p, S, stream, m, m);
  }
  return L.changes - before;
}

/**
 * Step 2 of month m: the leader state at the start of the month sets this month's change-programme lift,
 * disruption dip and attrition multiplier in the seat state, and records presence and disruption in row
 * `row` (month index `mo`) of `out`. Without a leader block every month has a leader and no effects.
 */
export function leaderMonthStart(st: SeatState, p: LeaderParams | null, m: number, out: TrialResults, row: number, mo: number): void {
  st.lift = 1;
  st.dip = 1;
  st.hazardMult = 1;
  if (!p) {
    out.leaderPresent[mo] = 1;
    return;
  }
  const L = st.leader;
  if (leaderPresent(L, m)) out.leaderPresent[mo] = 1;
  else out.monthsWithoutLeader[row]++;
  st.lift = changeLift(L, p, m);
  if (disrupted(L, p, m)) {
    out.disrupted[mo] = 1;
    st.dip = 1 - p.dip;
    st.hazardMult = p.attritionMultiplier;
  }
}
