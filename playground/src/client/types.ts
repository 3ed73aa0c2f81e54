/**
 * The playground's one client interface for "run this" (issue 31), with two implementations: HTTP to
 * the salesim server (client/http.ts) and the engine in Web Workers in the page (client/workers.ts).
 * Views call it and never know which one answers. Answers are the engine's own types (type-only imports).
 */
import type { BacktestResult, RollingOptions, RollingResult, ScenarioIndices, OutcomeMetric, CalibrationWithLeads, CompareResult, SolvePoint, ForecastAction, ForecastReport, InputIssue, PrecisionReport, SampleExportOptions, SensitivityResult, SolveResult, Summary } from '../../../engine/index.js';

/**
 * A run request: the scenario object plus optional overrides. `trials: 'auto'` names no trial count: the
 * run answers to the engine's default precision (the scenario's own `trials` is dropped).
 */
export interface RunRequest {
  scenario: unknown;
  trials?: number | 'auto';
  seed?: number;
  /** a precision-targeted run instead of trials, e.g. 'p_plan=0.01' (server/precision.ts) */
  precision?: string;
  /** its cap */
  maxTrials?: number;
}

/** Progress of a run: a partial Summary (a run of a trial count), or a precision run's report so far (`total` is its cap). */
export interface Progress {
  done: number;
  total: number;
  summary?: Summary | null;
  precision?: PrecisionReport;
}

/** A comparison's progress: trials done over all designs and per design (baseline first; they run one after another). */
export interface CompareProgress {
  done: number;
  total: number;
  trials: number;
  designs: { name: string; done: number }[];
  /** set by the view: a run to a precision, every design together on the same blocks, `trials` its cap */
  precise?: boolean;
}

export interface PresetInfo {
  id: string;
  name: string;
  description?: string;
  [k: string]: unknown;
}

export interface StoredScenario {
  id: string;
  name?: string;
  updatedAt?: string;
  [k: string]: unknown;
}

/** One stored revision: its source text verbatim and its resolved scenario. */
export interface SavedRevision {
  revision: number;
  createdAt: string;
  format: 'yaml' | 'json';
  source: string;
  scenario: Record<string, unknown>;
}

export interface BacktestRequest {
  csv: string;
  scenario: unknown;
  from: string;
  to: string;
  trials?: number;
  seed?: number;
  /** the export's column mapping as YAML or JSON text (salesim backtest --map) */
  mapping?: string;
  invalidRows?: 'error' | 'skip';
}

/** Sobol indices over a scenario's assumptions (POST /api/sensitivity with sobol; salesim sensitivity --sobol --metric M --draws N). */
export interface SobolRequest {
  scenario: unknown;
  seed?: number;
  /** default: ARR with a customers block, else revenue */
  metric?: OutcomeMetric;
  /** rows of the Sobol plan (8 to 4096; default 256) */
  draws?: number;
}

/** A rolling-origin back-test (POST /api/backtest with asOf; salesim backtest --as-of D1,D2,...): each date's cut calibrated on itself, its next months forecast and scored. */
export type RollingBacktestRequest = { csv: string; /** column and stage mapping as YAML text */ mapping?: string } & Omit<RollingOptions, 'mapping' | 'onProgress'>;

/** A calibration's options (POST /api/calibrate's asOf, from, to, point, trend; salesim calibrate's flags). */
export interface CalibrateRequestOptions {
  asOf?: string;
  from?: string;
  to?: string;
  point?: boolean;
  trend?: boolean;
  /** the column / stage / date-order mapping as YAML or JSON text (salesim calibrate --map) */
  mapping?: string;
  /** 'skip' drops malformed rows, counted in the report (--skip-invalid) */
  invalidRows?: 'error' | 'skip';
}

export interface ForecastRequest {
  opportunities: string;
  roster?: string | null;
  scenario: unknown;
  asOf: string;
  through?: string;
  plan?: number;
  /** ignore the scenario's uncertainty block (salesim forecast --point) */
  point?: boolean;
  /** the export's column / stage / date-order mapping as YAML or JSON text (salesim forecast --map) */
  mapping?: string;
  /** drop malformed rows instead of refusing the export (salesim forecast --skip-invalid) */
  invalidRows?: 'error' | 'skip';
  actions?: ForecastAction[];
  trials?: number;
  seed?: number;
  /** run until these targets hold for the forecast from today instead of `trials` (salesim forecast --precision), e.g. 'p_plan=0.01' */
  precision?: string;
  /** its cap */
  maxTrials?: number;
}

export interface SampleExport {
  opportunities: string;
  roster: string;
  /** a month end inside the export: six months before its end (its middle month when shorter than a year) */
  asOf: string;
  /** mechanisms of the scenario the synthetic history does not model */
  warnings?: string[];
}

/** The sample export request (POST /api/forecast/sample's body): the scenario and salesim synth's options. */
export type SampleRequest = { scenario: unknown } & SampleExportOptions;

/** The goal-seek request (POST /api/solve's body). */
export interface SolveRequest {
  scenario: unknown;
  vary: string;
  target: string;
  min?: number;
  max?: number;
  tolerance?: number;
  trials?: number;
  seed?: number;
  /** 'bracket': rerun the search at more trials until the answer is decided, up to maxTrials (salesim solve --precision bracket) */
  precision?: string;
  maxTrials?: number;
}

export type { InputIssue };

export interface SalesimClient {
  /** 'server': HTTP to a salesim server; 'browser': the engine in this page's Web Workers */
  readonly kind: 'server' | 'browser';
  /** whether stored scenarios (save, open, revisions) are available: they need the server */
  readonly hasStore: boolean;
  presets(): Promise<PresetInfo[]>;
  preset(id: string): Promise<Record<string, unknown>>;
  /** a run's Summary */
  simulate(req: RunRequest, signal?: AbortSignal): Promise<Summary>;
  /**
   * A Summary's CSV export, written by the engine (engine/summaryCsv.ts): the server's POST
   * /api/summary/csv, or the engine in a worker; for the same Summary, the same bytes as `salesim run --csv` and POST
   * /api/simulate with Accept: text/csv for that run.
   */
  summaryCsv(summary: Summary, signal?: AbortSignal): Promise<string>;
  /** a run with partial Summaries as trials complete; aborting cancels it */
  stream(req: RunRequest, opts?: { signal?: AbortSignal; onProgress?: (p: Progress) => void }): Promise<Summary>;
  /** a comparison; with `onProgress`, trials done per design as they run (not with `assumptions`) */
  compare(body: unknown, signal?: AbortSignal, onProgress?: (p: CompareProgress) => void): Promise<CompareResult>;
  sensitivity(body: unknown, signal?: AbortSignal): Promise<SensitivityResult>;
  /** variance-based sensitivity: the Sobol indices of the outcome over the scenario's assumptions */
  sobol(req: SobolRequest, signal?: AbortSignal): Promise<ScenarioIndices>;
  /** goal seek; with `onPoint`, each value as it is run (the bracket so far) */
  solve(body: SolveRequest, signal?: AbortSignal, onPoint?: (p: SolvePoint) => void): Promise<SolveResult>;
  /** calibration on an opportunity export, with a rep roster and a lead export (adds the demand block) when given */
  calibrate(csv: string, roster?: string | null, signal?: AbortSignal, leads?: string | null, options?: CalibrateRequestOptions): Promise<CalibrationWithLeads>;
  backtest(req: BacktestRequest, signal?: AbortSignal): Promise<BacktestResult>;
  /** the rolling-origin back-test: forecasts made at past dates, scored against what was booked */
  rollingBacktest(req: RollingBacktestRequest, signal?: AbortSignal): Promise<RollingResult>;
  /** the forecast from an as-of date; with `onProgress` (the in-browser engine only: the server's answer is one response), trials done over every scenario */
  forecast(req: ForecastRequest, signal?: AbortSignal, onProgress?: (p: { done: number; total: number }) => void): Promise<ForecastReport>;
  /** a synthetic export of a scenario with salesim synth's options (months, start, seed, prospects, resolveByAge, quarterEndWin, arrivalDrift) */
  sample(req: SampleRequest, signal?: AbortSignal): Promise<SampleExport>;
  listScenarios(): Promise<StoredScenario[]>;
  getScenario(id: string): Promise<Record<string, unknown>>;
  saveScenario(body: unknown): Promise<StoredScenario>;
  updateScenario(id: string, body: unknown): Promise<StoredScenario>;
  deleteScenario(id: string): Promise<void>;
  /** a stored scenario's revisions, oldest first */
  scenarioRevisions(id: string): Promise<SavedRevision[]>;
  /** adds an old revision again as the newest (history is never rewritten) */
  restoreRevision(id: string, revision: number): Promise<StoredScenario>;
}

/** The one-line reason shown where a feature needs the server (the static build). */
export const NEEDS_SERVER = 'Saved scenarios and revisions need the server: this page runs the engine in your browser (static build). Use a share link or Export instead.';
