/** Single engine calls run on the pool, so they never block the caller's event loop. */
import type { CompareResult, Scenario, SensitivityResult, Summary, TrialResults } from '../engine/index.js';
import type { AssumptionsTask, CompareTask, IndicesTask, SensitivityTask, SolveTask } from './worker.js';
import type { AssumptionAnalysis, ScenarioIndices } from '../engine/index.js';
import type { InputIssue, SolvePoint, SolveResult } from '../engine/index.js';
import { MessageChannel } from 'node:worker_threads';
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
 * The engine's `compareResults` on a worker; every results block is transferred.
 * @example const result = await compareInPool(pool, { baseline, baseResults, variants, seed: 1 });
 */
export async function compareInPool(pool: Pool, task: CompareTask, signal?: AbortSignal): Promise<CompareResult> {
  const list = [...transferList(task.baseResults), ...task.variants.flatMap((v) => transferList(v.results))];
  return (await pool.run(task, { name: 'compareTask', transferList: [...new Set(list)], signal })) as CompareResult;
}

/**
 * The engine's `sensitivityFromResults` on a worker; every results block is transferred.
 * @example const tornado = await sensitivityInPool(pool, { scenario, baseResults, runs, results, seed: 1 });
 */
export async function sensitivityInPool(pool: Pool, task: SensitivityTask, signal?: AbortSignal): Promise<SensitivityResult> {
  const list = [...transferList(task.baseResults), ...task.results.flatMap((r) => [...transferList(r.low), ...transferList(r.high)])];
  return (await pool.run(task, { name: 'sensitivityTask', transferList: [...new Set(list)], signal })) as SensitivityResult;
}

/**
 * The engine's goal seek (`solve`) on a worker; `onPoint` gets each value evaluated as the search goes
 * (through a MessagePort; not for a precision-targeted search).
 * @example const out = await solveInPool(pool, { scenario, opts: { vary: 'reps.seats', target: 'P(plan) >= 0.8' } });
 */
export async function solveInPool(pool: Pool, task: SolveTask, signal?: AbortSignal, onPoint?: (p: SolvePoint) => void): Promise<{ result: SolveResult } | { errors: InputIssue[] }> {
  if (!onPoint) return (await pool.run(task, { name: 'solveTask', signal })) as { result: SolveResult } | { errors: InputIssue[] };
  const { port1, port2 } = new MessageChannel();
  // the port's messages are in order but may trail the task's answer (another channel): the points not
  // yet received when it comes are the tail of its evaluations, so they are handed on from there
  let received = 0;
  let open = true;
  port1.on('message', (p: SolvePoint) => {
    if (!open) return;
    received++;
    onPoint(p);
  });
  try {
    const out = (await pool.run({ ...task, progress: port2 }, { name: 'solveTask', signal, transferList: [port2] })) as { result: SolveResult } | { errors: InputIssue[] };
    open = false;
    if ('result' in out && !task.precision) for (const p of out.result.evaluations.slice(received)) onPoint(p);
    return out;
  } finally {
    open = false;
    port1.close();
  }
}

/**
 * The engine's assumption analysis of a comparison (`compareAssumptions`) on a worker.
 * @example const a = await assumptionsInPool(pool, { baseline, variants, opts: { n: 256 } });
 */
export async function assumptionsInPool(pool: Pool, task: AssumptionsTask, signal?: AbortSignal): Promise<AssumptionAnalysis> {
  return (await pool.run(task, { name: 'assumptionsTask', signal })) as AssumptionAnalysis;
}

/**
 * The engine's Sobol indices of one scenario over its assumptions (`scenarioIndices`, salesim sensitivity --sobol) on a worker.
 * @example const r = await indicesInPool(pool, { scenario, opts: { n: 256, seed: 1 } });
 */
export async function indicesInPool(pool: Pool, task: IndicesTask, signal?: AbortSignal): Promise<ScenarioIndices> {
  return (await pool.run(task, { name: 'indicesTask', signal })) as ScenarioIndices;
}
