/**
 * The worker-thread side of the pool. Each named export is a task (Piscina `run(task, { name })`):
 * `trials` runs a block of trials with the engine, `summarize` turns results into a Summary, so that
 * neither ever runs on the server's event loop. Results go back by transfer, not by copy.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runTrials, summarize, type Scenario, type Summary, type TrialResults } from '../engine/index.js';
import { transferList } from './transfer.js';

export interface TrialsTask {
  scenario: Scenario;
  seed: number;
  from: number;
  count: number;
}

export interface SummarizeTask {
  scenario: Scenario;
  results: TrialResults;
  seed: number;
  elapsedMs?: number;
}

/** Wraps `value` so Piscina transfers its typed arrays' buffers instead of copying them. */
function movable<T extends object>(value: T): T {
  return move({ [transferableSymbol]: transferList(value), [valueSymbol]: value } as never) as unknown as T;
}

/**
 * Runs trials [from, from + count) of `scenario` with `seed`.
 * @example await pool.run({ scenario, seed: 1, from: 0, count: 100 }, { name: 'trials' })
 */
export function trials(task: TrialsTask): TrialResults {
  return movable(runTrials(task.scenario, task.seed, task.from, task.count));
}

/**
 * Summarises merged results (the engine's `summarize`) off the main thread.
 * @example await pool.run({ scenario, results, seed: 1 }, { name: 'summarize', transferList: transferList(results) })
 */
export function summarizeTask(task: SummarizeTask): Summary {
  return summarize(task.scenario, task.results, { seed: task.seed, elapsedMs: task.elapsedMs });
}

const ENGINE_MODULES = ['compare', 'sensitivity'];

/** A generic engine call for endpoints that run one engine function whole (compare, sensitivity). */
export async function call(task: { module: string; fn: string; args: unknown[] }): Promise<unknown> {
  if (!ENGINE_MODULES.includes(task.module)) throw new Error(`unknown engine module ${task.module}`);
  const mod = (await import(`../engine/${task.module}.js`)) as Record<string, unknown>;
  const f = mod[task.fn];
  if (typeof f !== 'function') throw new Error(`engine/${task.module} has no function ${task.fn}`);
  return await (f as (...a: unknown[]) => unknown)(...task.args);
}
