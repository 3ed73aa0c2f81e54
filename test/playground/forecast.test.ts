// @vitest-environment happy-dom
/**
 * The "As of today" view and the forecast fan chart, fed the engine's real forecast of a synthetic CRM
 * export (the HTTP calls substituted; POST /api/forecast has its own tests in test/server).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { forecast, InputError, sampleExport, sampleExportOptions, synthesize, type ForecastReport } from '../../engine/index.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi, ApiError } from '../../playground/src/api.js';
import { forecastChart, forecastRows } from '../../playground/src/charts/forecast.js';
import { formatPct, formatPts } from '../../playground/src/format.js';
import type { ForecastApi, ForecastRequest, SampleRequest } from '../../playground/src/forecast-api.js';
import '../../playground/src/components/sim-forecast.js';
import { FORECAST_MAX_TRIALS, NO_SAMPLE_OPTIONS, resetForecastView, sampleRequest, type SimForecast } from '../../playground/src/components/sim-forecast.js';

const SCENARIO = {
  name: 'forecast view',
  horizonMonths: 12,
  reps: { seats: 6, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 },
  hiring: { timeToFillMonths: 2 },
};
const history = synthesize(SCENARIO, { months: 9, start: '2025-01', seed: 3, roster: true });
const PLAN = 2_600_000;
const noNetwork = { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] };
const run = (req: ForecastRequest): ForecastReport =>
  JSON.parse(
    JSON.stringify(
      forecast({ opportunities: req.opportunities, roster: req.roster, scenario: req.scenario, asOf: req.asOf, plan: req.plan, mapping: req.mapping ?? null, ...(req.invalidRows ? { invalidRows: req.invalidRows } : {}) }, { trials: req.trials!, seed: req.seed!, actions: req.actions }),
    ),
  );

const settle = async (el: SimForecast) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

/** A <sim-forecast> on a fake API that answers with the engine's forecast and records every request. */
function mountRecording(): { sent: ForecastRequest[]; el: SimForecast } {
  const sent: ForecastRequest[] = [];
  const fake: ForecastApi = {
    forecast: async (req) => {
      sent.push(req);
      return run(req);
    },
    sample: async () => ({ opportunities: history.opportunities, roster: history.roster!, asOf: '2025-06-30' }),
  };
  const el = document.createElement('sim-forecast') as SimForecast;
  el.api = fake;
  document.body.append(el);
  return { sent, el };
}

describe('forecastChart', () => {
  it('draws the booked months as a line with dots and the bands from the last booked month on', () => {
    const r = forecast({ opportunities: history.opportunities, scenario: SCENARIO, asOf: '2025-06-30', plan: PLAN }, { trials: 100, seed: 1 });
    const { actual, forecast: fc } = forecastRows(r.fan);
    expect(actual.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(fc[0].month).toBe('2025-06'); // the bands leave from the last booked point
    expect(fc[0].p10).toBe(fc[0].actual);
    expect(fc.at(-1)!.month).toBe('2025-12');
    const el = forecastChart(r.fan, { width: 600, document });
    const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Forecast fan: cumulative bookings of the plan year against the plan');
    expect(svg.querySelectorAll('g[aria-label="dot"] > circle')).toHaveLength(6);
    expect(svg.querySelectorAll('g[aria-label="area"] > path')).toHaveLength(2);
    expect(svg.querySelectorAll('g[aria-label="line"] > path')).toHaveLength(3); // median, plan, booked
  });
});

describe('<sim-forecast>', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    resetForecastView();
  });

  it("sends the export, roster, the editor's scenario and seed, the plan and the interventions, and shows the engine's numbers", async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SCENARIO, false);
    app.cancelRun();
    app.store.set({ trials: 5000, seed: 11, auto: false });
    const { sent, el } = mountRecording();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector<HTMLButtonElement>('[data-testid="forecast-run"]')!.disabled).toBe(true);
    await el.useSample();
    await settle(el);
    expect(root.querySelector<HTMLInputElement>('[data-testid="forecast-asof"]')!.value).toBe('2025-06-30');
    el.plan = String(PLAN);
    el.hireSeats = 3;
    await settle(el);
    root.querySelector<HTMLButtonElement>('[data-testid="forecast-add-hire"]')!.click();
    await settle(el);
    await el.run();
    await settle(el);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ opportunities: history.opportunities, roster: history.roster, asOf: '2025-06-30', plan: PLAN, seed: 11, trials: FORECAST_MAX_TRIALS, actions: [{ name: 'hire 3 now', hire: { seats: 3 } }] });
    expect(sent[0].scenario).toEqual(app.store.get().scenario);
    const r = el.report!;
    expect(root.querySelector('[data-testid="forecast-pplan-value"]')!.textContent).toBe(formatPct(r.now.pPlan));
    expect(root.querySelector('[data-testid="forecast-pplan"]')!.textContent).toContain(`${formatPct(r.now.pPlanInterval[0])} to ${formatPct(r.now.pPlanInterval[1])}`);
    expect(root.querySelector('[data-testid="forecast-start"]')!.textContent).toContain(formatPct(r.startOfYear!.pPlan));
    const delta = root.querySelector('[data-testid="forecast-delta"]')!.textContent!;
    expect(delta).toContain(formatPts(r.variants[0].deltaPPlan));
    expect(root.querySelector('[data-testid="forecast-team"]')!.textContent).toContain(`${r.team.seated} seated`);
    expect(root.querySelectorAll('[data-testid="forecast-warnings"] li')).toHaveLength(r.warnings.length);

    // leaving the tab re-creates the element: the inputs and the answer are still there
    el.remove();
    const again = document.createElement('sim-forecast') as SimForecast;
    again.api = el.api;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelector('[data-testid="forecast-pplan-value"]')!.textContent).toBe(formatPct(r.now.pPlan));
    expect(again.shadowRoot!.querySelector('[data-testid="forecast-actions"]')!.textContent).toContain('hire 3 now');
  });

  it("the sample export options (salesim synth's) go with the sample request; the engine's history and as-of date are loaded; a bad option is named", async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    app.replaceScenario(SCENARIO, false);
    app.cancelRun();
    app.store.set({ seed: 11 });
    // the engine's sample export, refusing bad options as the server does (400 with the engine's issues)
    const asked: SampleRequest[] = [];
    const el = document.createElement('sim-forecast') as SimForecast;
    el.api = {
      forecast: async (req) => run(req),
      sample: async (req) => {
        asked.push(req);
        try {
          const { scenario, ...rest } = req;
          return sampleExport(scenario as object, sampleExportOptions(rest));
        } catch (e) {
          if (e instanceof InputError) throw new ApiError(400, e.errors);
          throw e;
        }
      },
    };
    document.body.append(el);
    await settle(el);
    const root = el.shadowRoot!;
    const group = root.querySelector<HTMLDetailsElement>('[data-testid="sample-options"]')!;
    expect(group.open).toBe(false);
    expect(group.querySelector('summary')!.textContent).toBe('Sample export options');
    const type = async (key: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`[data-testid="sample-${key}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await settle(el);
    };
    await type('months', '18');
    await type('start', '2024-07');
    await type('prospects', '0.5');
    await type('resolveByAge', '0.4, 0.35,0.3,0.2,0.03,0');
    await type('quarterEndWin', '1.5');
    await type('arrivalDrift', '0.05');
    expect(group.querySelector('summary')!.textContent).toBe('Sample export options (6 set)');
    root.querySelector<HTMLButtonElement>('[data-testid="forecast-sample"]')!.click();
    await settle(el);
    const options = { months: 18, start: '2024-07', prospects: 0.5, resolveByAge: [0.4, 0.35, 0.3, 0.2, 0.03, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 };
    // the toolbar's seed unless one is typed
    expect(asked[0]).toEqual({ scenario: app.store.get().scenario, seed: 11, ...options });
    const truth = synthesize(SCENARIO, { ...options, seed: 11, roster: true });
    expect((el as unknown as { csv: string }).csv).toBe(truth.opportunities);
    expect((el as unknown as { roster: string }).roster).toBe(truth.roster);
    expect(root.querySelector<HTMLInputElement>('[data-testid="forecast-asof"]')!.value).toBe('2025-06-30');
    expect(root.querySelector('[data-testid="forecast-file-name"]')!.textContent).toContain('18 months from 2024-07');

    // a bad option: the engine's message naming the field, in the group, and the field marked
    await type('months', '0');
    await type('seed', '5');
    root.querySelector<HTMLButtonElement>('[data-testid="forecast-sample"]')!.click();
    await settle(el);
    expect(asked[1]).toMatchObject({ months: 0, seed: 5 });
    expect(root.querySelector('[data-testid="sample-errors"]')!.textContent).toContain('months: must be a whole number between 1 and 120');
    expect(root.querySelector('[data-testid="sample-months"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[data-testid="sample-start"]')!.getAttribute('aria-invalid')).toBe('false');
    // the export loaded before stays
    expect((el as unknown as { csv: string }).csv).toBe(truth.opportunities);

    // kept when the tab is left and opened again
    el.remove();
    const again = document.createElement('sim-forecast') as SimForecast;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="sample-start"]')!.value).toBe('2024-07');
    expect(again.shadowRoot!.querySelector<HTMLDetailsElement>('[data-testid="sample-options"]')!.open).toBe(true);
  });

  it('sampleRequest: only what was typed, numbers as numbers, and text that is no number as it is (for the engine to name)', () => {
    expect(sampleRequest({ a: 1 }, 7, NO_SAMPLE_OPTIONS)).toEqual({ scenario: { a: 1 }, seed: 7 });
    expect(sampleRequest({}, 7, { ...NO_SAMPLE_OPTIONS, months: ' 24 ', seed: '0', resolveByAge: '0.3, x', quarterEndWin: 'big' })).toEqual({ scenario: {}, seed: 0, months: 24, resolveByAge: [0.3, 'x'], quarterEndWin: 'big' });
  });

  it("shows the server's field messages when the forecast is refused", async () => {
    setApp(createApp({ api: noNetwork }));
    const el = document.createElement('sim-forecast') as SimForecast;
    el.api = {
      forecast: async () => {
        throw new ApiError(400, [{ path: 'asOf', rule: 'outside', message: 'asOf: 2030-06-30 is outside the export' }]);
      },
      sample: async () => ({ opportunities: history.opportunities, roster: history.roster!, asOf: '2025-06-30' }),
    };
    document.body.append(el);
    await el.useSample();
    await el.run();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-testid="forecast-errors"]')!.textContent).toContain('asOf: 2030-06-30 is outside the export');
    expect(el.report).toBeNull();
  });

  it('sends the last month forecast and "rates as fitted" (salesim forecast --through and --point), and keeps them', async () => {
    setApp(createApp({ api: noNetwork }));
    const { sent, el } = mountRecording();
    await el.useSample();
    await settle(el);
    el.plan = String(PLAN);
    await el.run();
    expect(sent[0]).not.toHaveProperty('through');
    expect(sent[0]).not.toHaveProperty('point');
    const root = el.shadowRoot!;
    const through = root.querySelector<HTMLInputElement>('[data-testid="forecast-through"]')!;
    through.value = '2025-09';
    through.dispatchEvent(new Event('change'));
    const point = root.querySelector<HTMLInputElement>('[data-testid="forecast-point"]')!;
    point.checked = true;
    point.dispatchEvent(new Event('change'));
    await settle(el);
    await el.run();
    expect(sent[1]).toMatchObject({ through: '2025-09', point: true });
    el.remove();
    const again = document.createElement('sim-forecast') as SimForecast;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="forecast-through"]')!.value).toBe('2025-09');
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="forecast-point"]')!.checked).toBe(true);
  });

  it('a column mapping and "skip malformed rows" (salesim forecast --map, --skip-invalid) go with the forecast, and are kept', async () => {
    setApp(createApp({ api: noNetwork }));
    const { sent, el } = mountRecording();
    await el.useSample();
    await settle(el);
    // the export's owner column renamed, and one row that is not a date: refused without the options
    const view = el as unknown as { csv: string };
    view.csv = view.csv.replace('Opportunity Owner', 'Rep') + 'Ann,not a date,,Closed Won,100\n';
    el.plan = String(PLAN);
    await el.run();
    expect(el.errors.length).toBeGreaterThan(0);
    await (el as unknown as { readMapping(f: File): Promise<void> }).readMapping(new File(['columns: { owner: Rep }\n'], 'map.yaml'));
    const skip = el.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="forecast-skip-invalid"]')!;
    skip.checked = true;
    skip.dispatchEvent(new Event('change'));
    await settle(el);
    await el.run();
    expect(sent.at(-1)).toMatchObject({ mapping: 'columns: { owner: Rep }\n', invalidRows: 'skip' });
    expect(el.errors, JSON.stringify(el.errors)).toEqual([]);
    expect(el.report).not.toBeNull();
    expect(el.shadowRoot!.querySelector('[data-testid="forecast-mapping-name"]')!.textContent).toBe('map.yaml');
    el.remove();
    const again = document.createElement('sim-forecast') as SimForecast;
    document.body.append(again);
    await settle(again);
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('[data-testid="forecast-skip-invalid"]')!.checked).toBe(true);
    expect(again.shadowRoot!.querySelector('[data-testid="forecast-mapping-name"]')!.textContent).toBe('map.yaml');
  });

  it('hires into a chosen territory when the scenario has several', async () => {
    const app = createApp({ api: noNetwork });
    setApp(app);
    const { reps, ...rest } = SCENARIO;
    const { seats: _s, ...perRep } = reps;
    app.replaceScenario({ ...rest, reps: perRep, territories: [{ name: 'North', seats: 4 }, { name: 'South', seats: 2 }] }, false);
    app.cancelRun();
    const el = document.createElement('sim-forecast') as SimForecast;
    document.body.append(el);
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[data-testid="forecast-hire-territory"]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'North', 'South']);
    select.value = 'South';
    select.dispatchEvent(new Event('change'));
    el.hireSeats = 2;
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="forecast-add-hire"]')!.click();
    await settle(el);
    expect(el.actions).toEqual([{ name: 'hire 2 now in South', hire: { seats: 2, territory: 'South' } }]);
  });
});
