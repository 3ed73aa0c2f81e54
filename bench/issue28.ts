/**
 * The rows of issue 28 ("precise enough, as fast as possible") for `npm run bench`:
 * - trials a precision-targeted run uses for P(plan) ± 0.01 on the baseline, against the theoretical
 *   p (1 - p) (1.96 / 0.01)² at the p it found;
 * - an uncertain-input run against the same run with fixed inputs (same trials, one thread, CPU time);
 * - `salesim run` from spawn to its first progress line (SALESIM_PROGRESS_AFTER_MS=0: the 0% line it
 *   prints as the run starts), the built CLI (bin/salesim.js running dist/) against the CLI from source
 *   through tsx (SALESIM_FROM_SOURCE=1);
 * - peak RSS of the built CLI's full-model run and per extra worker (`/usr/bin/time -f %M`, the whole
 *   process tree's largest resident set as the kernel reports it for the child).
 * Nothing here asserts: the numbers go in the bench table.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from '../engine/index.js';
import { runSummaryPrecise } from '../parallel/index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const root = here('..');
const load = (file: string): Scenario => parseScenario(readFileSync(here(file), 'utf8'));

/** Trials used for P(plan) ± 0.01 on the baseline, and the theoretical count at the P(plan) found. */
export async function precisionTrials(): Promise<{ trials: number; theory: number; p: number; reached: number; wallMs: number }> {
  const s = load('../scenarios/baseline.yaml');
  const t0 = performance.now();
  const { summary } = await runSummaryPrecise(s, 'p_plan=0.01', { seed: s.seed, maxTrials: 100_000, workers: 1 });
  const p = summary.plan!.probability;
  return { trials: summary.trials, theory: p * (1 - p) * (1.96 / 0.01) ** 2, p, reached: summary.precision.targets[0].reached, wallMs: performance.now() - t0 };
}

/**
 * The core model with two uncertain inputs against the same model fixed at their medians: CPU time of the
 * same trials on one thread, each configuration in a child process of its own (bench/uncertain-child.ts,
 * at V8's default inlining budget, as the workers run), `rounds` rounds interleaved, best of all. Speed
 * ratio = fixed time / uncertain time. (A raised budget sped the fixed run by ~9% and the uncertain one by
 * ~3%, so the ratio was lower with it: measured 2026-12-07, 0.86-0.87 with it, 0.91 without.)
 */
export function uncertainRatio(trials: number, rounds = 3): { ratio: number; fixedMs: number; uncertainMs: number } {
  const child = (mode: 'fixed' | 'uncertain') => Number(spawnSync(process.execPath, ['--import', 'tsx', here('uncertain-child.ts'), mode, String(trials)], { cwd: root, encoding: 'utf8' }).stdout.trim());
  let f = Infinity,
    u = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (const mode of r % 2 ? (['uncertain', 'fixed'] as const) : (['fixed', 'uncertain'] as const)) {
      const ms = child(mode);
      if (!(ms > 0)) throw new Error(`bench/uncertain-child.ts ${mode} printed no time`);
      if (mode === 'fixed') f = Math.min(f, ms);
      else u = Math.min(u, ms);
    }
  }
  return { ratio: f / u, fixedMs: f, uncertainMs: u };
}

/** ms from spawning `node bin/salesim.js run ...` to its first progress line on stderr. */
function firstLineMs(env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [here('../bin/salesim.js'), 'run', here('core-model.yaml'), '--trials', '2000', '--workers', '1'], {
      cwd: root,
      env: { ...process.env, SALESIM_PROGRESS_AFTER_MS: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = false;
    p.stderr.on('data', () => {
      if (seen) return;
      seen = true;
      resolve(performance.now() - t0);
      p.kill();
    });
    p.on('error', reject);
    p.on('exit', () => {
      if (!seen) reject(new Error('no progress line'));
    });
  });
}

/** Median over `reps` of the start to the first progress line, built and from source, interleaved. */
export async function startTimes(reps = 5): Promise<{ builtMs: number | null; sourceMs: number }> {
  const built = existsSync(here('../dist/cli/index.js'));
  const b: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (built) b.push(await firstLineMs({}));
    s.push(await firstLineMs({ SALESIM_FROM_SOURCE: '1' }));
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  return { builtMs: built ? med(b) : null, sourceMs: med(s) };
}

/**
 * Peak RSS (MB) of `salesim run file --trials N --workers W` through bin/salesim.js (built unless
 * `fromSource`), measured by /usr/bin/time; null where /usr/bin/time is missing.
 */
export function cliPeakRss(file: string, trials: number, workers: number, fromSource = false, env: Record<string, string> = {}): { peakMB: number; elapsedMs: number } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss_kb=%M', process.execPath, here('../bin/salesim.js'), 'run', here(file), '--trials', String(trials), '--workers', String(workers), '--json', '--quiet'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, ...(fromSource ? { SALESIM_FROM_SOURCE: '1' } : {}), ...env } },
  );
  const kb = /maxrss_kb=(\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !kb) throw new Error(`salesim run failed: ${(r.stderr ?? '').split('\n')[0]}`);
  return { peakMB: Number(kb[1]) / 1024, elapsedMs: JSON.parse(r.stdout).meta.elapsedMs };
}

/**
 * The inlining budget's gain: the core and full models on one thread in child processes with the
 * budget raised (920/3680, bench/inlining-child.ts) and at V8's default (as the CLI and the workers run),
 * interleaved, best of `reps`.
 * Ratio = default CPU time / raised CPU time (> 1: faster with the raised budget).
 */
export function inliningGain(trials: number, reps = 2): { core: number; full: number } {
  const run = (mode: string) =>
    JSON.parse(spawnSync(process.execPath, ['--import', 'tsx', here('inlining-child.ts'), mode, String(trials)], { cwd: root, encoding: 'utf8' }).stdout.trim()) as { core: number; full: number };
  const best = { set: { core: Infinity, full: Infinity }, default: { core: Infinity, full: Infinity } };
  for (let r = 0; r < reps; r++)
    for (const mode of ['set', 'default'] as const) {
      const x = run(mode);
      best[mode].core = Math.min(best[mode].core, x.core);
      best[mode].full = Math.min(best[mode].full, x.full);
    }
  return { core: best.default.core / best.set.core, full: best.default.full / best.set.full };
}
