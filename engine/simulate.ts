/**
 * The trial loop and the monthly step, nothing else: the mechanisms live in `model/`.
 *
 * Order inside month m (DESIGN.md §7; tests depend on it):
 *  1. seat fills (planned requisitions open; due requisitions get a new holder, tenure month 1)
 *  2. leader state at the start of m; enablement programmes starting in m pick their targets
 *  3. multipliers (ramp, disruption dip, enablement)
 *  4. arrivals (territory saturation shared pro rata; steady-state pipeline before month 1's arrivals)
 *  5. coverage padding
 *  6. resolutions and won deal values
 *  7. costs and quota accrual
 *  8. exits at month end (voluntary hazard; low-performer rule at quarter ends)
 *  9. leader exit (tenure clock; impatience at quarter ends)
 * 10. end-of-month figures
 *
 * State is a struct of typed arrays allocated once per block of trials; nothing is allocated per
 * rep-month or per deal.
 */
import type { Scenario } from './scenario.js';
import { COST_ITEMS, LORENZ_POINTS, type TrialResults } from './types.js';
import { compile, type Compiled } from './compile.js';
import { allocateResults } from './results.js';
import { createStreams, nextU, seedTrialStreams, PURPOSE, PURPOSES, GLOBAL } from './random/streams.js';
import { trialKey } from './random/trialKey.js';
import { binomial } from './random/binomial.js';
import { territoryYield } from './model/territories.js';
import { assignTiers, drawDealMultiplier, drawWinRate, pickTier } from './model/reps.js';
import { arrivalsMemo, capacityDilution, dealValue, resolve, steadyStateOpen } from './model/pipeline.js';
import { createBinomialTable } from './random/binomialTable.js';
import { createLognormalTable } from './random/lognormalTable.js';
import { empiricalDealValue } from './random/empiricalTable.js';
import { drawTimeToFill, onboardingSpeed, rampMultiplier } from './model/hiring.js';
import { lowPerformerExits } from './model/attrition.js';
import { changeLift, createLeaderState, disrupted, leaderInit, leaderMonthEnd, leaderPresent } from './model/leadership.js';
import { effectRamp, liftWinRate, TARGET } from './model/enablement.js';
import { coverageMultiple, paddingNeeded } from './model/policy.js';
import { COST, managers } from './model/costs.js';
import { gini } from './stats/lorenz.js';
import { topK } from './model/rank.js';

export interface SimulateOptions {
  trials?: number;
  seed?: number;
  /** called after each chunk with trials done so far */
  onProgress?: (done: number, total: number) => void;
  /** trials per progress step (does not change results) */
  chunkSize?: number;
}

const SEATED = 1;
const VACANT = 2;
const INCUMBENT_START = -1_000_000;

/** Simulates all trials of a scenario (trial indices 0..trials-1). */
export function simulate(s: Scenario, opts: SimulateOptions = {}): TrialResults {
  const trials = opts.trials ?? s.trials;
  const seed = opts.seed ?? s.seed;
  const kernel = createKernel(compile(s));
  const out = kernel.allocate(0, trials);
  const chunk = Math.max(1, opts.chunkSize ?? Math.max(1, Math.ceil(trials / 20)));
  for (let t0 = 0; t0 < trials; t0 += chunk) {
    const t1 = Math.min(trials, t0 + chunk);
    for (let t = t0; t < t1; t++) kernel.trial(seed, t, out, t);
    opts.onProgress?.(t1, trials);
  }
  kernel.finish(out);
  return out;
}

/**
 * Simulates trials [from, from + count): pure, so any chunking of trials across calls or workers gives
 * the same per-trial results.
 */
export function runTrials(s: Scenario, seed: number, from: number, count: number): TrialResults {
  const kernel = createKernel(compile(s));
  const out = kernel.allocate(from, count);
  for (let t = 0; t < count; t++) kernel.trial(seed, from + t, out, t);
  kernel.finish(out);
  return out;
}

function createKernel(c: Compiled) {
  const N = c.seats;
  const P = c.programmes.length;
  const T = c.territories;
  const H = c.H;
  const Y = c.years;
  const S = createStreams(N * PURPOSES + 2);
  const key = new Int32Array(2);
  const scratch = new Float64Array(1);
  /** the seat streams this scenario draws from (the others are never seeded) */
  const usedPurposes =
    (1 << PURPOSE.attributes) |
    (1 << PURPOSE.arrivals) |
    (1 << PURPOSE.resolutions) |
    (1 << PURPOSE.deals) |
    (c.steadyStart ? 1 << PURPOSE.initial : 0) |
    (c.attrition ? 1 << PURPOSE.exits : 0) |
    (c.hiring ? 1 << PURPOSE.fill : 0) |
    (c.coverage !== 0 ? 1 << PURPOSE.padding : 0) |
    (P > 0 ? 1 << PURPOSE.adoption : 0);
  /** CDFs of Binomial(n, 1/cycleMonths) for the monthly resolutions */
  const resolveTable = createBinomialTable(c.pResolve, 128);
  /** per seat: [arrival rate, exp(-rate)] of the last arrivals draw */
  const lamMemo = new Float64Array(2 * N).fill(-1);
  /** won deal sizes (median 1) by table inversion; null = fixed size */
  const dealTable = c.dealSigma > 0 ? createLognormalTable(c.dealSigma) : null;
  const tierStream = N * PURPOSES + GLOBAL.tiers;
  const leaderStream = N * PURPOSES + GLOBAL.leader;

  // seats
  const status = new Uint8Array(N);
  const fillAt = new Int32Array(N);
  const start = new Int32Array(N);
  const isHire = new Uint8Array(N);
  const rampR = new Float64Array(N);
  const speed = new Float64Array(N);
  const prog = new Float64Array(N);
  const ramp = new Float64Array(N);
  const base = new Float64Array(N);
  const mult = new Float64Array(N);
  const openReg = new Int32Array(N);
  const openPad = new Int32Array(N);
  const person = new Int32Array(N);
  const lowQ = new Int32Array(N);
  const qRev = new Float64Array(N);
  const qQuota = new Float64Array(N);
  const demand = new Float64Array(N);
  const pEff = new Float64Array(N);
  const ndEff = new Float64Array(N);
  const tier = new Int32Array(N);
  const adoptU = new Float64Array(N * P);
  const enrolled = new Uint8Array(N * P);
  const monthlyQuota = new Float64Array(N);
  const hasQuota = c.quotaAnnual !== null;
  for (let s = 0; s < N; s++) monthlyQuota[s] = c.quotaAnnual ? c.quotaAnnual[c.seatTerritory[s]] / 12 : 0;

  // persons (grow on demand)
  let pCap = Math.max(16, N * 2);
  let pRev = new Float64Array(pCap);
  let pBase = new Float64Array(pCap);
  let pYearRev = new Float64Array(pCap * Y);
  let pYearQuota = new Float64Array(pCap * Y);
  let pYearMonths = new Float64Array(pCap * Y);
  let nP = 0;
  let sortBuf = new Float64Array(pCap);
  let cumBuf = new Float64Array(pCap);
  let idxBuf = new Int32Array(Math.max(pCap, N));
  let keyBuf = new Float64Array(Math.max(pCap, N));
  let topBuf = new Uint8Array(Math.max(pCap, N));

  // territories, programmes, months
  const tDemand = new Float64Array(T);
  const tFactor = new Float64Array(T);
  const er = new Float64Array(P);
  const bar = new Float64Array(P);
  const cutoff = new Float64Array(P);
  const cumRev = new Float64Array(H + 1);
  const planCum = new Float64Array(H + 1);
  if (c.plan) for (let m = 1; m <= H; m++) planCum[m] = planCum[m - 1] + c.plan.monthly[m - 1];
  const L = createLeaderState();
  const lp = c.leadership;

  // attainments of the block
  let att = new Float32Array(1024);
  let nAtt = 0;

  function newPerson(b: number): number {
    if (nP === pCap) {
      const grow = (a: Float64Array, w: number) => {
        const x = new Float64Array(pCap * 2 * w);
        x.set(a);
        return x;
      };
      pRev = grow(pRev, 1);
      pBase = grow(pBase, 1);
      pYearRev = grow(pYearRev, Y);
      pYearQuota = grow(pYearQuota, Y);
      pYearMonths = grow(pYearMonths, Y);
      pCap *= 2;
      sortBuf = new Float64Array(pCap);
      idxBuf = new Int32Array(Math.max(pCap, N));
      keyBuf = new Float64Array(Math.max(pCap, N));
      topBuf = new Uint8Array(Math.max(pCap, N));
    }
    const p = nP++;
    pRev[p] = 0;
    pBase[p] = b;
    for (let y = 0; y < Y; y++) pYearRev[p * Y + y] = pYearQuota[p * Y + y] = pYearMonths[p * Y + y] = 0;
    return p;
  }

  /** A new holder of seat s in month m (hire) or at the start (incumbent). */
  function seat(s: number, m: number, hire: boolean): void {
    const a = s * PURPOSES + PURPOSE.attributes;
    mult[s] = drawDealMultiplier(S, a, c.dealSpread);
    const u = nextU(S, a);
    const dist = hire ? c.hireWinRate : c.winRate;
    base[s] = drawWinRate(dist, hire ? pickTier(dist, u) : tier[s], S, a);
    const ad = s * PURPOSES + PURPOSE.adoption;
    for (let j = 0; j < P; j++) adoptU[s * P + j] = nextU(S, ad);
    status[s] = SEATED;
    person[s] = newPerson(base[s]);
    isHire[s] = hire ? 1 : 0;
    start[s] = hire ? m : INCUMBENT_START;
    rampR[s] = hire ? c.rampMonths : 0;
    prog[s] = 0;
    speed[s] = 1;
    lowQ[s] = 0;
    qRev[s] = 0;
    qQuota[s] = 0;
    for (let j = 0; j < P; j++) {
      const pr = c.programmes[j];
      let on = 0;
      if (hire && m > pr.start && m <= pr.end) {
        const targeted = pr.target === TARGET.all || pr.target === TARGET.newHires || base[s] < cutoff[j];
        on = targeted && adoptU[s * P + j] < pr.adoption ? 1 : 0;
      }
      enrolled[s * P + j] = on;
      if (on && pr.rampMonthsSaved > 0) rampR[s] = Math.max(0, rampR[s] - pr.rampMonthsSaved * effectRamp(pr, m));
    }
  }

  /** Programme j starts in month m: the bar from the seated reps, then targets. */
  function startProgramme(j: number, m: number): void {
    const pr = c.programmes[j];
    let n = 0;
    for (let s = 0; s < N; s++) if (status[s] === SEATED) idxBuf[n++] = s;
    const k = n > 0 ? Math.max(1, Math.round(0.2 * n)) : 0;
    const thr = topK(base, idxBuf, n, k, keyBuf, topBuf);
    let sum = 0;
    for (let i = 0; i < n; i++) if (topBuf[i] === 1) sum += base[idxBuf[i]];
    bar[j] = k > 0 ? sum / k : 0;
    cutoff[j] = thr;
    for (let i = 0; i < n; i++) {
      const s = idxBuf[i];
      const targeted = pr.target === TARGET.all || (pr.target === TARGET.bottom80 && topBuf[i] === 0) || (pr.target === TARGET.newHires && isHire[s] === 1 && start[s] === m);
      const on = targeted && adoptU[s * P + j] < pr.adoption ? 1 : 0;
      enrolled[s * P + j] = on;
      if (on && pr.rampMonthsSaved > 0 && isHire[s] === 1 && start[s] === m) rampR[s] = Math.max(0, rampR[s] - pr.rampMonthsSaved * effectRamp(pr, m));
    }
  }

  /** Step 3 for every seated rep: ramp, multipliers, effective win and no-decision rates, demand. */
  function multipliers(dip: number, lift: number): void {
    tDemand.fill(0);
    for (let s = 0; s < N; s++) {
      if (status[s] !== SEATED) continue;
      let r = 1;
      if (isHire[s] === 1) {
        prog[s] += speed[s];
        r = rampMultiplier(c.rampCurve, rampR[s], prog[s]);
      }
      ramp[s] = r;
      let d = c.rate * r * dip;
      let p = base[s];
      let nd = c.noDecision;
      for (let j = 0; j < P; j++) {
        if (enrolled[s * P + j] === 0 || er[j] === 0) continue;
        const pr = c.programmes[j];
        d *= 1 + pr.sellingTimeGain * er[j];
        p = liftWinRate(p, bar[j], pr.gapClosed, er[j]);
        nd *= 1 - pr.noDecisionCut * er[j];
      }
      p *= lift;
      pEff[s] = p > 1 ? 1 : p;
      ndEff[s] = nd;
      demand[s] = d;
      tDemand[c.seatTerritory[s]] += d;
    }
  }

  /** Step 4: territory yields, steady-state pipeline in month 1, Poisson arrivals; returns the number created. */
  function arrivalsStep(m: number): number {
    let n = 0;
    for (let ti = 0; ti < T; ti++) tFactor[ti] = tDemand[ti] > 0 ? territoryYield(c.potential[ti], tDemand[ti]) / tDemand[ti] : 0;
    for (let s = 0; s < N; s++) {
      if (status[s] !== SEATED) continue;
      const lam = demand[s] * tFactor[c.seatTerritory[s]] * c.market[m - 1];
      if (m === 1 && c.steadyStart && isHire[s] === 0) openReg[s] += steadyStateOpen(S, s * PURPOSES + PURPOSE.initial, lam, c.cycle);
      const a = arrivalsMemo(S, s * PURPOSES + PURPOSE.arrivals, lam, lamMemo, s);
      openReg[s] += a;
      n += a;
    }
    return n;
  }

  /** Step 6 of month m for every seat: resolutions, wins and won deal values; returns the month's revenue. */
  function resolutions(out: TrialResults, y: number, tro: number, lift: number): number {
    let monthRev = 0;
    for (let s = 0; s < N; s++) {
      const seated = status[s] === SEATED;
      const open = openReg[s] + openPad[s];
      if (!seated && open === 0) continue;
      const pw = seated ? pEff[s] * capacityDilution(c.capacity, open) : Math.min(1, base[s] * lift);
      const pDecide = 1 - (seated ? ndEff[s] : c.noDecision);
      let won = resolve(S, s * PURPOSES + PURPOSE.resolutions, openReg[s], resolveTable, pDecide, pw, scratch);
      openReg[s] -= scratch[0];
      if (openPad[s] > 0) {
        won += resolve(S, s * PURPOSES + PURPOSE.padding, openPad[s], resolveTable, pDecide, pw * c.paddingQuality, scratch);
        openPad[s] -= scratch[0];
      }
      if (won === 0) continue;
      const v = c.dealEmpirical ? empiricalDealValue(S, s * PURPOSES + PURPOSE.deals, won, c.dealEmpirical, mult[s]) : dealValue(S, s * PURPOSES + PURPOSE.deals, won, c.dealMedian, dealTable, mult[s]);
      monthRev += v;
      out.territoryRevenue[tro + c.seatTerritory[s]] += v;
      if (seated) {
        const p = person[s];
        pRev[p] += v;
        pYearRev[p * Y + y] += v;
        qRev[s] += v;
      }
    }
    return monthRev;
  }

  function trial(seed: number, t: number, out: TrialResults, row: number): void {
    trialKey(seed, t, key);
    seedTrialStreams(S, N, key[0], key[1], usedPurposes);
    nP = 0;
    const ro = row * H;
    const ci = row * COST_ITEMS.length;
    const tro = row * T;
    let hires = 0,
      exits = 0,
      padded = 0,
      created = 0,
      covSum = 0,
      covN = 0; // realised coverage = sum of pipeline value / sum of remaining quota over rep-months
    if (lp) leaderInit(L, lp, S, leaderStream);
    assignTiers(c.winRate, c.initialSeats, S, tierStream, tier);
    for (let s = 0; s < N; s++) {
      openReg[s] = 0;
      openPad[s] = 0;
      person[s] = -1;
      status[s] = 0;
      for (let j = 0; j < P; j++) enrolled[s * P + j] = 0;
      if (s < c.initialSeats) seat(s, 0, false);
    }
    for (let j = 0; j < P; j++) cutoff[j] = Infinity;

    for (let m = 1; m <= H; m++) {
      const y = ((m - 1) / 12) | 0;
      const mo = ro + m - 1;
      const quarterEnd = m % 3 === 0;
      let monthCost = 0;
      // 1. seat fills
      if (c.hiring) {
        // planned requisitions opening in m, then every requisition due (one pass: per-seat state only)
        let starters = 0;
        for (let s = 0; s < N; s++) {
          if (s >= c.initialSeats && c.seatOpens[s] === m) {
            status[s] = VACANT;
            fillAt[s] = m + drawTimeToFill(S, s * PURPOSES + PURPOSE.fill, c.ttfMean, c.ttfSd);
          }
          if (status[s] === VACANT && fillAt[s] <= m) {
            seat(s, m, true);
            hires++;
            starters++;
          }
        }
        if (starters > 0) {
          const hc = starters * c.costPerHire;
          out.costItems[ci + COST.hiring] += hc;
          monthCost += hc;
          if (starters > c.onboardingCapacity) {
            const v = onboardingSpeed(starters, c.onboardingCapacity);
            for (let s = 0; s < N; s++) if (status[s] === SEATED && start[s] === m) speed[s] = v;
          }
        }
      }
      // 2. leader state at the start of m; programmes starting now
      let lift = 1,
        dip = 1,
        hazardMult = 1;
      if (lp) {
        if (leaderPresent(L, m)) out.leaderPresent[mo] = 1;
        else out.monthsWithoutLeader[row]++;
        lift = changeLift(L, lp, m);
        if (disrupted(L, lp, m)) {
          out.disrupted[mo] = 1;
          dip = 1 - lp.dip;
          hazardMult = lp.attritionMultiplier;
        }
      } else out.leaderPresent[mo] = 1;
      for (let j = 0; j < P; j++) {
        const pr = c.programmes[j];
        if (pr.start === m) {
          startProgramme(j, m);
          out.costItems[ci + COST.enablement] += pr.oneTime;
          monthCost += pr.oneTime;
        }
        er[j] = effectRamp(pr, m);
      }
      // 3. multipliers and demand
      multipliers(dip, lift);
      // 4. arrivals
      created += arrivalsStep(m);
      // 5. coverage padding
      if (c.coverage !== 0) {
        const left = 3 - ((m - 1) % 3);
        let monthPadded = 0;
        for (let s = 0; s < N; s++) {
          if (status[s] !== SEATED) continue;
          const qm = monthlyQuota[s] * (c.rampAdjusted && isHire[s] === 1 ? ramp[s] : 1);
          const remaining = qQuota[s] + qm * left - qRev[s];
          if (remaining <= 0) continue;
          const unit = c.expectedDeal * mult[s];
          const value = (openReg[s] + openPad[s]) * unit;
          const k = paddingNeeded(value, coverageMultiple(c.coverage, c.coverageMultiple, pEff[s], ndEff[s]) * remaining, unit);
          openPad[s] += k;
          monthPadded += k;
          covSum += value + k * unit;
          covN += remaining;
        }
        padded += monthPadded;
        out.padded[mo] = monthPadded;
      }
      // 6. resolutions
      const monthRev = resolutions(out, y, tro, lift);
      out.revenue[mo] = monthRev;
      cumRev[m] = cumRev[m - 1] + monthRev;
      // 7, 8 and the counts of 10 in one pass over the seats: each step reads and writes only its own
      // seat's state and streams, so fusing them changes no number. For each seat: costs and quota
      // accrual while seated, then the month-end exit, then the seat's end-of-month state.
      let seatedN = 0,
        enrolledCost = 0,
        seatedEnd = 0,
        productive = 0,
        vacantEnd = 0;
      const hazard = c.hazard * hazardMult;
      for (let s = 0; s < N; s++) {
        if (status[s] === SEATED) {
          seatedN++;
          if (hasQuota) {
            // without quota nothing reads these (attainment and the quota rules need quota > 0)
            const qm = monthlyQuota[s] * (c.rampAdjusted && isHire[s] === 1 ? ramp[s] : 1);
            const p = person[s];
            pYearQuota[p * Y + y] += qm;
            pYearMonths[p * Y + y]++;
            qQuota[s] += qm;
          }
          for (let j = 0; j < P; j++) if (enrolled[s * P + j] === 1 && er[j] > 0) enrolledCost += c.programmes[j].perRepPerMonth;
          // 8. exit at month end
          if (c.attrition) {
            const e = s * PURPOSES + PURPOSE.exits;
            let leaves = nextU(S, e) < hazard;
            if (quarterEnd && c.lowPerf && qQuota[s] > 0) {
              lowQ[s] = qRev[s] / qQuota[s] < c.lowPerfBelow ? lowQ[s] + 1 : 0;
              if (!leaves && lowPerformerExits(lowQ[s], c.lowPerfQuarters, m - start[s] + 1, rampR[s], c.cycle)) leaves = true;
            }
            if (leaves) {
              exits++;
              openReg[s] -= binomial(S, e, openReg[s], c.pipelineLoss);
              openPad[s] -= binomial(S, e, openPad[s], c.pipelineLoss);
              person[s] = -1;
              if (c.backfill) {
                status[s] = VACANT;
                fillAt[s] = m + 1 + drawTimeToFill(S, s * PURPOSES + PURPOSE.fill, c.ttfMean, c.ttfSd);
              } else status[s] = 0;
            }
          }
        }
        if (quarterEnd) {
          qRev[s] = 0;
          qQuota[s] = 0;
        }
        // end-of-month state of the seat (recorded in step 10)
        if (status[s] === SEATED) {
          seatedEnd++;
          if (ramp[s] >= 1) productive++;
        } else if (status[s] === VACANT) vacantEnd++;
      }
      const repCost = seatedN * c.repMonthlyCost;
      const mgrCost = managers(seatedN, c.managerSpan) * c.managerMonthlyCost;
      out.costItems[ci + COST.reps] += repCost;
      out.costItems[ci + COST.managers] += mgrCost;
      out.costItems[ci + COST.enablement] += enrolledCost;
      monthCost += repCost + mgrCost + enrolledCost;
      // 9. leader exit
      if (lp) {
        const w0 = Math.max(1, m - 11, Math.floor(L.start) + 1);
        const gone = leaderMonthEnd(L, lp, S, leaderStream, m, cumRev[m] - cumRev[w0 - 1], planCum[m] - planCum[w0 - 1]);
        if (gone > 0) {
          const lc = gone * c.leaderSearchCost;
          out.costItems[ci + COST.leadership] += lc;
          monthCost += lc;
        }
      }
      // 10. end-of-month figures (counted in the pass above)
      // a seat counts as vacant for the month when it is vacant at the month's end (as reported)
      const vacCost = vacantEnd * c.vacancyMonthlyCost;
      out.costItems[ci + COST.vacancy] += vacCost;
      out.cost[mo] = monthCost + vacCost;
      out.headcount[mo] = seatedEnd;
      out.productive[mo] = productive;
      out.ramping[mo] = seatedEnd - productive;
      out.vacant[mo] = vacantEnd;
    }
    // per-trial reductions
    out.hires[row] = hires;
    out.exits[row] = exits;
    if (lp) {
      out.leaderChanges[row] = L.changes;
      out.programmesLost[row] = L.lost;
    }
    out.paddedShare[row] = c.coverage !== 0 && created + padded > 0 ? padded / (created + padded) : 0;
    out.realisedCoverage[row] = covN > 0 ? covSum / covN : NaN;
    reducePersons(out, row);
  }

  function reducePersons(out: TrialResults, row: number): void {
    // attainment per person-year (seated >= 3 months of the year, quota > 0)
    let counted = 0,
      atQuota = 0,
      attSum = 0;
    for (let p = 0; p < nP; p++) {
      for (let y = 0; y < Y; y++) {
        const q = pYearQuota[p * Y + y];
        if (pYearMonths[p * Y + y] < 3 || !(q > 0)) continue;
        const a = pYearRev[p * Y + y] / q;
        if (nAtt === att.length) {
          const x = new Float32Array(att.length * 2);
          x.set(att);
          att = x;
        }
        att[nAtt++] = a;
        counted++;
        attSum += a;
        if (a >= 1) atQuota++;
      }
    }
    out.attainmentCounts[row] = counted;
    out.shareAtQuota[row] = counted > 0 ? atQuota / counted : NaN;
    out.meanAttainment[row] = counted > 0 ? attSum / counted : NaN;
    // Lorenz curve of person revenue
    const lo = row * LORENZ_POINTS;
    const sorted = sortBuf.subarray(0, nP);
    sorted.set(pRev.subarray(0, nP));
    sorted.sort();
    let total = 0;
    for (let p = 0; p < nP; p++) total += sorted[p];
    if (nP > 0 && total > 0) {
      // prefix sums once (the same additions, in the same order, as lorenzAt), then every point in O(1)
      if (cumBuf.length < nP) cumBuf = new Float64Array(2 * nP);
      let acc = 0;
      for (let p = 0; p < nP; p++) {
        cumBuf[p] = acc;
        acc += sorted[p];
      }
      const at = (x: number): number => {
        const pos = x * nP;
        const i = Math.min(nP - 1, Math.floor(pos));
        return (cumBuf[i] + (pos - i) * sorted[i]) / total;
      };
      for (let i = 0; i < LORENZ_POINTS; i++) out.lorenz[lo + i] = at(i / (LORENZ_POINTS - 1));
      out.top20Share[row] = 1 - at(0.8);
      out.gini[row] = gini(sorted);
    } else {
      for (let i = 0; i < LORENZ_POINTS; i++) out.lorenz[lo + i] = NaN;
      out.top20Share[row] = NaN;
      out.gini[row] = NaN;
    }
    // top 20% vs bottom 80% of persons by base win rate (ties by person index)
    if (nP > 0) {
      const k = Math.max(1, Math.round(0.2 * nP));
      for (let p = 0; p < nP; p++) idxBuf[p] = p;
      topK(pBase, idxBuf, nP, k, keyBuf, topBuf);
      let top = 0,
        bottom = 0;
      for (let p = 0; p < nP; p++) {
        if (topBuf[p] === 1) top += pRev[p];
        else bottom += pRev[p];
      }
      out.top20RevenuePerRep[row] = top / k;
      out.bottom80RevenuePerRep[row] = nP > k ? bottom / (nP - k) : NaN;
    } else {
      out.top20RevenuePerRep[row] = NaN;
      out.bottom80RevenuePerRep[row] = NaN;
    }
  }

  return {
    allocate(from: number, trials: number): TrialResults {
      nAtt = 0;
      return allocateResults({ from, trials, months: H, territories: T, years: Y });
    },
    trial,
    finish(out: TrialResults): void {
      out.attainments = att.slice(0, nAtt);
    },
  };
}
