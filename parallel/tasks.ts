/** Single engine calls run on the pool, so they never block the caller's event loop. */
import type { Scenario, Summary, TrialResults } from '../engine/index.js';
import type { Pool } from './pool.js';
import { transferList } from './transfer.js';

/**
 * The engine's `summarize` on a worker. `results` is transferred: do not use it afterwards.
 * @example const summary = await summarizeInPool(pool, scenario, results, { seed: 1 });
 */
export async function summarizeInPool(
  pool: Pool,
  scenario: Scenario,
  results: TrialResults,
  opts: { seed: number; elapsedMs?: number; signal?: AbortSignal },
): Promise<Summary> {
  return (await pool.run(
    { scenario, results, seed: opts.seed, elapsedMs: opts.elapsedMs },
    { name: 'summarizeTask', transferList: transferList(results), signal: opts.signal },
  )) as Summary;
}

/**
 * Calls `engine/<module>.ts`'s exported function `fn` with structured-cloneable `args` on a worker.
 * @example await callInPool(pool, 'compare', 'compare', [baseline, variants, { trials: 500 }])
 */
export async function callInPool(pool: Pool, module: 'compare' | 'sensitivity', fn: string, args: unknown[], signal?: AbortSignal): Promise<unknown> {
  return pool.run({ module, fn, args }, { name: 'call', signal });
}
