// @vitest-environment happy-dom
/**
 * The Calibrate view and the back-test chart, fed the engine's real calibration and back-test of a
 * synthetic CRM history (the HTTP calls substituted; the server routes have their own tests).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { backtest, calibrate, rollingBacktest, synthesize } from '../../engine/index.js';
import { createApp, editable, setApp } from '../../playground/src/app.js';
import { api as realApi, ApiError } from '../../playground/src/api.js';
import { backtestChart, backtestRows, INSIDE_COLOR, OUTSIDE_COLOR } from '../../playground/src/charts/backtest.js';
import type { BacktestRequest, CalibrateApi, RollingBacktestRequest } from '../../playground/src/calibrate-api.js';
import '../../playground/src/components/sim-calibrate.js';
import '../../playground/src/components/sim-editor.js';
import { resetCalibrateView, type SimCalibrate } from '../../playground/src/components/sim-calibrate.js';

const TRUTH = { reps: { seats: 10, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 12 }, dealSize: { median: 15000, sigma: 0.6 }, cycleMonths: 2 } };
const csv = synthesize(TRUTH, { months: 12, start: '2025-01', seed: 3, prospects: 0.5 }).opportunities; // with pre-pipeline rows, as real exports have
const fit = JSON.parse(JSON.stringify(calibrate(csv)));
const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };

const settle = async (el: SimCalibrate) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

describe('backtestChart', () => {
  it('draws the band, the actual line and one dot per month coloured inside/outside', () => {
    const r = backtest(csv, TRUTH, { from: '2025-01', to: '2025-12', trials: 200, seed: 1 });
    const el = backtestChart(r.months, { width: 600, document });
    const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Back-test: actual monthly revenue against the simulated P10-P90 band');
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] > circle')];
    expect(dots).toHaveLength(12);
    const fills = dots.map((d) => d.getAttribute('fill'));
    expect(fills.filter((f) => f === INSIDE_COLOR)).toHaveLength(r.inside);
    expect(fills.filter((f) => f === OUTSIDE_COLOR)).toHaveLength(12 - r.inside);
    expect(svg.querySelectorAll('g[aria-label="area"] > path')).toHaveLength(1);
    expect(backtestRows(r.months)[1].date.toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });
});

describe('<sim-calibrate>', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    resetCalibrateView();
  });

  it("sends the fit's options (as of, window, point estimates, trend: salesim calibrate's flags) and refits with them", async () => {
    setApp(createApp({ api: noNetwork }));
    const sent: unknown[] = [];
    const fake: CalibrateApi = {
      calibrate: async (text, _roster, _signal, _leads, options) => {
        sent.push(options);
        return JSON.parse(JSON.stringify(calibrate(text, { ...options })));
      },
      backtest: async () => Promise.reject(new Error('not called')),
    };
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = fake;
    document.body.append(el);
    await el.upload(csv);
    await settle(el);
    expect(sent[0]).toEqual({});
    expect(el.fit!.scenario.uncertainty).toBeDefined(); // by default the fitted rates are drawn
    const root = el.shadowRoot!;
    const set = (id: string, v: string | boolean) => {
      const input = root.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      if (typeof v === 'boolean') input.checked = v;
      else input.value = v;
      input.dispatchEvent(new Event('change'));
    };
    set('calibrate-asof', '2025-09-30');
    set('calibrate-from', '2025-02');
    set('calibrate-to', '2025-09');
    set('calibrate-point', true);
    set('calibrate-trend', true);
    await settle(el);
    root.querySelector<HTMLButtonElement>('[data-testid="calibrate-refit"]')!.click();
    await settle(el);
    expect(sent[1]).toEqual({ asOf: '2025-09-30', from: '2025-02', to: '2025-09', point: true, trend: true });
    // the engine's answer for those options: the window and the cut, no uncertainty block with point
    expect(el.fit!.report.window).toMatchObject({ from: '2025-02', to: '2025-09' });
    expect(el.fit!.report.asOf?.date).toBe('2025-09-30');
    expect(el.fit!.scenario.uncertainty).toBeUndefined();
    // kept across tabs
    el.remove();
    const again = document.createElement('sim-calibrate') as SimCalibrate;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="calibrate-asof"]')!.value).toBe('2025-09-30');
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="calibrate-point"]')!.checked).toBe(true);
  });

  it('a column mapping and "skip malformed rows" (salesim calibrate --map, --skip-invalid) go with the fit, the back-test and the rolling back-test', async () => {
    setApp(createApp({ api: noNetwork }));
    // the export with its own column name for the owner, and one malformed row
    const renamed = `${csv.replace('Opportunity Owner', 'Rep').trimEnd()}\nAda,2025-01-03,2025-02-10,Closed Won,abc\n`;
    const mapping = 'columns: { owner: Rep }\n';
    const seen: { what: string; req: Record<string, unknown> }[] = [];
    const fake: CalibrateApi = {
      calibrate: async (text, _r, _s, _l, options) => {
        seen.push({ what: 'calibrate', req: { ...options } });
        return JSON.parse(JSON.stringify(calibrate(text, { ...options })));
      },
      backtest: async (req) => {
        seen.push({ what: 'backtest', req: { mapping: req.mapping, invalidRows: req.invalidRows } });
        return JSON.parse(JSON.stringify(backtest(req.csv, req.scenario as object, { from: req.from, to: req.to, trials: 20, seed: 1, mapping: req.mapping, invalidRows: req.invalidRows })));
      },
      rollingBacktest: async (req) => {
        seen.push({ what: 'rolling', req: { mapping: req.mapping, invalidRows: req.invalidRows } });
        return JSON.parse(JSON.stringify(rollingBacktest(req.csv, { asOf: req.asOf, trials: 20, seed: 1, mapping: req.mapping, invalidRows: req.invalidRows })));
      },
    };
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = fake;
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    await (el as unknown as { readMapping(f: File): Promise<void> }).readMapping(new File([mapping], 'map.yaml'));
    const skip = root.querySelector<HTMLInputElement>('[data-testid="calibrate-skip-invalid"]')!;
    skip.checked = true;
    skip.dispatchEvent(new Event('change'));
    await settle(el);
    expect(root.querySelector('[data-testid="calibrate-mapping-name"]')!.textContent).toBe('map.yaml');
    await el.upload(renamed);
    await settle(el);
    expect(el.fitErrors).toEqual([]);
    expect(seen[0]).toEqual({ what: 'calibrate', req: { mapping, invalidRows: 'skip' } });
    expect(el.fit!.report.rows.rejected).toBe(1);
    await el.backtest();
    el.rollingDates = '2025-09-30';
    await el.scoreRolling();
    expect(seen.slice(1)).toEqual([
      { what: 'backtest', req: { mapping, invalidRows: 'skip' } },
      { what: 'rolling', req: { mapping, invalidRows: 'skip' } },
    ]);
    expect(el.btErrors).toEqual([]);
    expect(el.rollingErrors).toEqual([]);
  }, 60_000);

  it('scores forecasts made at past dates (salesim backtest --as-of D1,D2 --horizon N): the request, the cuts, the verdict and the PIT histogram', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.store.set({ trials: 5000, seed: 7 });
    const history = synthesize(TRUTH, { months: 18, start: '2025-01', seed: 5 }).opportunities;
    const sent: RollingBacktestRequest[] = [];
    const fake: CalibrateApi = {
      calibrate: async (text) => JSON.parse(JSON.stringify(calibrate(text))),
      backtest: async () => Promise.reject(new Error('not called')),
      rollingBacktest: async (req) => {
        sent.push(req);
        return JSON.parse(JSON.stringify(rollingBacktest(req.csv, { asOf: req.asOf, horizon: req.horizon, trials: req.trials, seed: req.seed, point: req.point, roster: req.roster ?? null })));
      },
    };
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = fake;
    document.body.append(el);
    await el.upload(history);
    await settle(el);
    const root = el.shadowRoot!;
    const run = root.querySelector<HTMLButtonElement>('[data-testid="rolling-run"]')!;
    expect(run.disabled).toBe(true); // no dates yet
    const dates = root.querySelector<HTMLInputElement>('[data-testid="rolling-dates"]')!;
    dates.value = '2025-09-30, 2025-12-31';
    dates.dispatchEvent(new Event('change'));
    const horizon = root.querySelector<HTMLInputElement>('[data-testid="rolling-horizon"]')!;
    horizon.value = '2';
    horizon.dispatchEvent(new Event('change'));
    await settle(el);
    await el.scoreRolling();
    await settle(el);
    expect(sent).toEqual([{ csv: history, asOf: ['2025-09-30', '2025-12-31'], horizon: 2, trials: 1000, seed: 7, point: false, roster: null }]);
    const r = el.rolling!;
    expect(root.querySelectorAll('[data-testid="rolling-cuts"] tbody tr')).toHaveLength(2);
    expect(root.querySelector('[data-testid="rolling-cuts"] tbody tr')!.textContent).toContain(r.cuts[0].salesim.pit.toFixed(2));
    expect(root.querySelector('[data-testid="rolling-summary"]')!.textContent).toContain(`${r.summary.inside80} of ${r.summary.cuts} actuals inside P10-P90`);
    expect(root.querySelector('[data-testid="rolling-verdict"]')!.textContent).toBe(r.summary.verdict);
    const pit = root.querySelector('[data-testid="rolling-pit"]') as HTMLElement & { pit: { histogram: { counts: number[] } } };
    expect(pit.pit.histogram.counts).toEqual(r.summary.pitHistogram.counts);
  }, 60_000);

  it('shows the fit report, loads the fitted scenario into the editor, and back-tests it', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    const sent: BacktestRequest[] = [];
    const fake: CalibrateApi = {
      calibrate: async (text) => (text === csv ? fit : Promise.reject(new Error('unexpected csv'))),
      backtest: async (req) => {
        sent.push(req);
        return JSON.parse(JSON.stringify(backtest(req.csv, req.scenario as object, { from: req.from, to: req.to, trials: req.trials, seed: req.seed })));
      },
    };
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = fake;
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-testid="calibrate-view"]')).not.toBeNull();
    expect(root.querySelector('input[type=file]')!.getAttribute('aria-label')).toBe('Opportunity export (CSV)');

    await el.upload(csv);
    await settle(el);
    const rows = root.querySelectorAll('[data-testid="calibrate-report"] tbody tr');
    expect(rows).toHaveLength(fit.report.parameters.length);
    expect(rows[0].textContent).toContain(fit.report.parameters[0].path);
    expect(rows[0].textContent).toContain(fit.report.parameters[0].method);
    expect(root.querySelector('[data-testid="calibrate-report"] p')!.textContent).toContain(`${fit.report.rows.used.toLocaleString('en-US')} rows used`);
    expect(root.querySelector('[data-testid="calibrate-prepipeline"]')!.textContent).toBe(`${fit.report.rows.prePipeline} pre-pipeline excluded`);
    // the editor now holds the fitted scenario, undoable
    expect(app.store.get().scenario).toEqual(editable(fit.scenario));
    expect(app.store.get().canUndo).toBe(true);
    // the back-test months default to the fit's window
    expect(root.querySelector<HTMLInputElement>('[data-testid="backtest-from"]')!.value).toBe(fit.report.window.from);

    await el.backtest();
    await settle(el);
    expect(sent[0].scenario).toEqual(app.store.get().scenario);
    expect(sent[0].seed).toBe(app.store.get().seed);
    const share = root.querySelector('[data-testid="backtest-share"]')!.textContent!;
    const direct = backtest(csv, sent[0].scenario as object, { from: sent[0].from, to: sent[0].to, trials: sent[0].trials, seed: sent[0].seed });
    expect(share).toContain(`${direct.inside} of ${direct.months.length} months inside P10-P90`);
    expect(root.querySelector('[data-testid="backtest-scores"]')!.textContent).toContain(`Bias (actual total / simulated P50): ${direct.scores.bias.ratio.toFixed(2)}`);

    // leaving the tab re-creates the element: the report and the back-test are still there
    el.remove();
    const again = document.createElement('sim-calibrate') as SimCalibrate;
    again.api = fake;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelectorAll('[data-testid="calibrate-report"] tbody tr')).toHaveLength(fit.report.parameters.length);
    expect(again.shadowRoot!.querySelector('[data-testid="backtest-share"]')!.textContent).toBe(share);
  });

  it('shows a calibrated empirical deal-size distribution in the editor (not as median and sigma)', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario({ reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: { empirical: [55, 550, 550, 1100, 3400, 5000, 55, 550, 1100] } } }, false);
    app.cancelRun();
    const ed = document.createElement('sim-editor') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(ed);
    await ed.updateComplete;
    const hint = ed.shadowRoot!.querySelector('[data-testid="deal-empirical"]');
    expect(hint!.textContent).toBe('9 won amounts as they are (the calibration\'s empirical deal sizes)');
    ed.remove();
  });

  it("keeps a calibrated market block in the editor's scenario while other fields are edited", () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    const market = { annualGrowth: 0.1, seasonality: [0.8, 0.9, 1.1, 1, 1, 1.1, 0.9, 0.8, 1, 1.1, 1.1, 1.1], start: '2027-01', baseMonth: '2027-01' };
    app.replaceScenario({ reps: { seats: 5, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 1000 }, market }, false);
    app.setField('reps.seats', 7);
    app.cancelRun();
    expect((app.store.get().scenario as { market: unknown }).market).toEqual(market);
  });

  it('sends the roster with the export, and re-fits when the roster comes second', async () => {
    setApp(createApp({ api: noNetwork }));
    const withRoster = synthesize({ ...TRUTH, attrition: { annualRate: 0.2 } }, { months: 12, start: '2025-01', seed: 4, roster: true });
    const calls: [string, string | null | undefined][] = [];
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = {
      calibrate: async (text, roster) => {
        calls.push([text, roster]);
        return JSON.parse(JSON.stringify(calibrate(text, { roster })));
      },
      backtest: async () => {
        throw new Error('not called');
      },
    };
    document.body.append(el);
    await el.updateComplete;
    await el.upload(withRoster.opportunities);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="calibrate-roster"]')!;
    expect(input.getAttribute('aria-label')).toBe('Rep roster (CSV, optional)');
    const file = new File([withRoster.roster!], 'reps.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => calls.length).toBe(2);
    await settle(el);
    expect(calls[0]).toEqual([withRoster.opportunities, null]);
    expect(calls[1]).toEqual([withRoster.opportunities, withRoster.roster]);
    const paths = [...el.shadowRoot!.querySelectorAll('[data-testid="calibrate-report"] tbody small')].map((x) => x.textContent);
    expect(paths).toContain('attrition.annualRate');
  });

  it('leaving the view aborts a fit in flight (the static build then terminates its workers), and shows no error for it', async () => {
    setApp(createApp({ api: noNetwork }));
    let signal: AbortSignal | undefined;
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = {
      calibrate: (_text, _roster, s) => {
        signal = s;
        return new Promise((_, reject) => s?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      },
      backtest: async () => {
        throw new Error('not called');
      },
    };
    document.body.append(el);
    await el.updateComplete;
    const fitting = el.upload(csv);
    expect(signal?.aborted).toBe(false);
    el.remove(); // the view is left: sim-app renders another tab
    expect(signal?.aborted).toBe(true);
    await fitting;
    expect(el.fitErrors).toEqual([]);
    expect(el.fitting).toBe(false);
  });

  it('lists the server errors (row and column) when the export is malformed', async () => {
    setApp(createApp({ api: noNetwork }));
    const el = document.createElement('sim-calibrate') as SimCalibrate;
    el.api = {
      calibrate: async () => {
        throw new ApiError(400, [{ path: 'rows[3].Amount', rule: 'must be a number', message: "row 3, column Amount: 'lots' must be a number" }]);
      },
      backtest: async () => {
        throw new Error('not called');
      },
    };
    document.body.append(el);
    await el.upload('Opportunity Owner,Amount\nA,lots\n');
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[data-testid="calibrate-errors"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('row 3, column Amount');
    expect(el.shadowRoot!.querySelector('[data-testid="calibrate-report"]')).toBeNull();
  });
});
