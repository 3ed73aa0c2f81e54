/**
 * Parallel trials on worker threads (Node only): a Piscina pool shared by the CLI and the server.
 * @example
 * import { runParallel } from '../parallel/index.js';
 * const results = await runParallel(scenario, { trials: 10_000, seed: 1, workers: 2 });
 */
export { runParallel, runBlocks, defaultChunkSize, workChunkSize, MIN_TASK_REP_MONTHS, CHUNK_BYTES, type RunParallelOptions, type RunBlocksOptions } from './run.js';
export { runSummary, type RunSummaryOptions, type RunSummaryResult } from './runSummary.js';
export { runScenarios, runComparison, runSensitivity, type RunScenariosOptions } from './runScenarios.js';
export { createPool, defaultWorkers, workerSpec, type Pool, type PoolOptions } from './pool.js';
export { summarizeInPool, compareInPool, sensitivityInPool, solveInPool, assumptionsInPool, indicesInPool } from './tasks.js';
export { runSummaryOnPool, type SummaryOnPoolOptions } from './summaryRun.js';
export { transferList } from './transfer.js';
// type-only, but it puts worker.ts in every compilation of this module, so worker.js is always emitted
export type { TrialsTask, SummarizeTask, CompareTask, SensitivityTask, MergeTask, SummarizePartsTask, SolveTask, IndicesTask } from './worker.js';
export { runForecastTrials, type ForecastRunOptions } from './forecastRun.js';
export { runUntil, runBaseThenRest, runSummaryPrecise, runSummaryPreciseOnPool, runScenariosPrecise, DEFAULT_MAX_TRIALS, RUN_TARGETS, type PreciseOptions, type PreciseSummaryResult } from './precision.js';
