/**
 * `npm run bench:static` (issue 31): the playground's default run (the first preset, 2,000 trials)
 * in headless Chromium, timed in the page from the click on Run to the first partial result on the
 * chart and to the finished run: the static build (dist/static on a plain file server, the engine in
 * `navigator.hardwareConcurrency - 1` Web Workers) against the server build (playground/dist served by
 * `server/main.ts`, the engine on its worker pool, partial Summaries over SSE). Both builds are made
 * first; the rounds alternate between them on the same machine and the table gives medians and ranges.
 * Not a test: no thresholds. Needs /usr/bin/chromium (or SALESIM_CHROMIUM).
 *
 * Usage: npm run bench:static [-- --rounds N] [--json]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../test/playground/static-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = Math.max(1, roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5);
const json = args.includes('--json');
const log = (m: string) => {
  if (!json) process.stderr.write(m + '\n');
};

async function build(mode: 'production' | 'static') {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'playground', 'vite.config.ts'), logLevel: 'warn', mode });
}

/** The real server (server/main.ts) on a free port, with a throw-away store. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const db = join(mkdtempSync(join(tmpdir(), 'salesim-bench-')), 'store.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SALESIM_DB: db, SALESIM_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  return { url, child };
}

/**
 * One run timed in the page: Run is clicked in the page, and a requestAnimationFrame loop watches the
 * fan chart: the first partial result is the first frame showing fewer trials than the run's; the end
 * is the first frame showing the run as done.
 */
/** The in-page timer, as source text (tsx would wrap a function's inner names in a helper the page lacks). */
const TIME_RUN = `new Promise((resolve) => {
  const deep = (root, sel) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) {
      const h = deep(el.shadowRoot, sel);
      if (h) return h;
    }
    return null;
  };
  const run = deep(document, '[data-testid=run-button]');
  const fan = () => deep(document, '[data-testid=fan-chart]');
  const total = Number(fan()?.getAttribute('data-trials'));
  const t0 = performance.now();
  run.click();
  let first = null;
  let sawRunning = false;
  const tick = () => {
    const f = fan();
    const trials = Number(f?.getAttribute('data-trials'));
    const done = f?.getAttribute('data-done') === 'true';
    if (!done) sawRunning = true;
    if (first === null && !done && trials > 0 && trials < total) first = performance.now() - t0;
    if (sawRunning && done) resolve({ firstMs: first, fullMs: performance.now() - t0 });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

/**
 * One run timed in the page: Run is clicked in the page, and a requestAnimationFrame loop watches the
 * fan chart: the first partial result is the first frame showing fewer trials than the run's; the end
 * is the first frame showing the run as done.
 */
async function timeRun(page: Page): Promise<{ firstMs: number | null; fullMs: number }> {
  return (await page.evaluate(TIME_RUN)) as { firstMs: number | null; fullMs: number };
}

async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('[data-testid=fan-chart][data-done=true]').waitFor({ timeout: 120_000 });
  return page;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  log('building playground/dist and dist/static ...');
  await build('production');
  await build('static');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.SALESIM_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const files = await serveStatic(join(ROOT, 'dist', 'static'));
  const server = await startServer();
  try {
    const pages = { static: await open(browser, files.url + '/'), server: await open(browser, server.url + '/') };
    const browserWorkers = await pages.static.evaluate(() => Math.max(1, navigator.hardwareConcurrency - 1));
    const times: Record<'static' | 'server', { first: number[]; full: number[] }> = { static: { first: [], full: [] }, server: { first: [], full: [] } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const k of i % 2 ? (['server', 'static'] as const) : (['static', 'server'] as const)) {
        const t = await timeRun(pages[k]);
        if (t.firstMs !== null) times[k].first.push(t.firstMs);
        times[k].full.push(t.fullMs);
        log(`round ${i + 1} ${k}: first partial ${t.firstMs?.toFixed(0) ?? '-'} ms, full ${t.fullMs.toFixed(0)} ms`);
      }
    }
    const row = (k: 'static' | 'server') => ({
      build: k,
      workers: k === 'static' ? `${browserWorkers} Web Worker(s)` : `${availableParallelism()} worker threads`,
      firstPartialMs: times[k].first.length ? Math.round(median(times[k].first)) : null,
      firstRange: times[k].first.length ? [Math.round(Math.min(...times[k].first)), Math.round(Math.max(...times[k].first))] : null,
      fullRunMs: Math.round(median(times[k].full)),
      fullRange: [Math.round(Math.min(...times[k].full)), Math.round(Math.max(...times[k].full))],
    });
    const rows = [row('static'), row('server')];
    const result = { scenario: 'the first preset (scenarios/baseline.yaml), 2,000 trials, seed 1', rounds: ROUNDS, cores: availableParallelism(), loadavg: loadavg()[0], rows, ratioFull: rows[0].fullRunMs / rows[1].fullRunMs };
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
      console.log(`\nplayground default run (${result.scenario}), ${ROUNDS} rounds, ${result.cores} cores, load ${result.loadavg.toFixed(2)}; medians [min-max]`);
      console.log('build   | engine on                 | first partial result   | full run');
      for (const r of rows)
        console.log(`${r.build.padEnd(7)} | ${r.workers.padEnd(25)} | ${r.firstPartialMs === null ? '-' : `${r.firstPartialMs} ms [${r.firstRange!.join('-')}]`.padEnd(22)} | ${r.fullRunMs} ms [${r.fullRange.join('-')}]`);
      console.log(`static / server, full run: ${result.ratioFull.toFixed(2)}`);
    }
  } finally {
    await browser.close();
    await files.stop();
    server.child.kill();
  }
}

await main();
