/**
 * What the engine can run, beyond what one field's schema states: every number within the magnitudes
 * the kernel's arithmetic holds, and the counts it keeps per seat (32-bit integers) far from wrapping.
 * Called from the scenario schema's cross-field checks (engine/scenarioSchema.ts, checkRunnable), so the CLI,
 * every HTTP route and the scenario store refuse the same inputs with the same message naming the field. The
 * core's bounds are here; a mechanism's are in its schema.ts (the leader's tenure, the market's growth and
 * peak, the padded pipeline), which the schema calls in between.
 *
 * Decision (issue 32): counts are refused, not widened. A seat's open pipeline is about
 * opportunitiesPerMonth x the market's peak multiplier x cycleMonths; keeping it under MAX_OPEN_PER_SEAT
 * (1e8, a 21x margin under 2^31 for Poisson noise and the multipliers not counted here: enablement
 * lifts, padding) means no count can wrap, and the message gives the largest value that fits.
 */
import { MAX_OPEN_PER_SEAT } from './kernel/limits.js';
export { MAX_OPEN_PER_SEAT, expectedDeal } from './kernel/limits.js';

/** Largest magnitude of any number in a scenario: money, rates and counts far beyond any real organisation, whose sums stay finite. */
export const MAX_MAGNITUDE = 1e12;
/** Smallest non-zero magnitude: below it products of two or three inputs reach denormals (a gamma shape of 0). */
export const MIN_MAGNITUDE = 1e-100;
/** Longest sales cycle, months (the longest horizon: 10 years). */
export const MAX_CYCLE_MONTHS = 120;

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
 * Adds an issue for every number beyond MAX_MAGNITUDE and every shape or scale below MIN_MAGNITUDE (0 allowed).
 * `s` is the parsed scenario (defaults filled in).
 * @example checkMagnitudes(parsed, (path, message) => issues.push({ path, message }))
 */
export function checkMagnitudes(s: object, add: Add): void {
  walk(s, [], add);
}

/** Adds an issue when the core's sales cycle is longer than MAX_CYCLE_MONTHS. */
export function checkCycle(s: { reps: { cycleMonths: number } }, add: Add): void {
  if (s.reps.cycleMonths > MAX_CYCLE_MONTHS) add(['reps', 'cycleMonths'], `must be at most ${MAX_CYCLE_MONTHS} months`);
}

/**
 * Adds an issue when a seat's open pipeline (opportunitiesPerMonth x cycleMonths x `peak`, the market's largest
 * multiplier over the horizon, 1 without a market) would not fit its counts.
 */
export function checkOpenPipeline(s: { reps: { opportunitiesPerMonth: number; cycleMonths: number } }, peak: number, add: Add): void {
  const reps = s.reps;
  const cycle = Math.min(MAX_CYCLE_MONTHS, Math.max(1, reps.cycleMonths));
  const open = reps.opportunitiesPerMonth * peak * cycle;
  if (open > MAX_OPEN_PER_SEAT) {
    const fits = Math.floor(MAX_OPEN_PER_SEAT / (peak * cycle));
    add(['reps', 'opportunitiesPerMonth'], `must keep a seat's open pipeline (x cycleMonths${peak !== 1 ? ' x the market\'s peak multiplier' : ''}) under ${MAX_OPEN_PER_SEAT.toExponential(0)}, so its counts cannot overflow: the largest value that fits is ${fits}`);
  }
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
