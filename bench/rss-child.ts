/**
 * Child process of the bench's memory row: runs `trials` trials of a scenario exactly as `salesim run`
 * does (`runSummary`: blocks streamed into the engine's summary stream, on `workers` worker threads or in
 * this thread when workers <= 1) and prints { peakRssMB, simMs, summaryMs, storedMB, spilledMB, months, trials,
 * revenueP50 } as JSON. Peak RSS is the whole process, worker threads included
 * (process.resourceUsage().maxRSS).
 * Usage: node --import tsx bench/rss-child.ts <scenario.yaml> <trials> <workers>
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../engine/index.js';
import { runSummary } from '../parallel/index.js';

const [file, trialsArg, workersArg] = process.argv.slice(2);
const scenario = parseScenario(readFileSync(file, 'utf8'));
const trials = Number(trialsArg);
const workers = Math.max(1, Number(workersArg));
const { summary, simMs, summaryMs, storedBytes, spilledBytes } = await runSummary(scenario, { trials, seed: scenario.seed, workers });
process.stdout.write(
  JSON.stringify({
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    simMs,
    summaryMs,
    storedMB: storedBytes / 2 ** 20,
    spilledMB: spilledBytes / 2 ** 20,
    months: summary.horizonMonths,
    trials: summary.trials,
    revenueP50: summary.revenue.total.p50,
  }) + '\n',
);
