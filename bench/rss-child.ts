/**
 * Child process of the bench's memory row: runs `trials` trials of a scenario in chunks (in this
 * thread when workers = 0, else on a worker pool), streams each chunk (in trial order) into the engine's
 * streaming summary, summarises, and prints { peakRssMB, simMs, summaryMs, storedMB, months } as JSON.
 * Peak RSS is the whole process, worker threads included (process.resourceUsage().maxRSS).
 * Usage: node --import tsx bench/rss-child.ts <scenario.yaml> <trials> <workers> [chunk]
 */
import { readFileSync } from 'node:fs';
import { createSummaryStream, parseScenario, runTrials, type TrialResults } from '../engine/index.js';
import { createPool } from '../parallel/index.js';

const [file, trialsArg, workersArg, chunkArg] = process.argv.slice(2);
const scenario = parseScenario(readFileSync(file, 'utf8'));
const trials = Number(trialsArg);
const workers = Number(workersArg);
const chunk = Number(chunkArg ?? 2000);
const seed = scenario.seed;

const pool = workers > 0 ? createPool({ workers }) : null;
const stream = createSummaryStream(scenario, trials);
const t0 = performance.now();
const nChunks = Math.ceil(trials / chunk);
if (!pool) {
  for (let i = 0; i < nChunks; i++) stream.add(runTrials(scenario, seed, i * chunk, Math.min(chunk, trials - i * chunk)));
} else {
  const ready = new Map<number, TrialResults>();
  let nextToAdd = 0;
  let nextToLaunch = 0;
  await new Promise<void>((resolve, reject) => {
    const launch = () => {
      // at most 2 chunks per worker in flight or waiting, so memory stays bounded
      while (nextToLaunch < nChunks && nextToLaunch - nextToAdd < 2 * workers) {
        const i = nextToLaunch++;
        const from = i * chunk;
        const count = Math.min(chunk, trials - from);
        pool
          .run({ scenario, seed, from, count }, { name: 'trials' })
          .then((r: TrialResults) => {
            ready.set(i, r);
            while (ready.has(nextToAdd)) {
              stream.add(ready.get(nextToAdd)!);
              ready.delete(nextToAdd);
              nextToAdd++;
            }
            if (nextToAdd === nChunks) resolve();
            else launch();
          })
          .catch(reject);
      }
    };
    launch();
  });
}
const simMs = performance.now() - t0;
const t1 = performance.now();
const summary = stream.summary({ seed });
const summaryMs = performance.now() - t1;
await pool?.destroy();
process.stdout.write(
  JSON.stringify({
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    simMs,
    summaryMs,
    storedMB: stream.bytes() / 2 ** 20,
    months: summary.horizonMonths,
    trials: summary.trials,
    revenueP50: summary.revenue.total.p50,
  }) + '\n',
);
