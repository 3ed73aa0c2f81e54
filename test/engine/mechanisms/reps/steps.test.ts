/**
 * Each model step driven by hand on a seat state, against the rule it implements (the simulation-level
 * tests of each mechanism stay in their own files).
 */
import { describe, expect, it } from 'vitest';
import { SEATED, VACANT, CLOSED } from '../../../../engine/state.js';
import { allocateResults } from '../../../../engine/results.js';
import { LORENZ_POINTS } from '../../../../engine/types.js';
import { seatHolder } from '../../../../engine/kernel/holder.js';
import { seatRates } from '../../../../engine/simulate.js';
import { fillSeats, vacate } from '../../../../engine/mechanisms/hiring/hiring.js';
import { arrive, resolveSeat } from '../../../../engine/mechanisms/reps/pipeline.js';
import { padSeat, monthQuota } from '../../../../engine/mechanisms/coverage/policy.js';
import { exitSeat } from '../../../../engine/mechanisms/attrition/attrition.js';
import { accrueQuota, creditPerson, reducePersons } from '../../../../engine/mechanisms/reps/persons.js';
import { startProgramme } from '../../../../engine/mechanisms/enablement/enablement.js';
import { territoryFactors, territoryYield } from '../../../../engine/mechanisms/territories/territories.js';
import { stepFixture } from '../../../helpers/state.js';

describe('model steps on a seat state', () => {
  it('seatHolder seats an incumbent (no ramp) or a hire (ramping, tenure month 1) with a person of its own', () => {
    const { c, st } = stepFixture({ hiring: { ramp: { months: 4 } } }, { seats: 2, winRate: 0.3 });
    seatHolder(st, c, 0, 0, false);
    seatHolder(st, c, 1, 5, true);
    expect(Array.from(st.status)).toEqual([SEATED, SEATED]);
    expect(Array.from(st.person)).toEqual([0, 1]);
    expect(st.base[0]).toBe(0.3);
    expect([st.isHire[0], st.isHire[1], st.start[1], st.rampR[1]]).toEqual([0, 1, 5, 4]);
    // step 3: the hire's first month is tenure month 1 of a linear ramp over 4 months
    expect(seatRates(st, c, 1)).toBeCloseTo(4 * 0.25, 15);
    expect(seatRates(st, c, 0)).toBe(4);
    expect(st.pEff[1]).toBe(0.3);
  });
  it('fillSeats opens planned requisitions, fills those due and slows starters beyond onboarding capacity to C/S', () => {
    const { c, st } = stepFixture({ hiring: { plan: [{ month: 3, seats: 4 }], timeToFillMonths: 0, onboardingCapacityPerMonth: 1, ramp: { months: 2 } } }, { seats: 0 });
    expect(fillSeats(st, c, 2)).toBe(0);
    expect(fillSeats(st, c, 3)).toBe(4);
    expect(Array.from(st.status)).toEqual([SEATED, SEATED, SEATED, SEATED]);
    expect(Array.from(st.speed)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(st.hires).toBe(4);
    // a leaver's seat: backfilled after time to fill 0 -> filled at the start of the next month
    vacate(st, c, 2, 3);
    expect([st.status[2], st.fillAt[2]]).toEqual([VACANT, 4]);
    expect(fillSeats(st, c, 4)).toBe(1);
  });
  it('vacate closes the seat when there is no backfill', () => {
    const { c, st } = stepFixture({ hiring: { backfill: false } }, { seats: 1 });
    seatHolder(st, c, 0, 0, false);
    vacate(st, c, 0, 6);
    expect(st.status[0]).toBe(CLOSED);
  });
  it('resolveSeat: every open opportunity resolves (cycle 1) and is won (win rate 1): value = open x deal size', () => {
    const { c, st } = stepFixture({}, { seats: 1, winRate: 1, dealSize: 250, cycleMonths: 1 });
    seatHolder(st, c, 0, 0, false);
    seatRates(st, c, 0);
    st.openReg[0] = 7;
    expect(resolveSeat(st, c, 0)).toBe(7 * 250);
    expect(st.openReg[0]).toBe(0);
    expect(resolveSeat(st, c, 0)).toBe(0);
  });
  it('arrive adds Poisson(lam) to the pipeline: the mean over many draws is lam (4 SE)', () => {
    const { c, st } = stepFixture({}, { seats: 1, initialPipeline: 'empty' });
    seatHolder(st, c, 0, 0, false);
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += arrive(st, c, 0, 2, 3.5);
    expect(st.openReg[0]).toBe(sum);
    expect(Math.abs(sum / n - 3.5)).toBeLessThan(4 * Math.sqrt(3.5 / n));
  });
  it('padSeat adds ceil(shortfall / unit) padded opportunities against multiple x remaining quarterly quota', () => {
    const { c, st } = stepFixture({ quota: { annualPerRep: 120000 }, coverage: { policy: 'global', multiple: 3 } }, { seats: 1, dealSize: 1000, winRate: 0.25 });
    seatHolder(st, c, 0, 0, false);
    seatRates(st, c, 0);
    st.openReg[0] = 5;
    // month 1 of the quarter: remaining = 3 x 10,000; required 90,000; held 5,000 -> 85 padded
    expect(monthQuota(st, c, 0)).toBe(10000);
    expect(padSeat(st, c, 0, 3)).toBe(85);
    expect(st.openPad[0]).toBe(85);
    expect(st.covSum / st.covN).toBe(3);
    // quota already met: nothing
    st.qRev[0] = 1e9;
    expect(padSeat(st, c, 0, 3)).toBe(0);
  });
  it('exitSeat: hazard 1 always leaves and loses pipelineLossOnExit 1 of the pipeline; hazard 0 never leaves', () => {
    const { c, st } = stepFixture({ attrition: { annualRate: 0.2, pipelineLossOnExit: 1 } }, { seats: 2 });
    seatHolder(st, c, 0, 0, false);
    seatHolder(st, c, 1, 0, false);
    st.openReg[0] = st.openReg[1] = 9;
    st.openPad[0] = 2;
    expect(exitSeat(st, c, 0, 1, 1, false)).toBe(true);
    expect([st.openReg[0], st.openPad[0], st.person[0], st.exits]).toEqual([0, 0, -1, 1]);
    expect(exitSeat(st, c, 1, 1, 0, false)).toBe(false);
    expect(st.openReg[1]).toBe(9);
  });
  it('persons: attainment counts person-years seated >= 3 months; the Lorenz curve of two persons 1:3', () => {
    const { c, st } = stepFixture({ horizonMonths: 12, quota: { annualPerRep: 1200 } }, { seats: 2 });
    seatHolder(st, c, 0, 0, false);
    seatHolder(st, c, 1, 0, false);
    for (let m = 0; m < 3; m++) accrueQuota(st, 0, 0, 100);
    for (let m = 0; m < 2; m++) accrueQuota(st, 1, 0, 100);
    creditPerson(st, 0, 0, 150);
    creditPerson(st, 1, 0, 450);
    const out = allocateResults({ from: 0, trials: 1, months: 12, territories: 1, years: 1 });
    reducePersons(st, c, out, 0);
    expect(out.attainmentCounts[0]).toBe(1);
    expect(st.att[0]).toBeCloseTo(0.5, 6);
    expect(out.shareAtQuota[0]).toBe(0);
    expect(out.lorenz[Math.round(0.5 * (LORENZ_POINTS - 1))]).toBeCloseTo(0.25, 15);
    expect(out.top20Share[0]).toBeCloseTo(1 - (0.25 + 0.6 * 0.75), 12);
    expect(out.gini[0]).toBeCloseTo(0.25, 12);
    expect(c.years).toBe(1);
  });
  it('startProgramme ranks the seated reps: the bar is the top-20% mean and bottom80 enrols the others', () => {
    const rates = [0.5, 0.1, 0.2, 0.3, 0.4, 0.1, 0.1, 0.1, 0.1, 0.6];
    const { c, st } = stepFixture({ enablement: [{ startMonth: 1, target: 'bottom80', gapClosed: 0.5 }] }, { seats: 10, winRate: 0.1 });
    for (let s = 0; s < 10; s++) {
      seatHolder(st, c, s, 0, false);
      st.base[s] = rates[s];
    }
    startProgramme(st, c, 0, 1);
    expect(st.bar[0]).toBeCloseTo(0.55, 15);
    expect(st.cutoff[0]).toBe(0.5);
    expect(Array.from(st.enrolled)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });
  it('territoryFactors: yield per unit of demand F(1 - exp(-D/F)) / D, 0 without demand', () => {
    const { c, st } = stepFixture({ territories: [{ name: 'A', seats: 2, potential: 10 }, { name: 'B', seats: 1, potential: 5 }] }, { seats: 3 });
    st.tDemand[0] = 8;
    st.tDemand[1] = 0;
    territoryFactors(st, c);
    expect(st.tFactor[0]).toBeCloseTo(territoryYield(10, 8) / 8, 15);
    expect(st.tFactor[1]).toBe(0);
  });
});
