/**
 * The draws of a run's uncertain parameters: trial t's value of parameter j. Deterministic in
 * (seed, number of trials n, the uncertainty block) and independent of how trials are chunked or spread
 * over workers (every worker computes the same design and reads its rows).
 *
 * Streams (ids from pathStreamId, disjoint from seat and trial stream ids):
 * - each trial's uniform for parameter j comes from a stream keyed by (seed, trial, path): the trial key
 *   of engine/random/trialKey.ts and the path's id. With `sampling: random` and no correlation, that
 *   uniform is the draw: two scenarios sharing an uncertain parameter share its draws trial by trial.
 * - `sampling: lhs`: the uniform is the jitter inside the trial's stratum; the strata are a permutation
 *   drawn from a stream keyed by (seed, n, path) (trial key of trial index -1 - n, never a real trial).
 *   Two scenarios with the same n and seed share the parameter's draws.
 * - correlations: Iman-Conover reorders the correlated parameters' columns (each keeps its values), with
 *   score orders keyed by (seed, n, path) (salt 1). The rank correlation targets rho are turned into
 *   normal-score correlations 2 sin(pi rho / 6) (exact for a Gaussian copula), so the realised Spearman
 *   correlations aim at rho itself.
 */
import { createStreams, nextU, seedStream } from '../random/streams.js';
import { trialKey } from '../random/trialKey.js';
import { canonicalJson } from '../scenario.js';
import { cholesky } from './correlationMatrix.js';
import { imanConover } from './imanConover.js';
import { latinHypercube } from './latinHypercube.js';
import { pathStreamId } from './pathStreamId.js';
import { permutation } from './permutation.js';
import { compileParameter, drawValue, type CompiledParameter, type Uncertainty } from './resolve.js';
import { parsePath } from '../schema-walk.js';
import { formatPath } from '../errors.js';

export interface Design {
  params: CompiledParameter[];
  /** trials in the design (the run's) */
  n: number;
  /** first trial and number of trials held */
  from: number;
  count: number;
  /** uniforms and values, row-major: index (t - from) * k + j */
  u: Float64Array;
  values: Float64Array;
}

let memo: { key: string; design: Design } | null = null;

/**
 * Trials [from, from + count) of the design of an n-trial run.
 * @example uncertainDesign({ parameters: [{ path: 'reps.winRate', distribution: { uniform: [0.2, 0.4] } }], correlations: [], sampling: 'lhs' }, 1, 100).values.length // 100
 */
export function uncertainDesign(un: Uncertainty, seed: number, n: number, from = 0, count = n - from): Design {
  if (!(Number.isInteger(n) && n >= 1 && from >= 0 && count >= 0 && from + count <= n)) throw new RangeError(`uncertainDesign: trials [${from}, ${from + count}) outside a run of ${n}`);
  const params = un.parameters.map((p) => compileParameter(p));
  const k = params.length;
  const ids = params.map((p) => pathStreamId(p.path));
  const perTrial = un.sampling === 'random' && un.correlations.length === 0;
  if (perTrial) return { params, n, from, count, u: trialUniforms(seed, from, count, ids), values: valuesOf(params, trialUniforms(seed, from, count, ids)) };
  const key = `${seed}:${n}:${canonicalJson(un)}`;
  let full = memo?.key === key ? memo.design : null;
  if (!full) {
    const u = trialUniforms(seed, 0, n, ids);
    const S = createStreams(1);
    const dk = new Int32Array(2);
    trialKey(seed, -1 - n, dk);
    if (un.sampling === 'lhs') {
      const jit = new Float64Array(n);
      for (let j = 0; j < k; j++) {
        seedStream(S, 0, dk[0], dk[1], ids[j]);
        for (let t = 0; t < n; t++) jit[t] = u[t * k + j];
        const col = latinHypercube(permutation(S, 0, n), jit);
        for (let t = 0; t < n; t++) u[t * k + j] = col[t];
      }
    }
    if (un.correlations.length > 0) correlate(un, params, u, n, k, S, dk);
    full = { params, n, from: 0, count: n, u, values: valuesOf(params, u) };
    memo = { key, design: full };
  }
  if (from === 0 && count === n) return full;
  return { params, n, from, count, u: full.u.slice(from * k, (from + count) * k), values: full.values.slice(from * k, (from + count) * k) };
}

function trialUniforms(seed: number, from: number, count: number, ids: number[]): Float64Array {
  const k = ids.length;
  const u = new Float64Array(count * k);
  const S = createStreams(1);
  const key = new Int32Array(2);
  for (let i = 0; i < count; i++) {
    trialKey(seed, from + i, key);
    for (let j = 0; j < k; j++) {
      seedStream(S, 0, key[0], key[1], ids[j]);
      u[i * k + j] = nextU(S, 0);
    }
  }
  return u;
}

function valuesOf(params: CompiledParameter[], u: Float64Array): Float64Array {
  const k = params.length;
  const v = new Float64Array(u.length);
  for (let i = 0; i < u.length; i++) v[i] = drawValue(params[i % k], u[i]);
  return v;
}

function correlate(un: Uncertainty, params: CompiledParameter[], u: Float64Array, n: number, k: number, S: Int32Array, dk: Int32Array): void {
  const index = new Map(params.map((p, j) => [p.path, j]));
  const at = (p: string) => index.get(formatPath(parsePath(p) ?? [p]))!;
  const cols = [...new Set(un.correlations.flatMap((c) => c.between.map(at)))].sort((a, b) => a - b);
  const m = cols.length;
  const pos = new Map(cols.map((j, c) => [j, c]));
  const target = new Float64Array(m * m);
  const raw = new Float64Array(m * m);
  for (let c = 0; c < m; c++) target[c * m + c] = raw[c * m + c] = 1;
  for (const c of un.correlations) {
    const a = pos.get(at(c.between[0]))!,
      b = pos.get(at(c.between[1]))!;
    target[a * m + b] = target[b * m + a] = 2 * Math.sin((Math.PI * c.rho) / 6);
    raw[a * m + b] = raw[b * m + a] = c.rho;
  }
  const order = cols.map((j) => {
    seedStream(S, 0, dk[0], dk[1], pathStreamId(params[j].path, 1));
    return permutation(S, 0, n);
  });
  imanConover(u, n, k, cols, cholesky(target, m) ? target : raw, order);
}
