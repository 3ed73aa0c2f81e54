/**
 * Issue 32's fuzz: `bodies` requests over every route that takes a body, each a small valid request
 * with one numeric field of its scenario set to an enormous-but-valid value from the JSON Schema (at its
 * maximum, at the extremes inside its bounds, and at 10^k), sent by `concurrency` clients that give up
 * (disconnect) after `timeoutMs`, against a real server process on loopback. Meanwhile /api/health is
 * polled every 50 ms and the server's RSS sampled. Reports: answers by status, 5xx, dropped connections
 * (a network error the client did not cause), requests still unanswered at the client's timeout (runs
 * admitted within the budget), health latency percentiles, peak and settled RSS, and how long the
 * server's CPU took to go idle after the last disconnect.
 *
 *   node --import tsx bench/fuzz-bounds.ts [bodies=10000] [concurrency=8] [timeoutMs=2000] [--cpu-prof] [--only K]
 *
 * --cpu-prof: the server writes V8 CPU profiles (main thread and workers) to /tmp/salesim-prof.
 * --only K: one kind of request only (0 simulate, 1 its stream, 2 compare, 3 sensitivity, 4 solve,
 * 5 forecast/sample, 6 save, 7 forecast, 8 backtest, 9 calibrate), e.g. to see which one holds memory.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { LEAVES, valuesOf, type Leaf } from './schema-leaves.js';
import { startServer, settledRss, type ServerProcess } from './server-load.js';
import { synthesize } from '../engine/index.js';

export interface FuzzReport {
  bodies: number;
  seconds: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, Record<string, number>>;
  /** response sizes by route (characters): the largest and the total */
  bytesByRoute: Record<string, { max: number; total: number }>;
  serverErrors: number;
  dropped: number;
  /** requests the client gave up on at its timeout (admitted runs still working) */
  timedOut: number;
  health: { polls: number; p50: number; p99: number; worst: number; failures: number };
  rss: { idleMb: number; peakMb: number; afterMb: number };
  /** the server's idle trims by the end (count, the last one's ms); null where native/trim is not built */
  trim: { trims: number; lastMs: number } | null;
  /** ms from the last request's end until the server's CPU use fell under 5% of one core */
  cpuIdleAfterMs: number;
  /**
   * The server main thread's event-loop delay over the fuzz (ms; perf_hooks.monitorEventLoopDelay,
   * server/loopStats.ts) and its memory at the end: what blocks the loop, apart from CPU contention.
   */
  loop: { p50: number; p99: number; max: number; mean: number; count: number; stalls: Record<string, unknown>; memory: Record<string, number>; workers: Record<string, number>[] } | null;
  /** the main thread's and each worker's own memory at idle, before the fuzz (MB) */
  memoryAtIdle: { main: Record<string, number>; workers: Record<string, number>[] } | null;
  /** the machine's 1-minute load average at the start and at the end of the fuzz (2 cores: > 2 = contention) */
  load: { start: number; end: number };
  /**
   * Disconnect probes after the fuzz: requests that ran past the client's timeout, replayed one at a
   * time; the client aborts at its timeout and the time until the server's CPU falls idle (under 5% of a
   * core over 50 ms) is measured. ms, per probe.
   */
  disconnect: { probes: number; p50: number; worst: number; overOneSecond: number; examples: string[] };
  examples5xx: string[];
}

/** A tiny seeded generator (mulberry32): the fuzz is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Enormous-but-valid values of a leaf: its extremes inside the bounds and 10^k up to its maximum. */
function bigValues(l: Leaf): number[] {
  const out = valuesOf(l);
  for (let k = 0; k <= 308; k += 1) {
    const v = 10 ** k;
    if (v <= l.hi && (l.exclusiveLo ? v > l.lo : v >= l.lo) && (!l.integer || Number.isInteger(v))) out.push(v);
  }
  return out;
}

const CSV = synthesize({ reps: { seats: 4, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: { median: 20000, sigma: 0.7 } } }, { months: 12, seed: 3 }).opportunities;

/** One request: its route, method, body and content type. */
function request(r: () => number, only?: number): { route: string; body: string; type: string } {
  const leaf = LEAVES[Math.floor(r() * LEAVES.length)];
  const vals = bigValues(leaf);
  const scenario = leaf.wrap(vals[Math.floor(r() * vals.length)]);
  const trials = [1, 20, 200, 2000, 100_000, 1_000_000][Math.floor(r() * 6)];
  const drawn = Math.floor(r() * 10);
  const pick = only ?? drawn;
  const json = (route: string, body: unknown) => ({ route, body: JSON.stringify(body), type: 'application/json' });
  switch (pick) {
    case 0:
      return json('/api/simulate', { scenario, trials });
    case 1:
      return json('/api/simulate/stream', { scenario, trials });
    case 2:
      return json('/api/compare', { baseline: scenario, variants: [{ name: 'v', scenario }], trials });
    case 3:
      return json('/api/sensitivity', { scenario, trials });
    case 4:
      return json('/api/solve', { scenario, vary: ['reps.seats', 'reps.winRate', 'reps.opportunitiesPerMonth', 'horizonMonths'][Math.floor(r() * 4)], target: 'mean(revenue) >= 1e6', trials });
    case 5:
      return json('/api/forecast/sample', { scenario, seed: Math.floor(r() * 1000) });
    case 6:
      return json('/api/scenarios', { scenario });
    case 7:
      return json('/api/forecast', { opportunities: CSV, scenario, asOf: '2025-06-30', trials, actions: r() < 0.5 ? [] : Array.from({ length: 10 }, (_, i) => ({ name: `hire ${i}`, hire: { seats: 10_000 } })) });
    case 8:
      return json('/api/backtest', { csv: CSV, scenario, from: '2025-01', to: '2025-06', trials });
    default:
      return { route: '/api/calibrate', body: CSV, type: 'text/csv' };
  }
}

/** CPU seconds (user + system) the process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/**
 * Waits until the process uses under 5% of a core over a `windowMs` window; returns the ms waited until
 * the start of that window (cap maxMs). /proc counts CPU in 10 ms ticks, so windows under 200 ms
 * allow one tick.
 */
async function cpuIdle(server: ServerProcess, maxMs = 30_000, windowMs = 200): Promise<number> {
  const t0 = performance.now();
  const allowed = Math.max(0.01, windowMs * 0.05e-3);
  for (;;) {
    const c0 = cpuSeconds(server.child.pid!);
    await new Promise((r) => setTimeout(r, windowMs));
    const c1 = cpuSeconds(server.child.pid!);
    if (c1 - c0 <= allowed + 1e-9 || performance.now() - t0 > maxMs) return Math.max(0, performance.now() - t0 - windowMs);
  }
}

/**
 * Replays up to `n` of the requests that outlived the client's timeout, one at a time: aborts each at
 * `timeoutMs` and measures the ms until the server process uses under 5% of a core over 50 ms.
 */
async function probeDisconnects(server: ServerProcess, slow: { route: string; body: string; type: string }[], n: number, timeoutMs: number, r: () => number): Promise<FuzzReport['disconnect']> {
  const picks = slow.length <= n ? slow : Array.from({ length: n }, () => slow[Math.floor(r() * slow.length)]);
  const times: number[] = [];
  const examples: string[] = [];
  for (const q of picks) {
    await cpuIdle(server, 30_000, 50);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    let aborted = false;
    try {
      const res = await fetch(server.url + q.route, { method: 'POST', headers: { 'content-type': q.type }, body: q.body, signal: ctrl.signal });
      await res.text();
    } catch {
      aborted = ctrl.signal.aborted;
    } finally {
      clearTimeout(timer);
    }
    if (!aborted) continue; // answered within the timeout this time: no disconnect to measure
    const ms = await cpuIdle(server, 30_000, 50);
    times.push(ms);
    if (ms > 1000 && examples.length < 5) examples.push(`${Math.round(ms)} ms: ${q.route} ${q.body.slice(0, 300)}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { probes: times.length, p50: sorted[Math.floor(sorted.length / 2)] ?? 0, worst: sorted.at(-1) ?? 0, overOneSecond: times.filter((t) => t > 1000).length, examples };
}

/**
 * Runs the fuzz against a fresh server (env: its limits) and reports.
 * @example const report = await runFuzz({ bodies: 300 });
 */
export async function runFuzz(opts: {
  bodies: number;
  concurrency?: number;
  timeoutMs?: number;
  seed?: number;
  env?: Record<string, string>;
  /** the server's node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] */
  nodeArgs?: string[];
  /** disconnect probes after the fuzz (default 20) */
  probes?: number;
  /** one kind of request only (0-9, the cases of `request`: which route holds memory, for instance) */
  only?: number;
}): Promise<FuzzReport> {
  const { bodies, concurrency = 8, timeoutMs = 2000, seed = 32, probes = 20 } = opts;
  const server = await startServer({ SALESIM_WORKERS: '2', SALESIM_LOOP_STATS: '1', ...opts.env }, opts.nodeArgs);
  let stdout = '';
  server.child.stdout!.on('data', (d) => (stdout += d));
  const loopStats = async () => {
    const before = stdout.length;
    server.child.kill('SIGUSR2');
    for (let i = 0; i < 100 && !/loop-stats .*\n/.test(stdout.slice(before)); i++) await new Promise((r) => setTimeout(r, 20));
    const m = /loop-stats (.*)\n/.exec(stdout.slice(before));
    return m ? (JSON.parse(m[1]) as FuzzReport['loop']) : null;
  };
  try {
    const url = server.url;
    await (await fetch(`${url}/api/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: { reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 } }, trials: 50 }) })).arrayBuffer();
    const idleMb = await settledRss(server, 3000);
    const loadStart = loadavg()[0];
    const atIdle = await loopStats(); // the histogram restarts here: it covers the fuzz
    let peakMb = idleMb;
    const r = rng(seed);
    const byStatus: Record<string, number> = {};
    const byRoute: Record<string, Record<string, number>> = {};
    let serverErrors = 0,
      dropped = 0,
      timedOut = 0,
      next = 0;
    const examples5xx: string[] = [];
    const bytesByRoute: Record<string, { max: number; total: number }> = {};
    const slow: { route: string; body: string; type: string }[] = [];
    let running = true;
    const lat: number[] = [];
    let healthFailures = 0;
    const health = (async () => {
      while (running) {
        const s = performance.now();
        try {
          const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          if (res.status !== 200) healthFailures++;
        } catch {
          healthFailures++;
        }
        lat.push(performance.now() - s);
        peakMb = Math.max(peakMb, server.rssMb());
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    const t0 = performance.now();
    const client = async () => {
      while (next < bodies) {
        next++;
        const q = request(r, opts.only);
        const ctrl = new AbortController();
        const timer = setTimeout(() => ctrl.abort(), timeoutMs);
        let key: string;
        try {
          const res = await fetch(url + q.route, { method: 'POST', headers: { 'content-type': q.type }, body: q.body, signal: ctrl.signal });
          const text = await res.text();
          key = String(res.status);
          const b = (bytesByRoute[q.route] ??= { max: 0, total: 0 });
          b.max = Math.max(b.max, text.length);
          b.total += text.length;
          if (res.status >= 500) {
            serverErrors++;
            if (examples5xx.length < 5) examples5xx.push(`${q.route} ${res.status} ${text.slice(0, 200)} <- ${q.body.slice(0, 300)}`);
          }
          // an SSE stream answers 200 and may carry its error as an event
          if (q.route.endsWith('/stream') && /"status":5\d\d/.test(text)) {
            serverErrors++;
            if (examples5xx.length < 5) examples5xx.push(`${q.route} event ${text.slice(-200)}`);
          }
        } catch (e) {
          if (ctrl.signal.aborted) {
            timedOut++;
            if (slow.length < 500) slow.push(q);
            key = 'timeout';
          } else {
            dropped++;
            key = `dropped: ${(e as Error).message}`;
          }
        } finally {
          clearTimeout(timer);
        }
        byStatus[key] = (byStatus[key] ?? 0) + 1;
        (byRoute[q.route] ??= {})[key] = (byRoute[q.route][key] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const seconds = (performance.now() - t0) / 1000;
    const cpuIdleAfterMs = await cpuIdle(server);
    running = false;
    await health;
    const loop = await loopStats();
    const loadEnd = loadavg()[0];
    const disconnect = await probeDisconnects(server, slow, probes, timeoutMs, r);
    // "after": once the server has been quiet long enough to give freed memory back (server/trimWhenIdle.ts
    // trims 2 s after the last sign of work, checking every 0.5 s)
    await new Promise((res) => setTimeout(res, 3000));
    const afterMb = await settledRss(server, 10_000);
    const trim = ((await loopStats()) as { trim?: FuzzReport['trim'] } | null)?.trim ?? null;
    const sorted = [...lat].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return {
      bodies,
      seconds,
      byStatus,
      byRoute,
      bytesByRoute,
      serverErrors,
      dropped,
      timedOut,
      health: { polls: lat.length, p50: q(0.5), p99: q(0.99), worst: sorted.at(-1) ?? 0, failures: healthFailures },
      rss: { idleMb, peakMb, afterMb },
      trim,
      cpuIdleAfterMs,
      loop,
      memoryAtIdle: atIdle ? { main: atIdle.memory, workers: atIdle.workers } : null,
      load: { start: loadStart, end: loadEnd },
      disconnect,
      examples5xx,
    };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const argv = process.argv.slice(2);
  const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--only');
  const prof = process.argv.includes('--cpu-prof');
  const [bodies = '10000', concurrency = '8', timeoutMs = '2000'] = args;
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? Number(process.argv[onlyAt + 1]) : undefined;
  const rep = await runFuzz({ bodies: Number(bodies), concurrency: Number(concurrency), timeoutMs: Number(timeoutMs), only, nodeArgs: prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/salesim-prof'] : [] });
  console.log(JSON.stringify(rep, null, 1));
}
