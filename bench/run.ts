/**
 * `npm run bench`: salesim's performance in one run, as a table (or `--json`).
 *
 * Rows: the core model and the full model (100 reps x 36 months x 10,000 trials) on one thread and on
 * the worker pool; the objects + seedrandom-ARC4 reference of the core model; a hand-tuned kernel of the
 * core model alone (bench/handTuned.ts); Squiggle against the equivalent salesim scenario
 * (bench/squiggle/); the playground's default scenario through the server's SSE stream on the pool, with
 * its first partial Summary; the same run in Chromium, static build (engine in Web Workers) against the
 * server build, to the first partial result and to the end (bench/static.ts); peak RSS and summary time for 100,000 trials x 100 reps x 36 months in a
 * child process running `salesim run`'s path (blocks streamed into the Summary).
 *
 * Honesty rules: one seed everywhere; every parallel result is compared array by array with the
 * single-thread result of the same run (and other worker counts / chunk sizes) and the row says so;
 * rates are reported on wall time and on CPU time (the process's user + system time), because a shared
 * machine's wall clock also measures the neighbours. Nothing here is a test: no thresholds, no asserts.
 *
 * Rows for the model-steps refactor: the engine of an earlier revision (`--against REF`, default the last
 * commit before it) built into a temporary folder and run interleaved with this one on the core and full
 * models (bench/previous.ts); the serial share of a parallel `salesim run` (main thread busy, workers
 * idle, projected speed-up on 16 cores: bench/shares.ts); peak RSS of the full model's 100,000-trial run
 * and its growth per extra worker. A closing table states each target and whether this run met it.
 *
 * Rows of issue 28 (bench/issue28.ts): trials a precision-targeted run uses for P(plan) ± 0.01 against
 * theory; an uncertain-input run against the fixed-input run; `salesim run` from spawn to its first
 * progress line, built and from source; a raised V8 inlining budget's gain on both models (not set); the full model's
 * memory through the built CLI (bin/salesim.js on dist/: run `npm run build` first, else the source path).
 * `-- --issue28` runs only these and the memory rows.
 *
 * Issue 27's row: the full model with the people blocks on against the full model (bench/issue27-blocks.ts,
 * child processes interleaved); `-- --issue27` runs only it.
 *
 * Usage: npm run bench [-- --json] [--quick] [--issue27 | --issue28] [--workers N] [--rss-workers N (default: the pool size; 1 = the child's own thread)] [--against REF]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseScenario, runTrials, summarize, type Scenario, type TrialResults } from '../engine/index.js';
import { createPool, runParallel, type Pool } from '../parallel/index.js';
import { runReference, type ReferenceParams } from './reference.js';
import { runHandTuned } from './handTuned.js';
import { createApp } from '../server/app.js';
import { previousEngine, PREVIOUS_ENGINE_REF, type EngineModule } from './previous.js';
import { measureShares, type Shares } from './shares.js';
import { runSummary } from '../parallel/index.js';
import * as currentEngine from '../engine/index.js';
import { cliPeakRss, inliningGain, precisionTrials, startTimes, uncertainRatio } from './issue28.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const json = flag('--json');
const quick = flag('--quick');
const workers = Math.max(1, option('--workers', availableParallelism()));
const rssWorkers = Math.max(1, option('--rss-workers', workers));
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args[againstAt + 1] : PREVIOUS_ENGINE_REF;
const SEED = 1;
const log = (msg: string) => {
  if (!json) process.stderr.write(msg + '\n');
};

const load = (file: string): Scenario => parseScenario(readFileSync(here(file), 'utf8'));
const seatsOf = (s: Scenario) => s.territories.reduce((a, t) => a + t.seats, 0);
const fmtPct = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Timing {
  wallMs: number;
  cpuMs: number;
}
function timed<T>(f: () => T): [T, Timing] {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = f();
  const wallMs = performance.now() - t;
  const u = process.cpuUsage(c);
  return [v, { wallMs, cpuMs: (u.user + u.system) / 1000 }];
}
async function timedAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

/** Every typed array of two results equal, element by element (NaN equals NaN). */
function sameResults(a: TrialResults, b: TrialResults): boolean {
  if (a.trials !== b.trials || a.from !== b.from) return false;
  for (const [k, v] of Object.entries(a)) {
    if (!ArrayBuffer.isView(v)) continue;
    const w = (b as unknown as Record<string, ArrayLike<number>>)[k];
    const x = v as unknown as ArrayLike<number>;
    if (!w || w.length !== x.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], w[i])) return false;
  }
  return true;
}

interface Row {
  row: string;
  scenario: string;
  trials: number;
  repMonths: number;
  /** rep-months per second on one thread, by wall time and by CPU time */
  singleWall: number | null;
  singleCpu: number | null;
  workers: number | null;
  parallelWallMs: number | null;
  speedup: number | null;
  /** how many times faster than the named peer (Squiggle, or the reference) */
  ratio: number | null;
  ratioTo: string | null;
  wallMs: number | null;
  firstPartialMs: number | null;
  peakRssMB: number | null;
  check: string;
}
const rows: Row[] = [];
const targets: { target: string; value: string; met: boolean }[] = [];
const blank = (row: string, scenario: string, trials: number, repMonths: number): Row => ({
  row,
  scenario,
  trials,
  repMonths,
  singleWall: null,
  singleCpu: null,
  workers: null,
  parallelWallMs: null,
  speedup: null,
  ratio: null,
  ratioTo: null,
  wallMs: null,
  firstPartialMs: null,
  peakRssMB: null,
  check: '',
});

/** A model row: one thread in this process, then the pool; results compared. */
async function modelRow(pool: Pool, name: string, file: string, trials: number): Promise<Row> {
  const s = load(file);
  const repMonths = seatsOf(s) * s.horizonMonths * trials;
  runTrials(s, SEED, 0, Math.min(200, trials)); // JIT warm-up
  log(`  ${name}: ${trials} trials on one thread...`);
  const [single, t1] = timed(() => runTrials(s, SEED, 0, trials));
  log(`  ${name}: ${trials} trials on ${workers} workers...`);
  await runParallel(s, { trials: Math.min(400, trials), seed: SEED, pool }); // warm the workers
  const [par, pw] = await timedAsync(() => runParallel(s, { trials, seed: SEED, pool }));
  const odd = await runParallel(s, { trials, seed: SEED, pool, chunkSize: 137 });
  const equal = sameResults(single, par) && sameResults(single, odd);
  const r = blank(name, file, trials, repMonths);
  r.singleWall = repMonths / (t1.wallMs / 1000);
  r.singleCpu = repMonths / (t1.cpuMs / 1000);
  r.workers = workers;
  r.parallelWallMs = pw;
  r.speedup = t1.wallMs / pw;
  r.wallMs = t1.wallMs;
  r.check = equal ? `1 thread = ${workers} workers = chunks of 137, bit for bit` : 'MISMATCH between thread counts';
  return r;
}

/** The same trials on 1, 2 and 3 workers and odd chunk sizes: identical arrays. */
async function workerCountCheck(file: string): Promise<string> {
  const s = load(file);
  const ref = runTrials(s, SEED, 0, 300);
  const out: string[] = [];
  for (const w of [1, 2, 3]) {
    const p = createPool({ workers: w });
    try {
      const r = await runParallel(s, { trials: 300, seed: SEED, pool: p, chunkSize: 7 + 31 * w });
      out.push(`${w}w:${sameResults(ref, r) ? 'equal' : 'DIFFERENT'}`);
    } finally {
      await p.destroy();
    }
  }
  return out.join(' ');
}

const referenceParams: ReferenceParams = {
  seats: 100,
  months: 36,
  rate: 4,
  winMean: 0.25,
  winConcentration: 8,
  dealMedian: 25000,
  dealSigma: 0.8,
  cycleMonths: 3,
  annualAttrition: 0.3,
  pipelineLoss: 0.5,
  timeToFill: 2,
  rampMonths: 6,
};

async function squiggleRow(pool: Pool): Promise<Row> {
  const s = load('squiggle/equivalent.yaml');
  const samples = 10_000;
  const r = blank('Squiggle peer (equivalent model)', 'squiggle/equivalent.yaml', samples, seatsOf(s) * s.horizonMonths * samples);
  // salesim: the equivalent scenario, simulated and summarised on one thread
  runTrials(s, SEED, 0, 200);
  const [summary, t] = timed(() => summarize(s, runTrials(s, SEED, 0, samples), { seed: SEED }));
  r.singleWall = r.repMonths / (t.wallMs / 1000);
  r.singleCpu = r.repMonths / (t.cpuMs / 1000);
  r.wallMs = t.wallMs;
  let squiggle: { run: (code: string, o: { environment: Record<string, unknown> }) => Promise<{ result: { ok: boolean; value: unknown } }> };
  try {
    squiggle = (await import('@quri/squiggle-lang' as string)) as typeof squiggle;
  } catch {
    r.check = 'Squiggle not installed (npm install --prefix bench): row skipped';
    return r;
  }
  const code = readFileSync(here('squiggle/model.squiggle'), 'utf8');
  log(`  Squiggle: ${samples} samples...`);
  // and on the pool (simulate there, summarise here)
  await runParallel(s, { trials: 400, seed: SEED, pool });
  const [, poolMs] = await timedAsync(async () => summarize(s, await runParallel(s, { trials: samples, seed: SEED, pool }), { seed: SEED }));
  r.workers = workers;
  r.parallelWallMs = poolMs;
  r.speedup = t.wallMs / poolMs;
  const c0 = process.cpuUsage();
  const [out, sqMs] = await timedAsync(() => squiggle.run(code, { environment: { sampleCount: samples, xyPointLength: 1000, seed: 'salesim-bench', profile: false } }));
  const cu = process.cpuUsage(c0);
  const sqCpu = (cu.user + cu.system) / 1000;
  if (!out.result.ok) {
    r.check = `Squiggle failed: ${String(out.result.value)}`;
    return r;
  }
  const text = String((out.result.value as { bindings: { toString(): string } }).bindings);
  const p50 = /p50: (\d+)/.exec(text)?.[1];
  r.ratio = sqCpu / t.cpuMs;
  r.ratioTo = `Squiggle (CPU; wall ${(sqMs / t.wallMs).toFixed(1)}x on 1 thread, ${(sqMs / poolMs).toFixed(1)}x on ${workers} workers)`;
  r.check = `Squiggle ${(sqMs / 1000).toFixed(2)} s wall, ${(sqCpu / 1000).toFixed(2)} s CPU; salesim ${t.wallMs.toFixed(0)} ms wall, ${t.cpuMs.toFixed(0)} ms CPU (simulate + summarize); P50 salesim ${(summary.revenue.total.p50 / 1e6).toFixed(2)}M vs Squiggle ${p50 ? (Number(p50) / 1e6).toFixed(2) + 'M' : '?'}`;
  return r;
}

/** Reads an SSE response to its end: ms to the first `progress` event, the number of them, and whether a `result` came. */
async function readStream(res: Response, t0: number): Promise<{ firstMs: number; partials: number; result: boolean }> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  let firstMs = -1;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += dec.decode(value, { stream: true });
    if (firstMs < 0 && buf.includes('event: progress')) firstMs = performance.now() - t0;
    if (done) break;
  }
  return { firstMs, partials: buf.split('event: progress').length - 1, result: buf.includes('event: result') };
}

/**
 * The playground's default scenario the way the playground runs it: POST /api/simulate/stream on the
 * server app (in this process, on the bench's pool), partial Summaries every 5% of trials computed on
 * the pool, then the final Summary. Wall = request to the `result` event; first partial = request to the
 * first `progress` event. The check also gives the bare run (runParallel + summarize, no partials).
 */
/**
 * The playground's default run in headless Chromium, static build (engine in Web Workers) against the
 * server build (SSE), from the click on Run: bench/static.ts in a child process (it builds both, serves
 * them and alternates rounds). Without Chromium the row says so.
 */
function staticRows(): Row[] {
  log('  playground in Chromium: static build vs server build (bench/static.ts)...');
  const s = load('../scenarios/baseline.yaml');
  const mk = (build: string) => blank(`playground default in Chromium: ${build} build`, 'scenarios/baseline.yaml', s.trials, seatsOf(s) * s.horizonMonths * s.trials);
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', here('static.ts'), '--json', '--rounds', quick ? '2' : '5'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 600_000 });
    const r = JSON.parse(out) as { rows: { build: string; workers: string; firstPartialMs: number | null; fullRunMs: number }[]; ratioFull: number };
    return r.rows.map((x) => {
      const row = mk(x.build);
      row.wallMs = x.fullRunMs;
      row.firstPartialMs = x.firstPartialMs;
      row.check = `engine on ${x.workers}; medians of the rounds; full run static / server ${r.ratioFull.toFixed(2)}`;
      return row;
    });
  } catch (e) {
    const row = mk('static vs server');
    row.check = `not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (needs /usr/bin/chromium; run npm run bench:static)`;
    return [row];
  }
}

async function playgroundRow(pool: Pool): Promise<Row> {
  const s = load('../scenarios/baseline.yaml');
  const trials = s.trials;
  const r = blank('playground default: server stream on the pool', 'scenarios/baseline.yaml', trials, seatsOf(s) * s.horizonMonths * trials);
  const app = createApp({ pool, dbPath: ':memory:', log: false, staticDir: null });
  const body = JSON.stringify({ scenario: s, trials, seed: SEED });
  const stream = async () => {
    const t0 = performance.now();
    const res = await app.request('/api/simulate/stream', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const out = await readStream(res, t0);
    return { ...out, wallMs: performance.now() - t0 };
  };
  const bare = async () => {
    const t0 = performance.now();
    summarize(s, await runParallel(s, { trials, seed: SEED, pool }), { seed: SEED });
    return performance.now() - t0;
  };
  try {
    for (let i = 0; i < 3; i++) await stream(); // warm: workers' JIT for trials and summaries
    const runs = [];
    const bares: number[] = [];
    for (let rep = 0; rep < (quick ? 3 : 7); rep++) {
      runs.push(await stream());
      bares.push(await bare());
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    r.workers = workers;
    r.wallMs = med(runs.map((x) => x.wallMs));
    r.firstPartialMs = med(runs.map((x) => x.firstMs));
    const ok = runs.every((x) => x.result);
    r.check = `median of ${runs.length}: ${runs.map((x) => x.wallMs.toFixed(0)).join('/')} ms, ${med(runs.map((x) => x.partials))} partial Summaries${ok ? '' : ' (A RUN FAILED)'}; bare runParallel + summarize ${med(bares).toFixed(0)} ms`;
  } finally {
    await app.close();
  }
  return r;
}

/**
 * This engine against the engine of `against` on one thread, interleaved (best of 5 each on the CPU
 * clock), on the core and full models; the results must agree bit for bit where the model is unchanged.
 */
async function previousRows(): Promise<{ rows: Row[]; ratios: Record<string, number> }> {
  const prev = await previousEngine(against);
  const out: Row[] = [];
  const ratios: Record<string, number> = {};
  if ('error' in prev) {
    const r = blank(`previous engine (${against})`, '', 0, 0);
    r.check = `row skipped: ${prev.error}`;
    return { rows: [r], ratios };
  }
  try {
    for (const [name, file] of [
      ['core model', 'core-model.yaml'],
      ['full model', 'full-model.yaml'],
    ] as const) {
      const trials = quick ? 400 : 2000;
      const text = readFileSync(here(file), 'utf8');
      const engines: [string, EngineModule][] = [
        ['new', currentEngine],
        ['previous', prev.engine],
      ];
      const scen = engines.map(([, e]) => e.parseScenario(text));
      const repMonths = seatsOf(scen[0]) * scen[0].horizonMonths * trials;
      const best = [Infinity, Infinity];
      const revenue: Float64Array[] = [];
      for (let i = 0; i < 2; i++) engines[i][1].runTrials(scen[i] as never, SEED, 0, 200); // JIT warm-up
      for (let rep = 0; rep < 5; rep++) {
        for (let i = 0; i < 2; i++) {
          const [res, tm] = timed(() => engines[i][1].runTrials(scen[i] as never, SEED, 0, trials));
          best[i] = Math.min(best[i], tm.cpuMs);
          revenue[i] = res.revenue;
        }
      }
      const same = revenue[0].length === revenue[1].length && revenue[0].every((v, k) => Object.is(v, revenue[1][k]));
      const r = blank(`${name}: previous engine (${prev.commit})`, file, trials, repMonths);
      r.singleCpu = repMonths / (best[1] / 1000);
      r.ratio = best[1] / best[0];
      r.ratioTo = `previous engine (new engine ${fmtRate(repMonths / (best[0] / 1000))} CPU, interleaved, best of 5)`;
      r.check = same ? 'monthly revenue bit for bit equal to the new engine' : 'monthly revenue differs from the new engine (the model or its draws changed)';
      ratios[name] = r.ratio;
      out.push(r);
    }
  } finally {
    prev.dispose();
  }
  return { rows: out, ratios };
}

/**
 * A parallel `salesim run` of the core model (runSummary on the bench's pool) with its time shares:
 * main thread busy, workers idle, serial share and the projected speed-up on 16 workers.
 */
async function serialRow(pool: Pool): Promise<[Row, Shares]> {
  const s = load('core-model.yaml');
  const trials = quick ? 4000 : 40_000;
  const r = blank('serial share: salesim run (fresh pool)', 'core-model.yaml', trials, seatsOf(s) * s.horizonMonths * trials);
  log(`  serial share: ${trials} trials streamed into the Summary on ${workers} workers...`);
  await runSummary(s, { trials: Math.min(trials, 400), seed: SEED, workers, pool }); // warm this thread's JIT
  // a fresh pool as `salesim run` makes one: its start-up is part of the serial time
  const [, sh] = await measureShares(
    () => createPool({ workers, youngGenerationMb: 4 }),
    (own) => runSummary(s, { trials, seed: SEED, workers, pool: own }),
  );
  r.workers = workers;
  r.wallMs = sh.wallMs;
  r.check = `main thread busy ${fmtPct(sh.mainShare)} of the run (${fmtMs(sh.mainBusyMs)}); workers idle ${fmtPct(sh.workerIdleShare)}; serial ${fmtMs(sh.serialMs)} = ${fmtPct(sh.serialShare)} of one worker's time; projected ${sh.projected(16).toFixed(1)}x on 16 workers`;
  return [r, sh];
}

/** Peak RSS of a `salesim run` of `file` in a child process on `w` workers. */
function childRss(file: string, trials: number, w: number): { peakRssMB: number; summaryMs: number; simMs: number; storedMB: number; spilledMB: number; trials: number; months: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', here('rss-child.ts'), here(file), String(trials), String(w)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function memoryRow(): Row {
  const trials = quick ? 10_000 : 100_000;
  const s = load('core-model.yaml');
  const r = blank('memory + summary (streaming)', 'core-model.yaml', trials, seatsOf(s) * s.horizonMonths * trials);
  log(`  memory: ${trials} trials in a child process (salesim run's path) on ${rssWorkers > 1 ? `${rssWorkers} workers` : 'one thread'}...`);
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', here('rss-child.ts'), here('core-model.yaml'), String(trials), String(rssWorkers)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(out.trim().split('\n').pop()!);
    r.peakRssMB = m.peakRssMB;
    r.wallMs = m.summaryMs;
    r.check = `summary of ${m.trials} trials x ${m.months} months: ${m.summaryMs.toFixed(0)} ms wall; columns kept ${m.storedMB.toFixed(0)} MB in memory and ${m.spilledMB.toFixed(0)} MB in a temporary file; simulated in ${fmtMs(m.simMs)} ${rssWorkers > 1 ? `on ${rssWorkers} workers` : 'on one thread'}, streamed into the Summary as salesim run does`;
  } catch (e) {
    r.check = `child failed: ${(e as Error).message.split('\n')[0]}`;
  }
  return r;
}

function fullMemoryRow(): [Row, number | null] {
  const trials = quick ? 10_000 : 100_000;
  const s = load('full-model.yaml');
  const r = blank('memory: full model (streaming)', 'full-model.yaml', trials, seatsOf(s) * s.horizonMonths * trials);
  // the installed command: bin/salesim.js on the built JavaScript (npm run build), workers included
  const built = existsSync('/usr/bin/time') && currentBuilt();
  if (built) {
    log(`  memory: full model, ${trials} trials through the built CLI on ${rssWorkers} workers...`);
    try {
      const m = cliPeakRss('full-model.yaml', trials, rssWorkers)!;
      const glibc = cliPeakRss('full-model.yaml', trials, rssWorkers, false, { SALESIM_ARENAS: 'default' })!;
      const small = quick ? 2000 : 10_000;
      // one pair of runs on 2 and 3 workers varies by +-10 MB (when chunks finish relative to each other):
      // the growth per worker is the median of three pairs, with the pool's arena cap and without it
      const growth = (env: Record<string, string>, fromSource = false) => {
        const pairs = [0, 1, 2].map(() => [cliPeakRss('full-model.yaml', small, 2, fromSource, env)!.peakMB, cliPeakRss('full-model.yaml', small, 3, fromSource, env)!.peakMB]);
        const d = pairs.map(([a, b]) => b - a).sort((x, y) => x - y);
        return { perWorker: d[1], pairs: pairs.map(([a, b]) => `${a.toFixed(0)}/${b.toFixed(0)}`).join(', ') };
      };
      const capped = growth({});
      const uncapped = growth({ SALESIM_ARENAS: 'default' });
      const source = growth({}, true);
      r.peakRssMB = m.peakMB;
      r.wallMs = m.elapsedMs;
      r.check = `bin/salesim.js run (built) on ${rssWorkers} workers, run ${fmtMs(m.elapsedMs)}; without the pool's arena cap (SALESIM_ARENAS=default) ${glibc.peakMB.toFixed(0)} MB in ${fmtMs(glibc.elapsedMs)}; ${small} trials on 2/3 workers: ${capped.pairs} MB (+${capped.perWorker.toFixed(0)} MB per worker, median); without the cap ${uncapped.pairs} (+${uncapped.perWorker.toFixed(0)}); from source through tsx ${source.pairs} (+${source.perWorker.toFixed(0)})`;
      return [r, capped.perWorker];
    } catch (e) {
      r.check = `built CLI failed: ${(e as Error).message.split('\n')[0]}`;
      return [r, null];
    }
  }
  log(`  memory: full model, ${trials} trials in a child process on ${rssWorkers} workers...`);
  let perWorker: number | null = null;
  try {
    const m = childRss('full-model.yaml', trials, rssWorkers);
    r.peakRssMB = m.peakRssMB;
    r.wallMs = m.summaryMs;
    // growth per extra worker: the same small run on 2 and 3 workers
    const small = quick ? 2000 : 10_000;
    const a = childRss('full-model.yaml', small, 2);
    const b = childRss('full-model.yaml', small, 3);
    perWorker = b.peakRssMB - a.peakRssMB;
    r.check = `summary ${m.summaryMs.toFixed(0)} ms; columns kept ${m.storedMB.toFixed(0)} MB; simulated in ${fmtMs(m.simMs)} on ${rssWorkers} workers; ${small} trials: ${a.peakRssMB.toFixed(0)} MB on 2 workers, ${b.peakRssMB.toFixed(0)} MB on 3 (+${perWorker.toFixed(0)} MB per worker)`;
  } catch (e) {
    r.check = `child failed: ${(e as Error).message.split('\n')[0]}`;
  }
  return [r, perWorker];
}

/** dist/ is built and not older than the sources (bin/salesim.js would run it). */
function currentBuilt(): boolean {
  try {
    const built = statSync(here('../dist/cli/index.js')).mtimeMs;
    const newest = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? statSync(`${dir}/${e.name}`).mtimeMs : 0), 0);
    return ['../engine', '../parallel', '../cli'].every((d) => newest(here(d)) <= built);
  } catch {
    return false;
  }
}

/** The rows of issue 28: precision-targeted trials, uncertain inputs, CLI start, the inlining budget. */
async function issue28Rows(): Promise<Row[]> {
  const out: Row[] = [];
  log('  precision: P(plan) ± 0.01 on the baseline...');
  const p = await precisionTrials();
  const pr = blank('precision: P(plan) ± 0.01 on the baseline', 'scenarios/baseline.yaml', p.trials, 0);
  pr.wallMs = p.wallMs;
  const off = p.trials / p.theory - 1;
  pr.check = `${p.trials} trials used (P(plan) ${fmtPct(p.p)}, half-width ${p.reached.toFixed(4)}); theory p(1-p)(1.96/0.01)² = ${p.theory.toFixed(0)}: ${off >= 0 ? '+' : ''}${fmtPct(off)}`;
  out.push(pr);
  targets.push({ target: 'trials for P(plan) ± 0.01 within 10% of p(1-p)(1.96/0.01)²', value: `${p.trials} vs ${p.theory.toFixed(0)} (${off >= 0 ? '+' : ''}${fmtPct(off)})`, met: Math.abs(off) <= 0.1 });
  const ut = quick ? 300 : 1000;
  log(`  uncertain inputs: ${ut} trials against fixed inputs...`);
  const u = uncertainRatio(ut);
  const ur = blank('uncertain inputs / fixed inputs (core model, same trials)', 'core-model.yaml + 2 uncertain inputs', ut, 100 * 36 * ut);
  ur.ratio = u.ratio;
  ur.ratioTo = 'the fixed-input run (CPU, a process each, best of 3 x 3)';
  ur.check = `fixed ${fmtMs(u.fixedMs)} CPU, uncertain ${fmtMs(u.uncertainMs)} CPU (each trial patches its draws into the parsed scenario, checks the drawn fields and the cross-field rules, re-compiles, and reuses the previous trial's state arrays)`;
  out.push(ur);
  targets.push({ target: 'uncertain-input run / fixed-input run >= 0.9x', value: `${u.ratio.toFixed(2)}x`, met: u.ratio >= 0.9 });
  log('  CLI start to first progress line, built and from source...');
  const st = await startTimes(quick ? 3 : 5);
  const sr = blank('CLI start to first progress line', 'bin/salesim.js run core-model.yaml', 2000, 0);
  sr.wallMs = st.builtMs ?? st.sourceMs;
  sr.check = `built ${st.builtMs === null ? 'n/a (npm run build first)' : fmtMs(st.builtMs)}; from source through tsx ${fmtMs(st.sourceMs)} (median of ${quick ? 3 : 5}, spawn to the 0% line)`;
  out.push(sr);
  targets.push({ target: 'CLI start to first progress line < 0.3 s', value: st.builtMs === null ? 'n/a' : fmtMs(st.builtMs), met: st.builtMs !== null && st.builtMs < 300 });
  log('  inlining budget: both models, raised against default...');
  const g = inliningGain(quick ? 200 : 500, 3);
  const ir = blank('V8 inlining budget raised to 920/3680 (not set) / default', 'core-model.yaml, full-model.yaml', quick ? 200 : 500, 0);
  ir.ratio = g.full;
  ir.ratioTo = 'default budget, full model (CPU)';
  ir.check = `core model ${g.core.toFixed(2)}x, full model ${g.full.toFixed(2)}x faster with the raised budget (child processes, interleaved, best of 3); the CLI and the workers run at V8's default, and would set the budget only if both models gained`;
  targets.push({ target: 'full model, raised inlining budget vs default >= 1.1x, with a gain on the core model too (else not set)', value: `${g.full.toFixed(2)}x (core ${g.core.toFixed(2)}x)`, met: g.full >= 1.1 && g.core > 1 });
  out.push(ir);
  return out;
}

const fmtRate = (x: number | null) => (x === null ? '' : `${(x / 1e6).toFixed(2)}M`);
const fmtMs = (x: number | null) => (x === null ? '' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

async function main(): Promise<void> {
  const started = new Date().toISOString();
  const load0 = loadavg()[0];
  const trials = quick ? 2000 : 10_000;
  log(`salesim bench (${quick ? 'quick' : 'full'}), ${availableParallelism()} cores, pool of ${workers}, load average ${load0.toFixed(2)}`);
  if (flag('--issue28')) {
    await issue28AndMemory();
    return report(started, load0);
  }
  if (flag('--issue27')) {
    rows.push(peopleBlocksRow());
    return report(started, load0);
  }
  const pool = createPool({ workers });
  // start every worker (module loading, JIT) before any single-thread timing: process CPU time counts all threads
  await runParallel(load('core-model.yaml'), { trials: 8 * workers, seed: SEED, pool, chunkSize: 1 });
  try {
    rows.push(await modelRow(pool, 'core model', 'core-model.yaml', trials));
    rows.push(await modelRow(pool, 'full model (every mechanism)', 'full-model.yaml', trials));
    // the reference: objects + seedrandom ARC4, same core model
    const refTrials = quick ? 50 : 300;
    log(`  reference: ${refTrials} trials...`);
    runReference(referenceParams, SEED, 5);
    const [refTotals, rt] = timed(() => runReference(referenceParams, SEED, refTrials));
    const ref = blank('reference: objects + seedrandom ARC4', 'bench/reference.ts (core model)', refTrials, 100 * 36 * refTrials);
    ref.singleWall = ref.repMonths / (rt.wallMs / 1000);
    ref.singleCpu = ref.repMonths / (rt.cpuMs / 1000);
    ref.wallMs = rt.wallMs;
    const refMean = refTotals.reduce((a, b) => a + b, 0) / refTotals.length;
    const core = rows[0];
    const coreMean = (() => {
      const r = runTrials(load('core-model.yaml'), SEED, 0, 2000);
      let sum = 0;
      for (let i = 0; i < r.revenue.length; i++) sum += r.revenue[i];
      return sum / r.trials;
    })();
    ref.check = `mean revenue ${(refMean / 1e6).toFixed(1)}M vs salesim ${(coreMean / 1e6).toFixed(1)}M`;
    core.ratio = core.singleCpu! / ref.singleCpu!;
    core.ratioTo = 'reference (CPU)';
    rows[1].ratio = rows[1].singleCpu! / ref.singleCpu!;
    rows[1].ratioTo = 'reference (CPU)';
    rows.push(ref);
    // the issue's hand-tuned kernel of the core model: exact samplers, per-seat streams, nothing else
    log('  hand-tuned core kernel...');
    runHandTuned(referenceParams, SEED, 200);
    const handTrials = quick ? 1000 : 5000;
    const [handTotals, ht] = timed(() => runHandTuned(referenceParams, SEED, handTrials));
    const hand = blank('hand-tuned kernel of the core model alone', 'bench/handTuned.ts (core model)', handTrials, 100 * 36 * handTrials);
    hand.singleWall = hand.repMonths / (ht.wallMs / 1000);
    hand.singleCpu = hand.repMonths / (ht.cpuMs / 1000);
    hand.wallMs = ht.wallMs;
    hand.ratio = hand.singleCpu / core.singleCpu!;
    hand.ratioTo = 'core model (CPU)';
    const handMean = handTotals.reduce((a, b) => a + b, 0) / handTotals.length;
    hand.check = `exact samplers, per-seat streams, no persons/quota/costs/figures: mean revenue ${(handMean / 1e6).toFixed(1)}M vs salesim ${(coreMean / 1e6).toFixed(1)}M`;
    rows.push(hand);
    rows.push(await squiggleRow(pool));
    rows.push(await playgroundRow(pool));
    rows.push(...staticRows());
    log(`  previous engine (${against}), interleaved with this one...`);
    const prev = await previousRows();
    rows.push(...prev.rows);
    const [serial, sh] = await serialRow(pool);
    rows.push(serial);
    targets.push(
      { target: 'full model, one thread, vs the previous engine >= 0.97x (CPU)', value: prev.ratios['full model'] ? `${prev.ratios['full model'].toFixed(2)}x` : 'n/a', met: (prev.ratios['full model'] ?? 0) >= 0.97 },
      { target: 'core model >= 0.8x the hand-tuned kernel (CPU)', value: `${(1 / hand.ratio).toFixed(2)}x`, met: 1 / hand.ratio >= 0.8 },
      { target: 'serial share <= 2%', value: fmtPct(sh.serialShare), met: sh.serialShare <= 0.02 },
      { target: 'projected speed-up on 16 workers >= 12x', value: `${sh.projected(16).toFixed(1)}x`, met: sh.projected(16) >= 12 },
    );
    log('  worker counts 1/2/3 with odd chunk sizes...');
    const counts = await workerCountCheck('full-model.yaml');
    rows[1].check += `; 300 trials on ${counts}`;
    rows.push(peopleBlocksRow());
  } finally {
    await pool.destroy();
  }
  await issue28AndMemory();
  report(started, load0);
}

/**
 * Issue 27's speed row: the full model with the people blocks on against the full model, in child processes
 * interleaved by bench/issue27-blocks.ts (median CPU time of 5 rounds each, 3 with --quick): B / A (drift, compensation, retention and
 * managers at the studies' settings), D / C (the same and the coverage response, with selling time, which the
 * response needs), and B0 / A, D0 / C (the same blocks at settings that change no outcome: their own cost,
 * without the work their settings add or save).
 */
function peopleBlocksRow(): Row {
  const trials = quick ? 300 : 1000;
  const rounds = quick ? 3 : 5;
  log(`  people blocks: ${trials} trials of A, B, C, D, B0, D0, interleaved, ${rounds} rounds...`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./issue27-blocks.ts', import.meta.url)), String(trials), 'interleaved', String(rounds), 'A,B,C,D,B0,D0'], { encoding: 'utf8' });
  const med: Record<string, number> = {};
  for (const m of out.matchAll(/^(\w+) [\d ]+ median (\d+)$/gm)) med[m[1]] = Number(m[2]);
  const r = (x: string, y: string) => med[x] / med[y];
  const row = blank('people blocks (issue 27) / full model', 'full-model.yaml + bench/issue27-blocks.ts', trials, 0);
  row.ratio = r('D', 'C');
  row.ratioTo = `full model with selling time (CPU, median of ${rounds})`;
  row.check = `B/A ${r('B', 'A').toFixed(2)}x, D/C ${r('D', 'C').toFixed(2)}x; at no-effect settings B0/A ${r('B0', 'A').toFixed(2)}x, D0/C ${r('D0', 'C').toFixed(2)}x (ms: ${Object.entries(med).map(([k, v]) => `${k} ${v}`).join(', ')})`;
  targets.push(
    { target: 'full model + drift, compensation, retention, managers within 15% of the full model (B/A)', value: `${r('B', 'A').toFixed(2)}x`, met: r('B', 'A') <= 1.15 },
    { target: 'the same + coverage response, with selling time, within 15% (D/C)', value: `${r('D', 'C').toFixed(2)}x`, met: r('D', 'C') <= 1.15 },
  );
  return row;
}

/** The rows of issue 28 and the memory rows (`npm run bench -- --issue28` runs only these, in one process). */
async function issue28AndMemory(): Promise<void> {
  rows.push(...(await issue28Rows()));
  if (flag('--no-memory')) return;
  rows.push(memoryRow());
  const [fullMem, perWorker] = fullMemoryRow();
  rows.push(fullMem);
  targets.push(
    { target: `peak RSS of the full model's ${quick ? '10,000' : '100,000'}-trial run < 300 MB`, value: fullMem.peakRssMB === null ? 'n/a' : `${fullMem.peakRssMB.toFixed(0)} MB`, met: fullMem.peakRssMB !== null && fullMem.peakRssMB < 300 },
    { target: 'peak RSS per extra worker <= 40 MB', value: perWorker === null ? 'n/a' : `${perWorker.toFixed(0)} MB`, met: perWorker !== null && perWorker <= 40 },
  );
}

/** Prints the table (markdown, or JSON with --json). */
function report(started: string, load0: number): void {
  const load1 = loadavg()[0];
  if (json) {
    process.stdout.write(JSON.stringify({ started, cores: availableParallelism(), workers, seed: SEED, loadAverage: [load0, load1], quick, rows, targets }, null, 2) + '\n');
    return;
  }
  const header = ['row', 'trials', 'rep-months/s 1 thread (wall / CPU)', `speed-up on ${workers} workers`, 'ratio', 'wall', 'first partial', 'peak RSS', 'check'];
  const body = rows.map((r) => [
    r.row,
    String(r.trials),
    r.singleWall === null ? '' : `${fmtRate(r.singleWall)} / ${fmtRate(r.singleCpu)}`,
    r.speedup === null ? (r.parallelWallMs === null ? '' : `${fmtMs(r.parallelWallMs)} on ${r.workers}`) : `${r.speedup.toFixed(2)}x (${fmtMs(r.parallelWallMs)})`,
    r.ratio === null ? '' : `${r.ratio.toFixed(1)}x vs ${r.ratioTo}`,
    fmtMs(r.wallMs),
    r.firstPartialMs === null ? '' : fmtMs(r.firstPartialMs),
    r.peakRssMB === null ? '' : `${r.peakRssMB.toFixed(0)} MB`,
    r.check,
  ]);
  const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(md(header));
  console.log(md(header.map(() => '---')));
  for (const b of body) console.log(md(b));
  console.log('');
  console.log(md(['target', 'this run', 'met']));
  console.log(md(['---', '---', '---']));
  for (const g of targets) console.log(md([g.target, g.value, g.met ? 'yes' : '**no**']));
  console.log(`\nseed ${SEED}; ${availableParallelism()} cores; load average ${load0.toFixed(2)} -> ${load1.toFixed(2)}; ${started}`);
}

await main();
