/**
 * The trial loop: per-trial setup and the documented, ordered monthly step. Every mechanism's step lives
 * in its `mechanisms/<name>/` folder and reads and writes one seat state (`state.ts`).
 *
 * Order inside month m (docs/design.md, The month; tests depend on it):
 *  1. seat fills (planned requisitions open; due requisitions get a new holder, tenure month 1); the hires
 *     join the enablement programmes already running
 *  2. leader state at the start of m; enablement programmes starting in m pick their targets
 *  3. multipliers (ramp, disruption dip, enablement, change-programme lift) and demand
 *  4. arrivals (territory saturation shared pro rata, x the market's growth and season; steady-state
 *     pipeline before month 1's arrivals); with a selling-time budget, last month's padding hours first
 *     come out of real prospecting
 *  5. coverage padding (its hours owed by the next month; with stalls, padded opportunities start at age 0)
 *  6. resolutions and won deal values (with stalls, bucket by age: stalled ones resolve slower and more
 *     often in no decision; with selling time, win rates diluted when the hours left cannot work the pipeline)
 *     With a customers block each won deal is recorded; with referrals, 4 and 6 also run for the seat's
 *     referral pipeline: its share of its territory's referrals from the customers at the end of m - 1,
 *     split over the seated reps counted before the pass, then their resolutions.
 *  7. costs and quota accrual
 *  8. exits at month end (voluntary hazard; low-performer rule at quarter ends)
 *  8b. customers (block on): churn, expansion of retained ARR, the month's won deals become customers,
 *     the customer-experience programme's cost (mechanisms/customers/customers.ts)
 *  9. leader exit (tenure clock; impatience at quarter ends)
 * 10. end-of-month figures; at quarter ends, escalation of the global coverage multiple (from the next month)
 *
 * Steps 3 to 7 run in one pass over the seats, and 7's pay, 8 and the counts of 10 in a second: each reads
 * and writes only its own seat's state and streams, and each total is summed in seat order within one pass,
 * so fusing or splitting the passes changes no number (they are split so V8 still inlines the core's
 * samplers into the first when the people blocks are on). Step 3 runs as a pass of its own when a
 * territory's potential is limited, because arrivals then need every territory's total demand, and when
 * a drift or managers block multiplies the win rates (`peopleRates`). Nothing is
 * allocated per rep-month or per deal. Without a customers block nothing of 6's recording, 8b or the
 * referral pipeline runs (`c.customers` null), so such a scenario gives the numbers it gave before the block.
 *
 * With a demand block (mechanisms/demand/demand.ts), 2b (after 2): leads, SDRs, qualification, nurture pool, hand-off
 * and routing to territories, from the trial's demand stream; in 3 a territory's marketing-sourced
 * opportunities join its reps' demand for saturation; in 4 each seated rep gets its share of its
 * territory's arrivals, in 6 they resolve after the rep-sourced ones (at the win rate x quality), in 8 a
 * leaver loses pipelineLossOnExit of them too. Without the block none of this runs (`c.demand` null).
 */
import type { Scenario } from './scenario.js';
import { COST_ITEMS, type TrialResults } from './types.js';
import { compile, type Compiled } from './compile.js';
import { allocateResults } from './results.js';
import { createState, CLOSED, SEATED, VACANT, type SeatState } from './state.js';
import { createArrayPool, type Alloc } from './kernel/alloc.js';
import { seedTrialStreams, PURPOSES } from './random/streams.js';
import { GLOBAL } from './mechanisms/registry.js';
import { trialKey } from './random/trialKey.js';
import { createMonth, type Month } from './kernel/month.js';
import { assignTiers } from './mechanisms/reps/reps.js';
import { rampMultiplier } from './kernel/ramp.js';
import { seatHolder } from './kernel/holder.js';
import { seatInitialTeam, teamPipeline } from './mechanisms/team/team.js';
import { fillSeats, vacate } from './mechanisms/hiring/hiring.js';
import { leaderInit, leaderMonthEnd, leaderMonthStart } from './mechanisms/leadership/leadership.js';
import { effectRamp, enrolledCost, enrolStarters, programmeEffects, startProgramme } from './mechanisms/enablement/enablement.js';
import { territoryFactors } from './mechanisms/territories/territories.js';
import { arrive, resolveSeat } from './mechanisms/reps/pipeline.js';
import { escalate, monthQuota, padSeat } from './mechanisms/coverage/policy.js';
import { owePadding, prospectingRate } from './mechanisms/sellingTime/sellingTime.js';
import { stalledCount } from './mechanisms/stalls/stalls.js';
import { exitSeat } from './mechanisms/attrition/attrition.js';
import { charge, chargeSalaries, COST } from './mechanisms/costs/costs.js';
import { accrueQuota, creditPerson, reducePersons } from './mechanisms/reps/persons.js';
import { countSeated, customersBegin, customersEnd, customersMonth, referralSeat } from './mechanisms/customers/customers.js';
import { bookBegin, resolveBook } from './mechanisms/openBook/openBook.js';
import { addMarketingDemand, demandArrive, demandBegin, demandEnd, demandExit, demandMonth, demandResolve, demandRoute } from './mechanisms/demand/demand.js';
import { trialScenarios } from './uncertainty/trialScenarios.js';
import { checkAbort } from './abort.js';
import { dealFactor, driftBegin, driftSeat } from './mechanisms/drift/drift.js';
import { compBegin, compEnd, compMonth, compSeat } from './mechanisms/compensation/compensation.js';
import { respondSeat, responseBegin, responseEnd } from './mechanisms/coverageResponse/coverageResponse.js';
import { managerSeat, managersBegin, managersEnd, managersMonth, teamHazard } from './mechanisms/managers/managers.js';
import { scalingBegin, scalingEnd, scalingMonth } from './mechanisms/scaling/scaling.js';
import { retentionBegin, retentionEnd, retentionExit, retentionMonth, retentionSeat } from './mechanisms/retention/retention.js';

export interface SimulateOptions {
  trials?: number;
  seed?: number;
  /** called after each chunk with trials done so far */
  onProgress?: (done: number, total: number) => void;
  /** trials per progress step (does not change results) */
  chunkSize?: number;
}

/** Simulates all trials of a scenario (trial indices 0..trials-1). */
export function simulate(s: Scenario, opts: SimulateOptions = {}): TrialResults {
  const trials = opts.trials ?? s.trials;
  const seed = opts.seed ?? s.seed;
  const chunk = Math.max(1, opts.chunkSize ?? Math.max(1, Math.ceil(trials / 20)));
  if (s.uncertainty) return uncertainTrials(s, seed, 0, trials, trials, (d) => (d % chunk === 0 || d === trials) && opts.onProgress?.(d, trials));
  const kernel = createKernel(compile(s));
  const out = kernel.allocate(0, trials);
  for (let t0 = 0; t0 < trials; t0 += chunk) {
    const t1 = Math.min(trials, t0 + chunk);
    for (let t = t0; t < t1; t++) kernel.trial(seed, t, out, t);
    opts.onProgress?.(t1, trials);
  }
  return kernel.finish(out);
}

/**
 * Simulates trials [from, from + count): pure, so any chunking of trials across calls or workers gives
 * the same per-trial results. `total` (default `s.trials`) is the run's number of trials: with uncertain
 * inputs, the Latin hypercube and the correlation reordering span the whole run.
 */
export function runTrials(s: Scenario, seed: number, from: number, count: number, total = s.trials): TrialResults {
  if (s.uncertainty) return uncertainTrials(s, seed, from, count, total);
  const kernel = createKernel(compile(s));
  const out = kernel.allocate(from, count);
  for (let t = 0; t < count; t++) kernel.trial(seed, from + t, out, t);
  return kernel.finish(out);
}

function createKernel(c: Compiled, alloc?: Alloc) {
  const st = createState(c, alloc);
  const key = new Int32Array(2);
  const k = createMonth();
  return {
    allocate(from: number, trials: number): TrialResults {
      st.nAtt = 0;
      return allocateResults({ from, trials, months: c.H, territories: c.territories, years: c.years, figures: c.coverageFigures, compensation: c.comp !== null, retention: c.retention !== null, coverageResponse: c.response !== null, managers: c.managers !== null, ...(c.recorded ? { recorded: c.recorded } : {}) });
    },
    trial(seed: number, t: number, out: TrialResults, row: number): void {
      trialKey(seed, t, key);
      beginTrial(st, c, key[0], key[1]);
      for (let m = 1; m <= c.H; m++) {
        checkAbort(); // a cancelled run stops within a month (engine/abort.ts)
        month(st, c, m, out, row, k);
      }
      endTrial(st, c, out, row);
    },
    finish(out: TrialResults): TrialResults {
      out.attainments = st.att.slice(0, st.nAtt);
      return out;
    },
  };
}

/**
 * Uncertain inputs (uncertainty/trialScenarios.ts): each trial runs on its own re-resolved, re-compiled scenario
 * holding the trial's draws, into one block; the attainments of the trials are pooled in trial order. Each
 * trial's state takes the previous trial's arrays again, zeroed (kernel/alloc.ts): the same numbers as new
 * ones, without allocating some 50 arrays a trial.
 */
function uncertainTrials(s: Scenario, seed: number, from: number, count: number, total: number, onDone?: (done: number) => void): TrialResults {
  if (from + count > total) throw new RangeError(`trials [${from}, ${from + count}) do not fit a run of ${total} (pass the run's trials as total)`);
  const draws = trialScenarios(s, seed, total, from, count);
  const out = createKernel(compile(draws.base)).allocate(from, count);
  const att: Float32Array[] = [];
  const pool = createArrayPool();
  for (let i = 0; i < count; i++) {
    pool.reset(); // the previous trial's kernel is done with: its attainments were copied by finish
    const kernel = createKernel(compile(draws.at(from + i)), pool);
    kernel.trial(seed, from + i, out, i);
    att.push(kernel.finish(out).attainments);
    onDone?.(i + 1);
  }
  out.attainments = new Float32Array(att.reduce((a, x) => a + x.length, 0));
  att.reduce((o, x) => (out.attainments.set(x, o), o + x.length), 0);
  return out;
}

/**
 * Per-trial setup: the trial's streams, the incumbent leader, tiers over the initial seats, their holders
 * (fully ramped, or the stationary start of a steady-state team).
 */
function beginTrial(st: SeatState, c: Compiled, k0: number, k1: number): void {
  const N = st.N;
  seedTrialStreams(st.S, N, k0, k1, c.purposes, c.globals);
  st.nP = 0;
  st.hires = st.exits = st.padded = st.created = st.covSum = st.covN = 0;
  st.covReq = st.mRes = st.mWon = st.qRes = st.qWon = st.tRes = st.tWon = st.tStalled = st.tOpen = 0;
  st.multiple = c.coverageMultiple;
  if (c.sellingTime) st.padHours.fill(0);
  if (c.aged) {
    st.ageReg.fill(0);
    st.agePad.fill(0);
  }
  if (c.leadership) leaderInit(st.leader, c.leadership, st.S, N * PURPOSES + GLOBAL.leader);
  assignTiers(c.winRate, c.initialSeats, st.S, N * PURPOSES + GLOBAL.tiers, st.tier);
  for (let s = 0; s < N; s++) {
    st.openReg[s] = 0;
    st.openPad[s] = 0;
    st.person[s] = -1;
    st.status[s] = CLOSED;
    st.enrolled.fill(0, s * st.P, (s + 1) * st.P);
    st.tenure0[s] = 0;
    if (s < c.initialSeats) {
      if (c.team) seatInitialTeam(st, c, c.team, s);
      else seatHolder(st, c, s, 0, false);
    }
  }
  st.cutoff.fill(Infinity);
  if (c.customers) customersBegin(st, c, N * PURPOSES + GLOBAL.customers);
  if (c.book) bookBegin(st, c.book);
  if (c.demand) demandBegin(st);
  if (c.drift) driftBegin(st.drift!, c.drift, st.S, N * PURPOSES + GLOBAL.drift);
  if (c.comp) compBegin(st.comp!);
  if (c.retention) retentionBegin(st.ret!);
  if (c.response) responseBegin(st.resp!);
  if (c.managers) managersBegin(st.mgr!, c.managers, st.S, N * PURPOSES + GLOBAL.managers);
  if (c.scaling) scalingBegin(st.scl!);
}

/**
 * Month m of one trial, into row `row` of `out`: the steps in the order of docs/design.md ("The month").
 * Data passes between steps through `k` (this month's indices, totals and the seat's win odds), never
 * through another mechanism's state.
 */
function month(st: SeatState, c: Compiled, m: number, out: TrialResults, row: number, k: Month): void {
  startMonth(st, c, m, row, k);
  if (c.hiring) {
    const starters = fillSeats(st, c, m); // 1
    if (starters > 0 && st.P > 0) enrolStarters(st, c, m); // 1, hires join running programmes
    k.cost += charge(out, k.ci, COST.hiring, starters * c.costPerHire);
  }
  if (c.scaling) scalingMonth(st, c.scaling, st.scl!, m); // 1b, rushed hires and the team's coordination drag
  leaderMonthStart(st, c.leadership, m, out, row, k.mo); // 2
  startProgrammes(st, c, m, out, k); // 2
  if (c.managers) managersMonth(st.mgr!, c.managers, m, st.S, st.N * PURPOSES + GLOBAL.managers); // 2, managers' exits and their teams' multipliers
  if (c.demand) k.cost += demandMonth(st, c, m, out, k.mo, st.N * PURPOSES + GLOBAL.demand); // 2b
  if (!c.unlimited) territoryDemand(st, c); // 3, a pass of its own: 4 needs every territory's total
  if (c.demand) demandRoute(st, c, st.N * PURPOSES + GLOBAL.demand);
  if (k.referrals) countSeated(st, c);
  k.hazard = c.hazard * st.hazardMult;
  // calendar factors of resolution.monthInQuarter (read by resolutions in 6)
  if (c.calWin) st.calWin = c.calWin[m - 1];
  if (c.calResolve) st.calResolve = c.calResolve[m - 1];
  if (c.drift || c.managers) peopleRates(st, c, m); // 3, the market's drift and the team's manager
  seatPass(st, c, out, k); // 4-7, seat by seat
  exitPass(st, c, k); // 7-8 and the counts of 10, seat by seat
  out.revenue[k.mo] = k.revenue;
  st.cumRev[m] = st.cumRev[m - 1] + k.revenue;
  pipelineFigures(st, c, out, k); // 10, and escalation at quarter ends
  const salaries = chargeSalaries(out, k.ci, c, k.seatedN); // 7
  charge(out, k.ci, COST.enablement, k.enrolled);
  k.cost += salaries + k.enrolled;
  if (c.comp) k.cost += charge(out, k.ci, COST.reps, compMonth(st.comp!)); // 7, pay under the compensation plan
  if (c.retention) k.cost += charge(out, k.ci, COST.reps, retentionMonth(st.ret!)); // 7, the retention raise
  if (c.customers) k.cost += customersMonth(st, c, m, out, k.mo); // 8b
  if (c.leadership) k.cost += leaderExit(st, c, m, out, k); // 9
  monthEnd(st, c, out, k); // 10
}

/** Resets the month record for month m of row `row`. */
function startMonth(st: SeatState, c: Compiled, m: number, row: number, k: Month): void {
  k.m = m;
  k.y = ((m - 1) / 12) | 0;
  k.mo = row * c.H + m - 1;
  k.ci = row * COST_ITEMS.length;
  k.tro = row * st.T;
  k.quarterEnd = m % 3 === 0;
  k.left = 3 - ((m - 1) % 3);
  k.referrals = c.customers !== null && c.customers.referrals;
  k.cost = k.revenue = k.padded = k.seatedN = k.enrolled = k.seatedEnd = k.productive = k.vacantEnd = 0;
  k.openValue = k.created = k.openEnd = k.stalledEnd = 0;
  st.mRes = st.mWon = 0;
}

/** Step 2: programmes starting in m pick their targets (and charge their one-time cost); every programme's effect ramp. */
function startProgrammes(st: SeatState, c: Compiled, m: number, out: TrialResults, k: Month): void {
  for (let j = 0; j < st.P; j++) {
    const pr = c.programmes[j];
    if (pr.start === m) {
      startProgramme(st, c, j, m);
      k.cost += charge(out, k.ci, COST.enablement, pr.oneTime);
    }
    st.er[j] = effectRamp(pr, m);
  }
}

/**
 * Step 3 for seat s, the multipliers of its holder's month: the ramp advances (a hire's, on the ramp curve);
 * demand = opportunitiesPerMonth x ramp x the leader's disruption dip; enablement's programmes (when there are
 * any) act on that demand, the base win rate and the no-decision rate; the win rate is lifted by the leader's
 * change programme (capped at 1). Writes st.seatDemand, st.pEff and st.ndEff; returns the demand. One function
 * of the loop's, as it composes several mechanisms' effects (and stays one inlinable body in the seat pass).
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

/** Step 3 when a territory's potential is limited: each territory's total demand, then its yield factor. */
function territoryDemand(st: SeatState, c: Compiled): void {
  st.tDemand.fill(0);
  for (let s = 0; s < st.N; s++) if (st.status[s] === SEATED) st.tDemand[c.seatTerritory[s]] += seatRates(st, c, s);
  if (c.demand) addMarketingDemand(st);
  territoryFactors(st, c);
}

/** Revenue v won by seat s this month: to its territory, and to its holder when the seat is held. Returns v. */
function credit(st: SeatState, c: Compiled, out: TrialResults, k: Month, s: number, v: number): number {
  if (c.drift) v *= dealFactor(st.drift!, c.H, k.m);
  if (v > 0) {
    out.territoryRevenue[k.tro + c.seatTerritory[s]] += v;
    if (st.status[s] === SEATED) creditPerson(st, s, k.y, v);
  }
  return v;
}

/**
 * Step 3's multipliers of the market's drift and the team's manager (either block on), a pass of its own over
 * the seated seats, so the seat pass keeps the shape it has without them (V8 inlines the seat pass's steps up
 * to a budget; steps added to it push the core's samplers out). With unlimited potential it computes each
 * seat's rates first, as the seat pass otherwise does.
 */
function peopleRates(st: SeatState, c: Compiled, m: number): void {
  const status = st.status;
  for (let s = 0; s < st.N; s++) {
    if (status[s] !== SEATED) continue;
    if (c.unlimited) seatRates(st, c, s);
    if (c.drift) driftSeat(st, st.drift!, c.H, s, m); // 3, the market's drift
    if (c.managers) managerSeat(st, c.managers, st.mgr!, s); // 3, the team's coaching
  }
}

/**
 * Steps 4 to 7, seat by seat: each reads and writes only its own seat's state and streams. The month's
 * totals are kept in locals in the loop and written to `k` once at the end.
 */
function seatPass(st: SeatState, c: Compiled, out: TrialResults, k: Month): void {
  const status = st.status;
  const territory = c.seatTerritory;
  const figures = c.coverageFigures;
  const { m, mo, left, referrals } = k;
  const market = c.market[m - 1];
  // with drift or managers on, step 3's rates ran in peopleRates
  const rates = c.unlimited && c.drift === null && c.managers === null;
  const team = m === 1 && c.steadyStart ? c.team : null; // a steady-state team's starting pipelines, before month 1's arrivals
  let revenue = 0,
    padded = 0,
    seatedN = 0,
    enrolled = 0,
    openValue = 0,
    created = 0;
  for (let s = 0; s < st.N; s++) {
    if (status[s] === SEATED) {
      const demand = rates ? seatRates(st, c, s) : st.seatDemand[s];
      let lam = demand * st.tFactor[territory[s]] * market;
      if (c.scaling) lam *= st.scl!.factor; // 4, coordination drag
      if (c.sellingTime) lam = prospectingRate(st, c, s, lam); // 4, after last month's padding hours
      if (team !== null) teamPipeline(st, c, team, s, lam); // 4, month 1
      const a = arrive(st, c, s, m, lam); // 4 (x the market's month)
      st.created += a;
      if (figures) {
        st.pMade[st.person[s]] += a;
        created += a;
      }
      if (c.demand) demandArrive(st, c, s, out, mo); // 4, marketing-sourced
      if (c.response) created += respondSeat(st, c, c.response, st.resp!, s, k); // 5, prospecting before padding
      if (c.coverage !== 0) {
        const pads = padSeat(st, c, s, left); // 5
        if (c.sellingTime && pads > 0) owePadding(st, c, s, pads); // 5, their hours owed by the next month
        padded += pads;
      }
    }
    if (figures) openValue += (st.openReg[s] + st.openPad[s]) * c.expectedDeal * st.mult[s];
    revenue += credit(st, c, out, k, s, resolveSeat(st, c, s, k.odds) + (c.book !== null ? resolveBook(st, c, c.book, s) : 0)); // 6 (and the open book's)
    if (c.demand) revenue += credit(st, c, out, k, s, demandResolve(st, c, s, k.odds, out, mo)); // 6, marketing-sourced
    if (referrals) revenue += credit(st, c, out, k, s, referralSeat(st, c, s, m, out, mo)); // 4 and 6 of the referral pipeline
    if (status[s] === SEATED) {
      seatedN++;
      if (c.quotaAnnual) accrueQuota(st, s, k.y, monthQuota(st, c, s)); // 7
      if (st.P > 0) enrolled += enrolledCost(st, c, s);
    }
  }
  k.revenue = revenue;
  k.padded = padded;
  k.seatedN = seatedN;
  k.enrolled = enrolled;
  k.openValue = openValue;
  k.created = created;
}

/**
 * Steps 7 (the rep's pay) and 8 and the counts of 10, seat by seat, after the seat pass: each reads and writes
 * only its own seat's state and streams, so the split from the seat pass changes no number.
 */
function exitPass(st: SeatState, c: Compiled, k: Month): void {
  const status = st.status;
  const figures = c.coverageFigures;
  const { m, hazard, quarterEnd } = k;
  let seatedEnd = 0,
    productive = 0,
    vacantEnd = 0,
    openEnd = 0,
    stalledEnd = 0;
  for (let s = 0; s < st.N; s++) {
    if (status[s] === SEATED) {
      if (c.comp) compSeat(st, c.comp, st.comp!, s, m, k.y); // 7, the rep's pay
      let h = c.retention ? retentionSeat(st, c.retention, st.ret!, s, quarterEnd) : hazard; // 8, by attainment and pay
      if (c.managers) h *= teamHazard(c.managers, st.mgr!, s); // 8, the team's manager
      if (c.attrition && exitSeat(st, c, s, m, h, quarterEnd)) {
        if (c.retention) retentionExit(st.ret!, s, c.retention.expectedDeal, st.mult[s]);
        if (c.demand) demandExit(st, c, s);
        vacate(st, c, s, m); // 8
      }
    }
    if (quarterEnd) st.qRev[s] = st.qQuota[s] = 0;
    if (figures) {
      openEnd += st.openReg[s] + st.openPad[s];
      if (c.aged) stalledEnd += stalledCount(st, c, s);
    }
    if (status[s] === SEATED) {
      seatedEnd++;
      if (st.ramp[s] >= 1) productive++;
    } else if (status[s] === VACANT) vacantEnd++;
  }
  k.seatedEnd = seatedEnd;
  k.productive = productive;
  k.vacantEnd = vacantEnd;
  k.openEnd = openEnd;
  k.stalledEnd = stalledEnd;
}

/** Step 10's pipeline figures (coverage, selling time or stalls on); at quarter ends, escalation of the global multiple (in force from the next month). */
function pipelineFigures(st: SeatState, c: Compiled, out: TrialResults, k: Month): void {
  const mo = k.mo;
  if (c.coverage !== 0) {
    st.padded += k.padded;
    out.padded[mo] = k.padded;
  }
  if (!c.coverageFigures) return;
  out.createdOpps[mo] = k.created;
  out.resolvedOpps[mo] = st.mRes;
  out.wonOpps[mo] = st.mWon;
  out.openValue[mo] = k.openValue;
  out.openEnd[mo] = k.openEnd;
  out.stalledEnd[mo] = k.stalledEnd;
  out.multiple[mo] = c.coverage === 1 ? st.multiple : NaN;
  st.tRes += st.mRes;
  st.tWon += st.mWon;
  st.tOpen += k.openEnd;
  st.tStalled += k.stalledEnd;
  if (c.escalate) {
    st.qRes += st.mRes;
    st.qWon += st.mWon;
    if (k.quarterEnd) escalate(st, c);
  }
}

/** Step 9: the leader's exit (tenure clock; impatience on the trailing 12 months, or since the leader's start). Returns the search cost. */
function leaderExit(st: SeatState, c: Compiled, m: number, out: TrialResults, k: Month): number {
  const w0 = Math.max(1, m - 11, Math.floor(st.leader.start) + 1);
  const gone = leaderMonthEnd(st.leader, c.leadership!, st.S, st.N * PURPOSES + GLOBAL.leader, m, st.cumRev[m] - st.cumRev[w0 - 1], st.planCum[m] - st.planCum[w0 - 1]);
  return gone > 0 ? charge(out, k.ci, COST.leadership, gone * c.leaderSearchCost) : 0;
}

/** Step 10: the month's cost (a seat vacant at the month's end costs a vacancy month) and head counts. */
function monthEnd(st: SeatState, c: Compiled, out: TrialResults, k: Month): void {
  const vacancy = charge(out, k.ci, COST.vacancy, k.vacantEnd * c.vacancyMonthlyCost);
  out.cost[k.mo] = k.cost + vacancy;
  out.headcount[k.mo] = k.seatedEnd;
  out.productive[k.mo] = k.productive;
  out.ramping[k.mo] = k.seatedEnd - k.productive;
  out.vacant[k.mo] = k.vacantEnd;
}

/** Per-trial reductions into row `row`. */
function endTrial(st: SeatState, c: Compiled, out: TrialResults, row: number): void {
  out.hires[row] = st.hires;
  out.exits[row] = st.exits;
  if (c.leadership) {
    out.leaderChanges[row] = st.leader.changes;
    out.programmesLost[row] = st.leader.lost;
  }
  const made = st.created + st.padded;
  out.paddedShare[row] = c.coverage !== 0 && made > 0 ? st.padded / made : 0;
  out.realisedCoverage[row] = st.covN > 0 ? st.covSum / st.covN : NaN;
  if (c.coverageFigures) {
    out.requiredCoverage[row] = st.covN > 0 ? st.covReq / st.covN : NaN;
    out.realisedWinRate[row] = st.tRes > 0 ? st.tWon / st.tRes : NaN;
    out.stalledShare[row] = c.aged && st.tOpen > 0 ? st.tStalled / st.tOpen : c.aged ? NaN : 0;
  }
  reducePersons(st, c, out, row);
  if (c.customers) {
    let total = 0;
    for (let k = row * c.H; k < (row + 1) * c.H; k++) total += out.cost[k];
    customersEnd(st, c, out, row, total - st.cust!.csCost);
  }
  if (c.demand) {
    let revenue = 0;
    for (let k = row * c.H; k < (row + 1) * c.H; k++) revenue += out.revenue[k];
    demandEnd(st, out, row, revenue);
  }
  if (c.retention) retentionEnd(st.ret!, out, row);
  if (c.response) responseEnd(st.resp!, out, row);
  if (c.managers) managersEnd(st.mgr!, out, row);
  if (c.scaling) scalingEnd(st.scl!, out, row, c.H);
  if (c.comp) compEnd(st.comp!, c.comp, out, row, rowSum(out.revenue, row, c.H));
}

/** The sum of row `row` of a per-month array. */
function rowSum(a: Float64Array, row: number, H: number): number {
  let x = 0;
  for (let k = row * H; k < (row + 1) * H; k++) x += a[k];
  return x;
}
