/**
 * The playground's state and actions: the scenario being edited (with undo), the run lifecycle
 * (SSE progress, debounced re-runs that cancel the previous one, a fixed seed until 'new draw'),
 * and the compare, sensitivity and trainer views. Components read `app.store` and call actions.
 */
import type { Summary } from '../../engine/types.js';
import type { PrecisionReport } from '../../engine/precision/report.js';
import { api as defaultApi, ApiError, withoutTrials, type Api, type ApiIssue, type CompareProgress, type CompareResult, type PresetInfo, type Progress, type SavedRevision, type SensitivityParameter, type SensitivityResult, type StoredScenario } from './api.js';
import { createHistory, createStore } from './store.js';
import { getIn, setIn } from './path.js';
import { trainerScenario, TRAINER_TRIALS } from './trainer-scenario.js';
import { decodeShare, encodeShare } from './share.js';
import { describeChanges } from './diff.js';
import { applyEdits } from './yaml-edit.js';

export type View = 'results' | 'compare' | 'sensitivity' | 'trainer' | 'calibrate' | 'forecast';
export type ScenarioInput = Record<string, unknown>;

export interface Variant {
  name: string;
  scenario: ScenarioInput;
}

export interface AppState {
  scenario: ScenarioInput;
  seed: number;
  /** the fixed trial count (the run's when `auto` is off; the other views' trials) */
  trials: number;
  /** trials: auto (the default): the run answers to the engine's default precision (P(plan) ±0.01, mean revenue ±0.5%) */
  auto: boolean;
  /** with auto: the precision targets ('' = the engine's default), e.g. 'p_plan=0.005,revenue=0.25%' (salesim run --precision) */
  precision: string;
  presets: PresetInfo[];
  presetId: string | null;
  summary: Summary | null;
  /** the inputs the shown summary is for: when they differ from the editor's, the results are stale */
  summaryInputs: { scenario: ScenarioInput; seed: number; trials: number; auto?: boolean; precision?: string } | null;
  /** a precision run (auto) also carries the precision reached so far, after each block */
  progress: { done: number; total: number; precision?: PrecisionReport } | null;
  running: boolean;
  /** input problems from the server's 400, placed next to fields by path */
  errors: ApiIssue[];
  /** a failure that is not about a field (network, 429, 500) */
  runError: string | null;
  view: View;
  canUndo: boolean;
  saved: StoredScenario[];
  savedId: string | null;
  /**
   * The text the editor's scenario was loaded from (a saved scenario or a preset) and the editor form
   * it gave (with its seed and trials): saving writes only the edits into this text, so comments survive.
   */
  source: { text: string; base: ScenarioInput } | null;
  /** the saved scenario's revisions, oldest first, while the history panel is open */
  revisions: { open: boolean; list: SavedRevision[] | null; error: string | null };
  notice: string | null;
  /** a long action other than the run (compare, tornado, goal seek, forecast, fit, back-test): what the header says is going on */
  activity: { label: string; done: number | null; total: number | null } | null;
  /** `progress`: trials done per design of the comparison running (null when none is, or it cannot count: assumptions) */
  compare: { baseline: Variant | null; variants: Variant[]; result: CompareResult | null; running: boolean; error: string | null; progress?: CompareProgress | null };
  /** the tornado fills in as each parameter's pair of runs completes: `progress` counts parameters */
  sensitivity: {
    result: SensitivityResult | null;
    running: boolean;
    error: string | null;
    progress: { done: number; total: number } | null;
    scenario: ScenarioInput | null;
    trials?: number;
    /**
     * the user's choice: trials per point (null: the run's, at most 1,000), the parameters (null: the engine's
     * default list) and how far each moves (relative: ±share of its value; absent: the engine's ±20%)
     */
    choice?: SensitivityChoice;
    /** the problems of the last plan, as the API names them (a parameter's path for a bad range) */
    issues?: ApiIssue[];
    /** the relative move and ranges of the run shown (the table says which low/high values were set) */
    ranUsing?: { relative?: number; ranges?: Record<string, SensitivityRange> };
    /** the parameters of the last plan (the engine's default list, plus any chosen), to pick from */
    planned?: string[];
  };
  trainer: { f: number; baseline: Summary | null; current: Summary | null; running: boolean; error: string | null };
}

/** A parameter's own low and/or high value (salesim sensitivity --param path=lo:hi); an end left out moves by the relative share. */
export interface SensitivityRange {
  low?: number;
  high?: number;
}

/**
 * The tornado's choice: trials per point (null: the run's, at most 1,000), the parameters (null: the engine's
 * default list), how far each moves (relative: ±share of its value; absent: the engine's ±20%) and, per
 * parameter, its own low and high values.
 */
export interface SensitivityChoice {
  trials: number | null;
  paths: string[] | null;
  relative?: number;
  ranges?: Record<string, SensitivityRange>;
}

/**
 * The `params` of the tornado's plan request (POST /api/sensitivity): the chosen parameters (null: the
 * engine's default list) with any low/high set for them; undefined when neither is chosen.
 * @example sensitivityRequestParams({ trials: null, paths: null, ranges: { 'reps.cycleMonths': { low: 2 } } }, ['reps.winRate.mean', 'reps.cycleMonths']) // [{ path: 'reps.winRate.mean' }, { path: 'reps.cycleMonths', low: 2 }]
 */
export function sensitivityRequestParams(choice: SensitivityChoice, planned: string[] | undefined): { path: string; low?: number; high?: number }[] | undefined {
  const ranges = choice.ranges ?? {};
  const set = (p: string) => ranges[p] && (ranges[p].low !== undefined || ranges[p].high !== undefined);
  const paths = choice.paths ?? (planned && planned.some(set) ? planned : null);
  if (!paths) return undefined;
  return paths.map((path) => ({ path, ...(ranges[path]?.low !== undefined ? { low: ranges[path].low } : {}), ...(ranges[path]?.high !== undefined ? { high: ranges[path].high } : {}) }));
}

const EMPTY_SCENARIO: ScenarioInput = {
  name: 'Baseline',
  horizonMonths: 12,
  reps: { seats: 20, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
};

export interface AppOptions {
  api?: Api;
  /** debounce before an input change re-runs, ms */
  debounceMs?: number;
  /** a slider drag: debounce before the quick preview run, and the pause after it before the full run, ms */
  previewDebounceMs?: number;
  refineAfterMs?: number;
}

/**
 * The trial count of a slider's quick first run: a fifth of the run, at least 200 (never more than the run).
 * @example previewTrials(2000) // 400
 */
export function previewTrials(trials: number): number {
  return Math.min(trials, Math.max(200, Math.round(trials / 5)));
}

function message(e: unknown): string {
  if (e instanceof ApiError) return e.errors.map((x) => x.message).join('; ');
  return e instanceof Error ? e.message : String(e);
}
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/**
 * A scenario as the editor holds it: the server's resolved form minus `reps.seats` when territories
 * are listed (it is derived from them, and keeping it would conflict with every territory edit).
 * @example editable({ territories: [{ name: 'A', seats: 2 }], reps: { seats: 2 } }).reps // {}
 */
export function editable(s: ScenarioInput): ScenarioInput {
  if (!Array.isArray(s.territories) || s.territories.length === 0 || !s.reps || typeof s.reps !== 'object') return s;
  const { seats: _derived, ...reps } = s.reps as Record<string, unknown>;
  return { ...s, reps };
}

/**
 * Whether the shown results are for other inputs than the editor's (an edit not yet run, a run that
 * failed validation, another seed or trial count).
 * @example isStale({ summary: null, ... }) // false: nothing shown
 */
export function isStale(st: Pick<AppState, 'summary' | 'summaryInputs' | 'scenario' | 'seed' | 'trials'> & { auto?: boolean; precision?: string }): boolean {
  if (!st.summary || !st.summaryInputs) return false;
  const i = st.summaryInputs;
  if ((i.auto ?? false) !== (st.auto ?? false)) return true;
  if (st.auto && (i.precision ?? '') !== (st.precision ?? '')) return true;
  return i.scenario !== st.scenario || i.seed !== st.seed || (!st.auto && i.trials !== st.trials);
}

/**
 * The trial count of a slider's quick first run in auto mode: a fifth of the usual 2,000 (the full run,
 * to the default precision, follows).
 */
export const AUTO_PREVIEW_TRIALS = 400;

/**
 * Creates the playground's state and actions.
 * @example
 * const app = createApp({ api });
 * app.setField('reps.seats', 30); // records undo, schedules a debounced re-run
 */
/**
 * How a view other than the run (compare, sensitivity, forecast) takes its trials from the toolbar: with
 * Trials: auto, to the toolbar's precision targets, or (none given) to the engine's default precision, the
 * request then naming no trial count anywhere (the scenarios' own dropped; salesim compare / sensitivity /
 * forecast without --trials); otherwise the toolbar's count, at most `cap`.
 * @example runChoice({ auto: true, precision: 'p_plan=0.005', trials: 2000 }) // { precision: 'p_plan=0.005' }
 * @example runChoice({ auto: false, precision: '', trials: 5000 }, 1000) // { trials: 1000 }
 */
export function runChoice(st: Pick<AppState, 'auto' | 'precision' | 'trials'>, cap = Infinity): { trials: number } | { precision?: string } {
  if (!st.auto) return { trials: Math.min(st.trials, cap) };
  return st.precision ? { precision: st.precision } : {};
}

/**
 * A view's request body with the toolbar's choice: a trial count, or (auto) the precision targets with
 * every scenario's own trial count dropped, so that nothing names one.
 * @example choiceScenario({ trials: 2000, reps: {} }, {}) // { reps: {} }
 */
export function choiceScenario<T>(scenario: T, choice: { trials: number } | { precision?: string }): T {
  return 'trials' in choice ? scenario : withoutTrials(scenario);
}

export function createApp(opts: AppOptions = {}) {
  const api = opts.api ?? defaultApi;
  const debounceMs = opts.debounceMs ?? 350;
  const previewDebounceMs = opts.previewDebounceMs ?? 80;
  const refineAfterMs = opts.refineAfterMs ?? 400;
  let refineTimer: ReturnType<typeof setTimeout> | null = null;
  const store = createStore<AppState>({
    scenario: EMPTY_SCENARIO,
    seed: 1,
    trials: 2000,
    auto: true,
    precision: '',
    presets: [],
    presetId: null,
    summary: null,
    summaryInputs: null,
    progress: null,
    running: false,
    errors: [],
    runError: null,
    view: 'results',
    canUndo: false,
    saved: [],
    savedId: null,
    source: null,
    revisions: { open: false, list: null, error: null },
    notice: null,
    activity: null,
    compare: { baseline: null, variants: [], result: null, running: false, error: null },
    sensitivity: { result: null, running: false, error: null, progress: null, scenario: null },
    trainer: { f: 0.5, baseline: null, current: null, running: false, error: null },
  });
  const history = createHistory<ScenarioInput>(200);
  let lastEdit = { path: '', at: 0 };
  let runController: AbortController | null = null;
  let runTimer: ReturnType<typeof setTimeout> | null = null;
  let trainerController: AbortController | null = null;
  let trainerTimer: ReturnType<typeof setTimeout> | null = null;
  let runCount = 0;

  const get = () => store.get();

  function notify(text: string) {
    store.set({ notice: text });
  }

  /** Cancels any pending or running simulation. */
  function cancelRun() {
    if (runTimer) clearTimeout(runTimer);
    runTimer = null;
    if (refineTimer) clearTimeout(refineTimer);
    refineTimer = null;
    runController?.abort();
    runController = null;
  }

  /**
   * Runs the current scenario now (cancelling any previous run), streaming partial summaries. A
   * `preview` run (a slider drag) uses `previewTrials` for a fast first picture; the full run follows.
   */
  async function run(opts: { preview?: boolean } = {}): Promise<Summary | null> {
    cancelRun();
    const controller = new AbortController();
    runController = controller;
    const id = ++runCount;
    const { scenario, seed, trials: full, auto, precision } = get();
    // auto: the engine's default precision (the request names no trial count); a preview is a quick fixed run
    const trials: number | 'auto' = opts.preview ? (auto ? AUTO_PREVIEW_TRIALS : previewTrials(full)) : auto ? 'auto' : full;
    // a preview answers the current inputs (not stale); its smaller trial count shows on the charts
    const inputs = { scenario, seed, trials: full, auto, precision };
    store.set({ running: true, progress: { done: 0, total: trials === 'auto' ? 0 : trials }, runError: null });
    const onProgress = (p: Progress) => {
      if (id !== runCount) return;
      // a precision run's bar runs to the trials it is expected to need (the engine's projection)
      const total = p.precision ? (p.precision.projected ?? p.total) : p.total;
      store.set({ progress: { done: p.done, total, ...(p.precision ? { precision: p.precision } : {}) }, ...(p.summary ? { summary: p.summary, summaryInputs: inputs } : {}), errors: [] });
    };
    try {
      const shown = get().summaryInputs;
      if (trials === 'auto' && !(shown && shown.scenario === scenario && shown.seed === seed)) {
        // a precision run sends no partial Summaries: a quick fixed run first puts a picture on screen (its
        // trials are the first ones of the precision run too, so the figures only sharpen)
        const first = await api.stream({ scenario, seed, trials: AUTO_PREVIEW_TRIALS }, { signal: controller.signal, onProgress });
        if (id !== runCount) return null;
        store.set({ summary: first, summaryInputs: inputs, errors: [] });
      }
      // auto with targets of the user's: a run to those (salesim run --precision), else to the engine's default
      const summary = await api.stream({ scenario, seed, trials, ...(trials === 'auto' && precision ? { precision } : {}) }, { signal: controller.signal, onProgress });
      if (id !== runCount) return null;
      store.set({ summary, summaryInputs: inputs, running: false, progress: { done: summary.trials, total: summary.trials, ...(summary.precision ? { precision: summary.precision } : {}) }, errors: [] });
      return summary;
    } catch (e) {
      if (isAbort(e) || id !== runCount) return null;
      if (e instanceof ApiError && e.status === 400) store.set({ errors: e.errors, running: false, progress: null });
      else store.set({ runError: message(e), running: false, progress: null });
      return null;
    } finally {
      if (runController === controller) runController = null;
    }
  }

  /** Schedules a debounced re-run after an input change. */
  function scheduleRun() {
    if (runTimer) clearTimeout(runTimer);
    runTimer = setTimeout(() => {
      runTimer = null;
      void run();
    }, debounceMs);
  }

  /** A slider drag: a quick small run soon, then the full run once the slider has rested. */
  function schedulePreview() {
    if (runTimer) clearTimeout(runTimer);
    if (refineTimer) clearTimeout(refineTimer);
    refineTimer = null;
    runTimer = setTimeout(() => {
      runTimer = null;
      const at = runCount + 1;
      void run({ preview: true }).then((s) => {
        // refine only if nothing else started meanwhile, and only when the preview was smaller
        if (!s || runCount !== at || (!get().auto && s.trials >= get().trials)) return;
        refineTimer = setTimeout(() => {
          refineTimer = null;
          void run();
        }, refineAfterMs);
      });
    }, previewDebounceMs);
  }

  function replaceScenario(scenario: ScenarioInput, undoable = true) {
    if (undoable) history.push(get().scenario);
    store.set({ scenario, canUndo: history.size > 0 });
    scheduleRun();
  }

  /**
   * Sets one field by path. Rapid changes to the same field (a slider drag) coalesce into one undo step.
   */
  function setField(path: string, value: unknown, opts: { preview?: boolean } = {}) {
    const now = Date.now();
    const coalesce = lastEdit.path === path && now - lastEdit.at < 1000;
    lastEdit = { path, at: now };
    const next = setIn(get().scenario, path, value);
    if (!coalesce) history.push(get().scenario);
    store.set({ scenario: next, canUndo: history.size > 0, errors: get().errors.filter((e) => e.path !== path) });
    if (opts.preview) schedulePreview();
    else scheduleRun();
  }

  function undo() {
    const prev = history.pop();
    if (!prev) return;
    lastEdit = { path: '', at: 0 };
    store.set({ scenario: prev, canUndo: history.size > 0 });
    scheduleRun();
  }

  /** The seed and trial count a scenario names (the schema's defaults when it names none). */
  function runOf(scenario: ScenarioInput): { seed: number; trials: number } {
    return { seed: typeof scenario.seed === 'number' ? scenario.seed : 1, trials: typeof scenario.trials === 'number' ? scenario.trials : 2000 };
  }

  function scenarioFrom(body: Record<string, unknown>): ScenarioInput {
    return editable((body.scenario ?? body) as ScenarioInput);
  }

  async function loadPreset(id: string) {
    try {
      const body = await api.preset(id);
      const scenario = scenarioFrom(body);
      // a preset brings its seed; the trial count stays the toolbar's (presets leave it at the default)
      const { seed, trials } = runOf(scenario);
      history.push(get().scenario);
      const source = typeof body.source === 'string' ? { text: body.source, base: { ...scenario, seed, trials } } : null;
      store.set({ presetId: id, savedId: null, source, revisions: { open: false, list: null, error: null }, scenario, seed, canUndo: true, errors: [], summary: null, summaryInputs: null });
      await run();
    } catch (e) {
      store.set({ runError: `Could not load preset ${id}: ${message(e)}` });
    }
  }

  async function init(hash = typeof location !== 'undefined' ? location.hash : '') {
    try {
      const presets = (await api.presets()).filter((p) => p.scenario !== null);
      store.set({ presets });
      const shared = decodeShare(hash);
      if (shared) {
        store.set({ scenario: editable(shared.scenario), seed: shared.seed ?? 1, trials: shared.trials ?? get().trials, auto: shared.trials === undefined });
        await run();
      } else if (presets.length > 0) await loadPreset(presets[0].id);
      else await run();
    } catch (e) {
      store.set({ runError: `${api.kind === 'browser' ? 'The engine did not start in this page' : 'The server is not answering'}: ${message(e)}` });
    }
    void refreshSaved();
  }

  function newDraw() {
    store.set({ seed: Math.floor(Math.random() * 2 ** 31), trainer: { ...get().trainer, baseline: null, current: null } });
    if (get().view === 'trainer') void runTrainer();
    void run();
  }

  /** The precision targets of an auto run ('' = the engine's default); runs again when auto is on. */
  function setPrecision(spec: string) {
    store.set({ precision: spec.trim() });
    if (get().auto) void run();
  }

  /** A fixed trial count, or 'auto' (the default precision). */
  function setTrials(trials: number | 'auto') {
    store.set(trials === 'auto' ? { auto: true } : { trials, auto: false });
    void run();
  }

  function setView(view: View) {
    const from = get().view;
    // leaving a view cancels its work in flight (the static build terminates the workers running it)
    if (from !== view) leaveView(from);
    store.set({ view });
    if (view === 'trainer' && !get().trainer.current) void runTrainer();
    // the tornado starts by itself the first time, and again when the scenario has changed since
    const sens = get().sensitivity;
    if (view === 'sensitivity' && !sens.running && get().errors.length === 0 && sens.scenario !== get().scenario) void runSensitivity();
  }

  function leaveView(view: View) {
    if (view === 'compare' && compareController) {
      compareController.abort();
      compareController = null;
      store.set({ compare: { ...get().compare, running: false, progress: null } });
    }
    if (view === 'sensitivity' && sensitivityController && get().sensitivity.running) {
      sensitivityController.abort();
      sensitivityController = null;
      // not finished: it starts again when the view is shown again
      store.set({ sensitivity: { ...get().sensitivity, running: false, scenario: null } });
    }
    if (view === 'trainer' && trainerController && get().trainer.running) {
      trainerController.abort();
      trainerController = null;
      store.set({ trainer: { ...get().trainer, running: false } });
    }
  }

  // --- save, load, share ---------------------------------------------------------------------------
  async function refreshSaved() {
    if (!api.hasStore) return; // the static build: the store needs the server
    try {
      store.set({ saved: await api.listScenarios() });
    } catch {
      /* the store is optional for the playground to work */
    }
  }

  /**
   * Saves the editor's scenario with the seed and trials it runs with, as YAML text: the text it was
   * loaded from with only the edits written in (comments kept), or plain YAML for a new one.
   */
  async function save() {
    const { scenario, savedId, seed, trials, source } = get();
    const name = String(scenario.name ?? 'Untitled scenario');
    try {
      const after = { ...scenario, seed, trials };
      const text = applyEdits(source?.text ?? null, source?.base ?? {}, after);
      const body = { yaml: text };
      const saved = savedId ? await api.updateScenario(savedId, body) : await api.saveScenario(body);
      store.set({ savedId: saved.id ?? savedId, source: { text, base: after } });
      notify(`Saved “${name}”${typeof saved.revision === 'number' ? ` (revision ${saved.revision})` : ''}`);
      await refreshSaved();
      if (get().revisions.open) await openRevisions();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) store.set({ errors: e.errors });
      notify(`Save failed: ${message(e)}`);
    }
  }

  /** Puts a stored scenario (or revision) in the editor with its own seed and trials, and runs it. */
  function openStored(id: string, body: Record<string, unknown>) {
    const scenario = scenarioFrom(body);
    const { seed, trials } = runOf(scenario);
    history.push(get().scenario);
    const source = typeof body.source === 'string' ? { text: body.source, base: { ...scenario, seed, trials } } : null;
    // a saved scenario names its trials: it runs exactly that many (trials: auto is one pick away)
    store.set({ scenario, seed, trials, auto: false, source, savedId: id, presetId: null, canUndo: true, errors: [] });
  }

  async function loadSaved(id: string) {
    try {
      openStored(id, await api.getScenario(id));
      store.set({ revisions: { open: false, list: null, error: null } });
      await run();
    } catch (e) {
      notify(`Load failed: ${message(e)}`);
    }
  }

  /** Opens the history panel of the saved scenario: its revisions, oldest first. */
  async function openRevisions() {
    const id = get().savedId;
    if (!id) return;
    store.set({ revisions: { open: true, list: get().revisions.list, error: null } });
    try {
      const list = await api.scenarioRevisions(id);
      if (get().savedId === id) store.set({ revisions: { open: get().revisions.open, list, error: null } });
    } catch (e) {
      store.set({ revisions: { ...get().revisions, error: message(e) } });
    }
  }
  function closeRevisions() {
    store.set({ revisions: { ...get().revisions, open: false } });
  }

  /** Restores an old revision: the store adds it again as the latest, and the editor opens it. */
  async function restoreRevision(revision: number) {
    const id = get().savedId;
    if (!id) return;
    try {
      const restored = await api.restoreRevision(id, revision);
      openStored(id, restored as Record<string, unknown>);
      notify(`Restored revision ${revision} as revision ${String(restored.revision ?? '')}`);
      await openRevisions();
      await refreshSaved();
      await run();
    } catch (e) {
      notify(`Restore failed: ${message(e)}`);
    }
  }

  /** The share link for the current scenario, seed and trials. */
  function shareUrl(base = typeof location !== 'undefined' ? location.href.split('#')[0] : ''): string {
    const { scenario, seed, trials, auto } = get();
    // trials: auto travels as no trial count
    return base + encodeShare(auto ? { scenario, seed } : { scenario, seed, trials });
  }

  // --- long actions --------------------------------------------------------------------------------
  const activities: { label: string; done: number | null; total: number | null }[] = [];
  /**
   * Starts a long action the header describes ("Comparing 3 designs × 2,000 trials…"); `update` sets
   * its progress when the action can count it, `end` removes it (the latest action still going is shown).
   * @example const a = app.startActivity('Goal seek: hiring.plan[0].seats'); try { ... } finally { a.end(); }
   */
  function startActivity(label: string) {
    const entry = { label, done: null as number | null, total: null as number | null };
    activities.push(entry);
    const show = () => store.set({ activity: activities.length ? { ...activities[activities.length - 1] } : null });
    show();
    return {
      update(done: number, total: number) {
        entry.done = done;
        entry.total = total;
        show();
      },
      /** describes the action anew (e.g. what a search has found so far) */
      relabel(text: string) {
        entry.label = text;
        show();
      },
      end() {
        const i = activities.indexOf(entry);
        if (i >= 0) activities.splice(i, 1);
        show();
      },
    };
  }

  // --- compare ---------------------------------------------------------------------------------------
  function addVariant(v: Variant) {
    const c = get().compare;
    if (c.variants.length >= 3) return notify('Compare takes at most 3 variants besides the baseline');
    store.set({ compare: { ...c, variants: [...c.variants, v], result: null } });
  }
  function snapshotVariant() {
    const s = get().scenario;
    const base = get().compare.baseline?.scenario;
    const changes = base ? describeChanges(base, s) : '';
    const name = changes || `${String(s.name ?? 'Variant')} (${get().compare.variants.length + 1})`;
    addVariant({ name, scenario: structuredClone(s) });
  }
  async function addPresetVariant(id: string) {
    try {
      const body = await api.preset(id);
      const p = get().presets.find((x) => x.id === id);
      addVariant({ name: p?.name ?? id, scenario: scenarioFrom(body) });
    } catch (e) {
      notify(`Could not load preset ${id}: ${message(e)}`);
    }
  }
  /** Pins the editor's scenario as the comparison baseline (null: use the editor's scenario live). */
  function pinBaseline(pin = true) {
    const s = get().scenario;
    store.set({ compare: { ...get().compare, baseline: pin ? { name: String(s.name ?? 'Baseline'), scenario: structuredClone(s) } : null, result: null } });
  }
  function removeVariant(i: number) {
    const c = get().compare;
    store.set({ compare: { ...c, variants: c.variants.filter((_, j) => j !== i), result: null } });
  }
  let compareController: AbortController | null = null;
  /**
   * `assumptions`: also ask what the answer depends on (the engine's assumption analysis; slower): true, or
   * what it judges and the Sobol plan's rows (salesim compare --assumptions --metric M --draws N)
   */
  async function runCompare(opts: { assumptions?: boolean | { metric?: 'revenue' | 'margin' | 'arr' | 'plan'; draws?: number } } = {}) {
    const { scenario, seed, compare } = get();
    if (compare.variants.length === 0) return;
    compareController?.abort();
    const controller = (compareController = new AbortController());
    // the toolbar's trials, or (auto) until its precision targets hold: every design on the same blocks (salesim compare --precision)
    const choice = runChoice(get());
    const precise = !('trials' in choice);
    const baseline = choiceScenario(compare.baseline?.scenario ?? scenario, choice);
    store.set({ compare: { ...compare, running: true, error: null, progress: null } });
    const designs = compare.variants.length + 1;
    const how = 'trials' in choice ? `× ${choice.trials.toLocaleString('en-US')} trials` : `until ${choice.precision ? `${choice.precision} holds` : 'the default precision holds'}`;
    const activity = startActivity(`Comparing ${designs} designs ${how} on the same draws${opts.assumptions ? ', then their assumptions' : ': trials done'}…`);
    const onProgress = (p: CompareProgress) => {
      if (compareController !== controller) return;
      store.set({ compare: { ...get().compare, progress: precise ? { ...p, precise } : p } });
      activity.update(p.done, p.total);
    };
    try {
      const result = await api.compare(
        {
          seed,
          ...choice,
          compare: { baseline, variants: compare.variants.map((v) => ({ name: v.name, scenario: choiceScenario(v.scenario, choice) })) },
          ...(opts.assumptions ? { assumptions: opts.assumptions } : {}),
        },
        controller.signal,
        opts.assumptions ? undefined : onProgress,
      );
      // a variant added or removed while it ran: the answer is for another set, so it is not shown
      const same = get().compare.variants === compare.variants && get().compare.baseline === compare.baseline;
      if (compareController === controller) store.set({ compare: { ...get().compare, result: same ? result : null, running: false, progress: null } });
    } catch (e) {
      if (isAbort(e) || compareController !== controller) return;
      store.set({ compare: { ...get().compare, running: false, error: message(e), progress: null } });
    } finally {
      if (compareController === controller) compareController = null;
      activity.end();
    }
  }

  // --- sensitivity -----------------------------------------------------------------------------------
  let sensitivityController: AbortController | null = null;
  /**
   * The tornado, filled in as it goes: one request with a single trial gets the engine's parameter
   * plan (which parameters, their low and high values), then each parameter is run on its own (two at a
   * time, the same seed, so each swing is the one the whole analysis gives) and the bars appear in the
   * engine's order (largest |swing| first, ties in plan order) as they complete.
   */
  async function runSensitivity() {
    sensitivityController?.abort();
    const controller = new AbortController();
    sensitivityController = controller;
    const { scenario, seed } = get();
    const choice = get().sensitivity.choice ?? { trials: null, paths: null };
    // trials per point: the user's pick, else the toolbar's (at most 1,000), or (auto) until its precision targets hold
    // for the base scenario, each low/high run then taking as many trials (salesim sensitivity --precision)
    const run = choice.trials !== null ? { trials: choice.trials } : runChoice(get(), 1000);
    const t = 'trials' in run ? run.trials : undefined;
    const base = choiceScenario(scenario, run);
    const set = (patch: Partial<AppState['sensitivity']>) => {
      if (sensitivityController === controller) store.set({ sensitivity: { ...get().sensitivity, ...patch } });
    };
    set({ running: true, error: null, issues: [], result: null, progress: null, scenario, trials: t, ranUsing: { relative: choice.relative, ranges: choice.ranges } });
    const how = t !== undefined ? `× ${t.toLocaleString('en-US')} trials` : `until ${'precision' in run && run.precision ? `${run.precision} holds` : 'the default precision holds'} for the base`;
    const activity = startActivity(`Sensitivity: each parameter low and high ${how}…`);
    try {
      const params = sensitivityRequestParams(choice, get().sensitivity.planned);
      const plan = await api.sensitivity({ scenario, seed, trials: 1, ...(params ? { params } : {}), ...(choice.relative ? { relative: choice.relative } : {}) }, controller.signal);
      // the parameters to pick from, in a stable order: the plan lists them by swing, and a list that reorders
      // while someone types a low or high would move the box under the cursor
      const prev = get().sensitivity.planned;
      const next = plan.parameters.map((p) => p.path);
      if (!choice.paths && !(prev && prev.length === next.length && next.every((p) => prev.includes(p)))) set({ planned: next });
      const todo = plan.parameters.map((p, i) => ({ i, params: [{ path: p.path, low: p.low, high: p.high }] }));
      const done: { i: number; p: SensitivityParameter }[] = [];
      let head: SensitivityResult | undefined;
      set({ progress: { done: 0, total: todo.length } });
      const worker = async () => {
        for (let job = todo.shift(); job; job = todo.shift()) {
          const r = await api.sensitivity({ scenario: base, seed, ...run, params: job.params }, controller.signal);
          head ??= r;
          // a precision run: the trials the base used (every parameter's request gives the same)
          if (t === undefined && head === r) set({ trials: r.trials });
          done.push({ i: job.i, p: r.parameters[0] });
          done.sort((a, b) => Math.abs(b.p.swing.mean) - Math.abs(a.p.swing.mean) || a.i - b.i);
          set({ result: { ...head, parameters: done.map((d) => d.p) }, progress: { done: done.length, total: plan.parameters.length } });
          activity.update(done.length, plan.parameters.length);
        }
      };
      await Promise.all([worker(), worker()]);
      set({ running: false });
    } catch (e) {
      if (isAbort(e)) return;
      set({ running: false, error: message(e), issues: e instanceof ApiError ? e.errors : [] });
    } finally {
      activity.end();
    }
  }

  /** Sets the tornado's trials per point, parameters (null: the defaults), relative move and ranges, and runs it again. */
  function setSensitivityChoice(choice: Partial<SensitivityChoice>) {
    const prev = get().sensitivity.choice ?? { trials: null, paths: null };
    store.set({ sensitivity: { ...get().sensitivity, choice: { ...prev, ...choice } } });
    void runSensitivity();
  }

  // --- trainer ---------------------------------------------------------------------------------------
  async function runTrainer() {
    trainerController?.abort();
    const controller = new AbortController();
    trainerController = controller;
    const { f } = get().trainer;
    const seed = get().seed;
    store.set({ trainer: { ...get().trainer, running: true, error: null } });
    try {
      const baseline = get().trainer.baseline ?? (await api.simulate({ scenario: trainerScenario(0), seed, trials: TRAINER_TRIALS }, controller.signal));
      const current = f === 0 ? baseline : await api.simulate({ scenario: trainerScenario(f), seed, trials: TRAINER_TRIALS }, controller.signal);
      if (trainerController !== controller) return;
      store.set({ trainer: { ...get().trainer, baseline, current, running: false } });
    } catch (e) {
      if (isAbort(e)) return;
      store.set({ trainer: { ...get().trainer, running: false, error: message(e) } });
    }
  }
  function setTrainerF(f: number) {
    store.set({ trainer: { ...get().trainer, f } });
    if (trainerTimer) clearTimeout(trainerTimer);
    trainerTimer = setTimeout(() => void runTrainer(), 120);
  }

  return {
    store,
    init,
    run,
    cancelRun,
    scheduleRun,
    setField,
    replaceScenario,
    undo,
    loadPreset,
    newDraw,
    setTrials,
    setPrecision,
    setView,
    save,
    loadSaved,
    refreshSaved,
    openRevisions,
    closeRevisions,
    restoreRevision,
    shareUrl,
    snapshotVariant,
    addPresetVariant,
    removeVariant,
    pinBaseline,
    runCompare,
    runSensitivity,
    startActivity,
    setSensitivityChoice,
    setTrainerF,
    runTrainer,
    /** the current run's CSV export, written by the engine (the server, or the engine in this page) */
    summaryCsv: (summary: Summary) => api.summaryCsv(summary),
    get: (path: string) => getIn(get().scenario, path),
    /** whether stored scenarios are available (false in the static build: they need the server) */
    hasStore: api.hasStore,
  };
}

export type App = ReturnType<typeof createApp>;

let current: App | null = null;
/** The page's app instance (created on first use). */
export function getApp(): App {
  current ??= createApp();
  return current;
}
/** Replaces the page's app instance (tests). */
export function setApp(a: App): void {
  current = a;
}
