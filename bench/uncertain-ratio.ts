/**
 * Uncertain inputs against fixed ones on the core model, interleaved in one process (CPU time, best of
 * `reps`): the fixed scenario; the same with one inert uncertain input (hiring.costPerHire, which changes
 * no trial's work: the pure per-trial cost of uncertain inputs); and with two real ones (as `npm run
 * bench` does). Ratio = fixed time / uncertain time. Run it in two checkouts at once to compare commits
 * under the same load.
 * Usage: node --import tsx bench/uncertain-ratio.ts [trials=600] [reps=4]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, runTrials } from '../engine/index.js';

const [trialsArg, repsArg] = process.argv.slice(2);
const n = Number(trialsArg ?? 600);
const reps = Number(repsArg ?? 4);
const text = readFileSync(fileURLToPath(new URL('core-model.yaml', import.meta.url)), 'utf8');
const fixed = parseScenario(text);
const inert = parseScenario(text + '\nuncertainty:\n  parameters:\n    - { path: hiring.costPerHire, distribution: { uniform: [0, 1000] } }\n');
const real = parseScenario(
  text + '\nuncertainty:\n  parameters:\n    - { path: reps.opportunitiesPerMonth, distribution: { pert: [3, 4, 5] } }\n    - { path: attrition.annualRate, distribution: { uniform: [0.2, 0.4] } }\n',
);
const cpu = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
for (const s of [fixed, inert, real]) runTrials(s, 1, 0, 50, n);
const best = { fixed: Infinity, inert: Infinity, real: Infinity };
for (let r = 0; r < reps; r++) {
  best.fixed = Math.min(best.fixed, cpu(() => runTrials(fixed, 1, 0, n)));
  best.inert = Math.min(best.inert, cpu(() => runTrials(inert, 1, 0, n, n)));
  best.real = Math.min(best.real, cpu(() => runTrials(real, 1, 0, n, n)));
}
process.stdout.write(JSON.stringify({ trials: n, fixedMs: best.fixed, inertMs: best.inert, realMs: best.real, inertRatio: best.fixed / best.inert, realRatio: best.fixed / best.real }) + '\n');
