/**
 * Child process of the bench's uncertain-input row: the core model with its two uncertain inputs
 * (`uncertain`) or fixed at their medians (`fixed`), on one thread, at V8's default inlining budget, as the
 * CLI and the workers run. Best CPU time of 3 runs of `trials`
 * trials after a 100-trial warm-up; prints it in ms. One configuration per process, so each is compiled by
 * V8 for itself, as in a worker that runs it (in one process the configuration run first shapes the type
 * feedback and the other pays for the deoptimisations).
 * Usage: node --import tsx bench/uncertain-child.ts <fixed|uncertain> <trials>
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, runTrials } from '../engine/index.js';

/** The core model, and the same with two uncertain inputs whose medians are the fixed values. */
export const UNCERTAIN_INPUTS = '\nuncertainty:\n  parameters:\n    - { path: reps.opportunitiesPerMonth, distribution: { pert: [3, 4, 5] } }\n    - { path: attrition.annualRate, distribution: { uniform: [0.2, 0.4] } }\n';

const [mode, trialsArg] = process.argv.slice(2);
if (mode === 'fixed' || mode === 'uncertain') {
  const text = readFileSync(fileURLToPath(new URL('core-model.yaml', import.meta.url)), 'utf8');
  const s = parseScenario(mode === 'fixed' ? text : text + UNCERTAIN_INPUTS);
  const trials = Number(trialsArg);
  runTrials(s, 1, 0, 100, trials);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c = process.cpuUsage();
    runTrials(s, 1, 0, trials, trials);
    const u = process.cpuUsage(c);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  process.stdout.write(`${best}\n`);
}
