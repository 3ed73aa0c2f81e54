/**
 * The playground on a phone (390 x 844) and a desktop (1440 x 900), in Debian Chromium: on every view
 * the page never scrolls sideways, every visible control can be scrolled into the viewport and is the
 * element a tap there reaches (nothing clipped off-canvas or covered), and axe-core finds nothing
 * serious or critical. On the phone the editor is a drawer, checked open too. One server and one page
 * (resized between the two sizes); the comparison and sensitivity are run once so their results are
 * checked as well; a tablet (768 x 1024) is checked the same way. States after an action are checked at
 * all three sizes too: after a fit (Calibrate, with a lead export and a rolling back-test), the Sobol indices (Sensitivity), at a 36-month horizon (month labels must not run
 * together), and the phone's editor drawer keeps Undo in reach. With SALESIM_DOCS_SHOTS=1 it writes docs/{phone,desktop}-{view}.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { synthesize } from '../../engine/index.js';
import { leadExport } from '../helpers/leads.js';
import type { Browser, Page } from 'playwright-core';
import { buildPlayground, expectNoSeriousAxe, launchChromium, ROOT, RUN_BROWSER_TESTS, startServer, type RunningServer } from './browser.js';

const DOCS = process.env.SALESIM_DOCS_SHOTS === '1' ? join(ROOT, 'docs') : null;
/** the layout does not depend on the trial count: the smallest choice keeps the test fast (the pictures use the default) */
const TRIALS = DOCS ? 2000 : 500;
const VIEWS = ['results', 'compare', 'sensitivity', 'trainer', 'calibrate', 'forecast'] as const;
const ARTIFACTS = join(ROOT, 'test-artifacts', 'playground');
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** elements (other than the page) that scroll sideways */
  sideways: string[];
  controls: number;
  /** controls that cannot be brought into the viewport, or that something else covers there */
  unreachable: string[];
}

/**
 * Runs in the page: walks every shadow root for controls; scrolls each visible one into view and checks
 * it lies inside the viewport and is the element hit at its centre.
 */
function inspectLayout(scope: string | null): Layout {
  const SELECTOR = 'button, select, input, textarea, a[href], summary, [tabindex]:not([tabindex="-1"])';
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const name = (el: Element) => {
    const h = el as HTMLElement;
    const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? h.id ?? '';
    return `${el.tagName.toLowerCase()}${label ? `[${label}]` : ''} "${(h.innerText ?? '').trim().slice(0, 30)}"`;
  };
  const deepHit = (x: number, y: number): Element | null => {
    let e = document.elementFromPoint(x, y);
    while (e?.shadowRoot) {
      const inner = e.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === e) break;
      e = inner;
    }
    return e;
  };
  /** whether `inner` is `outer` or inside it, across shadow boundaries */
  const within = (inner: Node | null, outer: Element) => {
    for (let n: Node | null = inner; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === outer) return true;
    return false;
  };
  const sideways = all
    .filter((el) => {
      const cs = getComputedStyle(el);
      return (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    })
    .map(name);
  const scopeEl = scope ? all.find((el) => el.matches(scope)) : null;
  const controls = all.filter((el) => el.matches(SELECTOR) && el.checkVisibility({ checkVisibilityCSS: true, checkOpacity: false }) && (!scopeEl || within(el, scopeEl)));
  const unreachable: string[] = [];
  for (const el of controls) {
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' as ScrollBehavior });
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden on purpose (a labelled file input behind its drop zone)
    if (r.left < -1 || r.right > innerWidth + 1 || r.top < -1 || (r.bottom > innerHeight + 1 && r.height < innerHeight)) {
      unreachable.push(`${name(el)} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
      continue;
    }
    const hit = deepHit(r.left + r.width / 2, r.top + Math.min(r.height / 2, innerHeight / 2));
    const label = el.id ? (el.getRootNode() as ShadowRoot | Document).querySelector(`label[for="${el.id}"]`) : null;
    if (!within(hit, el) && !(hit && within(el, hit) && hit.tagName === 'LABEL') && !(label && within(hit, label))) {
      unreachable.push(`${name(el)} covered by ${hit ? name(hit) : 'nothing'}`);
    }
  }
  window.scrollTo(0, 0);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, sideways, controls: controls.length, unreachable };
}

describe.skipIf(!RUN_BROWSER_TESTS)('playground on a phone and a desktop (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const axe = (what: string) => expectNoSeriousAxe(page, what);

  /**
   * Waits until the page has settled after a resize or a click: two frames (a chart redraws in its
   * ResizeObserver's callback, which runs before the next frame is painted; Lit's re-renders are
   * microtasks), then every CSS transition or animation then running (the editor drawer's 0.2 s slide)
   * to its end (not an endless one), then one more frame. Instead of a fixed wait of 300 ms each time (30 of them here).
   */
  const settle = () =>
    page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      await frame();
      await frame();
      const running: Animation[] = [];
      const walk = (root: Document | ShadowRoot) => {
        running.push(...root.getAnimations());
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      // (not the indeterminate progress bar's endless slide)
      await Promise.allSettled(running.filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).map((a) => a.finished));
      await frame();
    });

  /** `scope`: only the controls inside the element it selects (the open drawer covers the page behind it) */
  async function checkLayout(what: string, scope: string | null = null) {
    const layout = await page.evaluate(inspectLayout, scope);
    expect(layout.scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.sideways, `${what}: elements that scroll sideways`).toEqual([]);
    expect(layout.controls, what).toBeGreaterThan(5);
    expect(layout.unreachable, `${what}: controls out of reach`).toEqual([]);
  }

  beforeAll(async () => {
    if (DOCS) mkdirSync(DOCS, { recursive: true });
    browser = await launchChromium();
    await buildPlayground();
    server = await startServer();
    page = await browser.newPage({ viewport: { width: SIZES[0].width, height: SIZES[0].height } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + '/');
    await page.locator('[data-testid=run-button]').waitFor({ timeout: 90_000 });
    await page.locator('#trials').selectOption(String(TRIALS));
    await page.locator(`[data-testid=fan-chart][data-done=true][data-trials="${TRIALS}"]`).waitFor({ timeout: 90_000 });
    // a comparison (the hiring-vs-enablement presets when shipped) and a sensitivity run, so their results are on screen
    const presets = await page.locator('[data-testid=preset-picker] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.locator('[data-testid=tab-compare]').click();
    if (presets.includes('hiring-vs-enablement.hire') && presets.includes('hiring-vs-enablement.enable')) {
      await page.locator('[data-testid=preset-picker]').selectOption('hiring-vs-enablement.hire');
      await page.locator('[data-testid=pin-baseline]').click();
      await page.locator('[data-testid=add-preset-variant]').selectOption('hiring-vs-enablement.enable');
    } else {
      await page.locator('[data-testid=pin-baseline]').click();
      await page.locator('[data-testid=add-editor-variant]').click();
    }
    await page.locator('[data-testid=compare-run]').click();
    await page.locator('[data-testid=difference-chart] svg').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=tab-sensitivity]').click();
    await page.locator('[data-testid=tornado][data-done=true] svg').first().waitFor({ timeout: 120_000 });
    // a forecast from today on the sample export of the editor's scenario, with an intervention, so its results are on screen
    await page.locator('[data-testid=tab-forecast]').click();
    await page.locator('[data-testid=forecast-sample]').click();
    await page.locator('[data-testid=forecast-run]:not([disabled])').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=forecast-add-hire]').click();
    await page.locator('[data-testid=forecast-run]').click();
    await page.locator('[data-testid=forecast-chart] svg').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=forecast-variants]').waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const size of SIZES) {
    it(`${size.name} ${size.width} x ${size.height}: no sideways scrolling, every control reachable, no serious axe findings, on every view`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const v of VIEWS) {
        await page.locator(`[data-testid=tab-${v}]`).click();
        if (v === 'trainer') await page.locator('[data-testid=trainer-multiple][data-value]:not([data-value=""])').waitFor({ timeout: 60_000 });
        if (v === 'results') await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 60_000 });
        await page.mouse.move(0, 0);
        await settle(); // charts re-draw at the new width
        if (DOCS && size.name !== 'tablet') {
          // from the top (the layout checks scroll every control into view), except the comparison: its answer, not its set-up form
          await page.evaluate(() => {
            window.scrollTo(0, 0);
            for (const el of document.querySelector('sim-app')?.shadowRoot?.querySelectorAll('aside, main') ?? []) el.scrollTop = 0;
          });
          if (v === 'compare') await page.locator('[data-testid=compare-results]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
          // the forecast: its answer (headline cards and fan), not its upload form
          if (v === 'forecast') await page.locator('[data-testid=forecast-booked]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: join(DOCS, `${size.name}-${v}.png`) });
        }
        if (v === 'forecast') {
          // the whole view, to look at (test-artifacts/playground/{size}-forecast.png)
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.locator('sim-forecast').screenshot({ path: join(ARTIFACTS, `${size.name}-forecast.png`) });
        }
        await checkLayout(`${size.name} ${v}`);
        await axe(`${size.name} ${v}`);
      }
      const toggle = page.locator('[data-testid=editor-toggle]');
      await page.locator('[data-testid=tab-results]').click();
      if (size.width < 900) {
        // the editor is a drawer: closed, none of its fields are in the way; open, all of them are reachable
        expect(await page.locator('sim-field').first().isVisible()).toBe(false);
        await toggle.click();
        await page.locator('[data-testid=editor-close]').waitFor();
        await settle();
        if (DOCS && size.name === 'phone') await page.screenshot({ path: join(DOCS, `${size.name}-editor.png`) });
        // every section unfolded: all of the editor's fields
        await page.evaluate(() => {
          const open = (root: Document | ShadowRoot) => {
            for (const el of root.querySelectorAll('*')) {
              if (el instanceof HTMLDetailsElement) el.open = true;
              if (el.shadowRoot) open(el.shadowRoot);
            }
          };
          open(document);
        });
        await checkLayout(`${size.name} editor drawer`, 'aside#editor');
        await axe(`${size.name} editor drawer`);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('sim-field').first().isVisible()).toBe(false);
      } else {
        expect(await toggle.isVisible()).toBe(false);
        expect(await page.locator('sim-field').first().isVisible()).toBe(true);
      }
      expect(pageErrors).toEqual([]);
    }, 180_000);
  }

  /** In the page: pairs of x-axis tick labels of the fan chart that overlap (left/right edges, px). */
  const overlappingTicks = () =>
    page.locator('[data-testid=fan-chart]').evaluate((host) => {
      const root = host.shadowRoot ?? host;
      // the month labels: whole numbers along the bottom of the plot's svg
      const svg = [...root.querySelectorAll('svg')].sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
      const bottom = svg.getBoundingClientRect().bottom;
      const ticks = [...svg.querySelectorAll('text')]
        .filter((t) => /^\d+$/.test((t.textContent ?? '').trim()) && t.getBoundingClientRect().top > bottom - 45)
        .map((t) => t.getBoundingClientRect())
        .sort((a, b) => a.left - b.left);
      const bad: string[] = [];
      for (let i = 1; i < ticks.length; i++) if (ticks[i].left < ticks[i - 1].right + 2) bad.push(`${Math.round(ticks[i - 1].right)} > ${Math.round(ticks[i].left)}`);
      return { count: ticks.length, bad };
    });

  it('after a fit, at a 36-month horizon, and with the phone drawer open: fits, reachable and readable at 390, 768 and 1440', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // a fit: the Calibrate view with its report (it was 443 px wide on a phone)
    const csv = synthesize(parse(readFileSync(join(ROOT, 'scenarios', 'baseline.yaml'), 'utf8')), { months: 18, start: '2025-01', seed: 3 }).opportunities;
    const file = join(ARTIFACTS, 'fit-export.csv');
    writeFileSync(file, csv);
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await page.locator('[data-testid=tab-calibrate]').click();
    await page.locator('[data-testid=calibrate-file]').setInputFiles(file);
    await page.locator('[data-testid=calibrate-report]').waitFor({ timeout: 120_000 });
    // and a lead export: the refit's lead-funnel report must fit too
    const leads = join(ARTIFACTS, 'fit-leads.csv');
    writeFileSync(leads, leadExport());
    await page.locator('[data-testid=calibrate-leads]').setInputFiles(leads);
    await page.locator('[data-testid=calibrate-leads-report]').waitFor({ timeout: 120_000 });
    // and forecasts scored at past dates: the rolling back-test's table of cuts must fit too
    await page.locator('[data-testid=rolling-dates]').fill('2025-12-31, 2026-03-31');
    await page.locator('[data-testid=rolling-dates]').dispatchEvent('change');
    await page.locator('[data-testid=rolling-horizon]').fill('2');
    await page.locator('[data-testid=rolling-horizon]').dispatchEvent('change');
    await page.locator('[data-testid=rolling-run]').click();
    await page.locator('[data-testid=rolling-summary]').waitFor({ timeout: 120_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settle();
      await page.screenshot({ path: join(ARTIFACTS, `${size.name}-after-fit.png`), fullPage: true });
      await checkLayout(`${size.name} after a fit`);
    }
    // the Sobol indices of the sensitivity view (a few draws: the layout does not depend on them)
    await page.locator('[data-testid=tab-sensitivity]').click();
    await page.locator('[data-testid=sobol-draws]').fill('8');
    await page.locator('[data-testid=sobol-draws]').dispatchEvent('change');
    await page.locator('[data-testid=sobol-run]').click();
    await page.locator('[data-testid=sobol-share]').waitFor({ timeout: 120_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settle();
      await checkLayout(`${size.name} Sobol indices`);
    }
    // 36 months
    await page.locator('[data-testid=tab-results]').click();
    await page.locator('[data-testid=preset-picker]').selectOption('leadership-churn.tenure-19');
    await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 120_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.mouse.move(0, 0);
      await settle();
      // the chart is redrawn at each width: its svg must be back before it is measured
      await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 30_000 });
      await page.locator('[data-testid=fan-chart]').screenshot({ path: join(ARTIFACTS, `${size.name}-36-months-fan.png`) });
      const ticks = await overlappingTicks();
      expect(ticks.count, `${size.name}: month labels`).toBeGreaterThan(2);
      expect(ticks.bad, `${size.name}: month labels run together`).toEqual([]);
      await checkLayout(`${size.name} 36 months`);
    }
    // the preset's whole name is readable in its picker on a phone
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await settle();
    const cut = await page.locator('[data-testid=preset-picker]').evaluate((el) => {
      const sel = el as HTMLSelectElement;
      const text = sel.options[sel.selectedIndex].text;
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = getComputedStyle(sel).font;
      return { text, need: c.measureText(text).width + 30, have: sel.clientWidth };
    });
    expect(cut.need, `'${cut.text}' is cut off`).toBeLessThanOrEqual(cut.have);
    // Undo is in reach with the editor drawer open
    await page.locator('[data-testid=editor-toggle]').click();
    await page.locator('[data-testid=editor-close]').waitFor();
    await settle();
    await page.screenshot({ path: join(ARTIFACTS, 'phone-drawer.png') });
    const undo = page.locator('[data-testid=drawer-undo]');
    expect(await undo.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('a long action says what it is doing in the header while it runs', async () => {
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await page.locator('[data-testid=tab-compare]').click();
    const run = page.locator('[data-testid=compare-run]');
    if (await run.isDisabled()) await page.locator('[data-testid=add-editor-variant]').click();
    await run.click();
    await expect.poll(() => page.locator('[data-testid=activity]').textContent(), { timeout: 10_000 }).toMatch(/^Comparing \d designs × [\d,]+ trials on the same draws: trials done…/);
    await page.locator('[data-testid=compare-results]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.locator('[data-testid=activity]').count(), { timeout: 120_000 }).toBe(0);
    await page.locator('[data-testid=compare-results]').screenshot({ path: join(ARTIFACTS, 'phone-compare-results.png') });
    await checkLayout('phone after a compare');
  }, 240_000);

  it('the people-and-pay sections (compensation, retention, managers, growth limits) fit and are reachable at 390, 768 and 1440', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width: SIZES[2].width, height: SIZES[2].height });
    await page.locator('[data-testid=tab-results]').click();
    await page.locator('[data-testid=preset-picker]').selectOption('people-managers');
    await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 180_000 });
    await page.locator('sim-people [data-testid=people-payout]').waitFor({ timeout: 60_000 });
    // growth limits switched on in the editor (the scaling block at its schema defaults): its table joins the others
    // (set up programmatically: whether the editor's section is open depends on the tests before this one)
    await page.locator('details[data-section=scaling]').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.locator('details[data-section=scaling] .switch input').evaluate((i) => (i as HTMLInputElement).click());
    await page.locator('sim-people [data-testid=people-scaling]').waitFor({ timeout: 180_000 });
    await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 180_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.mouse.move(0, 0);
      await settle();
      await page.locator('sim-people').screenshot({ path: join(ARTIFACTS, `${size.name}-people.png`) });
      await checkLayout(`${size.name} people and pay`);
      await axe(`${size.name} people and pay`);
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('while a comparison and a goal seek run: their partial results fit and are reachable at 390, 768 and 1440', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // 10,000 trials a design: long enough to look at the progress at every size (leaving the view cancels it)
    await page.locator('[data-testid=tab-results]').click();
    await page.locator('[data-testid=preset-picker]').selectOption('baseline');
    await page.locator('#trials').selectOption('10000');
    // the header shows an action's progress once the run of the editor's scenario is over
    await page.locator('[data-testid=fan-chart][data-done=true][data-trials="10000"]').waitFor({ timeout: 180_000 });
    await page.locator('[data-testid=tab-compare]').click();
    const run = page.locator('[data-testid=compare-run]');
    if (await run.isDisabled()) await page.locator('[data-testid=add-editor-variant]').click();
    await run.click();
    await page.locator('[data-testid=compare-progress]').waitFor({ timeout: 60_000 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settle();
      await page.screenshot({ path: join(ARTIFACTS, `${size.name}-compare-progress.png`) });
      await checkLayout(`${size.name} while comparing`);
    }
    expect(await page.locator('[data-testid=compare-progress-row]').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-testid=activity]').textContent()).toMatch(/trials done… \d+ of \d+$/);
    // goal seek: the values tried so far (the sensitivity view's form; the comparison is cancelled on leaving)
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    // 2,000 trials from here (the goal seek's trials a value)
    await page.locator('#trials').selectOption('2000');
    await page.locator('[data-testid=tab-sensitivity]').click();
    // the tornado starts by itself on a changed scenario: the search would wait in the run queue behind it.
    // It is not what this test looks at: 200 trials a point (its own choice, which runs it again at once)
    // instead of the toolbar's 1,000 takes a fifth of the time
    await page.locator('[data-testid=sensitivity-trials]').selectOption('200');
    await page.locator('[data-testid=tornado][data-done=true] svg').first().waitFor({ timeout: 240_000 });
    // a search the work budget admits at 2,000 trials a value, with a bisection of several values (seconds)
    await page.locator('sim-goal input[name=target]').fill('50%');
    await page.locator('sim-goal input[name=max]').fill('12');
    await page.locator('[data-testid=goal-run]').click();
    await page.locator('[data-testid=goal-progress]').waitFor({ timeout: 240_000 });
    await page.locator('[data-testid=goal-progress]').screenshot({ path: join(ARTIFACTS, 'phone-goal-progress.png') });
    await expect.poll(() => page.locator('[data-testid=activity]').textContent()).toMatch(/^Goal seek: .+ \d+ values? tried/);
    await page.locator('[data-testid=goal-answer]').waitFor({ timeout: 240_000 });
    await page.locator('#trials').selectOption(String(TRIALS));
    expect(pageErrors).toEqual([]);
  }, 400_000);

  it('a demand preset: the funnel cards and chart fit and are reachable on a phone and a desktop', async () => {
    await page.locator('[data-testid=tab-results]').click();
    await page.locator('[data-testid=preset-picker]').selectOption('reps-marketing-nurture.baseline');
    await page.locator('sim-demand [data-testid=funnel-chart] svg').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=fan-chart][data-done=true] svg').first().waitFor({ timeout: 120_000 });
    for (const size of [SIZES[0], SIZES[2]]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.mouse.move(0, 0);
      await settle();
      if (DOCS) {
        await page.locator('sim-demand').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(DOCS, `${size.name}-demand.png`) });
      }
      await checkLayout(`${size.name} demand`);
      await axe(`${size.name} demand`);
    }
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
