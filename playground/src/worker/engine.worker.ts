/**
 * The engine in the browser (issue 31): the Web Worker entry of the static playground. It is the only
 * playground code that imports the engine's values (the architecture test allows it for files under
 * playground/src/worker/ ending in `.worker.ts`, and nowhere else): the page's main thread only routes
 * messages and buffers (playground/src/client/), so every statistic is still computed by the engine.
 *
 * Each task mirrors what the server does for one endpoint, with the same engine calls in the same
 * order (parallel/worker.ts and server/routes/*), so the numbers are bit-identical to the server's and
 * the CLI's for the same scenario, seed and trials: trials are `runTrials(scenario, seed, from, count,
 * total)` chunks (streams keyed by seed and trial, so chunking never changes a result), merged in trial
 * order by `mergeResults`, reduced by `summarize`, `compareResults`, `sensitivityFromResults`,
 * `compareToBand` and `reportPrepared`.
 *
 * Protocol: `{ id, name, payload }` in; `{ id, ok: true, value }` or `{ id, ok: false, status, errors }`
 * out (status 400 for bad input with the engine's issues, 500 otherwise). Typed arrays go back by transfer.
 */
import {
  backtestScenario,
  bookedRevenue,
  assumptionsAnalysisOptions,
  calibrate,
  calibrateWithLeads,
  compareAssumptions,
  compareResults,
  compareToBand,
  InputError,
  mergeResults,
  parseCompareRequest,
  parseMonth,
  parseScenario,
  parseStudy,
  parseText,
  PRESET_NAME,
  rawScenario,
  scenarioOrPreset,
  planSensitivity,
  sensitivityParams,
  rollingBacktest,
  scenarioIndices,
  planTargets,
  OUTCOME_METRICS,
  type OutcomeMetric,
  blockBoundaries,
  createPrecisionTracker,
  defaultPrecision,
  defaultPrecisionSpec,
  forecastPrecisionTracker,
  type ForecastSetup,
  type TargetName,
  ownsTrials,
  parsePrecision,
  DEFAULT_PRECISION_CAP,
  type TrackerState,
  prepareForecast,
  reportPrepared,
  runTrials,
  sensitivityFromResults,
  sensitivityPairs,
  sensitivityScenarios,
  solve,
  solvePrecise,
  summarize,
  summaryCsv,
  sampleExport,
  sampleExportRequest,
  takeAssumptionsOption,
  validateScenario,
  type AssumptionsOption,
  type BookedRevenue,
  type ForecastAction,
  type ForecastInput,
  type InputIssue,
  type PreparedForecast,
  type Scenario,
  type Summary,
  type SensitivityRun,
  type TrialResults,
  type SolvePoint,
} from '../../../engine/index.js';

/** The preset files, bundled at build time (scenarios/*.yaml, not the *.study.yaml files). */
const PRESET_FILES: Record<string, string> = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

const MAX_TRIALS = 1_000_000;
const MAX_SEED = 2 ** 32 - 1;

const issue = (path: string | null, rule: string, message = path ? `${path}: ${rule}` : rule): InputIssue => ({ path, rule, message });
const bad = (errors: InputIssue[]) => new InputError(errors);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The presets' sources by id (`baseline`), from the bundled files. */
function presetSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of Object.entries(PRESET_FILES)) {
    const file = path.split('/').pop()!;
    if (file.endsWith('.study.yaml')) continue;
    const id = file.slice(0, -'.yaml'.length);
    if (PRESET_NAME.test(id)) out.set(id, text);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Reads a preset a study names (`baseline.yaml`, `baseline`), as the server's presetReader does. */
function readPreset(name: string): string {
  const base = name.replace(/\.ya?ml$/, '');
  const text = PRESET_NAME.test(base) ? presetSources().get(base) : undefined;
  if (text === undefined) throw bad([issue(null, 'must name a preset file', `there is no preset file '${name}'`)]);
  return text;
}

/** The header comment of a YAML text (the server's `headerComment`, server/presets.ts). */
function headerComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' && lines.length === 0) continue;
    if (!t.startsWith('#')) break;
    const text = t.replace(/^#\s?/, '');
    if (/^yaml-language-server:/.test(text)) continue;
    lines.push(text);
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n');
}

function preset(id: string) {
  const source = presetSources().get(id);
  if (source === undefined) return null;
  const r = validateScenario(source);
  const description = headerComment(source) || (r.ok ? (r.scenario.description ?? '') : '');
  if (!r.ok) return { id, name: id, description, source, scenario: null, errors: r.errors };
  return { id, name: r.scenario.name, description, source, scenario: r.scenario };
}

function optionalInt(body: Record<string, unknown>, key: string, min: number, max: number, errors: InputIssue[]): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push(issue(key, `must be a whole number between ${min} and ${max}`));
    return undefined;
  }
  return v;
}

/** A scenario as the playground sends it (an object, YAML text or `{ yaml }`), validated by the engine. */
function scenarioOf(v: unknown, path: string, errors: InputIssue[]): Scenario | null {
  if (v === undefined || v === null) {
    errors.push(issue(path, 'is required', `${path}: is required (a scenario object, or { yaml: "..." } source text)`));
    return null;
  }
  const input = isObject(v) && Object.keys(v).length === 1 && typeof v.yaml === 'string' ? v.yaml : v;
  let r: ReturnType<typeof validateScenario>;
  try {
    r = validateScenario(input);
  } catch (e) {
    errors.push(issue(null, 'invalid YAML', `the scenario text could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
    return null;
  }
  if (!r.ok) {
    errors.push(...r.errors);
    return null;
  }
  return r.scenario;
}


/** A precision run as the worker client drives it: the targets, the cap and the block boundaries. */
export interface PrecisionPlan {
  spec: string;
  maxTrials: number;
  /** the engine's block boundaries up to the cap: [0, b1, ..., maxTrials] */
  boundaries: number[];
  /** the default precision (the request named no trial count anywhere) */
  default: boolean;
}

/** Targets each command can honour (parallel/precision.ts RUN_TARGETS, parallel/runScenarios.ts COMPARE_TARGETS). */
const RUN_TARGETS: readonly TargetName[] = ['p_plan', 'revenue', 'arr'];
const COMPARE_TARGETS: readonly TargetName[] = ['p_plan', 'revenue', 'arr', 'diff'];

const maxTrialsAlone = () => issue('maxTrials', 'needs precision', 'maxTrials: caps a precision-targeted run: give precision too (or no trials anywhere, for the default precision)');
const trialsWithPrecision = () => issue('trials', 'cannot be given with precision', 'trials: cannot be given with precision (maxTrials caps a precision-targeted run)');

/**
 * A body's `precision` and `maxTrials` read as server/precision.ts `precisionFrom` does (capAlone): the
 * targets must parse (an issue naming `precision` otherwise); `maxTrials` alone is the caller's to judge.
 */
function precisionOf(body: Record<string, unknown>, errors: InputIssue[]): { spec?: string; cap?: number } {
  const cap = optionalInt(body, 'maxTrials', 1, MAX_TRIALS, errors);
  const spec = body.precision;
  if (spec === undefined || spec === null) return { cap };
  if (typeof spec !== 'string') {
    errors.push(issue('precision', 'must be a string', 'precision: must be a string of targets, e.g. "p_plan=0.01" or "revenue=0.5%,arr=1%"'));
    return { cap };
  }
  if (body.trials !== undefined && body.trials !== null) errors.push(trialsWithPrecision());
  try {
    parsePrecision(spec, 'precision');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(...e.errors);
    return { cap };
  }
  return { spec, cap };
}

/** The plan of a precision run: the targets, the cap (DEFAULT_PRECISION_CAP unless named) and the engine's block boundaries. */
function plannedPrecision(spec: string, cap: number | undefined, isDefault: boolean): PrecisionPlan {
  const maxTrials = cap ?? DEFAULT_PRECISION_CAP;
  return { spec, maxTrials, boundaries: blockBoundaries(maxTrials), default: isDefault };
}

/** Whether a comparison's baseline, as written (inline, or a preset file's text), names its own trial count (server/routes/analysis.ts). */
function baselineOwnsTrials(input: unknown, isStudy: boolean): boolean {
  const o = input as { compare?: { baseline?: unknown }; baseline?: unknown };
  const b = isStudy ? o.compare?.baseline : o.baseline;
  return typeof b === 'string' ? ownsTrials(parseText(readPreset(b))) : ownsTrials(b);
}


/** Which stopping rule a precision step resumes: a run's, a comparison's (every scenario, diff too) or a forecast's. */
export type StepTracker = { kind: 'run'; scenarios: Scenario[] } | { kind: 'compare'; scenarios: Scenario[] } | { kind: 'forecast'; setup: ForecastSetup };

/**
 * `{ scenario, trials?, seed?, precision?, maxTrials? }` → the resolved scenario with the run's trials and
 * seed (server/request.ts parseRunRequest): with `precision`, or with no trial count anywhere (no `trials`,
 * none in the scenario as written: the default precision), the precision plan too.
 */
function runRequest(body: Record<string, unknown>): { scenario: Scenario; trials: number; seed: number; precision?: PrecisionPlan } {
  const errors: InputIssue[] = [];
  const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
  const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
  const maxTrials = optionalInt(body, 'maxTrials', 1, MAX_TRIALS, errors);
  const asked = body.precision === undefined || body.precision === null ? undefined : body.precision;
  if (asked !== undefined && typeof asked !== 'string') errors.push(issue('precision', 'must be a string', 'precision: must be a string of targets, e.g. "p_plan=0.01"'));
  if (asked !== undefined && trials !== undefined) errors.push(issue('trials', 'cannot be given with precision', 'trials: cannot be given with precision (maxTrials caps a precision-targeted run)'));
  const input = body.scenario === undefined && typeof body.yaml === 'string' ? body.yaml : body.scenario;
  const s = scenarioOf(input, body.scenario === undefined && body.yaml !== undefined ? 'yaml' : 'scenario', errors);
  if (errors.length > 0 || !s) throw bad(errors);
  const scenario = { ...s, trials: trials ?? s.trials, seed: seed ?? s.seed };
  const raw = typeof input === 'string' ? parseText(input) : input;
  const auto = asked === undefined && trials === undefined && !ownsTrials(raw);
  if (asked === undefined && !auto) {
    if (maxTrials !== undefined) throw bad([issue('maxTrials', 'needs precision', 'maxTrials: caps a precision-targeted run: give precision too (or no trials anywhere, for the default precision)')]);
    return { scenario, trials: scenario.trials, seed: scenario.seed };
  }
  const spec = typeof asked === 'string' ? asked : defaultPrecision(scenario);
  // the targets must parse and be measurable on this scenario (an InputError naming `precision` otherwise)
  createPrecisionTracker([scenario], parsePrecision(spec), RUN_TARGETS);
  const precision = plannedPrecision(spec, maxTrials, auto);
  return { scenario, trials: precision.maxTrials, seed: scenario.seed, precision };
}

const merge = (parts: TrialResults[]): TrialResults => (parts.length === 1 ? parts[0] : mergeResults(parts));

/** The engine tasks, by name. Plain functions of plain data, so Node tests call them directly too. */
export const tasks = {
  presets: () => [...presetSources().keys()].map(preset).filter((p) => p !== null),
  preset: (p: { id: string }) => {
    const r = PRESET_NAME.test(p.id) ? preset(p.id) : null;
    if (!r) throw Object.assign(bad([issue(null, 'not found', `there is no preset '${p.id}'`)]), { status: 404 });
    return r;
  },

  /** A run request checked and resolved: the scenario with its trials and seed. */
  resolveRun: (body: Record<string, unknown>) => runRequest(body),

  /** Trials [from, from + count) of a run of `total` trials (parallel/worker.ts `trials`). */
  trials: (t: { scenario: Scenario; seed: number; from: number; count: number; total: number }): TrialResults => runTrials(t.scenario, t.seed, t.from, t.count, t.total),

  /** Consecutive blocks merged and summarised (parallel/worker.ts `summarizePartsTask`); `keep` sends the merged prefix back. */
  summarizeParts: (t: { scenario: Scenario; parts: TrialResults[]; seed: number; elapsedMs?: number; keep: boolean; designTrials?: number }) => {
    const merged = merge(t.parts);
    const summary = summarize(t.scenario, merged, { seed: t.seed, elapsedMs: t.elapsedMs, designTrials: t.designTrials });
    return { summary, merged: t.keep ? merged : null };
  },

  /**
   * One block of a precision run handed to the stopping rule (parallel/precision.ts runSummaryPreciseOnPool):
   * the tracker resumes from `state`, takes the block's chunks (in trial order) and answers its new state,
   * the report so far and whether every target holds.
   */
  precisionStep: (t: { tracker: StepTracker; spec: string; maxTrials: number; state: TrackerState | null; chunks: TrialResults[][] }) => {
    const state = t.state ? { state: t.state } : {};
    const k = t.tracker;
    const tracker =
      k.kind === 'forecast'
        ? forecastPrecisionTracker(k.setup, t.spec, 'precision', t.state ?? undefined)
        : createPrecisionTracker(k.scenarios, parsePrecision(t.spec), k.kind === 'compare' ? COMPARE_TARGETS : RUN_TARGETS, state);
    // chunks[c]: chunk c of the block, one TrialResults per scenario (the same trials), in trial order
    for (const c of t.chunks) tracker.add(c);
    return { state: tracker.state(), report: tracker.report(t.spec, t.maxTrials), met: tracker.met() };
  },

  /** The comparison body (a study, or `{ baseline, variants }`) read as server/routes/analysis.ts does. */
  planCompare: (raw: unknown) => {
    if (!isObject(raw)) throw bad([issue(null, 'must be a JSON object', 'the request body must be a JSON object')]);
    // the `assumptions` option comes out of the body first, as server/routes/analysis.ts takes it
    const { assumptions, rest: all } = takeAssumptionsOption(raw);
    // `precision` and `maxTrials` are the request's, not the study's (server/routes/analysis.ts parseComparison)
    const { precision: _p, maxTrials: _m, ...rest } = all;
    const errors: InputIssue[] = [];
    const asked = precisionOf(all, errors);
    if (errors.length > 0) throw bad(errors);
    const input = typeof rest.yaml === 'string' && Object.keys(rest).length === 1 ? parseText(rest.yaml) : rest;
    const isStudy = isObject(input) && 'compare' in input;
    const c = isStudy ? parseStudy(input, readPreset) : parseCompareRequest(input, readPreset);
    // no trial count anywhere (the study or request, its baseline as written): the baseline's default precision
    const named = c.trials !== undefined || (input as { trials?: unknown }).trials !== undefined || baselineOwnsTrials(input, isStudy);
    if (asked.spec === undefined && asked.cap !== undefined && named) throw bad([maxTrialsAlone()]);
    if (asked.spec !== undefined && (c.trials !== undefined || (input as { trials?: unknown }).trials !== undefined)) throw bad([trialsWithPrecision()]);
    const spec = asked.spec ?? (named ? undefined : defaultPrecision(c.baseline));
    const precision = spec === undefined ? undefined : plannedPrecision(spec, asked.cap, asked.spec === undefined);
    if (precision) createPrecisionTracker([c.baseline, ...c.variants.map((v) => v.scenario)], parsePrecision(precision.spec), COMPARE_TARGETS);
    const trials = precision ? precision.maxTrials : (c.trials ?? c.baseline.trials);
    return { baseline: c.baseline, variants: c.variants, trials, seed: c.seed ?? c.baseline.seed, assumptions, ...(precision ? { precision } : {}) };
  },
  /** What the comparison's answer depends on (server POST /api/compare with `assumptions`): the engine's assumption analysis, in this worker. */
  compareAssumptions: (t: { baseline: Scenario; variants: { name: string; scenario: Scenario }[]; ask: AssumptionsOption; seed: number; trials: number; hasPlan: boolean }) =>
    compareAssumptions(t.baseline, t.variants, assumptionsAnalysisOptions(t.ask, t.baseline, { seed: t.seed, trials: t.trials, hasPlan: t.hasPlan })),
  compare: (t: { baseline: Scenario; baseParts: TrialResults[]; variants: { name: string; scenario: Scenario; parts: TrialResults[] }[]; seed: number; elapsedMs?: number; runElapsedMs?: number[]; designTrials?: number }) =>
    compareResults(
      t.baseline,
      merge(t.baseParts),
      t.variants.map((v) => ({ name: v.name, scenario: v.scenario, results: merge(v.parts) })),
      { seed: t.seed, elapsedMs: t.elapsedMs, runElapsedMs: t.runElapsedMs, designTrials: t.designTrials },
    ),

  /** The tornado's plan (server POST /api/sensitivity): the scenario, its runs and every scenario to simulate. */
  planSensitivity: (body: Record<string, unknown>) => {
    const errors: InputIssue[] = [];
    const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
    const asked = precisionOf(body, errors);
    const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    // no trial count anywhere (the body, the scenario as written): the base scenario's default precision (server POST /api/sensitivity)
    const unnamed = asked.spec === undefined && trials === undefined && !ownsTrials(rawScenario(body));
    if (asked.spec === undefined && asked.cap !== undefined && !unnamed) errors.push(maxTrialsAlone());
    const scenario = scenarioOf(body.scenario === undefined && typeof body.yaml === 'string' ? body.yaml : body.scenario, 'scenario', errors);
    // the shape of each { path, low?, high? } as server/routes/analysis.ts reads it (the engine's); planSensitivity checks the values
    let params: ReturnType<typeof sensitivityParams>;
    try {
      params = sensitivityParams(body.params);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(...e.errors);
    }
    const relative = body.relative;
    if (relative !== undefined && (typeof relative !== 'number' || !(relative > 0 && relative < 1))) errors.push(issue('relative', 'must be a number between 0 and 1 (exclusive)'));
    if (errors.length > 0 || !scenario) throw bad(errors);
    const runs = planSensitivity(scenario, params, (relative as number | undefined) ?? 0.2);
    const spec = asked.spec ?? (unnamed ? defaultPrecision(scenario) : undefined);
    const precision = spec === undefined ? undefined : plannedPrecision(spec, asked.cap, asked.spec === undefined);
    if (precision) createPrecisionTracker([scenario], parsePrecision(precision.spec), RUN_TARGETS);
    const n = precision ? precision.maxTrials : (trials ?? scenario.trials);
    return { scenario, runs, scenarios: sensitivityScenarios(scenario, runs), trials: n, seed: seed ?? scenario.seed, ...(precision ? { precision } : {}) };
  },
  sensitivity: (t: { scenario: Scenario; runs: SensitivityRun[]; parts: TrialResults[][]; seed: number; elapsedMs?: number }) => {
    const results = t.parts.map(merge);
    return sensitivityFromResults(t.scenario, results[0], t.runs, sensitivityPairs(t.runs, results), { seed: t.seed, elapsedMs: t.elapsedMs });
  },

  /** Goal seek (server POST /api/solve): the engine's `solve` on this worker. */
  /** `report`: each value as it is run (the pool passes it on as progress) */
  /** Sobol indices over the scenario's assumptions (server POST /api/sensitivity with sobol: indicesTask; salesim sensitivity --sobol). */
  indices: (body: { scenario: unknown; seed?: number; metric?: OutcomeMetric; draws?: number }) => {
    const errors: InputIssue[] = [];
    const rec = body as unknown as Record<string, unknown>;
    const seed = optionalInt(rec, 'seed', 0, MAX_SEED, errors);
    const draws = optionalInt(rec, 'draws', 8, 4096, errors);
    if (body.metric !== undefined && !OUTCOME_METRICS.includes(body.metric)) errors.push(issue('sobol.metric', `must be one of ${OUTCOME_METRICS.join(', ')}`));
    const scenario = scenarioOf(body.scenario, 'scenario', errors);
    if (errors.length > 0 || !scenario) throw bad(errors.map((e) => (e.path === 'draws' ? { ...e, path: 'sobol.draws', message: e.message.replace(/^draws/, 'sobol.draws') } : e)));
    try {
      assumptionsAnalysisOptions({ metric: body.metric }, scenario, { seed: 0, trials: 1, hasPlan: planTargets(scenario) !== null });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw bad(e.errors.map((x) => ({ ...x, path: 'sobol.metric', message: x.message.replace(/^assumptions\.metric/, 'sobol.metric') })));
    }
    return scenarioIndices(scenario, { ...(body.metric ? { metric: body.metric } : {}), n: draws ?? 256, seed: seed ?? scenario.seed });
  },

  solve: (body: Record<string, unknown>, report?: (p: unknown) => void) => {
    const errors: InputIssue[] = [];
    const trials = optionalInt(body, 'trials', 1, MAX_TRIALS, errors);
    const seed = optionalInt(body, 'seed', 0, MAX_SEED, errors);
    const scenario = scenarioOf(body.scenario === undefined && typeof body.yaml === 'string' ? body.yaml : body.scenario, 'scenario', errors);
    for (const k of ['vary', 'target']) if (typeof body[k] !== 'string' || body[k] === '') errors.push(issue(k, 'must be a string'));
    const nums: Record<string, number | undefined> = {};
    for (const k of ['min', 'max', 'tolerance']) {
      const v = body[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) errors.push(issue(k, 'must be a number'));
      else nums[k] = v as number | undefined;
    }
    if (errors.length > 0 || !scenario) throw bad(errors);
    const opts = { vary: body.vary as string, target: body.target as string, ...nums, seed: seed ?? scenario.seed };
    // until decided (server POST /api/solve with precision: solveTask's solvePrecise)
    if (body.precision !== undefined) {
      if (typeof body.precision !== 'string') throw bad([issue('precision', 'must be a string')]);
      if (trials !== undefined) throw bad([issue('trials', 'cannot be given with precision')]);
      const cap = optionalInt(body, 'maxTrials', 1, MAX_TRIALS, errors) ?? DEFAULT_PRECISION_CAP;
      if (errors.length > 0) throw bad(errors);
      return solvePrecise(scenario, opts, body.precision, cap);
    }
    return solve(scenario, { ...opts, trials: trials ?? scenario.trials, ...(report ? { onProgress: (_n: number, _x: number, point: SolvePoint) => report(point) } : {}) });
  },

  /** Calibration from a CRM export read in the browser (server POST /api/calibrate). */
  calibrate: (t: { csv: string; roster?: string | null; leads?: string | null; options?: { asOf?: string; from?: string; to?: string; point?: boolean; trend?: boolean; mapping?: string; invalidRows?: 'error' | 'skip' } }) =>
    calibrateWithLeads(
      t.csv,
      {
        roster: t.roster ?? null,
        mapping: t.options?.mapping ?? null,
        from: t.options?.from ?? null,
        to: t.options?.to ?? null,
        asOf: t.options?.asOf ?? null,
        point: t.options?.point === true,
        trend: t.options?.trend === true,
        ...(t.options?.invalidRows ? { invalidRows: t.options.invalidRows } : {}),
        source: 'a file read in this browser',
      },
      t.leads,
      'a lead export read in this browser',
    ),

  /** The rolling-origin back-test (server POST /api/backtest with asOf: rollingTask), the server's limits checked first. */
  rolling: (t: { csv: string; asOf: unknown; horizon?: number; trials?: number; seed?: number; point?: boolean; roster?: string | null; mapping?: string; invalidRows?: 'error' | 'skip' }) => {
    const errors: InputIssue[] = [];
    if (!Array.isArray(t.asOf) || t.asOf.length < 1 || t.asOf.length > 24 || !t.asOf.every((d) => typeof d === 'string')) errors.push(issue('asOf', 'must be a list of 1 to 24 dates YYYY-MM-DD'));
    const rec = t as unknown as Record<string, unknown>;
    const horizon = optionalInt(rec, 'horizon', 1, 24, errors);
    const trials = optionalInt(rec, 'trials', 10, 5000, errors);
    const seed = optionalInt(rec, 'seed', 0, MAX_SEED, errors);
    if (errors.length > 0) throw bad(errors);
    return rollingBacktest(t.csv, { asOf: t.asOf as string[], horizon, trials, seed, point: t.point === true, roster: t.roster ?? null, mapping: t.mapping ?? null, invalidRows: t.invalidRows === 'skip' ? 'skip' : 'error' });
  },

  /** The back-test's scenario and booked revenue (server POST /api/backtest, before its trials). */
  planBacktest: (body: { csv: string; scenario: unknown; from: string; to: string; trials?: number; seed?: number; mapping?: string; invalidRows?: 'error' | 'skip' }) => {
    const errors: InputIssue[] = [];
    const f = parseMonth(body.from);
    const to = parseMonth(body.to);
    if (f === null) errors.push(issue('from', 'must be a month YYYY-MM', `from: '${body.from}' must be a month YYYY-MM`));
    if (to === null) errors.push(issue('to', 'must be a month YYYY-MM', `to: '${body.to}' must be a month YYYY-MM`));
    const n = f !== null && to !== null ? to - f + 1 : 0;
    if (f !== null && to !== null && (n < 1 || n > 120)) errors.push(issue('to', 'must be 1 to 120 months after from', `to: must be 1 to 120 months after from (${body.from} .. ${body.to} is ${n} months)`));
    const rec = body as unknown as Record<string, unknown>;
    const trials = optionalInt(rec, 'trials', 1, MAX_TRIALS, errors);
    const seed = optionalInt(rec, 'seed', 0, MAX_SEED, errors);
    const input = scenarioOf(body.scenario, 'scenario', errors);
    if (errors.length > 0 || !input) throw bad(errors);
    let scenario: Scenario;
    try {
      scenario = backtestScenario(input, n, body.from);
    } catch (e) {
      throw bad([issue('scenario', 'invalid scenario', `scenario: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)]);
    }
    const booked = bookedRevenue(body.csv, { from: body.from, to: body.to, mapping: body.mapping ?? null, invalidRows: body.invalidRows === 'skip' ? 'skip' : 'error' });
    return { scenario, booked, trials: trials ?? scenario.trials, seed: seed ?? scenario.seed };
  },
  band: (t: { booked: BookedRevenue; parts: TrialResults[]; seed: number }) => compareToBand(t.booked, merge(t.parts), t.seed),

  /** The forecast's scenarios (server POST /api/forecast: prepareForecastTask). */
  prepareForecast: (t: { input: ForecastInput; actions: ForecastAction[] }) => prepareForecast(t.input, t.actions),
  /**
   * The forecast's scenarios with its trials, seed and, with `precision` or no trial count anywhere (no
   * `trials`, none in the scenario as written), its precision plan (server POST /api/forecast): the targets
   * must be measurable on this forecast (p_plan needs a plan), a 400 before any trial runs.
   */
  planForecast: (t: { input: ForecastInput; actions: ForecastAction[]; trials?: number; seed?: number; precision?: string; maxTrials?: number }) => {
    const errors: InputIssue[] = [];
    const rec = t as unknown as Record<string, unknown>;
    const trials = optionalInt(rec, 'trials', 1, MAX_TRIALS, errors);
    const seed = optionalInt(rec, 'seed', 0, MAX_SEED, errors);
    const asked = precisionOf(rec, errors);
    let owns = true;
    try {
      const sc = t.input.scenario;
      owns = ownsTrials(typeof sc === 'string' ? parseText(sc) : sc);
    } catch {
      owns = true;
    }
    if (asked.spec === undefined && asked.cap !== undefined && (trials !== undefined || owns)) errors.push(maxTrialsAlone());
    if (errors.length > 0) throw bad(errors);
    const prepared = prepareForecast(t.input, t.actions);
    const unnamed = asked.spec === undefined && trials === undefined && !owns;
    const spec = asked.spec ?? (unnamed ? defaultPrecisionSpec(prepared.setup.plan > 0) : undefined);
    const precision = spec === undefined ? undefined : plannedPrecision(spec, asked.cap, asked.spec === undefined);
    if (precision) forecastPrecisionTracker(prepared.setup, precision.spec);
    const base = prepared.setup.scenario;
    return { prepared, trials: precision ? precision.maxTrials : (trials ?? base.trials), seed: seed ?? base.seed, ...(precision ? { precision } : {}) };
  },
  forecastReport: (t: { prepared: PreparedForecast; parts: TrialResults[][]; seed: number }) => reportPrepared(t.prepared, t.parts.map(merge), t.seed),

  /** A Summary's CSV export (server POST /api/summary/csv): the engine's writer, nothing run. */
  summaryCsv: (summary: Summary) => summaryCsv(summary),

  /**
   * A synthetic export of a scenario to try the forecast on, with salesim synth's options (server POST
   * /api/forecast/sample: the same body checks, then parallel/forecast.ts sampleExportTask's `sampleExport`).
   */
  sample: (body: Record<string, unknown>) => {
    const { scenario, options } = sampleExportRequest(body, readPreset);
    return sampleExport(scenario as never, options);
  },

};

export type TaskName = keyof typeof tasks;

/** The distinct buffers of the typed arrays in a value (two levels deep: results, `{ merged }`), to transfer. */
function buffersOf(value: unknown, depth = 2, seen = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) seen.add(value.buffer);
  } else if (depth > 0 && value && typeof value === 'object') {
    for (const v of Object.values(value)) buffersOf(v, depth - 1, seen);
  }
  return [...seen];
}

/** An answer to post: the value, or the failure as the API's error shape. */
export function answer(name: string, payload: unknown, report?: (progress: unknown) => void): { ok: true; value: unknown } | { ok: false; status: number; errors: InputIssue[] } {
  try {
    const task = (tasks as Record<string, (p: never, report?: (progress: unknown) => void) => unknown>)[name];
    if (!task) return { ok: false, status: 500, errors: [issue(null, 'unknown task', `the engine worker has no task '${name}'`)] };
    return { ok: true, value: task(payload as never, report) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, status: (e as { status?: number }).status ?? 400, errors: e.errors };
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, status: 500, errors: [issue(null, 'engine error', msg)] };
  }
}

// in a worker: answer each message (a Node test imports this module only for `tasks` and `answer`)
declare const WorkerGlobalScope: unknown;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(m: unknown, transfer: Transferable[]): void };
  scope.onmessage = (ev: MessageEvent<{ id: number; name: string; payload: unknown }>) => {
    const { id, name, payload } = ev.data;
    const a = answer(name, payload, (progress) => scope.postMessage({ id, progress }, []));
    scope.postMessage({ id, ...a }, a.ok ? buffersOf(a.value) : []);
  };
}
