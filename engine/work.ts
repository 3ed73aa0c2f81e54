/**
 * One cost model for the work of a run, before it starts, in the units the kernel spends: rep-months plus
 * the events it handles one by one (deal draws, customers, open-book deals, stall buckets, territory
 * passes, per-trial compiles), from the compiled rates; and the peak memory of its results. Every route
 * of the server and the CLI estimate a request with this one function (`estimateWork`), so a request is
 * refused (server) or warned about (CLI) before any trial runs.
 *
 * What the kernel does not spend per event is not counted per event: arrivals and resolutions are
 * binomial and Poisson draws (O(1) whatever the mean), and a rep-month's deal values are drawn deal by
 * deal only up to SUM_EXACT_MAX deals (above, the sum is drawn at once: engine/random/sums.ts). With a
 * customers block every won deal becomes a customer and is counted.
 */
import type { Scenario } from './scenario.js';
import { compile } from './compile.js';
import type { ResultLayout } from './kernel/outputs.js';
import type { WorkEstimate, WorkFactors, WorkLever } from './kernel/work.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { seatCount } from './seatCount.js';
import { SUM_EXACT_MAX } from './random/sums.js';
import { expectedDeal } from './runnable.js';

/** One run of a request: a scenario and its trials. */
export interface WorkRun {
  scenario: Scenario;
  trials: number;
}

export type { WorkFactors, WorkEstimate } from './kernel/work.js';


/**
 * A trial's setup per seat (seeding its random streams, its holder), in rep-month units: measured with
 * 20,000 seats at 1 and at 12 months (7.8 us a seat-trial at 1 month, 1.6 us a rep-month).
 */
const SETUP_PER_SEAT = 5;

/** Cost of compiling a scenario once (tables, per-seat setup), in rep-month units. */
const COMPILE_UNITS = 20_000;

/**
 * The factors of a run, from the parsed scenario and its compiled rates.
 * @example workFactors(parseScenario({ reps: { seats: 6, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 1 } }), 100).seats // 6
 */
export function workFactors(s: Scenario, trials: number): WorkFactors {
  const c = compile(s);
  const seats = Math.max(1, seatCount(s));
  const H = s.horizonMonths;
  const meanWin = c.winRate.shares.reduce((a, sh, i) => a + sh * c.winRate.means[i], 0);
  const winShare = meanWin * (1 - s.reps.noDecisionRate);
  const deal = expectedDeal(s.reps.dealSize);
  const f: WorkFactors = {
    trials,
    seats,
    months: H,
    opportunitiesPerMonth: s.reps.opportunitiesPerMonth,
    winShare,
    recordDeals: false,
    paddedWonPerMonth: 0,
    initialCustomers: 0,
    referralWonPerCustomerMonth: 0,
    marketingWonPerMonth: 0,
    territories: c.territories,
    stallBuckets: c.aged ? c.stallAge + 1 : 0,
    bookDeals: 0,
    compilePerTrial: 0,
    resultBytesPerTrial: 0,
  };
  const layout: ResultLayout = { from: 0, trials: 1, months: c.H, territories: c.territories, years: c.years, figures: c.coverageFigures };
  // each mechanism's part (its registry entry's `work`): the market's mean multiplier of the arrivals, padded, recorded, referred and
  // marketing-sourced deals, per-trial compiles
  for (const m of MECHANISMS) {
    if (!('work' in m)) continue;
    const part = m.work(s, c, { winShare, deal });
    Object.assign(f, part.factors);
    if (part.layout) Object.assign(layout, part.layout);
  }
  if (c.recorded) layout.recorded = c.recorded;
  let bytes = resultBytesPerTrial(layout);
  // attainments: one float per person-year (incumbents, plus hires and backfills: at most 2 per seat)
  bytes += 4 * 2 * seats * c.years;
  f.resultBytesPerTrial = bytes;
  return f;
}

/**
 * The bytes one trial's results take (what `allocateResults` would allocate for one trial: every
 * mechanism's columns as float64, plus the trial's attainment count), computed from the column widths
 * without allocating: a server estimates work on its event loop, and zero-filling a block there for a
 * long horizon or many territories blocked it (measured in bench/fuzz-bounds.ts --cpu-prof).
 * @example resultBytesPerTrial({ from: 0, trials: 1, months: 12, territories: 1, years: 1, figures: false }) > 0 // true
 */
export function resultBytesPerTrial(layout: ResultLayout): number {
  let bytes = 4; // attainmentCounts: one int32
  for (const m of MECHANISMS) for (const spec of Object.values(m.columns)) bytes += 8 * spec.width(layout);
  return bytes;
}

/**
 * The estimate of one run from its factors.
 * @example workOf({ ...f, trials: 10 }).work // 10 x one trial's work
 */
export function workOf(f: WorkFactors): WorkEstimate {
  const repMonths = f.trials * f.seats * f.months;
  const wonPerRepMonth = f.opportunitiesPerMonth * f.winShare + f.paddedWonPerMonth;
  // deal values: drawn one by one up to SUM_EXACT_MAX per rep-month, every one when recorded
  const dealsPerRepMonth = f.recordDeals ? wonPerRepMonth : Math.min(wonPerRepMonth, SUM_EXACT_MAX);
  const marketingDeals = f.recordDeals ? f.marketingWonPerMonth : Math.min(f.marketingWonPerMonth, SUM_EXACT_MAX * f.seats);
  // customers: the initial base (each scans the territories once), the won deals, referrals from the
  // mean base over the horizon
  const newPerMonth = f.recordDeals ? f.seats * wonPerRepMonth + f.marketingWonPerMonth : 0;
  // the base month by month, churn ignored (an upper bound): referrals from the base become customers
  // who refer in turn, so the base can grow geometrically
  let base = f.initialCustomers;
  let recorded = 0;
  for (let m = 0; m < f.months && f.recordDeals; m++) {
    const referred = base * f.referralWonPerCustomerMonth;
    recorded += newPerMonth + referred;
    base += newPerMonth + referred;
  }
  const customers = f.recordDeals ? f.trials * (f.initialCustomers * (1 + f.territories / 2) + recorded) : 0;
  const deals = f.trials * f.months * (f.seats * dealsPerRepMonth + marketingDeals);
  const opportunities = f.trials * f.months * (f.bookDeals + f.seats * f.stallBuckets);
  // per trial: every seat's streams seeded (measured: ~5 rep-months of work per seat), the territory passes, a compile with uncertainty
  const other = f.trials * (SETUP_PER_SEAT * f.seats + f.months * f.territories + f.compilePerTrial * (COMPILE_UNITS + f.seats));
  const work = repMonths + deals + customers + opportunities + other;
  // results of every trial, merged (a second copy while merging) and sorted by the summary (a third)
  const memoryBytes = 3 * f.trials * f.resultBytesPerTrial;
  return { work, repMonths, events: { deals, customers, opportunities, other }, memoryBytes };
}

/**
 * The estimate of a request: the sum over its runs (work and memory: every run's results are held
 * until the request's report is made).
 * @example estimateWork([{ scenario, trials: 2000 }]).work
 */
export function estimateWork(runs: WorkRun[]): WorkEstimate {
  return sumEstimates(runs.map((r) => workOf(workFactors(r.scenario, r.trials))));
}

function sumEstimates(es: WorkEstimate[]): WorkEstimate {
  const out: WorkEstimate = { work: 0, repMonths: 0, events: { deals: 0, customers: 0, opportunities: 0, other: 0 }, memoryBytes: 0 };
  for (const e of es) {
    out.work += e.work;
    out.repMonths += e.repMonths;
    out.events.deals += e.events.deals;
    out.events.customers += e.events.customers;
    out.events.opportunities += e.events.opportunities;
    out.events.other += e.events.other;
    out.memoryBytes += e.memoryBytes;
  }
  return out;
}

/** A refusal: the field that drives the cost and the largest value of it that fits. */
export interface OverBudget {
  /** 'work' or 'memory' */
  budget: 'work' | 'memory';
  estimate: WorkEstimate;
  /** the field (a scenario path, or 'trials') */
  path: string;
  value: number;
  /** the largest value of `path` that fits, the other fields as they are (0 when none does) */
  fits: number;
  message: string;
}

/** The client's fields that scale a run's cost, each with how it sets the factors: the core's, then the mechanisms' (their registry entries' `levers`). */
const LEVERS: readonly WorkLever[] = [
  { path: 'trials', get: (f) => f.trials, set: (f, v) => ({ ...f, trials: v }), integer: true },
  { path: 'reps.seats', get: (f) => f.seats, set: (f, v) => ({ ...f, seats: Math.max(1, v) }), integer: true },
  {
    path: 'reps.opportunitiesPerMonth',
    get: (_f, s) => s.reps.opportunitiesPerMonth,
    set: (f, v, s) => ({ ...f, opportunitiesPerMonth: s.reps.opportunitiesPerMonth > 0 ? (f.opportunitiesPerMonth * v) / s.reps.opportunitiesPerMonth : v }),
    integer: false,
  },
  { path: 'customers.initial.count', get: (f) => f.initialCustomers, set: (f, v) => ({ ...f, initialCustomers: v }), integer: true },
  ...MECHANISMS.flatMap((m): readonly WorkLever[] => ('levers' in m ? m.levers : [])),
];

/**
 * Checks runs against a work budget and a memory budget (bytes). Over either, names the field that
 * drives the cost (the lever whose removal saves the most) and the largest value of it that fits.
 * `sequential`: the runs' results are not held together (a goal seek), so memory is the largest run's.
 * @example checkBudget([{ scenario, trials: 20 }], 1e9, 512e6) // null when it fits
 */
export function checkBudget(runs: WorkRun[], maxWork: number, maxMemoryBytes: number, opts: { sequential?: boolean } = {}): OverBudget | null {
  // a request's runs often share one scenario object (a goal seek's): its factors are computed once
  const seen = new Map<Scenario, Map<number, WorkFactors>>();
  const factorsOf = (r: WorkRun) => {
    let byTrials = seen.get(r.scenario);
    if (!byTrials) seen.set(r.scenario, (byTrials = new Map()));
    let f = byTrials.get(r.trials);
    if (!f) byTrials.set(r.trials, (f = workFactors(r.scenario, r.trials)));
    return f;
  };
  const factors = runs.map(factorsOf);
  // runs made one after another whose results are dropped (a goal seek's) hold one run's memory at a time
  const total = (fs: WorkFactors[]) =>
    fs.reduce(
      (a, f) => {
        const e = workOf(f);
        return { work: a.work + e.work, mem: opts.sequential ? Math.max(a.mem, e.memoryBytes) : a.mem + e.memoryBytes };
      },
      { work: 0, mem: 0 },
    );
  const now = total(factors);
  const budget: 'work' | 'memory' | null = now.work > maxWork ? 'work' : now.mem > maxMemoryBytes ? 'memory' : null;
  if (budget === null) return null;
  const over = (fs: WorkFactors[]) => {
    const t = total(fs);
    return t.work > maxWork || t.mem > maxMemoryBytes;
  };
  // the lever that drives the cost: the one whose value at its minimum (0 or 1) saves the most
  const base = runs[0].scenario;
  let best: { lever: (typeof LEVERS)[number]; saved: number } | null = null;
  for (const lever of LEVERS) {
    const v = lever.get(factors[0], base);
    if (!(v > (lever.integer ? 1 : 0))) continue;
    if (lever.path === 'reps.seats' && runs.some((r) => seatCount(r.scenario) !== seatCount(base))) continue;
    const low = total(factors.map((f, i) => lever.set(f, lever.integer ? 1 : 0, runs[i].scenario)));
    const saved = budget === 'work' ? now.work - low.work : now.mem - low.mem;
    if (!best || saved > best.saved) best = { lever, saved };
  }
  const lever = best?.lever ?? LEVERS[0];
  const value = lever.get(factors[0], base);
  // bisection for the largest value that fits (cost is monotone in every lever)
  let lo = 0;
  let hi = value;
  const at = (v: number) => factors.map((f, i) => lever.set(f, v, runs[i].scenario));
  if (over(at(lo))) hi = lo = 0;
  else
    for (let k = 0; k < 80 && hi - lo > (lever.integer ? 1 : Math.max(1e-9, lo * 1e-9)); k++) {
      const mid = lever.integer ? Math.floor((lo + hi) / 2) : (lo + hi) / 2;
      if (over(at(mid))) hi = mid;
      else lo = mid;
    }
  const fits = lever.integer ? Math.floor(lo) : Number(lo.toPrecision(3)) > lo ? Number((lo * 0.999).toPrecision(3)) : Number(lo.toPrecision(3));
  const est = sumEstimates(factors.map(workOf));
  if (opts.sequential) est.memoryBytes = total(factors).mem;
  const what = runs.length === 1 ? 'the run needs' : `the ${runs.length} runs need`;
  const detail =
    budget === 'work'
      ? `${what} ${fmt(est.work)} units of work (${fmt(est.repMonths)} rep-months, ${fmt(est.events.deals)} deal draws, ${fmt(est.events.customers)} customer events, ${fmt(est.events.opportunities + est.events.other)} other), over the work budget of ${fmt(maxWork)}`
      : `${what} about ${Math.ceil(est.memoryBytes / 2 ** 20)} MiB for their results, over the memory budget of ${Math.floor(maxMemoryBytes / 2 ** 20)} MiB`;
  const message = `${lever.path}: ${detail}; ${lever.path} drives the cost: the largest value that fits is ${fits}${fits === 0 ? ' (lower the other fields too)' : ''}`;
  return { budget, estimate: est, path: lever.path, value, fits, message };
}

function fmt(x: number): string {
  return x < 1e6 ? String(Math.round(x)) : x.toExponential(2);
}
