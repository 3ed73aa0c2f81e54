/** The starting team's compiled parameters: the stationary start of the initial seats and the roster's (moved out of team.ts so the slice imports no step code). */
import type { RosterTeam, Scenario } from '../../scenario.js';
import type { Compiled } from '../../kernel/compiled.js';
import { gammaMeanSdCdf } from '../../random/gammaCdf.js';
import { rampMultiplier } from '../../kernel/ramp.js';
import type { TeamParams, RosterStart } from './types.js';

/**
 * What the starting team's compile reads of the scenario compiled before it (engine/kernel/slice.ts: the core's
 * parameters and the slices before it in registry order): the core's steady-state start and sales cycle, hiring's
 * backfill, time to fill (infinite without hiring) and ramp, attrition's monthly hazard and pipeline loss on exit.
 */
export type TeamInputs = Pick<Compiled, 'steadyStart' | 'cycle' | 'backfill' | 'ttfMean' | 'ttfSd' | 'rampMonths' | 'rampCurve' | 'hazard' | 'pipelineLoss'>;

/**
 * Whole months from a date's month to month 1 (the month after `asOf`'s): the engine's calendar is in
 * months, and a hire is in tenure month 1 for the whole month it starts in, so a rep hired any day of June
 * is in tenure month 2 in July when asOf is in June.
 * @example monthsBefore('2025-06-20', '2025-06-30') // 1
 */
export function monthsBefore(date: string, asOf: string): number {
  const [y, m] = date.split('-').map(Number);
  const [ay, am] = asOf.split('-').map(Number);
  return ay * 12 + am + 1 - (y * 12 + m);
}

/** The roster's per-seat start (tenure or vacancy) in seat order; `steadyStart` is the core's (a steady-state pipeline, unless an open pipeline is given). */
function compileRoster(team: RosterTeam, c: TeamInputs): RosterStart {
  const n = team.roster.length;
  const tenure = new Int32Array(n);
  const vacantFor = new Int32Array(n);
  const won = new Int32Array(n).fill(-1);
  const lost = new Int32Array(n).fill(-1);
  const wonGeoMean = new Float64Array(n).fill(NaN);
  team.roster.forEach((r, i) => {
    if (r.record) {
      won[i] = r.record.won;
      lost[i] = r.record.lost;
      wonGeoMean[i] = r.record.wonGeoMean ?? NaN;
    }
    if (r.hired !== undefined) tenure[i] = monthsBefore(r.hired, team.asOf) + 1;
    else vacantFor[i] = r.since === undefined ? 0 : monthsBefore(r.since, team.asOf);
  });
  // a vacant seat of the roster waits for hiring's time to fill (infinite without hiring: never filled, an empty pmf)
  const fillPmf = Number.isFinite(c.ttfMean) ? vacancyMonthsPmf(c.ttfMean, c.ttfSd) : new Float64Array(0);
  return { tenure, vacantFor, fillPmf, pipeline: c.steadyStart, won, lost, wonGeoMean };
}

/** Probability mass of D = round(time to fill), d = 0..Dmax, with P(D > Dmax) < 1e-12. */
export function vacancyMonthsPmf(mean: number, sd: number): Float64Array {
  if (sd === 0 || mean === 0) {
    const d = Math.round(mean);
    const pmf = new Float64Array(d + 1);
    pmf[d] = 1;
    return pmf;
  }
  const out: number[] = [];
  let prev = 0;
  for (let d = 0; d < 10_000; d++) {
    const cdf = gammaMeanSdCdf(mean, sd, d + 0.5);
    out.push(cdf - prev);
    prev = cdf;
    if (1 - cdf < 1e-12) break;
  }
  return Float64Array.from(out);
}

/**
 * The stationary start of a scenario's initial seats, or null when the team starts ramped.
 * `c` is the scenario compiled so far (`TeamInputs`): a roster's seats start with a steady-state pipeline when the
 * core's does; exits, refills and ramps follow attrition's and hiring's compiled parameters.
 * @example // const s = parseScenario({ ..., initialTeam: 'steady-state' }); compileTeam(s, compile(s)).pVacant
 */
export function compileTeam(s: Scenario, c: TeamInputs): TeamParams | null {
  if (s.initialTeam === undefined) return null;
  const q = c.hazard;
  const R = c.rampMonths;
  const curve = c.rampCurve;
  let pVacant = 0;
  let remainingCdf = new Float64Array(0);
  let vacantWeight = new Float64Array(0);
  const leftAfterExit = (1 - c.pipelineLoss) * (c.cycle - 1);
  /** E[(1 - 1/cycle)^D]: what of a leaver's pipeline is still open when the successor starts, per month of vacancy */
  let keptThroughVacancy = 0;
  const keep = 1 - 1 / c.cycle;
  if (q > 0 && c.backfill) {
    const pmf = vacancyMonthsPmf(c.ttfMean, c.ttfSd);
    let mean = 0;
    for (let d = 0; d < pmf.length; d++) {
      mean += d * pmf[d];
      keptThroughVacancy += pmf[d] * keep ** d;
    }
    if (mean > 0) {
      pVacant = mean / (mean + 1 / q);
      // P(r) = P(D >= r) / E[D], r = 1..Dmax
      remainingCdf = new Float64Array(pmf.length - 1);
      vacantWeight = new Float64Array(pmf.length - 1);
      let tail = 1 - pmf[0];
      let acc = 0;
      for (let r = 1; r < pmf.length; r++) {
        acc += tail / mean;
        remainingCdf[r - 1] = acc;
        // E[keep^(D - r) | D >= r]: the leaver's pipeline has resolved through the D - r vacant months so far
        let num = 0;
        for (let d = r; d < pmf.length; d++) num += pmf[d] * keep ** (d - r);
        vacantWeight[r - 1] = tail > 0 ? (leftAfterExit * num) / tail : 0;
        tail -= pmf[r];
      }
    }
  }
  // w_k until it settles (the ramp is over and (1 - p)^k is negligible): the holder's own arrivals, plus
  // what the predecessor left (a settled leaver's cycle - 1 per unit of rate, less the share lost on exit,
  // resolving through the vacancy and the k - 1 months since)
  const inherited = c.backfill && q > 0 ? leftAfterExit * keptThroughVacancy : 0;
  const w: number[] = [0, 0];
  let open = 0; // expected open opportunities per unit of full-ramp rate at the start of tenure month k
  for (let k = 2; k < 5000; k++) {
    open = (open + rampMultiplier(curve, R, k - 1)) * keep;
    const r = rampMultiplier(curve, R, k);
    w.push(r > 0 ? (open + inherited * keep ** (k - 1)) / r : 0);
    if (k > R + 1 && Math.abs(w[k] - w[k - 1]) < 1e-13 * Math.max(1, w[k])) break;
  }
  // a starter (tenure month 1) holds only what the predecessor left
  const r1 = rampMultiplier(curve, R, 1);
  w[1] = r1 > 0 ? inherited / r1 : 0;
  const roster = typeof s.initialTeam === 'object' ? compileRoster(s.initialTeam, c) : null;
  return { q, R, pVacant, remainingCdf, pipelineWeight: Float64Array.from(w), vacantWeight, roster };
}

