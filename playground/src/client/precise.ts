/**
 * Precision runs on the browser's engine pool (the static build): parallel/precision.ts's `runUntil`,
 * `runSummaryPreciseOnPool`, `runScenariosPrecise` and `runBaseThenRest` with the engine's work on the
 * workers. The block boundaries come from the engine (the worker's plan); each block's trials run in
 * chunks across the pool (every scenario of the run for the same trials), then one task hands them to
 * the stopping rule (the engine's tracker resumes from its state, plain data passed from block to block)
 * and answers the precision so far. The run stops at the first block after which every target holds,
 * or at the cap. Blocks and stops depend only on the trials done, so the answer equals the server's and
 * the CLI's for the same scenarios, seed and targets.
 */
import type { PrecisionReport, Scenario, Summary, TrackerState, TrialResults } from '../../../engine/index.js';
import type { StepTracker } from '../worker/engine.worker.js';
import { buffersOf } from './blocks.js';
import type { EnginePool } from './pool.js';

/** The precision plan the worker's plan tasks answer (playground/src/worker/engine.worker.ts PrecisionPlan). */
export interface PrecisionPlan {
  spec: string;
  maxTrials: number;
  boundaries: number[];
  default: boolean;
}

/**
 * [from, to) split into at most `n` consecutive chunks of nearly equal size.
 * @example splitRange(0, 10, 3) // [[0, 4], [4, 7], [7, 10]]
 */
export function splitRange(from: number, to: number, n: number): [number, number][] {
  const k = Math.max(1, Math.min(n, to - from));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) out.push([from + Math.floor(((to - from) * i) / k), from + Math.floor(((to - from) * (i + 1)) / k)]);
  return out.filter(([a, b]) => b > a);
}

/** The scenario a worker runs: with uncertain inputs the draws' design spans the cap (parallel/precision.ts `designed`). */
export function designed(s: Scenario, maxTrials: number): Scenario {
  return s.uncertainty && s.trials !== maxTrials ? { ...s, trials: maxTrials } : s;
}

/** The report with the default flag of the plan (the request named no trial count anywhere). */
export const flagged = (report: PrecisionReport, plan: PrecisionPlan): PrecisionReport => (plan.default ? { ...report, default: true } : report);

export interface UntilOptions {
  signal?: AbortSignal;
  /** after each block handed to the stopping rule: the trials done, the cap and the precision so far */
  onBlock?: (done: number, maxTrials: number, report: PrecisionReport) => void;
}

/**
 * Runs `scenarios` (common random numbers: the same trials for each) block by block until `tracker`'s
 * targets hold or the cap: the chunks of every block, per scenario in trial order, and the last report.
 * @example const { parts, report } = await runUntilMet(pool, [base, alt], 1, plan, { kind: 'compare', scenarios: [base, alt] });
 */
export async function runUntilMet(pool: EnginePool, scenarios: Scenario[], seed: number, plan: PrecisionPlan, tracker: StepTracker, opts: UntilOptions = {}): Promise<{ parts: TrialResults[][]; report: PrecisionReport }> {
  const { spec, maxTrials, boundaries } = plan;
  const runs = scenarios.map((s) => designed(s, maxTrials));
  const parts: TrialResults[][] = scenarios.map(() => []);
  let state: TrackerState | null = null;
  let report: PrecisionReport | null = null;
  for (let i = 1; i < boundaries.length; i++) {
    opts.signal?.throwIfAborted();
    const ranges = splitRange(boundaries[i - 1], boundaries[i], pool.size);
    // chunks[c][j]: chunk c of scenario j
    const chunks = await Promise.all(ranges.map(([a, b]) => Promise.all(runs.map((s) => pool.run<TrialResults>('trials', { scenario: s, seed, from: a, count: b - a, total: maxTrials }, { signal: opts.signal })))));
    const step: { state: TrackerState; report: PrecisionReport; met: boolean } = await pool.run('precisionStep', { tracker, spec, maxTrials, state, chunks }, { signal: opts.signal });
    state = step.state;
    report = step.report;
    for (const c of chunks) c.forEach((r, j) => parts[j].push(r));
    opts.onBlock?.(boundaries[i], maxTrials, report);
    if (step.met) break;
  }
  return { parts, report: report! };
}

/**
 * Trials [0, n) of each scenario with the draws' design of `maxTrials` (the rest of a base-then-rest run:
 * the trials the base used), in chunks across the pool; per scenario in trial order.
 * @example const parts = await runFirst(pool, [low, high], 1, 3200, 100_000);
 */
export async function runFirst(pool: EnginePool, scenarios: Scenario[], seed: number, n: number, maxTrials: number, opts: { signal?: AbortSignal; onCount?: (done: number) => void } = {}): Promise<TrialResults[][]> {
  let done = 0;
  const ranges = splitRange(0, n, Math.max(1, 4 * pool.size));
  return Promise.all(
    scenarios.map((s) =>
      Promise.all(
        ranges.map(async ([a, b]) => {
          const r = await pool.run<TrialResults>('trials', { scenario: designed(s, maxTrials), seed, from: a, count: b - a, total: maxTrials }, { signal: opts.signal });
          done += b - a;
          opts.onCount?.(done);
          return r;
        }),
      ),
    ),
  );
}

/**
 * Runs `scenarios[0]` until `tracker` holds (or the cap), then every other scenario for the same trials
 * (parallel/precision.ts runBaseThenRest): a tornado's base, a forecast's "now" decide the trials.
 * Progress is trials done over every scenario, against the cap for each.
 * @example const { parts, report } = await runBaseThenRest(pool, scenarios, 1, plan, { kind: 'run', scenarios: [scenarios[0]] });
 */
export async function runBaseThenRest(
  pool: EnginePool,
  scenarios: Scenario[],
  seed: number,
  plan: PrecisionPlan,
  tracker: StepTracker,
  opts: { signal?: AbortSignal; onCount?: (done: number, total: number) => void } = {},
): Promise<{ parts: TrialResults[][]; report: PrecisionReport }> {
  const k = scenarios.length;
  const onCount = opts.onCount;
  const base = await runUntilMet(pool, [scenarios[0]], seed, plan, tracker, { signal: opts.signal, onBlock: onCount && ((done, max) => onCount(done, max * k)) });
  const n = base.report.trials;
  const rest = await runFirst(pool, scenarios.slice(1), seed, n, plan.maxTrials, { signal: opts.signal, onCount: onCount && ((done) => onCount(n + done, n * k)) });
  return { parts: [base.parts[0], ...rest], report: base.report };
}

/**
 * A run to a precision (the plain run: parallel/precision.ts runSummaryPreciseOnPool): a final task
 * summarises the trials used.
 * @example const summary = await runPrecise(pool, scenario, 1, plan, { onProgress: (done, cap, report) => show(report) });
 */
export async function runPrecise(
  pool: EnginePool,
  scenario: Scenario,
  seed: number,
  plan: PrecisionPlan,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number, report: PrecisionReport) => void } = {},
): Promise<Summary & { precision: PrecisionReport }> {
  const t0 = performance.now();
  const { parts, report } = await runUntilMet(pool, [scenario], seed, plan, { kind: 'run', scenarios: [scenario] }, { signal: opts.signal, onBlock: opts.onProgress });
  const task = { scenario, parts: parts[0], seed, elapsedMs: performance.now() - t0, keep: false, designTrials: scenario.uncertainty ? plan.maxTrials : undefined };
  const { summary } = await pool.run<{ summary: Summary }>('summarizeParts', task, { transfer: buffersOf(parts[0]), signal: opts.signal });
  return { ...summary, precision: flagged(report, plan) };
}
