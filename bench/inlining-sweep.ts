/**
 * V8 inlining budgets compared on the models the product runs: the core model, the full model (A), the full model with
 * the people blocks (B) and with selling time and every new block (C, D; bench/issue27-blocks.ts's configurations).
 * Each (budget, configuration) runs in a child process of its own (its own JIT), interleaved over rounds; prints the
 * median CPU ms of each and, per budget, the ratios to V8's default budget and issue 27's B/A and D/C.
 * Usage: [SWEEP_KEYS=core,A,B,C,D] node --import tsx bench/inlining-sweep.ts [trials=500] [rounds=3] [budget ...]
 * where a budget is `size/cumulative` (bytes of bytecode: --max-inlined-bytecode-size and its -cumulative); default
 * budgets: 460/920 (V8's default), 920/3680 (the budget the CLI and the workers set until 2026-12-08), and larger ones. Not a test: no thresholds.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [trialsArg, roundsArg, ...budgetArgs] = process.argv.slice(2);
const trials = Number(trialsArg ?? 500);
const rounds = Number(roundsArg ?? 3);
const budgets = budgetArgs.length ? budgetArgs : ['460/920', '920/3680', '920/7360', '1840/7360', '1840/14720'];
const keys = (process.env.SWEEP_KEYS ?? 'core,A,B,C,D').split(',');
const child = fileURLToPath(new URL('./issue27-blocks.ts', import.meta.url));
const t: Record<string, Record<string, number[]>> = Object.fromEntries(budgets.map((b) => [b, Object.fromEntries(keys.map((k) => [k, []]))]));
for (let r = 0; r < rounds; r++)
  for (const k of keys)
    for (const b of budgets) {
      const [size, cumulative] = b.split('/');
      const env = { ...process.env, BENCH_INLINING: `--max-inlined-bytecode-size=${size},--max-inlined-bytecode-size-cumulative=${cumulative}` };
      const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(trials), k], { encoding: 'utf8', env });
      t[b][k].push(Number(out.trim().split(' ')[1]));
    }
const med = (x: number[]) => x.slice().sort((a, b) => a - b)[x.length >> 1];
const base = budgets[0];
const pairs = [['B', 'A'], ['D', 'C']].filter(([x, y]) => keys.includes(x) && keys.includes(y));
console.log(['budget', ...keys.map((k) => `${k} ms`), ...keys.map((k) => `${k} vs ${base}`), ...pairs.map(([x, y]) => `${x}/${y}`)].join('\t'));
for (const b of budgets) {
  const m = Object.fromEntries(keys.map((k) => [k, med(t[b][k])]));
  console.log([b, ...keys.map((k) => m[k].toFixed(0)), ...keys.map((k) => (med(t[base][k]) / m[k]).toFixed(3)), ...pairs.map(([x, y]) => (m[x] / m[y]).toFixed(3))].join('\t'));
}
