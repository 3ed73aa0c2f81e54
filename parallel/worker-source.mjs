// Worker entry when the pool runs from TypeScript source (tsx, vitest). On Node 20, `--import tsx`
// in a worker's execArgv does not register tsx's hooks for the worker's own entry file, so this plain
// JavaScript entry loads worker.ts (and the engine it imports) through tsx's API instead.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export const trials = worker.trials;
export const summarizeTask = worker.summarizeTask;
export const mergeTask = worker.mergeTask;
export const summarizePartsTask = worker.summarizePartsTask;
export const compareTask = worker.compareTask;
export const sensitivityTask = worker.sensitivityTask;
export const calibrateTask = worker.calibrateTask;
export const bookedRevenueTask = worker.bookedRevenueTask;
export const bandTask = worker.bandTask;
export const rollingTask = worker.rollingTask;
export const solveTask = worker.solveTask;
export const assumptionsTask = worker.assumptionsTask;
export const indicesTask = worker.indicesTask;
export const prepareForecastTask = worker.prepareForecastTask;
export const forecastReportTask = worker.forecastReportTask;
export const sampleExportTask = worker.sampleExportTask;
export const memoryTask = worker.memoryTask;
export const flushTask = worker.flushTask;
