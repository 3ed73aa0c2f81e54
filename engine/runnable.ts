/**
 * What the engine can run, beyond what one field's schema states: every number within the magnitudes
 * the kernel's arithmetic holds, and the counts it keeps per seat (32-bit integers) far from wrapping.
 * Called from the scenario schema's cross-field checks, so the CLI, every HTTP route and the scenario
 * store refuse the same inputs with the same message naming the field.
 *
 * Decision (issue 32): counts are refused, not widened. A seat's open pipeline is about
 * opportunitiesPerMonth x the market's peak multiplier x cycleMonths; keeping it under MAX_OPEN_PER_SEAT
 * (1e8, a 21x margin under 2^31 for Poisson noise and the multipliers not counted here: enablement
 * lifts, padding) means no count can wrap, and the message gives the largest value that fits.
 */

/** Largest magnitude of any number in a scenario: money, rates and counts far beyond any real organisation, whose sums stay finite. */
export const MAX_MAGNITUDE = 1e12;
/** Smallest non-zero magnitude: below it products of two or three inputs reach denormals (a gamma shape of 0). */
export const MIN_MAGNITUDE = 1e-100;
/** Expected open opportunities one seat may hold (its counts are 32-bit integers). */
export const MAX_OPEN_PER_SEAT = 1e8;
/** Longest sales cycle, months (the longest horizon: 10 years). */
export const MAX_CYCLE_MONTHS = 120;
/** Shortest mean leader tenure, months. */
export const MIN_LEADER_TENURE = 0.01;
/** Smallest gamma shape of a tenure (below, draws underflow to exactly 0). */
export const MIN_GAMMA_SHAPE = 0.01;
/** Largest growth of the market over the horizon (a factor). */
export const MAX_MARKET_FACTOR = 1e3;

type Add = (path: (string | number)[], message: string) => void;

/**
 * Fields that feed a gamma or lognormal draw's shape or scale (as products): there a denormal makes a
 * shape of 0. A denormal probability elsewhere (noDecisionRate: 5e-324) is a harmless, if odd, input.
 */
/** (and every cost: a denormal cost makes a return on it infinite) */
const SCALE_KEYS = new Set(['concentration', 'sd', 'median', 'dealSize', 'arr', 'potential', 'quota', 'ote']);

/** Fields whose range the schema already states exactly (integers with a maximum). */
const SKIP = new Set(['seed', 'trials', '$schema']);

/**
 * Adds an issue for every number beyond MAX_MAGNITUDE, every shape or scale below MIN_MAGNITUDE (0 allowed), and for the
 * counts that would not fit a seat. `s` is the parsed scenario (defaults filled in).
 * @example checkRunnable(parsed, (path, message) => issues.push({ path, message }))
 */
export function checkRunnable(s: RunnableInput, add: Add): void {
  walk(s, [], add);
  const reps = s.reps;
  // leader changes are simulated one by one: a month holds about 1 / mean tenure of them (renewal), and a
  // tiny gamma shape draws tenures of exactly 0
  const lt = s.leadership?.tenureMonths;
  if (lt && lt.mean < MIN_LEADER_TENURE) add(['leadership', 'tenureMonths', 'mean'], `must be at least ${MIN_LEADER_TENURE} months (each leader change is simulated; shorter tenures make them unbounded)`);
  if (lt && lt.shape < MIN_GAMMA_SHAPE) add(['leadership', 'tenureMonths', 'shape'], `must be at least ${MIN_GAMMA_SHAPE} (smaller shapes draw tenures of exactly 0)`);
  if (reps.cycleMonths > MAX_CYCLE_MONTHS) add(['reps', 'cycleMonths'], `must be at most ${MAX_CYCLE_MONTHS} months`);
  const H = s.horizonMonths;
  const m = s.market;
  let peak = 1;
  if (m) {
    peak = Math.max(...m.seasonality);
    const growth = Math.pow(1 + m.annualGrowth, Math.max(0, H - 1) / 12);
    if (!(growth <= MAX_MARKET_FACTOR)) {
      const fits = Math.pow(MAX_MARKET_FACTOR, 12 / Math.max(1, H - 1)) - 1;
      add(['market', 'annualGrowth'], `must grow the market at most ${MAX_MARKET_FACTOR}x over the horizon (the largest value that fits: ${fits.toPrecision(3)})`);
      return;
    }
    peak *= Math.max(1, growth);
  }
  const cycle = Math.min(MAX_CYCLE_MONTHS, Math.max(1, reps.cycleMonths));
  const open = reps.opportunitiesPerMonth * peak * cycle;
  if (open > MAX_OPEN_PER_SEAT) {
    const fits = Math.floor(MAX_OPEN_PER_SEAT / (peak * cycle));
    add(['reps', 'opportunitiesPerMonth'], `must keep a seat's open pipeline (x cycleMonths${peak !== 1 ? ' x the market\'s peak multiplier' : ''}) under ${MAX_OPEN_PER_SEAT.toExponential(0)}, so its counts cannot overflow: the largest value that fits is ${fits}`);
  }
  const q = s.quota;
  const cov = s.coverage;
  if (cov && cov.policy !== 'none' && q && q.annualPerRep !== null) {
    // a month's padding is at most (multiple, or the escalation cap) x a quarter's quota / the expected deal
    const multiple = Math.max(cov.multiple, cov.escalation?.cap ?? 0);
    const deal = expectedDeal(reps.dealSize);
    const pad = deal > 0 ? (multiple * q.annualPerRep) / 4 / deal : Infinity;
    if (pad > MAX_OPEN_PER_SEAT) {
      const fits = Math.floor((MAX_OPEN_PER_SEAT * 4 * deal) / multiple);
      add(['quota', 'annualPerRep'], `must keep a seat's padded pipeline (coverage multiple x a quarter's quota / the expected deal) under ${MAX_OPEN_PER_SEAT.toExponential(0)}, so its counts cannot overflow: the largest value that fits is ${fits}`);
    }
  }
}

/** The parts of a parsed scenario read here. */
export interface RunnableInput {
  horizonMonths: number;
  leadership?: { tenureMonths: { mean: number; shape: number } } | null;
  reps: { opportunitiesPerMonth: number; cycleMonths: number; dealSize: unknown };
  market?: { annualGrowth: number; seasonality: number[] } | null;
  quota?: { annualPerRep: number | null } | null;
  coverage?: { policy: string; multiple: number; escalation?: { cap: number } | null } | null;
}

/**
 * Expected deal size of a reps.dealSize (fixed, lognormal or empirical); NaN when unreadable.
 * @example expectedDeal({ median: 100, sigma: 0 }) // 100
 */
export function expectedDeal(d: unknown): number {
  if (typeof d === 'number') return d;
  if (d && typeof d === 'object') {
    const o = d as { median?: number; sigma?: number; empirical?: number[] };
    if (Array.isArray(o.empirical)) return o.empirical.reduce((a, b) => a + b, 0) / Math.max(1, o.empirical.length);
    if (typeof o.median === 'number') return o.median * Math.exp(((o.sigma ?? 0) * (o.sigma ?? 0)) / 2);
  }
  return NaN;
}

/** Largest lognormal sigma (deal sizes, ARR, the rep spread): e^(sigma z) stays finite in the far tails. */
export const MAX_SIGMA = 10;
const SIGMA_KEYS = new Set(['sigma', 'repDealSizeSpread']);

function walk(v: unknown, path: (string | number)[], add: Add): void {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (SIGMA_KEYS.has(String(path[path.length - 1])) && a > MAX_SIGMA) add(path, `must be at most ${MAX_SIGMA} (a lognormal with a larger sigma draws infinite values)`);
    else if (a > MAX_MAGNITUDE) add(path, `must be at most ${MAX_MAGNITUDE.toExponential(0)} in magnitude (the largest value the engine runs)`);
    else if (a !== 0 && a < MIN_MAGNITUDE && (SCALE_KEYS.has(String(path[path.length - 1])) || /cost/i.test(String(path[path.length - 1])))) add(path, `must be 0 or at least ${MIN_MAGNITUDE.toExponential(0)} in magnitude (smaller values underflow)`);
    return;
  }
  if (Array.isArray(v)) {
    // one issue per list at most (an empirical list of a million amounts gives one line, not a million)
    const before = path.length;
    for (let i = 0; i < v.length; i++) {
      let hit = false;
      walk(v[i], [...path, i], (p, m) => {
        hit = true;
        add(p, m);
      });
      if (hit && before >= 0 && typeof v[i] === 'number') return;
    }
    return;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!SKIP.has(k)) walk(x, [...path, k], add);
  }
}
