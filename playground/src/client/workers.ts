/**
 * The client with the engine in Web Workers in the page (the static build, issue 31): the same calls
 * as the HTTP client, answered by the engine in this browser, so nothing is uploaded (a CRM export
 * picked for calibration is read by the page and handed to a worker). Each call does what the server's
 * endpoint does, in the same order and with the same engine functions (see
 * playground/src/worker/engine.worker.ts), so the numbers equal the server's and the CLI's for the
 * same scenario, seed and trials. Aborting a call's signal terminates the workers running its tasks.
 */
import type { AssumptionAnalysis, AssumptionsOption, BacktestResult, RollingResult, ScenarioIndices, BookedRevenue, CalibrationWithLeads, CompareResult, SolvePoint, ForecastReport, PreparedForecast, PrecisionReport, Scenario, SensitivityResult, SensitivityRun, SolveResult, Summary, TrialResults } from '../../../engine/index.js';
import { buffersOf, runParts, runSummary } from './blocks.js';
import { ApiError } from './errors.js';
import { flagged, runBaseThenRest, runPrecise, runUntilMet, type PrecisionPlan } from './precise.js';
import { runBody } from './runBody.js';
import type { EnginePool } from './pool.js';
import { NEEDS_SERVER, type BacktestRequest, type RollingBacktestRequest, type SobolRequest, type ForecastRequest, type PresetInfo, type Progress, type RunRequest, type SalesimClient, type SampleExport, type SolveRequest } from './types.js';

const needsServer = () => Promise.reject(new ApiError(501, [{ path: null, rule: 'needs the server', message: NEEDS_SERVER }]));

/** Every scenario's trials with one seed, one scenario after another (parallel/runScenarios.ts with a pool). */
async function runEach(pool: EnginePool, scenarios: Scenario[], trials: number, seed: number, signal?: AbortSignal, onCount?: (done: number, total: number) => void): Promise<{ parts: TrialResults[][]; elapsedMs: number[] }> {
  const parts: TrialResults[][] = [];
  const elapsedMs: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const t0 = performance.now();
    parts.push(await runParts(pool, scenario, { trials, seed, signal, onCount: onCount && ((done) => onCount(i * trials + done, scenarios.length * trials)) }));
    elapsedMs.push(performance.now() - t0);
  }
  return { parts, elapsedMs };
}

/**
 * @example const client = createWorkerClient(createEnginePool(spawnEngineWorker, browserWorkers()));
 */
export function createWorkerClient(pool: EnginePool): SalesimClient {
  const call = <T>(name: string, payload: unknown, signal?: AbortSignal, transfer?: Transferable[]) => pool.run<T>(name, payload, { signal, transfer });

  async function stream(req: RunRequest, opts: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<Summary> {
    const { scenario, trials, seed, precision } = await call<{ scenario: Scenario; trials: number; seed: number; precision?: PrecisionPlan }>('resolveRun', runBody(req), opts.signal);
    const onProgress = opts.onProgress;
    if (precision) return runPrecise(pool, scenario, seed, precision, { signal: opts.signal, onProgress: onProgress ? (done, total, report) => onProgress({ done, total, precision: report }) : undefined });
    return runSummary(pool, scenario, { trials, seed, signal: opts.signal, onProgress: onProgress ? (done, total, summary) => onProgress({ done, total, summary }) : undefined });
  }

  return {
    kind: 'browser',
    hasStore: false,
    presets: () => call<PresetInfo[]>('presets', null),
    preset: (id) => call<Record<string, unknown>>('preset', { id }),
    simulate: (req, signal) => stream(req, { signal }),
    stream,
    /** the engine's CSV of the Summary, written in a worker (the server's POST /api/summary/csv) */
    summaryCsv: (summary, signal) => call<string>('summaryCsv', summary, signal),

    async compare(body, signal, onProgress): Promise<CompareResult> {
      const t0 = performance.now();
      const plan = await call<{ baseline: Scenario; variants: { name: string; scenario: Scenario }[]; trials: number; seed: number; assumptions: AssumptionsOption | null; precision?: PrecisionPlan }>('planCompare', body, signal);
      const names = [String(plan.baseline.name ?? 'Baseline'), ...plan.variants.map((v) => v.name)];
      const all = [plan.baseline, ...plan.variants.map((v) => v.scenario)];
      let parts: TrialResults[][];
      let elapsedMs: number[] | undefined;
      let precision: PrecisionReport | undefined;
      if (plan.precision) {
        // every design block by block on the same trials until the targets hold (parallel/precision.ts runScenariosPrecise); the progress of
        // each design is the trials done of the cap, as POST /api/compare/stream sends it
        const cap = plan.precision.maxTrials;
        const onBlock = onProgress && ((done: number) => onProgress({ done: done * all.length, total: cap * all.length, trials: cap, designs: names.map((name) => ({ name, done })) }));
        const run = await runUntilMet(pool, all, plan.seed, plan.precision, { kind: 'compare', scenarios: all }, { signal, onBlock });
        parts = run.parts;
        precision = flagged(run.report, plan.precision);
      } else {
        const progress = onProgress && ((done: number, total: number) => onProgress({ done, total, trials: plan.trials, designs: names.map((name, i) => ({ name, done: Math.max(0, Math.min(plan.trials, done - i * plan.trials)) })) }));
        ({ parts, elapsedMs } = await runEach(pool, all, plan.trials, plan.seed, signal, progress));
      }
      const [baseParts, ...rest] = parts;
      const variants = plan.variants.map((v, i) => ({ ...v, parts: rest[i] }));
      // with uncertain inputs a precision run's draws span the cap (parallel/runScenarios.ts runComparison)
      const designTrials = plan.precision && all.some((s) => s.uncertainty) ? plan.precision.maxTrials : undefined;
      const task = { baseline: plan.baseline, baseParts, variants, seed: plan.seed, elapsedMs: performance.now() - t0, runElapsedMs: elapsedMs, designTrials };
      const compared = await call<CompareResult>('compare', task, signal, buffersOf(parts.flat()));
      const result: CompareResult = precision ? { ...compared, precision } : compared;
      // with `assumptions`, what the answer depends on, as the server adds it: the engine's analysis in a worker
      if (plan.assumptions) {
        const ask = { baseline: plan.baseline, variants: plan.variants, ask: plan.assumptions, seed: plan.seed, trials: plan.trials, hasPlan: result.baseline.plan !== null };
        result.assumptions = await call<AssumptionAnalysis>('compareAssumptions', ask, signal);
      }
      return result;
    },

    async sensitivity(body, signal): Promise<SensitivityResult> {
      const t0 = performance.now();
      const plan = await call<{ scenario: Scenario; runs: SensitivityRun[]; scenarios: Scenario[]; trials: number; seed: number; precision?: PrecisionPlan }>('planSensitivity', body, signal);
      let parts: TrialResults[][];
      let precision: PrecisionReport | undefined;
      if (plan.precision) {
        // the base scenario until the targets hold, then every low/high run for the same trials (parallel/runScenarios.ts runSensitivity)
        const run = await runBaseThenRest(pool, plan.scenarios, plan.seed, plan.precision, { kind: 'run', scenarios: [plan.scenario] }, { signal });
        parts = run.parts;
        precision = flagged(run.report, plan.precision);
      } else ({ parts } = await runEach(pool, plan.scenarios, plan.trials, plan.seed, signal));
      const task = { scenario: plan.scenario, runs: plan.runs, parts, seed: plan.seed, elapsedMs: performance.now() - t0 };
      const result = await call<SensitivityResult>('sensitivity', task, signal, buffersOf(parts.flat()));
      return precision ? { ...result, precision } : result;
    },

    solve: (body: SolveRequest, signal, onPoint) => pool.run<SolveResult>('solve', body, { signal, onProgress: onPoint && ((p) => onPoint(p as SolvePoint)) }),
    calibrate: (csv, roster, signal, leads, options) => call<CalibrationWithLeads>('calibrate', { csv, roster: roster ?? null, leads: leads ?? null, options: options ?? {} }, signal),

    async backtest(req: BacktestRequest, signal): Promise<BacktestResult> {
      const plan = await call<{ scenario: Scenario; booked: BookedRevenue; trials: number; seed: number }>('planBacktest', req, signal);
      const parts = await runParts(pool, plan.scenario, { trials: plan.trials, seed: plan.seed, signal });
      return call<BacktestResult>('band', { booked: plan.booked, parts, seed: plan.seed }, signal, buffersOf(parts));
    },

    /** one worker runs the Sobol plan (the server runs it as one task too) */
    sobol: (req: SobolRequest, signal) => call<ScenarioIndices>('indices', req, signal),

    /** each cut calibrated and forecast on one worker (the server runs it as one task too) */
    rollingBacktest: (req: RollingBacktestRequest, signal) => call<RollingResult>('rolling', req, signal),

    async forecast(req: ForecastRequest, signal, onProgress): Promise<ForecastReport> {
      const { actions, trials, seed, precision: spec, maxTrials, ...rest } = req;
      const input = { roster: null, through: null, plan: null, mapping: null, ...rest };
      const plan = await call<{ prepared: PreparedForecast; trials: number; seed: number; precision?: PrecisionPlan }>(
        'planForecast',
        { input, actions: actions ?? [], ...(trials !== undefined ? { trials } : {}), ...(seed !== undefined ? { seed } : {}), ...(spec !== undefined ? { precision: spec } : {}), ...(maxTrials !== undefined ? { maxTrials } : {}) },
        signal,
      );
      const { prepared } = plan;
      let parts: TrialResults[][];
      let precision: PrecisionReport | undefined;
      if (plan.precision) {
        // the forecast from today decides the trials, the interventions then take as many (parallel/forecastRun.ts)
        const run = await runBaseThenRest(pool, prepared.scenarios, plan.seed, plan.precision, { kind: 'forecast', setup: prepared.setup }, { signal, onCount: onProgress && ((done, total) => onProgress({ done, total })) });
        parts = run.parts;
        precision = flagged(run.report, plan.precision);
      } else ({ parts } = await runEach(pool, prepared.scenarios, plan.trials, plan.seed, signal, onProgress && ((done, total) => onProgress({ done, total }))));
      const report = await call<ForecastReport>('forecastReport', { prepared, parts, seed: plan.seed }, signal, buffersOf(parts.flat()));
      return precision ? { ...report, precision } : report;
    },
    sample: (req, signal) => call<SampleExport>('sample', req, signal),

    listScenarios: () => needsServer(),
    getScenario: () => needsServer(),
    saveScenario: () => needsServer(),
    updateScenario: () => needsServer(),
    deleteScenario: () => needsServer(),
    scenarioRevisions: () => needsServer(),
    restoreRevision: () => needsServer(),
  };
}
