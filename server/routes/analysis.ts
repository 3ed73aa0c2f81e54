/**
 * POST /api/compare and POST /api/sensitivity: the engine's paired comparison and tornado. The trials
 * of every scenario run on the pool (runParallel); the engine's `compareResults` /
 * `sensitivityFromResults` turn them into the result on a worker. Registered only when the engine has
 * `engine/compare` and `engine/sensitivity` (see `analysisAvailable`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { InputError, type Scenario, type TrialResults } from '../../engine/index.js';
import { runParallel, type Pool } from '../../parallel/index.js';
import { badRequest, fromInputIssues, type ApiIssue } from '../errors.js';
import { asObject, checkKnownKeys, optionalInt, readBody, scenarioFrom } from '../request.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';

interface StudyModule {
  parseStudy(input: unknown, readFile?: (path: string) => string): { trials?: number; seed?: number; baseline: Scenario; variants: { name: string; scenario: Scenario }[] };
}
interface SensitivityRun {
  lowScenario: Scenario;
  highScenario: Scenario;
}
interface SensitivityModule {
  planSensitivity(s: Scenario, params?: { path: string; low?: number; high?: number }[], relative?: number): SensitivityRun[];
}

const engineDir = new URL('../../engine/', import.meta.url);

/** True when the engine files the two routes call are present (as .ts source or compiled .js). */
export function analysisAvailable(): { compare: boolean; sensitivity: boolean } {
  const has = (name: string) => ['.ts', '.js'].some((ext) => existsSync(fileURLToPath(new URL(name + ext, engineDir))));
  return { compare: has('compare') && has('study'), sensitivity: has('sensitivity') };
}

async function engineModule<T>(name: string): Promise<T> {
  // a computed specifier: the module may not exist in every build of the engine
  const spec = `../../engine/${name}.js`;
  return (await import(/* @vite-ignore */ spec)) as T;
}

/** Runs engine validation, turning an InputError into a 400. */
function validated<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError || (e instanceof Error && e.name === 'InputError' && Array.isArray((e as InputError).errors))) throw badRequest(fromInputIssues((e as InputError).errors));
    throw e;
  }
}

/**
 * @example app.route('/api', analysisRoutes(runner, pool, { readPreset }))
 */
export function analysisRoutes(
  runner: Runner,
  pool: Pool,
  opts: { features: { compare: boolean; sensitivity: boolean }; readPreset: (name: string) => string },
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const run = (scenario: Scenario, trials: number, seed: number, signal: AbortSignal) => runParallel(scenario, { trials, seed, pool, signal });

  if (opts.features.compare) {
    r.post('/compare', async (c) => {
      const body = asObject(await readBody(c));
      // a study as JSON, or { yaml: study text }; scenario files it names are read from the presets
      const input = typeof body.yaml === 'string' && Object.keys(body).length === 1 ? body.yaml : body;
      const { parseStudy } = await engineModule<StudyModule>('study');
      const study = validated(() => parseStudy(input, opts.readPreset));
      const trials = study.trials ?? study.baseline.trials;
      const seed = study.seed ?? study.baseline.seed;
      const all = [study.baseline, ...study.variants.map((v) => v.scenario)];
      const result = await runner.call(
        all.map((scenario) => ({ scenario, trials })),
        async (signal) => {
          const t0 = performance.now();
          const base = await run(study.baseline, trials, seed, signal);
          const variants: { name: string; scenario: Scenario; results: TrialResults }[] = [];
          for (const v of study.variants) variants.push({ ...v, results: await run(v.scenario, trials, seed, signal) });
          return pool.run(
            { module: 'compare', fn: 'compareResults', args: [study.baseline, base, variants, { seed, elapsedMs: performance.now() - t0 }] },
            { name: 'call', signal },
          );
        },
        c.req.raw.signal,
      );
      return c.json(result as object);
    });
  }

  if (opts.features.sensitivity) {
    r.post('/sensitivity', async (c) => {
      const body = asObject(await readBody(c));
      const errors: ApiIssue[] = [];
      checkKnownKeys(body, ['scenario', 'yaml', 'trials', 'seed', 'params', 'relative'], errors);
      const trialsOpt = optionalInt(body, 'trials', 1, 1_000_000, errors);
      const seedOpt = optionalInt(body, 'seed', 0, 2 ** 32 - 1, errors);
      const input = body.scenario === undefined && typeof body.yaml === 'string' ? scenarioFrom(body.yaml, 'yaml', errors) : scenarioFrom(body.scenario, 'scenario', errors);
      let params: { path: string; low?: number; high?: number }[] | undefined;
      if (body.params !== undefined) {
        if (!Array.isArray(body.params)) errors.push({ path: 'params', rule: 'must be a list', message: 'params: must be a list of { path, low?, high? }' });
        else
          params = body.params.map((p: unknown, i: number) => {
            const o = p as Record<string, unknown>;
            const ok = o && typeof o === 'object' && typeof o.path === 'string' && ['low', 'high'].every((k) => o[k] === undefined || (typeof o[k] === 'number' && Number.isFinite(o[k])));
            if (!ok) errors.push({ path: `params[${i}]`, rule: 'must be { path, low?, high? }', message: `params[${i}]: must be { path: string, low?: number, high?: number }` });
            return ok ? { path: o.path as string, low: o.low as number | undefined, high: o.high as number | undefined } : { path: '' };
          });
      }
      const relative = body.relative;
      if (relative !== undefined && (typeof relative !== 'number' || !(relative > 0 && relative < 1)))
        errors.push({ path: 'relative', rule: 'must be a number between 0 and 1 (exclusive)', message: 'relative: must be a number between 0 and 1 (exclusive)' });
      if (errors.length > 0 || !input) throw badRequest(errors);
      const scenario = input.scenario;
      const trials = trialsOpt ?? scenario.trials;
      const seed = seedOpt ?? scenario.seed;
      const { planSensitivity } = await engineModule<SensitivityModule>('sensitivity');
      const runs = validated(() => planSensitivity(scenario, params, (relative as number | undefined) ?? 0.2));
      const all = [scenario, ...runs.flatMap((x) => [x.lowScenario, x.highScenario])];
      const result = await runner.call(
        all.map((s) => ({ scenario: s, trials })),
        async (signal) => {
          const t0 = performance.now();
          const base = await run(scenario, trials, seed, signal);
          const results: { low: TrialResults; high: TrialResults }[] = [];
          for (const x of runs) results.push({ low: await run(x.lowScenario, trials, seed, signal), high: await run(x.highScenario, trials, seed, signal) });
          return pool.run(
            { module: 'sensitivity', fn: 'sensitivityFromResults', args: [scenario, base, runs, results, { seed, elapsedMs: performance.now() - t0 }] },
            { name: 'call', signal },
          );
        },
        c.req.raw.signal,
      );
      return c.json(result as object);
    });
  }
  return r;
}
