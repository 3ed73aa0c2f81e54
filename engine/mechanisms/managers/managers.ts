/**
 * First-line managers (the optional `managers` block). Seats form teams of `span` (seat s in team
 * floor(s / span)); each team has a manager with a coaching quality q in [0, 1] (normal(mean, sd),
 * clamped, drawn from the trial's managers stream when the manager starts). With coaching time
 * C = min(1, referenceSpan / span) (a wider span never gives more), while the manager is present:
 *
 *   win rate x (1 + winRateLift x q x C),  a hire's ramp speed x (1 + rampSpeedup x q x C),
 *   exit hazard x (poor + (good - poor) x q);
 *
 * without one (vacancy) no coaching and the hazard at the poor level. Step 2: each present manager leaves
 * with the monthly hazard of annualExitRate (one uniform per team and month); the seat stays empty
 * vacancyMonths and the team's exit hazard is x disruption.attritionMultiplier for disruption.months (a
 * smaller version of the leader's disruption). Step 3 (after the seat's rates, seat by seat): the team's
 * multipliers. Costs: the managers' cost is the costs block's, at this span.
 *
 * Sources: no published estimate of a manager's coaching effect on win rates, ramp or retention is cited
 * here; each effect is an assumption with a range (engine/mechanisms/managers/assumptions.ts).
 */
import type { Scenario } from '../../scenario.js';
import type { SeatState } from '../../kernel/state.js';
import { monthlyHazard } from '../../kernel/hazard.js';
import { nextU } from '../../random/streams.js';
import { normal } from '../../random/normal.js';
import { stats } from '../../stats/stats.js';
import type { CompiledManagers, ManagerState, ManagersSummary } from './types.js';
import type { TextSection } from '../../kernel/outputs.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';

/**
 * Coaching time per rep at a span: min(1, referenceSpan / span) (non-increasing in span).
 * @example coachingTime(10, 6) // 0.6
 */
export function coachingTime(span: number, referenceSpan: number): number {
  return span <= referenceSpan ? 1 : referenceSpan / span;
}

/** Compiles the block (null when absent); `seats` the scenario's seats. */
export function compileManagers(s: Scenario, seats: number): CompiledManagers | null {
  const g = s.managers;
  if (!g) return null;
  const team = new Int32Array(seats);
  for (let i = 0; i < seats; i++) team[i] = (i / g.span) | 0;
  return {
    span: g.span,
    teams: Math.max(1, Math.ceil(seats / g.span)),
    team,
    qMean: g.quality.mean,
    qSd: g.quality.sd,
    coaching: coachingTime(g.span, g.referenceSpan),
    winRateLift: g.winRateLift,
    rampSpeedup: g.rampSpeedup,
    poor: g.poorManagerAttrition,
    good: g.goodManagerAttrition,
    hazard: monthlyHazard(g.annualExitRate),
    vacancy: g.vacancyMonths,
    disruptionMonths: g.disruption.months,
    disruptionMultiplier: g.disruption.attritionMultiplier,
  };
}

/** The per-trial state for N seats. */
export function createManagerState(g: CompiledManagers, N: number, a: Alloc = FRESH): ManagerState {
  const T = g.teams;
  return {
    quality: a.f64(T),
    presentFrom: a.i32(T),
    disruptedTo: a.i32(T),
    win: a.f64(T).fill(1),
    hazard: a.f64(T).fill(1),
    ramp: a.f64(T).fill(1),
    person: a.i32(N).fill(-1),
    exits: 0,
    vacantMonths: 0,
  };
}

/** A manager's quality: one normal from the stream, clamped to [0, 1]. */
function drawQuality(g: CompiledManagers, S: Int32Array, stream: number): number {
  const q = g.qMean + g.qSd * normal(S, stream);
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/** Trial start: every team has a manager (quality drawn in team order), none disrupted. */
export function managersBegin(ms: ManagerState, g: CompiledManagers, S: Int32Array, stream: number): void {
  for (let t = 0; t < g.teams; t++) {
    ms.quality[t] = drawQuality(g, S, stream);
    ms.presentFrom[t] = 0;
    ms.disruptedTo[t] = 0;
  }
  ms.person.fill(-1);
  ms.exits = ms.vacantMonths = 0;
}

/**
 * Step 2 of month m: each present manager's exit draw (a leaver's successor, drawn now, starts after the
 * vacancy), then each team's multipliers for the month.
 */
export function managersMonth(ms: ManagerState, g: CompiledManagers, m: number, S: Int32Array, stream: number): void {
  for (let t = 0; t < g.teams; t++) {
    if (m >= ms.presentFrom[t] && m > 1 && nextU(S, stream) < g.hazard) {
      ms.exits++;
      ms.quality[t] = drawQuality(g, S, stream);
      ms.presentFrom[t] = m + g.vacancy;
      ms.disruptedTo[t] = m + g.disruptionMonths - 1;
    }
    const present = m >= ms.presentFrom[t];
    const q = ms.quality[t];
    if (!present) ms.vacantMonths++;
    ms.win[t] = present ? 1 + g.winRateLift * q * g.coaching : 1;
    ms.ramp[t] = present ? 1 + g.rampSpeedup * q * g.coaching : 1;
    ms.hazard[t] = (present ? g.poor + (g.good - g.poor) * q : g.poor) * (m <= ms.disruptedTo[t] ? g.disruptionMultiplier : 1);
  }
}

/**
 * Step 3 for seated seat s (after its rates): its team's coaching lifts its win rate (capped at 1); a new
 * hire's ramp speed is set once by the manager present when it is first seen.
 */
export function managerSeat(st: SeatState, g: CompiledManagers, ms: ManagerState, s: number): void {
  const t = g.team[s];
  const p = st.pEff[s] * ms.win[t];
  st.pEff[s] = p > 1 ? 1 : p;
  const who = st.person[s];
  if (ms.person[s] !== who) {
    ms.person[s] = who;
    if (st.isHire[s] === 1) st.speed[s] *= ms.ramp[t];
  }
}

/** Step 8: seat s's exit hazard multiplier (its team's manager and disruption). */
export function teamHazard(g: CompiledManagers, ms: ManagerState, s: number): number {
  return ms.hazard[g.team[s]];
}

/** Trial end: the trial's figures into row `row`. */
export function managersEnd(ms: ManagerState, out: { managerExits: Float64Array; teamMonthsWithoutManager: Float64Array }, row: number): void {
  out.managerExits[row] = ms.exits;
  out.teamMonthsWithoutManager[row] = ms.vacantMonths;
}

/** The Summary's section. */
export function managersSummary(src: { scalar(key: 'managerExits' | 'teamMonthsWithoutManager'): ArrayLike<number> }, teams: number): ManagersSummary {
  return { teamsAtStart: teams, exits: stats(src.scalar('managerExits')), teamMonthsWithoutManager: stats(src.scalar('teamMonthsWithoutManager')) };
}

/** The section's rows in `salesim run`'s readable report (the playground's People and pay view shows the same). */
export const TEXT: TextSection<ManagersSummary> = {
  title: 'first-line managers, per trial',
  rows: (m) => [
    { label: 'teams at the start', unit: 'count', value: m.teamsAtStart },
    { label: 'manager exits', unit: 'count', stats: m.exits },
    { label: 'team-months without a manager', unit: 'count', stats: m.teamMonthsWithoutManager },
  ],
};
