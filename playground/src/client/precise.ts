/**
 * A precision run on the browser's engine pool (the static build): parallel/precision.ts's
 * `runSummaryPreciseOnPool` with the engine's work on the workers. The block boundaries come from the
 * engine (resolveRun's plan); each block's trials run in chunks across the pool, then one task hands
 * them to the stopping rule (the tracker resumes from its state, plain data passed from block to block)
 * and answers the precision so far. The run stops at the first block after which every target holds,
 * or at the cap; a final task summarises the trials used. Blocks and stops depend only on the trials
 * done, so the answer equals the server's and the CLI's for the same scenario, seed and targets.
 */
import type { PrecisionReport, Scenario, Summary, TrackerState, TrialResults } from '../../../engine/index.js';
import { buffersOf } from './blocks.js';
import type { EnginePool } from './pool.js';

/** The precision plan resolveRun answers (playground/src/worker/engine.worker.ts PrecisionPlan). */
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

/**
 * @example const summary = await runPrecise(pool, scenario, 1, plan, { onProgress: (done, cap, report) => show(report) });
 */
export async function runPrecise(
  pool: EnginePool,
  scenario: Scenario,
  seed: number,
  plan: PrecisionPlan,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number, report: PrecisionReport) => void } = {},
): Promise<Summary & { precision: PrecisionReport }> {
  const { spec, maxTrials, boundaries } = plan;
  const t0 = performance.now();
  // with uncertain inputs the draws' design spans the cap (parallel/precision.ts `designed`)
  const designed = scenario.uncertainty && scenario.trials !== maxTrials ? { ...scenario, trials: maxTrials } : scenario;
  const parts: TrialResults[] = [];
  let state: TrackerState | null = null;
  let report: PrecisionReport | null = null;
  for (let i = 1; i < boundaries.length; i++) {
    opts.signal?.throwIfAborted();
    const chunks = splitRange(boundaries[i - 1], boundaries[i], pool.size);
    const block = await Promise.all(chunks.map(([a, b]) => pool.run<TrialResults>('trials', { scenario: designed, seed, from: a, count: b - a, total: designed.trials }, { signal: opts.signal })));
    const step: { state: TrackerState; report: PrecisionReport; met: boolean } = await pool.run('precisionStep', { scenario, spec, maxTrials, state, parts: block }, { signal: opts.signal });
    state = step.state;
    report = step.report;
    parts.push(...block);
    opts.onProgress?.(boundaries[i], maxTrials, report);
    if (step.met) break;
  }
  const task = { scenario, parts, seed, elapsedMs: performance.now() - t0, keep: false, designTrials: scenario.uncertainty ? maxTrials : undefined };
  const { summary } = await pool.run<{ summary: Summary }>('summarizeParts', task, { transfer: buffersOf(parts), signal: opts.signal });
  return { ...summary, precision: { ...report!, ...(plan.default ? { default: true } : {}) } };
}
