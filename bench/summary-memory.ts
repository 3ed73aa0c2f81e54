/**
 * Peak RSS of the Summary side of a large full-model run, without simulating it: `block` trials of the full
 * model are simulated once and replayed (with their trial offsets) into the engine's summary stream until
 * `trials` trials have arrived, then the Summary is taken, as `salesim run` does at the end of a run.
 * The memory is what a 100,000-trial run's main thread holds for its Summary (stored columns, the
 * attainment sketch, the Summary's own work); the figures themselves are those of the replayed block
 * (not a real run's). Prints JSON: peak RSS (process.resourceUsage().maxRSS) after the simulated block,
 * after the stream, after the Summary, and the bytes the stream keeps.
 * Usage: node --import tsx bench/summary-memory.ts [trials=100000] [block=500]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSummaryStream, parseScenario, runTrials } from '../engine/index.js';

const [trialsArg, blockArg] = process.argv.slice(2);
const n = Number(trialsArg ?? 100_000);
const b = Number(blockArg ?? 500);
const s = parseScenario(readFileSync(fileURLToPath(new URL('full-model.yaml', import.meta.url)), 'utf8'));
const MB = (x: number) => Math.round(x / 2 ** 20);
const peak = () => MB(process.resourceUsage().maxRSS * 1024);
const block = runTrials(s, 1, 0, b, n);
const afterSim = peak();
const stream = createSummaryStream(s, n);
if (n % b !== 0) throw new RangeError('trials must be a multiple of the block');
for (let from = 0; from < n; from += b) stream.add({ ...block, from });
const afterStream = peak();
const t0 = performance.now();
const summary = stream.summary({ seed: 1 });
const summaryMs = performance.now() - t0;
process.stdout.write(
  JSON.stringify({ trials: n, block: b, peakAfterSimMB: afterSim, peakAfterStreamMB: afterStream, peakAfterSummaryMB: peak(), storedMB: MB(stream.bytes()), summaryMs: Math.round(summaryMs), attainmentP50: summary.reps.attainment?.p50 ?? null }) + '\n',
);
