/**
 * POST /api/compare/stream: the comparison of POST /api/compare as Server-Sent Events, so a client can
 * show how far it is: `progress` events `{ done, total, trials, designs: [ { name, done } ] }` (trials
 * done over all designs and per design; the designs run one after another on the same seed), then one
 * `result` (the CompareResult /api/compare answers, bit-identical) or an `error` `{ status, errors }`.
 * Bad requests and work over the budget are answered before the stream starts; `assumptions` is
 * refused here (ask POST /api/compare). A precision-targeted comparison runs every design on the same
 * blocks together: its progress is the trials done per design of the cap (`trials`), up to the block
 * after which the targets hold.
 */
import { Hono } from 'hono';
import { streamWork } from '../streamWork.js';
import { runComparison, type Pool } from '../../parallel/index.js';
import { badRequest } from '../errors.js';
import { checkWork } from '../limits.js';
import { withFittedCap } from '../precision.js';
import { asObject, readBody } from '../request.js';
import type { Runner } from '../runner.js';
import type { AppEnv } from '../env.js';
import { parseComparison, presetReader } from './analysis.js';

/** A comparison's progress event. */
export interface CompareProgress {
  done: number;
  total: number;
  /** trials per design */
  trials: number;
  /** per design (baseline first): trials done */
  designs: { name: string; done: number }[];
}

/**
 * Trials done per design when `done` trials of `names.length` designs of `trials` each ran in order.
 * @example designProgress(['A', 'B'], 100, 150) // [{ name: 'A', done: 100 }, { name: 'B', done: 50 }]
 */
export function designProgress(names: string[], trials: number, done: number): CompareProgress['designs'] {
  return names.map((name, i) => ({ name, done: Math.max(0, Math.min(trials, done - i * trials)) }));
}

/**
 * @example app.route('/api', compareStreamRoutes(runner, pool, { presetsDir: 'scenarios' }))
 */
export function compareStreamRoutes(runner: Runner, pool: Pool, opts: { presetsDir: string }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const readFile = presetReader(opts.presetsDir);
  r.post('/compare/stream', async (c) => {
    const body = asObject(await readBody(c));
    if (body.assumptions !== undefined && body.assumptions !== false)
      throw badRequest([{ path: 'assumptions', rule: 'is not streamed', message: 'assumptions: the assumption analysis is not streamed; ask POST /api/compare' }]);
    const { assumptions: _a, ...rest } = body;
    const { baseline, variants, trials: n, seed, precision: asked } = parseComparison(rest, readFile);
    const all = [baseline, ...variants.map((v) => v.scenario)];
    const precision = asked && withFittedCap(asked, all, runner.limits);
    const trials = precision ? precision.maxTrials : n;
    const work = all.map((scenario) => ({ scenario, trials }));
    checkWork(work, runner.limits); // over the budget: a 422 before the stream starts
    const names = [String(baseline.name ?? 'Baseline'), ...variants.map((v) => v.name)];
    return streamWork(c, (stream, signal) => {
      let last = -1;
      return runner.call(
        work,
        (s) =>
          runComparison(baseline, variants, {
            trials,
            seed,
            pool,
            signal: s,
            precision,
            onProgress: (done, total) => {
              // at most one event per 1% of the work (and the last), in order
              if (stream.aborted || (done < total && done - last < total / 100)) return;
              last = done;
              // a precision run: every design has run done / designs trials (of the cap); else one design after another
              const designs = precision ? names.map((name) => ({ name, done: done / names.length })) : designProgress(names, trials, done);
              const p: CompareProgress = { done, total, trials, designs };
              stream.writeSSE({ event: 'progress', data: JSON.stringify(p) }).catch(() => {}); // a write after the client left: nothing to do
            },
          }),
        signal,
      );
    });
  });
  return r;
}
