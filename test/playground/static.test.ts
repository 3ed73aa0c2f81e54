/**
 * The static build in Chromium (issue 31): `npm run build:static`'s dist/static served by a plain static
 * file server (node:http, no API), the engine in the page's Web Workers. Runs the baseline preset, a
 * comparison of two presets and a calibration (with a back-test) from an export file picked in the page,
 * and checks the figures shown equal the CLI's engine path for the same scenario, seed and trials
 * (parallel/'s runSummary and runComparison, the engine's calibrate and back-test), and that the page
 * never asks for an /api path. Screenshots at 390 and 1440 px go to test-artifacts/static (and docs/
 * with SALESIM_DOCS_SHOTS=1).
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestScenario, bookedRevenue, calibrate, compareToBand, parseCsv, parseScenario, simulate, summaryCsv, synthesize, type Scenario, type Summary } from '../../engine/index.js';
import { runComparison, runSummary } from '../../parallel/index.js';
import { editable } from '../../playground/src/app.js';
import { formatPct } from '../../playground/src/format.js';
import { launchChromium, ROOT, RUN_BROWSER_TESTS } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'static');
const DOCS = process.env.SALESIM_DOCS_SHOTS === '1' ? join(ROOT, 'docs') : null;
/** small runs keep the test fast; any count gives the same agreement */
const TRIALS = 500;

/** The shell commands of docs/static.md (its ```sh blocks), one a line. */
const DOC_COMMANDS = [...readFileSync(join(ROOT, 'docs', 'static.md'), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n').filter((l) => l.trim() && !l.startsWith('#')));

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Runs a documented command (a dev server's port swapped for a free one) until it serves `path`, then stops it. */
async function serves(command: string, port: number, path: string): Promise<number> {
  const [cmd, ...rest] = command.replace(/\b8000\b/, String(port)).split(' ');
  // its own process group: `npx` starts vite as a grandchild, which killing npx alone would leave serving
  const child = spawn(cmd, rest, { cwd: ROOT, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 150; i++) {
      const status = await fetch(`http://localhost:${port}${path}`).then((r) => r.status, () => 0);
      if (status) return status;
      await new Promise((r) => setTimeout(r, 200));
    }
    return 0;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill(); // the group is gone already
    }
  }
}

/** A preset as the editor holds it and as the CLI reads it. */
function preset(id: string): { raw: Record<string, unknown>; scenario: Scenario } {
  const scenario = parseScenario(readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8'));
  return { raw: editable(JSON.parse(JSON.stringify(scenario))), scenario };
}

describe.skipIf(!RUN_BROWSER_TESTS)('static build in Chromium: the engine in the page, no server', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const urls: string[] = [];
  const consoleErrors: string[] = [];

  async function shot(name: string, width: number) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.waitForTimeout(300); // charts redraw at the new width
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
    if (DOCS && name === 'results') await page.screenshot({ path: join(DOCS, `static-${width}.png`) });
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    // docs/static.md's build command, as written (vitest's NODE_ENV=test would pick Lit's development build)
    expect(DOC_COMMANDS[0]).toBe('npm run build:static');
    execSync(DOC_COMMANDS[0], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    server = await serveStatic(join(ROOT, 'dist', 'static'));
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('request', (r) => urls.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(server.url + '/');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs the baseline preset in the page: the plan probability shown is the CLI\'s for the same seed and trials', async () => {
    await page.locator('[data-testid=run-button]').waitFor();
    await page.locator('#trials').selectOption(String(TRIALS));
    const { scenario } = preset('baseline');
    await expect.poll(() => page.locator('[data-testid=preset-picker]').inputValue(), { timeout: 60_000 }).toBe('baseline');
    const { summary } = await runSummary({ ...scenario, trials: TRIALS }, { trials: TRIALS, seed: scenario.seed, workers: 1 });
    await page.locator(`[data-testid=fan-chart][data-done=true][data-hash="${summary.scenarioHash}"][data-trials="${TRIALS}"]`).waitFor({ timeout: 90_000 });
    const kpi = page.locator('[data-testid=kpi-plan-probability]');
    expect(await kpi.getAttribute('data-value')).toBe(String(summary.plan!.probability));
    expect(await kpi.locator('.value').textContent()).toBe(formatPct(summary.plan!.probability));
    expect(await page.locator('[data-testid=saved-needs-server]').textContent()).toContain('needs the server');
    // Export CSV: the engine's export of the page's own Summary (Export JSON), written in the page's worker
    const save = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`text=${label}`).click()]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const pageSummary = JSON.parse(await save('Export JSON')) as Summary;
    const csv = await save('Export CSV');
    expect(csv).toBe(summaryCsv(pageSummary));
    // and the CLI's export of the same run: the same rows, and the same numbers but for the last bits of
    // some (the engine's arithmetic in Chromium's V8 and in this Node's rounds a few sums differently; the
    // counts, such as the plan probability above, are exact)
    const mine = parseCsv(csv).records.map((r) => r.fields);
    const cli = parseCsv(summaryCsv(summary)).records.map((r) => r.fields);
    expect(mine.map((r) => r.slice(0, 2))).toEqual(cli.map((r) => r.slice(0, 2)));
    const far = mine.flatMap((r, i) => r.slice(2).flatMap((c, j) => {
      const [a, b] = [Number(c), Number(cli[i][j + 2])];
      return c === cli[i][j + 2] || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${r[0]} ${r[1]}: ${c} vs ${cli[i][j + 2]}`];
    }));
    expect(far).toEqual([]);
    await shot('results', 1440);
    await shot('results', 390);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  it('compares two presets on common random numbers: P(beats baseline) shown is the CLI\'s', async () => {
    const hire = preset('hiring-vs-enablement.hire');
    const enable = preset('hiring-vs-enablement.enable');
    await page.locator('[data-testid=preset-picker]').selectOption('hiring-vs-enablement.hire');
    await page.locator('[data-testid=tab-compare]').click();
    await page.locator('[data-testid=compare-view]').waitFor();
    await page.locator('[data-testid=pin-baseline]').click();
    await page.locator('[data-testid=add-preset-variant]').selectOption('hiring-vs-enablement.enable');
    await page.locator('[data-testid=compare-run]').click();
    const expected = await runComparison(hire.scenario, [{ name: enable.scenario.name, scenario: enable.scenario }], { trials: TRIALS, seed: hire.scenario.seed, workers: 1 });
    await expect.poll(async () => page.locator('[data-testid=beats-baseline]').allTextContents(), { timeout: 120_000 }).toEqual([formatPct(expected.variants[0].beatsBaseline.probability)]);
  }, 180_000);

  it('calibrates on an export picked in the page and back-tests it: the report and the share inside the band are the engine\'s', async () => {
    const truth = { name: 'CRM team', reps: { seats: 12, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2, noDecisionRate: 0.15 } };
    const csv = synthesize(truth, { months: 18, start: '2025-01', seed: 8 }).opportunities;
    const fit = calibrate(csv, {});
    await page.locator('[data-testid=tab-calibrate]').click();
    await page.locator('[data-testid=calibrate-view]').waitFor();
    await page.locator('[data-testid=calibrate-file]').setInputFiles({ name: 'opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.locator('[data-testid=calibrate-report]');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.locator('tbody tr').count()).toBe(fit.report.parameters.length);
    expect(await report.locator('tbody tr').first().textContent()).toContain(fit.report.parameters[0].method);
    // fitted with its uncertainty (calibrate writes the rate as a lognormal around the point fit): the median is the fit
    const opps = page.locator('sim-field[data-path="reps.opportunitiesPerMonth"] input[type=number][aria-label$=": median"]');
    await expect.poll(async () => Number(await opps.inputValue()), { timeout: 10_000 }).toBeCloseTo((fit.scenario as { reps: { opportunitiesPerMonth: number } }).reps.opportunitiesPerMonth, 6);
    // the back-test of the second year, as the CLI computes it (same scenario, trials and seed)
    await page.locator('[data-testid=backtest-from]').fill('2025-07');
    await page.locator('[data-testid=backtest-to]').fill('2026-06');
    await page.locator('[data-testid=backtest-run]').click();
    const share = page.locator('[data-testid=backtest-share]');
    await share.waitFor({ timeout: 120_000 });
    const seed = Number((await page.locator('[data-testid=seed]').textContent())!.replace(/\D/g, ''));
    const scenario = backtestScenario(fit.scenario, 12, '2025-07');
    const band = compareToBand(bookedRevenue(csv, { from: '2025-07', to: '2026-06' }), simulate(scenario, { trials: TRIALS, seed }), seed);
    expect(await share.textContent()).toContain(`${band.inside} of 12 months inside P10-P90`);
    await shot('calibrate', 1440);
  }, 180_000);

  it('a new run terminates the workers of the run in flight within a second', async () => {
    await page.locator('[data-testid=tab-results]').click();
    await page.locator('[data-testid=preset-picker]').selectOption('baseline');
    await page.locator('[data-testid=fan-chart][data-done=true]').waitFor({ timeout: 90_000 });
    const closed: number[] = [];
    const started: number[] = [];
    for (const w of page.workers()) w.on('close', () => closed.push(Date.now()));
    expect(page.workers().length).toBeGreaterThan(0);
    page.on('worker', (w) => {
      started.push(Date.now());
      w.on('close', () => closed.push(Date.now()));
    });
    await page.locator('#trials').selectOption('5000'); // starts a 5,000-trial run
    // running: the first partial result is on the chart, most trials still to go
    await page.locator('[data-testid=fan-chart][data-done=false]').waitFor({ timeout: 60_000 });
    const shownTrials = async () => Number(await page.locator('[data-testid=fan-chart]').getAttribute('data-trials'));
    await expect.poll(async () => [TRIALS, 0].includes(await shownTrials()), { timeout: 60_000, interval: 20 }).toBe(false);
    const partial = Number(await page.locator('[data-testid=fan-chart]').getAttribute('data-trials'));
    expect(partial).toBeLessThan(5000);
    const clickedAt = Date.now();
    await page.locator('[data-testid=run-button]').click();
    await expect.poll(() => closed.length, { timeout: 1000, interval: 20 }).toBeGreaterThan(0);
    expect(closed[0] - clickedAt).toBeLessThan(1000);
    // replaced at once (a terminated worker's 'close' can reach the page before its successor's 'worker' event), and the new run completes
    const ended = closed.length;
    await expect.poll(() => started.length, { timeout: 2000, interval: 20 }).toBeGreaterThanOrEqual(ended);
    await page.locator('[data-testid=fan-chart][data-done=true][data-trials="5000"]').waitFor({ timeout: 120_000 });
    await page.locator('#trials').selectOption(String(TRIALS));
  }, 240_000);

  it('docs/static.md: its serve commands serve the build (any static server will do)', async () => {
    const serveCommands = DOC_COMMANDS.slice(1);
    expect(serveCommands).toEqual(['python3 -m http.server 8000 -d dist/static', 'npx vite preview --config playground/vite.config.ts --mode static --port 8000']);
    const worker = server.requests.find((p) => p.includes('engine.worker'))!;
    expect(worker).toBeTruthy();
    for (const command of serveCommands) {
      const port = await freePort();
      expect(await serves(command, port, worker), command).toBe(200);
    }
  }, 120_000);

  it('asked for nothing but its own files: no /api request, no console error', () => {
    expect(server.requests.length).toBeGreaterThan(2);
    expect(server.requests.filter((p) => p.startsWith('/api'))).toEqual([]);
    expect(urls.filter((u) => new URL(u).pathname.startsWith('/api'))).toEqual([]);
    expect(urls.every((u) => u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
