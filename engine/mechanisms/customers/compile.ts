/** The customers' compiled parameters and trial state (moved out of customers.ts so the slice imports no step code). */
import type { Scenario } from '../../scenario.js';
import { createLognormalTable } from '../../random/lognormalTable.js';
import { monthlyHazard } from '../../kernel/hazard.js';
import type { CompiledCustomers, CustomerState } from './types.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';
import { seatLayout } from '../../kernel/seats.js';
import type { Compiled } from '../../kernel/compiled.js';

/** What the customers' compile reads of the core's compiled parameters: the deal size, the opportunity rate and the no-decision rate. */
export type CustomersInputs = Pick<Compiled, 'dealMedian' | 'dealSigma' | 'rate' | 'noDecision'>;

/** Hazard used for a churn probability of 1 (exp(-64) ~ 1.6e-28: churn is certain in double precision). */
const MAX_HAZARD = 64;

/** Months of a customer lifetime counted in LTV (a 5-year cap, a common CFO convention). */
export const LTV_MONTHS = 60;

/** The programme's share of full effect in month m. */
export function experienceRamp(start: number, monthsToFull: number, m: number): number {
  if (start === 0 || m < start) return 0;
  return Math.min(1, (m - start + 1) / Math.max(1, monthsToFull));
}

/** Flattens the customers block (null when absent), from the core compiled before it (`core`) and its mean win rate. */
export function compileCustomers(s: Scenario, core: CustomersInputs, meanWin: number): CompiledCustomers | null {
  const { dealMedian, dealSigma } = core;
  const cu = s.customers;
  if (!cu) return null;
  const H = s.horizonMonths;
  const ex = cu.experience;
  const cumHazard = new Float64Array(H + 1);
  const annHazard = new Float64Array(H + 1);
  const growth = new Float64Array(H + 1);
  const referralRate = new Float64Array(H + 1);
  growth[0] = 1;
  const rates = (m: number) => {
    const r = ex ? experienceRamp(ex.startMonth, ex.monthsToFullEffect, m) : 0;
    const annual = cu.annualChurn * (1 - (ex?.churnCut ?? 0) * r);
    const e = cu.annualExpansion + (ex?.expansionLift ?? 0) * r;
    return { annual, q: monthlyHazard(annual), g: Math.pow(1 + e, 1 / 12) - 1, ref: ((cu.referrals?.perCustomerPerYear ?? 0) / 12) * (1 + (ex?.referralLift ?? 0) * r) };
  };
  const hz = (p: number) => (p >= 1 ? MAX_HAZARD : Math.min(MAX_HAZARD, -Math.log1p(-p)));
  for (let m = 1; m <= H; m++) {
    const x = rates(m);
    cumHazard[m] = cumHazard[m - 1] + hz(x.q);
    annHazard[m] = hz(x.annual);
    growth[m] = growth[m - 1] * (1 + x.g);
    referralRate[m] = x.ref;
  }
  const first = rates(1);
  const last = rates(H);
  const kept = (1 - last.q) * (1 + last.g);
  let ltv = 0;
  for (let k = 0, f = 1; k < LTV_MONTHS; k++, f *= kept) ltv += f;
  // new customers a month at month 1's nominal rate (initial seats, no ramp, saturation or programmes)
  const layout = seatLayout(s);
  const salesNew = layout.initialSeats * core.rate * meanWin * (1 - core.noDecision);
  const lifetime = cu.churnDecided === 'anniversary' ? 12 / Math.max(first.annual, 1e-12) : 1 / Math.max(first.q, 1e-12);
  const seats = layout.initial;
  const totalSeats = seats.reduce((a, b) => a + b, 0);
  const territoryCum = new Float64Array(seats.length);
  let acc = 0;
  seats.forEach((n, i) => (territoryCum[i] = totalSeats > 0 ? (acc += n) / totalSeats : i === seats.length - 1 ? 1 : 0));
  territoryCum[seats.length - 1] = 1;
  const init = cu.initial;
  const arr = init && init !== 'steady-state' ? init.arr : null;
  const initialMedian = arr === null ? dealMedian : typeof arr === 'number' ? arr : arr.median;
  const initialSigma = arr === null ? dealSigma : typeof arr === 'number' ? 0 : arr.sigma;
  return {
    anniversary: cu.churnDecided === 'anniversary',
    cumHazard,
    annHazard,
    growth,
    referralRate,
    referrals: !!cu.referrals && cu.referrals.perCustomerPerYear > 0,
    referralWin: cu.referrals?.winRate ?? 0,
    grossMargin: cu.grossMargin,
    initial: init === null ? 0 : init === 'steady-state' ? 2 : 1,
    initialCount: init && init !== 'steady-state' ? init.count : 0,
    initialMedian,
    initialTable: initialSigma > 0 ? createLognormalTable(initialSigma) : null,
    steadyMean: salesNew * lifetime,
    steadyQ: first.q,
    steadyG: first.g,
    territoryCum,
    csStart: ex ? ex.startMonth : 0,
    csOneTime: ex?.cost.oneTime ?? 0,
    csPerMonth: ex?.cost.perMonth ?? 0,
    csPerCustomer: ex?.cost.perCustomerPerMonth ?? 0,
    ltvFactor: (cu.grossMargin * ltv) / 12,
  };
}


export function createCustomerState(N: number, T: number, H: number, Y: number, a: Alloc = FRESH): CustomerState {
  return {
    newV: a.f64(64),
    newSeat: a.i32(64),
    nNew: 0,
    lossBase: a.f64(H + 2),
    lossCount: a.f64(H + 2),
    lossT: a.f64((H + 2) * T),
    base: 0,
    count: 0,
    countT: a.f64(T),
    yB0: a.f64(Y),
    yB1: a.f64(Y),
    openRef: a.i32(N),
    seatedT: a.f64(T),
    newCustomers: 0,
    newAcv: 0,
    csCost: 0,
  };
}

