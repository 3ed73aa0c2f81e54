/**
 * Performance-dependent voluntary attrition (the optional `retention` block, with an attrition block):
 * each holder's annual voluntary exit rate is logistic in trailing attainment A and in pay relative to the
 * market,
 *
 *   logit a = logit(attrition.annualRate) + attainmentSlope x (A - 1) + paySlope x ln(pay / market),
 *   pay = payLevel x (1 - v + v g(A)) x (1 + raise for the top 20%),   market = 1 + marketPremium x (A - 1),
 *
 * (pay and market in units of the market's OTE at quota; g(A) = A, or with a compensation block its payout
 * curve with decelerator, accelerators and cap, rebuilt here from the scenario), so with the defaults a low performer leaves
 * more (low attainment, little variable) and a top performer leaves more when the market pays top
 * performance more than the plan does. A is the holder's revenue / quota over its last (up to 4)
 * completed quarters (1 until the first quarter end); the rate is recomputed at quarter ends and applied
 * as the monthly hazard 1 - (1 - a)^(1/12), times the leader's disruption multiplier. The exit draw is the
 * attrition mechanism's (one uniform from the seat's exits stream against the hazard), so a higher pay
 * level lowers every hazard and never adds an exit on common random numbers; the low-performer rule is
 * kept as it is (involuntary).
 *
 * Groups: a holder whose base win rate is above the 80th percentile of the win-rate distribution is in the
 * top 20% (none without a win-rate spread). Each exit is counted by group with the revenue it takes (the
 * leaver's annual run rate over its completed quarters, up to 4) and its open pipeline's expected value at
 * exit (before pipelineLossOnExit). A raise pays the top 20% `raise.amount` x OTE a year more (charged to
 * the reps cost item).
 *
 * Shape sources: no published estimate of these slopes for sales reps is cited here; they are assumptions
 * with ranges (engine/mechanisms/retention/assumptions.ts), and a result that depends on them says so.
 */
import type { Scenario } from '../../scenario.js';
import type { SeatState } from '../../kernel/state.js';
import { monthlyHazard } from '../../kernel/hazard.js';
import type { Stats } from '../../stats/statsType.js';
import { stats } from '../../stats/stats.js';
import { TRAIL_QUARTERS, type CompiledRetention, type RetentionState, type RetentionSummary } from './types.js';
import type { TextSection } from '../../kernel/outputs.js';
import { FRESH, type Alloc } from '../../kernel/alloc.js';
import { retentionBaseRate } from './schema.js';

/** The win-rate distribution's shape (tiers: shares, means, Beta concentrations; 0 = exact). */
interface WinRates {
  shares: Float64Array;
  means: Float64Array;
  concentrations: Float64Array;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The q-quantile of a win-rate distribution (a mixture of exact rates and Betas by mean and concentration),
 * numerically on a grid of 1/4000 (exact for exact rates).
 * @example winRateQuantile({ shares: Float64Array.of(0.2, 0.8), means: Float64Array.of(0.5, 0.2), concentrations: Float64Array.of(0, 0) }, 0.8) // 0.2
 */
export function winRateQuantile(d: WinRates, q: number): number {
  const G = 4000;
  const mass = new Float64Array(G + 1);
  for (let t = 0; t < d.shares.length; t++) {
    const m = d.means[t],
      k = d.concentrations[t],
      w = d.shares[t];
    if (!(k > 0) || m <= 0 || m >= 1) {
      mass[Math.min(G, Math.max(0, Math.round(m * G)))] += w;
      continue;
    }
    const a = m * k,
      b = (1 - m) * k;
    const lb = logGamma(a) + logGamma(b) - logGamma(a + b);
    let tot = 0;
    const pdf = new Float64Array(G + 1);
    for (let i = 0; i < G; i++) {
      const x = (i + 0.5) / G;
      pdf[i + 1] = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lb);
      tot += pdf[i + 1];
    }
    for (let i = 1; i <= G; i++) mass[i] += (w * pdf[i]) / tot;
  }
  let acc = 0;
  for (let i = 0; i <= G; i++) {
    acc += mass[i];
    if (acc >= q - 1e-9) return i / G;
  }
  return 1;
}

/**
 * The annual voluntary exit rate at trailing attainment A, for a holder with (`raised`) or without the raise.
 * @example annualExitRate({ logit0: 0, attainmentSlope: 0, paySlope: 0, payLevel: 1, variableShare: 0.5, marketPremium: 0.5, raise: 0 } as never, 1, false) // 0.5
 */
export function annualExitRate(r: CompiledRetention, A: number, raised: boolean): number {
  const a = A > 0 ? A : 0;
  let g = a;
  if (r.bp.length > 0) {
    let i = r.bp.length - 1;
    while (a < r.bp[i]) i--;
    g = r.gAt[i] + r.slope[i] * (a - r.bp[i]);
  }
  if (g > r.cap) g = r.cap;
  let pay = r.payLevel * (1 - r.variableShare + r.variableShare * g) * (raised ? 1 + r.raise : 1);
  const market = Math.max(0.1, 1 + r.marketPremium * (a - 1));
  if (pay < 1e-3) pay = 1e-3;
  const z = r.logit0 + r.attainmentSlope * (a - 1) + r.paySlope * Math.log(pay / market);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The compensation plan's payout curve (in multiples of target variable), as engine/mechanisms/compensation
 * builds it: slope decelerator.rate below its threshold, 1 up to the first accelerator, then each
 * accelerator's rate; capped. Without a plan: no breakpoints (g(A) = A) and no cap.
 */
function planCurve(k: Scenario['compensation']): { bp: Float64Array; slope: Float64Array; gAt: Float64Array; cap: number } {
  if (!k) return { bp: new Float64Array(0), slope: new Float64Array(0), gAt: new Float64Array(0), cap: Infinity };
  const bp: number[] = [0];
  const slope: number[] = [k.decelerator ? k.decelerator.rate : 1];
  if (k.decelerator) {
    bp.push(k.decelerator.below);
    slope.push(1);
  }
  for (const a of k.accelerators) {
    if (a.above <= bp[bp.length - 1]) continue;
    bp.push(a.above);
    slope.push(a.rate);
  }
  const gAt = new Float64Array(bp.length);
  for (let i = 1; i < bp.length; i++) gAt[i] = gAt[i - 1] + slope[i - 1] * (bp[i] - bp[i - 1]);
  return { bp: Float64Array.from(bp), slope: Float64Array.from(slope), gAt, cap: k.cap ?? Infinity };
}

/** Compiles the block (null when absent); `winRate` the initial seats' distribution, `expectedDeal` E[deal]. */
export function compileRetention(s: Scenario, winRate: WinRates, expectedDeal: number): CompiledRetention | null {
  const r = s.retention;
  const base = retentionBaseRate(s);
  if (!r || base === null) return null;
  const a0 = Math.min(Math.max(base, 1e-9), 1 - 1e-9);
  const ote = r.ote ?? s.compensation?.ote ?? s.costs?.repAnnualCost ?? 0;
  const raise = r.raise?.amount ?? 0;
  const spread = Array.from(winRate.means).some((m) => m !== winRate.means[0]) || Array.from(winRate.concentrations).some((k) => k > 0);
  const c: Omit<CompiledRetention, 'table'> = {
    logit0: Math.log(a0 / (1 - a0)),
    attainmentSlope: r.attainmentSlope,
    paySlope: r.paySlope,
    payLevel: r.payLevel,
    variableShare: r.variableShare ?? s.compensation?.variableShare ?? 0.5,
    marketPremium: r.marketPremium,
    topAbove: spread ? winRateQuantile(winRate, 0.8) : Infinity,
    raise,
    raiseMonthly: (raise * ote) / 12,
    ...planCurve(s.compensation),
    expectedDeal,
  };
  return { ...c, table: hazardTable(c) };
}

/** Attainments the hazard table covers, [0, TABLE_MAX] in TABLE_STEPS steps (beyond it the hazard is computed). */
const TABLE_MAX = 4;
const TABLE_STEPS = 4096;

/**
 * The monthly hazards at attainments 0, TABLE_MAX / TABLE_STEPS, ..., TABLE_MAX without and with the raise
 * (2 x (TABLE_STEPS + 1) values), so the seat pass interpolates instead of calling exp, log and pow.
 */
function hazardTable(r: Omit<CompiledRetention, 'table'>): Float64Array {
  const n = TABLE_STEPS + 1;
  const t = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const A = (i * TABLE_MAX) / TABLE_STEPS;
    t[i] = monthlyHazard(annualExitRate(r as CompiledRetention, A, false));
    t[n + i] = monthlyHazard(annualExitRate(r as CompiledRetention, A, true));
  }
  return t;
}

/**
 * The monthly hazard at attainment A: linear interpolation in the table (exact at its points; between them
 * within about 1e-8 of the hazard's scale for these smooth curves), computed directly beyond TABLE_MAX.
 */
export function tableHazard(r: CompiledRetention, A: number, raised: boolean): number {
  const x = ((A > 0 ? A : 0) * TABLE_STEPS) / TABLE_MAX;
  if (x >= TABLE_STEPS) return monthlyHazard(annualExitRate(r, A, raised));
  const i = x | 0;
  const o = raised ? TABLE_STEPS + 1 + i : i;
  const f = x - i;
  return f === 0 ? r.table[o] : r.table[o] + f * (r.table[o + 1] - r.table[o]);
}

/** The per-trial state of N seats. */
export function createRetentionState(N: number, a: Alloc = FRESH): RetentionState {
  return {
    person: a.i32(N).fill(-1),
    rev: a.f64(N * TRAIL_QUARTERS),
    quo: a.f64(N * TRAIL_QUARTERS),
    nQ: a.i32(N),
    hazard: a.f64(N),
    top: a.u8(N),
    month: 0,
    exits: a.f64(2),
    revenue: a.f64(2),
    pipeline: a.f64(2),
    raiseCost: 0,
    open: 0,
  };
}

/** Trial start. */
export function retentionBegin(rs: RetentionState): void {
  rs.person.fill(-1);
  rs.exits.fill(0);
  rs.revenue.fill(0);
  rs.pipeline.fill(0);
  rs.month = rs.raiseCost = 0;
}

/**
 * Step 8 for seated seat s, before the exit draw: a new holder starts at attainment 1; at a quarter end the
 * quarter joins the trailing attainment and the hazard is recomputed; a top holder's raise is paid; the
 * open pipeline's value is noted. Returns the monthly hazard x the leader's disruption multiplier.
 */
export function retentionSeat(st: SeatState, r: CompiledRetention, rs: RetentionState, s: number, quarterEnd: boolean): number {
  const p = st.person[s];
  const o = s * TRAIL_QUARTERS;
  if (rs.person[s] !== p) {
    rs.person[s] = p;
    rs.nQ[s] = 0;
    for (let j = 0; j < TRAIL_QUARTERS; j++) rs.rev[o + j] = rs.quo[o + j] = 0;
    // top: 1 in the top 20% without a raise, 2 with one (raised)
    rs.top[s] = st.base[s] > r.topAbove ? (r.raise > 0 ? 2 : 1) : 0;
    rs.hazard[s] = tableHazard(r, 1, rs.top[s] === 2);
  }
  const top = rs.top[s];
  if (quarterEnd && st.qQuota[s] > 0) {
    const j = o + (rs.nQ[s] % TRAIL_QUARTERS);
    rs.rev[j] = st.qRev[s];
    rs.quo[j] = st.qQuota[s];
    rs.nQ[s]++;
    let R = 0,
      Q = 0;
    for (let i = 0; i < TRAIL_QUARTERS; i++) {
      R += rs.rev[o + i];
      Q += rs.quo[o + i];
    }
    rs.hazard[s] = tableHazard(r, Q > 0 ? R / Q : 1, top === 2);
  }
  if (top === 2) rs.month += r.raiseMonthly;
  // the open count before the exit draw (which may lose some); its value is taken only on an exit
  rs.open = st.openReg[s] + st.openPad[s];
  return rs.hazard[s] * st.hazardMult;
}

/** After an exit of seat s's holder: counted by group with its annual run rate and open pipeline value (at `expectedDeal` x the seat's multiplier `mult`). */
export function retentionExit(rs: RetentionState, s: number, expectedDeal: number, mult: number): void {
  const g = rs.top[s] !== 0 ? 0 : 1;
  const o = s * TRAIL_QUARTERS;
  const n = Math.min(rs.nQ[s], TRAIL_QUARTERS);
  let R = 0;
  for (let i = 0; i < TRAIL_QUARTERS; i++) R += rs.rev[o + i];
  rs.exits[g]++;
  rs.revenue[g] += n > 0 ? (R * TRAIL_QUARTERS) / n : 0;
  rs.pipeline[g] += rs.open * expectedDeal * mult;
  rs.person[s] = -1;
}

/** After the seat pass: the month's raise cost (returned, and reset). */
export function retentionMonth(rs: RetentionState): number {
  const x = rs.month;
  rs.raiseCost += x;
  rs.month = 0;
  return x;
}

/** The per-trial columns (written by `retentionEnd`). */
export interface RetentionColumns {
  exitsTop20: Float64Array;
  exitsOther80: Float64Array;
  exitRevenueTop20: Float64Array;
  exitRevenueOther80: Float64Array;
  exitPipelineTop20: Float64Array;
  exitPipelineOther80: Float64Array;
  raiseCost: Float64Array;
}

/** Trial end: the trial's figures into row `row`. */
export function retentionEnd(rs: RetentionState, out: RetentionColumns, row: number): void {
  out.exitsTop20[row] = rs.exits[0];
  out.exitsOther80[row] = rs.exits[1];
  out.exitRevenueTop20[row] = rs.revenue[0];
  out.exitRevenueOther80[row] = rs.revenue[1];
  out.exitPipelineTop20[row] = rs.pipeline[0];
  out.exitPipelineOther80[row] = rs.pipeline[1];
  out.raiseCost[row] = rs.raiseCost;
}

/** The Summary's retention section. */
export function retentionSummary(src: { scalar(key: keyof RetentionColumns): ArrayLike<number> }): RetentionSummary {
  const g = (e: keyof RetentionColumns, r: keyof RetentionColumns, p: keyof RetentionColumns): { exits: Stats; revenueLost: Stats; pipelineLost: Stats } => ({ exits: stats(src.scalar(e)), revenueLost: stats(src.scalar(r)), pipelineLost: stats(src.scalar(p)) });
  return {
    top20: g('exitsTop20', 'exitRevenueTop20', 'exitPipelineTop20'),
    other80: g('exitsOther80', 'exitRevenueOther80', 'exitPipelineOther80'),
    raiseCost: stats(src.scalar('raiseCost')),
  };
}

/** The section's rows in `salesim run`'s readable report (the playground's People and pay view shows the same). */
export const TEXT: TextSection<RetentionSummary> = {
  title: 'exits by performance (retention), per trial',
  rows: (r, s) => [
    { label: 'top 20%: exits (reps)', unit: 'count', stats: r.top20.exits },
    { label: 'top 20%: revenue lost', unit: 'money', stats: r.top20.revenueLost },
    { label: 'top 20%: pipeline lost', unit: 'money', stats: r.top20.pipelineLost },
    { label: 'other 80%: exits (reps)', unit: 'count', stats: r.other80.exits },
    { label: 'other 80%: revenue lost', unit: 'money', stats: r.other80.revenueLost },
    { label: 'other 80%: pipeline lost', unit: 'money', stats: r.other80.pipelineLost },
    s.retention?.raise ? { label: 'retention raise cost', unit: 'money', stats: r.raiseCost } : { label: 'retention raise cost', off: 'no raise in the scenario' },
  ],
};
