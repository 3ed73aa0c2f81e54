/**
 * A real server on loopback under a large run: `/api/health` latency (polled every 20 ms) while the run
 * executes and ends, and the server's RSS before, at the end of, and a few seconds after the run.
 * The server is a child process (`server/main.ts`), so this process's own work does not disturb it.
 *
 * Usage: npm run bench:server -- [options], or node --import tsx bench/server-load.ts [--trials 100000] [--scenario scenarios/baseline.yaml]
 *        [--runs 1] [--stream] [--json]
 * Also imported by test/server/eventloop.test.ts (startServer, measureRun).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** resident set size of the server process (MB), from /proc */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on a free loopback port with an in-memory store (`nodeArgs`: e.g. `--cpu-prof`). */
export async function startServer(env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // the allocator settings `npm start` and `npm run serve` use (docs/server.md, "Event loop and memory"); the environment overrides them
    env: { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536', ...process.env, PORT: '0', HOST: '127.0.0.1', SALESIM_DB: ':memory:', SALESIM_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return {
    url,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface RunMeasure {
  status: number;
  runMs: number;
  /** health latencies (ms) of the polls that started while the run was in flight */
  latencies: number[];
  worst: number;
  /** ms between the start of the worst poll and the end of the run (negative: after the end) */
  worstBeforeEndMs: number;
  p99: number;
  median: number;
}

/**
 * Posts one run (`/api/simulate`, or the SSE stream) and polls `/api/health` every `everyMs` ms until it
 * answers; each poll waits for the previous one, so a stalled event loop shows as one long latency.
 */
export async function measureRun(url: string, body: unknown, opts: { stream?: boolean; everyMs?: number } = {}): Promise<RunMeasure> {
  const every = opts.everyMs ?? 20;
  let done = false;
  const t0 = performance.now();
  const run = fetch(`${url}/api/simulate${opts.stream ? '/stream' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (r) => {
    await r.arrayBuffer();
    done = true;
    return { status: r.status, ms: performance.now() - t0 };
  });
  const latencies: number[] = [];
  const starts: number[] = [];
  while (!done) {
    const s = performance.now();
    const r = await fetch(`${url}/api/health`);
    await r.arrayBuffer();
    latencies.push(performance.now() - s);
    starts.push(s);
    await new Promise((res) => setTimeout(res, every));
  }
  const { status, ms } = await run;
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const worstAt = latencies.indexOf(sorted.at(-1) ?? 0);
  return { status, runMs: ms, latencies, worst: sorted.at(-1) ?? 0, worstBeforeEndMs: t0 + ms - (starts[worstAt] ?? 0), p99: q(0.99), median: q(0.5) };
}

/** Waits until RSS stops falling (or `maxMs`), giving the heaps time to shrink. */
export async function settledRss(server: ServerProcess, maxMs = 5000): Promise<number> {
  let last = server.rssMb();
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = server.rssMb();
    if (now > last - 2) return Math.min(now, last);
    last = now;
  }
  return last;
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, def: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const trials = Number(opt('--trials', '100000'));
  const runs = Number(opt('--runs', '1'));
  const yaml = readFileSync(opt('--scenario', `${ROOT}/scenarios/baseline.yaml`), 'utf8');
  // a loaded machine can take longer than the default per-run limit of 120 s
  const server = await startServer({ SALESIM_RUN_TIMEOUT_MS: '900000' });
  try {
    // warm the workers (their first task loads the engine), then the idle level
    await measureRun(server.url, { yaml, trials: 200, seed: 1 });
    const idle = await settledRss(server);
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const m = await measureRun(server.url, { yaml, trials, seed: 1 + i }, { stream: args.includes('--stream') });
      const atEnd = server.rssMb();
      const after = await settledRss(server, 10_000);
      rows.push({ run: i + 1, status: m.status, runMs: Math.round(m.runMs), polls: m.latencies.length, worstMs: +m.worst.toFixed(1), worstBeforeEndMs: Math.round(m.worstBeforeEndMs), p99Ms: +m.p99.toFixed(1), medianMs: +m.median.toFixed(1), rssAtEndMb: Math.round(atEnd), rssAfterMb: Math.round(after) });
    }
    const out = { trials, idleRssMb: Math.round(idle), runs: rows };
    if (args.includes('--json')) console.log(JSON.stringify(out));
    else {
      console.log(`server RSS idle (after a warm-up run): ${out.idleRssMb} MB`);
      console.table(rows);
    }
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
