/**
 * This engine against the engine of an earlier revision on the core and full models, one thread,
 * interleaved (the order alternates each round), best of N on the CPU clock: the quick form of
 * `npm run bench`'s previous-engine rows, for a loaded machine. Not a test: prints ratios only.
 *
 * Usage: npx tsx bench/interleaved.ts [REF (default a50659e)] [rounds (7)] [trials (400)] [core,full]
 * @example npx tsx bench/interleaved.ts a50659e 7 1000   // ratio(prev/new) >= 0.97 means at most 3% slower
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { previousEngine } from './previous.js';
import * as cur from '../engine/index.js';
const ref = process.argv[2] ?? 'a50659e';
const reps = Number(process.argv[3] ?? 7);
const trials = Number(process.argv[4] ?? 400);
const which = (process.argv[5] ?? 'core,full').split(',');
const prev = await previousEngine(ref);
if ('error' in prev) throw new Error(prev.error);
const cpu = (f: () => void) => { const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1000; };
for (const name of which) {
  const text = readFileSync(new URL(`./${name}-model.yaml`, import.meta.url), 'utf8');
  const E = [cur, prev.engine];
  const S = E.map((e) => e.parseScenario(text));
  for (let i = 0; i < 2; i++) E[i].runTrials(S[i] as never, 1, 0, 200);
  const best = [Infinity, Infinity];
  for (let r = 0; r < reps; r++) for (let i of r % 2 ? [1, 0] : [0, 1]) best[i] = Math.min(best[i], cpu(() => E[i].runTrials(S[i] as never, 1, 0, trials)));
  console.log(`${name}: new ${best[0].toFixed(0)}ms prev ${best[1].toFixed(0)}ms ratio(prev/new) ${(best[1] / best[0]).toFixed(3)} load ${loadavg()[0].toFixed(1)}`);
}
prev.dispose();
