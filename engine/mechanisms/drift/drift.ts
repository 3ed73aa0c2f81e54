/**
 * Markets that move (the optional `drift` block): the effective win rate, the no-decision rate and won deal
 * values of month m are multiplied by a factor that follows a linear trend,
 *
 *   trend(m) = 1 + change x clamp((m - startMonth) / overMonths, 0, 1),
 *
 * times, when `walkSd` > 0, a mean-preserving log random walk drawn once per trial from the trial-level
 * drift stream (common to every rep: the market moves, not the rep):
 *
 *   W(1) = 0,  W(m) = W(m - 1) + walkSd x Z(m) - walkSd^2 / 2,   factor(m) = trend(m) x exp(W(m)),
 *
 * so E[factor(m)] = trend(m) and the trend's closed form (`expectedRevenueFactor`) holds on average.
 *
 * Where it acts (docs/design.md, The month): in step 3, after the seat's rates, a seated rep's effective win
 * rate and no-decision rate are multiplied (each capped at 1), so padded, marketing-sourced and referral
 * resolutions of the seat use the drifted odds; every won value credited in step 6 is multiplied by the deal
 * factor. Not drifted: the pipeline a leaver leaves on an empty seat resolves at the leaver's base rate (as
 * before), and a customers block records won deals at their undrifted value.
 *
 * Without the block nothing of this runs (`c.drift` null) and the drift stream is never seeded.
 */
import type { Scenario } from '../../scenario.js';
import type { SeatState } from '../../kernel/state.js';
import { normal } from '../../random/normal.js';
import { DRIFT_DEAL, DRIFT_ND, DRIFT_WIN, type CompiledDrift, type DriftState } from './types.js';
import type { z } from 'zod';
import type { DriftSchema, DriftTrendSchema } from './schema.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';

export type DriftSpec = z.output<typeof DriftSchema>;
export type DriftTrend = z.output<typeof DriftTrendSchema>;

/**
 * The trend factor of month m.
 * @example trendFactor({ change: -0.2, overMonths: 24, startMonth: 1, walkSd: 0 }, 25) // 0.8
 */
export function trendFactor(t: DriftTrend | undefined, m: number): number {
  if (!t) return 1;
  const x = (m - t.startMonth) / t.overMonths;
  return 1 + t.change * (x <= 0 ? 0 : x >= 1 ? 1 : x);
}

/** Compiles the block (null when absent). */
export function compileDrift(s: Scenario): CompiledDrift | null {
  const d = s.drift;
  if (!d) return null;
  const H = s.horizonMonths;
  const trend = new Float64Array(3 * H);
  const specs = [d.winRate, d.noDecisionRate, d.dealSize];
  for (let q = 0; q < 3; q++) for (let m = 1; m <= H; m++) trend[q * H + m - 1] = trendFactor(specs[q], m);
  const walkSd = Float64Array.from(specs.map((t) => t?.walkSd ?? 0));
  return { H, trend, walkSd, walk: walkSd.some((x) => x > 0) };
}

/** The trial-level streams a scenario needs, given the count without the block (`drift` is the drift stream's index). */
export function driftGlobals(d: CompiledDrift | null, without: number, drift: number): number {
  return d?.walk ? Math.max(without, drift + 1) : without;
}

/** The per-trial state (the factors of every month). */
export function createDriftState(d: CompiledDrift, a: Alloc = FRESH): DriftState {
  const path = a.f64(d.trend.length);
  path.set(d.trend);
  return { path };
}

/**
 * Trial start: the trial's factors. Without a walk they are the trend (nothing is drawn); with one, each
 * walking quantity draws H - 1 normals from the trial's drift stream, quantity by quantity.
 */
export function driftBegin(ds: DriftState, d: CompiledDrift, S: Int32Array, stream: number): void {
  if (!d.walk) return;
  const H = d.H;
  for (let q = 0; q < 3; q++) {
    const sd = d.walkSd[q];
    if (sd === 0) continue;
    let w = 0;
    ds.path[q * H] = d.trend[q * H];
    for (let m = 2; m <= H; m++) {
      w += sd * normal(S, stream) - (sd * sd) / 2;
      ds.path[q * H + m - 1] = d.trend[q * H + m - 1] * Math.exp(w);
    }
  }
}

/** Step 3 (after the seat's rates) for seated seat s in month m: its effective win and no-decision rates drift (each capped at 1). */
export function driftSeat(st: SeatState, ds: DriftState, H: number, s: number, m: number): void {
  const p = st.pEff[s] * ds.path[DRIFT_WIN * H + m - 1];
  st.pEff[s] = p > 1 ? 1 : p;
  const nd = st.ndEff[s] * ds.path[DRIFT_ND * H + m - 1];
  st.ndEff[s] = nd > 1 ? 1 : nd;
}

/** Step 6: the deal-size factor of month m (every won value is multiplied by it). */
export function dealFactor(ds: DriftState, H: number, m: number): number {
  return ds.path[DRIFT_DEAL * H + m - 1];
}

/**
 * The trend's expected effect on revenue in month m, relative to no drift, for a team in the stationary
 * state without capacity limits (resolutions per rep-month do not depend on the win rate):
 * win(m) x (1 - nd x ndFactor(m)) / (1 - nd) x deal(m). The same holds in expectation with a random walk
 * (the walks are independent and mean-preserving) as long as no cap at 1 binds.
 * @example expectedRevenueFactor(compileDrift(scenario)!, 0.4, 25)
 */
export function expectedRevenueFactor(d: CompiledDrift, noDecision: number, m: number): number {
  const H = d.H;
  const nd = Math.min(1, noDecision * d.trend[DRIFT_ND * H + m - 1]);
  return d.trend[DRIFT_WIN * H + m - 1] * ((1 - nd) / (1 - noDecision)) * d.trend[DRIFT_DEAL * H + m - 1];
}
