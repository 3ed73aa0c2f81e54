/**
 * Quota and coverage policy. Quota: flat (annualPerRep each), potential-based (annualPerRep scaled by
 * the territory's potential per seat relative to the company's), or none; ramp-adjusted month by month
 * for new hires. The company plan is quota.plan pro-rated to the horizon, or the sum of the planned
 * seats' quotas (initial seats and hiring-plan seats from their month, ignoring time-to-fill and
 * attrition). Coverage: a rep whose open pipeline value falls short of multiple x remaining quarterly
 * quota pads it with low-quality opportunities (which, with a selling-time budget, cost the next month's
 * hours, and with stalls, age and stall like real ones); under escalation the global multiple rises at
 * quarter ends while the team's realised win rate is below 1 / multiple.
 */
import type { Scenario } from '../../scenario.js';
import { rampMultiplier, CURVE } from '../../kernel/ramp.js';
import { seatLayout } from '../../kernel/seats.js';
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';
import type { PlanTargets } from '../../kernel/plan.js';
export type { PlanTargets } from '../../kernel/plan.js';


/**
 * Annual quota of a rep in each territory (flat, or potential-based), or null without quota.
 * @example // repAnnualQuota(s) -> Float64Array [900000, ...]
 */
export function repAnnualQuota(s: Scenario): Float64Array | null {
  const q = s.quota;
  if (!q || q.method === 'none') return null;
  const layout = seatLayout(s);
  const initial = layout.initialSeats;
  const perRep = q.annualPerRep ?? (q.plan !== null && initial > 0 ? q.plan / initial : 0);
  const out = new Float64Array(layout.names.length).fill(perRep);
  if (q.method === 'potential') {
    const totalPotential = layout.potential.reduce((a: number, f) => a + (f ?? 0), 0);
    layout.potential.forEach((f, i) => {
      const seats = Math.max(1, layout.initial[i]);
      const share = totalPotential > 0 && initial > 0 ? (f ?? 0) / seats / (totalPotential / initial) : 1;
      out[i] = perRep * share;
    });
  }
  return out;
}

/**
 * The deterministic company plan, or null when the scenario has no quota.
 * @example // planTargets(s).total === 40 x 900000 for 40 flat-quota reps over 12 months
 */
export function planTargets(s: Scenario): PlanTargets | null {
  const quota = repAnnualQuota(s);
  if (!quota || !s.quota) return null;
  const H = s.horizonMonths;
  const monthly = new Array<number>(H).fill(0);
  if (s.quota.plan !== null) {
    for (let m = 0; m < H; m++) monthly[m] = s.quota.plan / 12;
  } else {
    const layout = seatLayout(s);
    const ramp = s.hiring?.ramp ?? { months: 0, curve: 'linear' as const };
    for (let seat = 0; seat < layout.seats; seat++) {
      const q = quota[layout.territory[seat]] / 12;
      const opens = layout.opens[seat];
      for (let m = Math.max(1, opens); m <= H; m++) {
        const mult = opens > 0 && s.quota.rampAdjusted ? rampMultiplier(CURVE[ramp.curve], ramp.months, m - opens + 1) : 1;
        monthly[m - 1] += q * mult;
      }
    }
  }
  const annual: number[] = [];
  for (let m = 0; m < H; m++) {
    const y = Math.floor(m / 12);
    annual[y] = (annual[y] ?? 0) + monthly[m];
  }
  return { total: monthly.reduce((a, b) => a + b, 0), annual, monthly };
}

export const COVERAGE = { none: 0, global: 1, individual: 2 } as const;

/** Individual coverage multiples are capped here so a rep with a near-zero win rate is not asked for infinite pipeline. */
export const MAX_INDIVIDUAL_MULTIPLE = 50;

/**
 * Required coverage multiple: the global multiple, or 1 / (p (1 - noDecisionRate)) for `individual`.
 * @example coverageMultiple(2, 3, 0.5, 0) // 2
 */
export function coverageMultiple(policy: number, multiple: number, winRate: number, noDecision: number): number {
  if (policy === 1) return multiple;
  const conv = winRate * (1 - noDecision);
  return conv > 0 ? Math.min(MAX_INDIVIDUAL_MULTIPLE, 1 / conv) : MAX_INDIVIDUAL_MULTIPLE;
}

/**
 * Opportunities a rep adds to cover `required` pipeline value when holding `value`: ceil(shortfall / unit value).
 * @example paddingNeeded(100, 250, 50) // 3
 */
export function paddingNeeded(value: number, required: number, unitValue: number): number {
  if (value >= required || unitValue <= 0) return 0;
  const k = Math.ceil((required - value) / unitValue - 1e-9);
  return k > 0 ? k : 0;
}

/**
 * Seat s's quota for this month: its monthly quota, times the holder's ramp multiplier for a hire when
 * quotas are ramp-adjusted.
 */
export function monthQuota(st: SeatState, c: Compiled, s: number): number {
  return st.monthlyQuota[s] * (c.rampAdjusted && st.isHire[s] === 1 ? st.ramp[s] : 1);
}

/**
 * Step 5 for seat s with `left` months left in the quarter (after arrivals): when the pipeline value
 * (open opportunities x E[deal] x the holder's multiplier) is short of the required multiple x the
 * remaining quarterly quota, the rep pads it. Returns the number of padded opportunities added and adds
 * the rep-month to the realised-coverage sums. With a selling-time budget the month loop then books their
 * hours to the next month (sellingTime's owePadding); here they only bound how many a rep can pad.
 */
export function padSeat(st: SeatState, c: Compiled, s: number, left: number): number {
  const qm = monthQuota(st, c, s);
  const remaining = st.qQuota[s] + qm * left - st.qRev[s];
  if (remaining <= 0) return 0;
  const unit = c.expectedDeal * st.mult[s];
  const value = (st.openReg[s] + st.openPad[s]) * unit;
  const required = coverageMultiple(c.coverage, st.multiple, st.pEff[s], st.ndEff[s]);
  let k = paddingNeeded(value, required * remaining, unit);
  // with a selling-time budget no rep pads more hours than a month has
  if (c.sellingTime && k * c.hoursPad > c.hoursBudget) k = Math.floor(c.hoursBudget / c.hoursPad);
  st.openPad[s] += k;
  st.covSum += value + k * unit;
  st.covN += remaining;
  st.covReq += required * remaining;
  if (k > 0) {
    if (c.aged) st.agePad[s * (c.stallAge + 1)] += k;
    st.pPad[st.person[s]] += k;
  }
  return k;
}

/**
 * Escalation at a quarter end: when the team's realised win rate over the quarter (won / resolved, padded
 * opportunities included) is below 1 / multiple, the global multiple rises by `step`, up to `cap` (a
 * quarter with nothing resolved changes nothing). Resets the quarter's counts. Returns the new multiple.
 * @example // multiple 3, 10 won of 100 resolved (0.1 < 1/3), step 1, cap 7: 4
 */
export function escalate(st: SeatState, c: Compiled): number {
  if (st.qRes > 0 && st.qWon / st.qRes < 1 / st.multiple) st.multiple = Math.min(c.escalationCap, st.multiple + c.escalationStep);
  st.qRes = st.qWon = 0;
  return st.multiple;
}
