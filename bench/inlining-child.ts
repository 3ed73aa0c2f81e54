/**
 * Child process of the bench's inlining row: the core and full models on one thread (best CPU time of 3
 * runs of `trials` trials each), with V8's inlining budget raised (`set`: 920 bytes per function, 3,680
 * cumulative, set before the engine loads, the budget the CLI and the workers set until 2026-12-08) or at V8's
 * default, which the product runs. Prints { core, full } in ms as JSON.
 * Usage: node --import tsx bench/inlining-child.ts <set|default> <trials>
 *        node --import tsx bench/inlining-child.ts flags <trials> --flag=value ... (other budgets, to compare)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [mode, trialsArg] = process.argv.slice(2);
/** The raised budget the row measures (not set by the product: it did not gain on the core model, docs/performance.md). */
const RAISED = ['--max-inlined-bytecode-size=920', '--max-inlined-bytecode-size-cumulative=3680'];
if (mode === 'set') for (const f of RAISED) (await import('node:v8')).setFlagsFromString(f);
if (mode === 'flags') for (const f of process.argv.slice(4)) (await import('node:v8')).setFlagsFromString(f);
const { parseScenario, runTrials } = await import('../engine/index.js');
const trials = Number(trialsArg);
const out: Record<string, number> = {};
for (const [name, file] of [
  ['core', 'core-model.yaml'],
  ['full', 'full-model.yaml'],
] as const) {
  const s = parseScenario(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'));
  runTrials(s, 1, 0, 100);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c = process.cpuUsage();
    runTrials(s, 1, 0, trials);
    const u = process.cpuUsage(c);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  out[name] = best;
}
process.stdout.write(JSON.stringify(out) + '\n');
