/**
 * Issue 27's speed check: the full model (bench/full-model.yaml) alone, with drift, compensation, retention and
 * managers on, with selling time, and with selling time and all five new blocks (coverageResponse too). One
 * configuration per process (each gets its own JIT, at V8's default inlining budget, as the CLI and the workers run), CPU time
 * of `runTrials` after a 100-trial warm-up.
 *
 * Usage: for i in 1 2 3; do for k in A B C D; do node --import tsx bench/issue27-blocks.ts 1000 $k; done; done
 * (compare medians: B / A and D / C), or in one run that does this, interleaved, and prints the ratios of the medians:
 * node --import tsx bench/issue27-blocks.ts 300 interleaved 3 [A,B,C,D,B0,D0]. Not a test: no thresholds.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseScenario, runTrials } from '../engine/index.js';
import { PEOPLE_BLOCKS, SELLING_TIME } from './peopleBlocks.js';

// BENCH_INLINING: other V8 inlining flags for this process (comma-separated), applied before any of the engine's code
// is optimised; bench/inlining-sweep.ts compares budgets with it
if (process.env.BENCH_INLINING) for (const f of process.env.BENCH_INLINING.split(',')) setFlagsFromString(f);
const raw = parse(readFileSync(new URL('./full-model.yaml', import.meta.url), 'utf8'));
const blocks = PEOPLE_BLOCKS;
const selling = SELLING_TIME;
const V: Record<string, object> = {
  A: {},
  core: {},
  B: blocks,
  C: selling,
  D: { ...selling, ...blocks, coverageResponse: { prospectShare: 0.5 } },
  // each block alone at settings that change no outcome (its own overhead)
  drift0: { drift: { winRate: { change: 0 } } },
  comp: { compensation: blocks.compensation },
  ret0: { retention: { attainmentSlope: 0, paySlope: 0 } },
  mgr0: { managers: { winRateLift: 0, rampSpeedup: 0, poorManagerAttrition: 1, goodManagerAttrition: 1, disruption: { attritionMultiplier: 1 } } },
};
// B0: the four blocks of B together, each at the settings above that change no outcome (their overhead together)
V.B0 = { ...V.drift0, ...V.comp, ...V.ret0, ...V.mgr0 };
// compensation and retention together at no-effect settings (measured 2026-12-07 on a quiet machine, 1000 trials:
// each alone ~11-12% over the full model, the two together ~26%: their costs add up)
V.compRet = { ...V.comp, ...V.ret0 };
// D0: D's five blocks at settings that change no outcome (the response prospects for no share of the shortfall):
// what the blocks cost themselves, where D / C also counts the work their study settings add (more prospected
// opportunities to resolve, more exits and hires)
V.D0 = { ...selling, ...V.B0, coverageResponse: { prospectShare: 0 } };
// CB: selling time and the four blocks of B, without coverageResponse (D less the response)
V.CB = { ...selling, ...blocks };
const trials = Number(process.argv[2] ?? 1000);
const key = process.argv[3] ?? 'A';

/** CPU milliseconds of `trials` trials of configuration k (after its scenario is parsed). */
function cpu(k: string, n: number): number {
  const s = k === 'core' ? parseScenario(readFileSync(new URL('./core-model.yaml', import.meta.url), 'utf8')) : parseScenario({ ...raw, ...V[k] });
  const t0 = process.cpuUsage();
  runTrials(s, 1, 0, n, n);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e3;
}

if (key === 'interleaved') {
  // one child process per configuration and round, in turn (A B C D, A B C D, ...): each gets its own JIT (in one
  // process the configuration run first is compiled for and the others pay for deoptimisations: order, not the
  // blocks, would decide), and load from other processes falls on every configuration alike; ratios of medians
  const rounds = Number(process.argv[4] ?? 3);
  const keys = (process.argv[5] ?? 'A,B,C,D').split(',');
  const t: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++)
    for (const k of keys) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(trials), k], { encoding: 'utf8' });
      t[k].push(Number(out.trim().split(' ')[1]));
    }
  const med = (x: number[]) => x.slice().sort((a, b) => a - b)[x.length >> 1];
  for (const k of keys) console.log(k, t[k].map((x) => x.toFixed(0)).join(' '), 'median', med(t[k]).toFixed(0));
  const ratio = (x: string, y: string) => (t[x] && t[y] ? `${x}/${y} ${(med(t[x]) / med(t[y])).toFixed(3)} ` : '');
  console.log(ratio('B', 'A') + ratio('B0', 'A') + ratio('D', 'C') + ratio('D0', 'C'));
} else {
  cpu(key, 100);
  console.log(key, cpu(key, trials).toFixed(0));
}
