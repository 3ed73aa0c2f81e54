/**
 * Reps answer a coverage rule by working (the optional `coverageResponse` block, with a coverage rule and a
 * selling-time budget). In step 5, before padding, a seated rep short of the required pipeline value
 * (required multiple x remaining quarterly quota, as the coverage rule computes it) by `short`
 * opportunities' worth tries to create prospectShare x short real opportunities by prospecting:
 *
 *   hours = min(prospectShare x short x hoursPerOpportunity, maxShareOfWorkHours x hours left to work deals),
 *   extra ~ Poisson(hours / hoursPerOpportunity x y x market(m)),
 *
 * where y = exp(-D / F) is the marginal yield of the rep's territory (D its month's demand, F its
 * potential; 1 when unlimited), so extra prospecting in a saturated territory finds fewer opportunities.
 * The hours come out of the month's hours to work deals (diluting win rates at resolution, as padding
 * hours do); the extra opportunities are real (they resolve at the rep's win rate). The coverage rule then
 * pads only what is still short. With prospectShare 0 nothing changes but the response's own stream.
 *
 * The shortfall is computed here with the coverage rule's formula (the coverage mechanism's padSeat
 * computes it again after these opportunities are added); the two must stay the same formula.
 */
import type { Compiled } from '../../kernel/compiled.js';
import type { SeatState } from '../../kernel/state.js';
import type { Month } from '../../kernel/month.js';
import type { Scenario } from '../../scenario.js';
import { poisson } from '../../random/poisson.js';
import { PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { responseRule } from './schema.js';
import { stats } from '../../stats/stats.js';
import type { CompiledResponse, CoverageResponseSummary, ResponseState } from './types.js';
import type { TextSection } from '../../kernel/outputs.js';

/** Individual multiples are capped as the coverage rule caps them. */
const MAX_INDIVIDUAL_MULTIPLE = 50;

/** Compiles the block (null when absent). */
export function compileResponse(s: Scenario): CompiledResponse | null {
  const r = s.coverageResponse;
  const rule = responseRule(s);
  if (!r || rule === null) return null;
  return { prospectShare: r.prospectShare, maxShareOfWorkHours: r.maxShareOfWorkHours, individual: rule === 'individual' };
}

/** The per-trial state. */
export function createResponseState(): ResponseState {
  return { opps: 0, hours: 0, expected: 0 };
}

/** Trial start. */
export function responseBegin(rs: ResponseState): void {
  rs.opps = rs.hours = rs.expected = 0;
}

/**
 * Prospecting hours a rep spends on a shortfall of `short` opportunities.
 * @example prospectingHours(4, 0.5, 10, 40, 0.5) // min(0.5 x 4 x 10, 0.5 x 40) = 20
 */
export function prospectingHours(short: number, share: number, hoursPerOpportunity: number, workHours: number, maxShare: number): number {
  const want = share * short * hoursPerOpportunity;
  const most = maxShare * workHours;
  return want < most ? want : most;
}

/**
 * Step 5 for seated seat s, before padding: the extra real opportunities of the response (added to the
 * seat's pipeline) and the hours they take from working deals. Returns how many were created (for the
 * month's created count).
 */
export function respondSeat(st: SeatState, c: Compiled, r: CompiledResponse, rs: ResponseState, s: number, k: Month): number {
  const qm = st.monthlyQuota[s] * (c.rampAdjusted && st.isHire[s] === 1 ? st.ramp[s] : 1);
  const remaining = st.qQuota[s] + qm * k.left - st.qRev[s];
  if (remaining <= 0) return 0;
  const unit = c.expectedDeal * st.mult[s];
  if (!(unit > 0)) return 0;
  const value = (st.openReg[s] + st.openPad[s]) * unit;
  let multiple = st.multiple;
  if (r.individual) {
    const conv = st.pEff[s] * (1 - st.ndEff[s]);
    multiple = conv > 0 ? Math.min(MAX_INDIVIDUAL_MULTIPLE, 1 / conv) : MAX_INDIVIDUAL_MULTIPLE;
  }
  const required = multiple * remaining;
  if (value >= required) return 0;
  const hours = prospectingHours((required - value) / unit, r.prospectShare, c.hoursReal, st.workHours[s], r.maxShareOfWorkHours);
  if (!(hours > 0)) return 0;
  const t = c.seatTerritory[s];
  const y = c.unlimited ? 1 : Math.exp(-st.tDemand[t] / c.potential[t]);
  const mean = (hours / c.hoursReal) * y * c.market[k.m - 1];
  const x = poisson(st.S, s * PURPOSES + PURPOSE.response, mean);
  st.workHours[s] -= hours;
  rs.hours += hours;
  rs.expected += mean;
  if (x === 0) return 0;
  st.openReg[s] += x;
  if (c.aged) st.ageReg[s * (c.stallAge + 1)] += x;
  st.created += x;
  rs.opps += x;
  if (c.coverageFigures) st.pMade[st.person[s]] += x;
  return x;
}

/** Trial end: the trial's figures into row `row`. */
export function responseEnd(rs: ResponseState, out: { responseOpps: Float64Array; responseHours: Float64Array; responseExpected: Float64Array }, row: number): void {
  out.responseOpps[row] = rs.opps;
  out.responseHours[row] = rs.hours;
  out.responseExpected[row] = rs.expected;
}

/** The Summary's section. */
export function responseSummary(src: { scalar(key: 'responseOpps' | 'responseHours'): ArrayLike<number> }): CoverageResponseSummary {
  return { opportunities: stats(src.scalar('responseOpps')), hours: stats(src.scalar('responseHours')) };
}

/** The section's rows in `salesim run`'s readable report (the playground's People and pay view shows the same). */
export const TEXT: TextSection<CoverageResponseSummary> = {
  title: 'coverage response: prospecting before padding, per trial',
  rows: (r) => [
    { label: 'opportunities prospected', unit: 'count', stats: r.opportunities },
    { label: 'hours taken from deals', unit: 'hours', stats: r.hours },
  ],
};
