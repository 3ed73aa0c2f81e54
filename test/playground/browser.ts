/**
 * Browser-test plumbing: whether Chromium tests run (skipped with a message when /usr/bin/chromium is
 * missing, required when CI=true), launching it, building the playground, and starting the real
 * server on a free loopback port as a child process.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.SALESIM_CHROMIUM ?? '/usr/bin/chromium';
export const CI = process.env.CI === 'true' || process.env.CI === '1';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Browser tests run when Chromium is there, and must run in CI (they then fail if it is missing). */
export const RUN_BROWSER_TESTS = HAVE_CHROMIUM || CI;

if (!RUN_BROWSER_TESTS) {
  process.stderr.write(`\n[playground e2e] SKIPPED: ${CHROMIUM} not found. Install it with \`apt-get install -y chromium\` (CI=true makes these tests required).\n\n`);
}

/** Launches headless Debian Chromium with the project's flags. */
export async function launchChromium(): Promise<Browser> {
  if (!HAVE_CHROMIUM) throw new Error(`Chromium is required for the browser tests (CI=true) but ${CHROMIUM} is missing: apt-get install -y chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds playground/dist with Vite unless it is newer than every source file. Test files run in parallel
 * processes, and a Vite build empties its folder first: a page loaded from it while another file builds it
 * gets a 404 for its script. So the build holds a lock (a folder: mkdir is atomic), and a file that waited
 * for it finds the build fresh and uses it.
 */
export async function buildPlayground(): Promise<void> {
  const lock = join(ROOT, 'playground', '.build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // a lock left by a killed run (no build takes minutes) is taken over
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await buildUnlocked();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildUnlocked(): Promise<void> {
  const index = join(ROOT, 'playground', 'dist', 'index.html');
  const src = Math.max(newestMtime(join(ROOT, 'playground', 'src')), statSync(join(ROOT, 'playground', 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > src) return;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make Vite pick Lit's development build
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'playground', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = env;
  }
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on a free loopback port with a throw-away store; resolves once it listens. */
export async function startServer(): Promise<RunningServer> {
  const db = join(mkdtempSync(join(tmpdir(), 'salesim-e2e-')), 'store.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SALESIM_DB: db, SALESIM_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

let axeSource: string | null = null;

/** Runs axe-core (WCAG 2.0/2.1 A and AA and best practices) on the page and expects no serious or critical finding. */
export async function expectNoSeriousAxe(page: Page, what: string): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${what}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}
