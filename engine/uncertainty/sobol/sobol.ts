/**
 * Variance-based sensitivity: first-order and total Sobol indices of any scalar output of k independent
 * inputs, by Saltelli's plan (saltelli.ts) and Jansen's estimators (jansen.ts), with percentile
 * bootstrap intervals over the plan's n rows (Archer, Saltelli & Sobol 1997).
 *
 * The inputs are uniforms in (0, 1): the caller maps them through each input's quantile (a distribution
 * via engine/uncertainty/distribution.ts, or a random stream's trial index for simulation noise).
 * First-order S_i is the share of Var(Y) explained by input i alone; total ST_i the share that involves
 * input i at all (alone or with others); ST_i - S_i is its interactions. sum S_i <= 1 <= sum ST_i for
 * any model; sum S_i = 1 for an additive one.
 */
import { createStreams, nextU, seedStream } from '../../random/streams.js';
import { trialKey } from '../../random/trialKey.js';
import { quantileSorted } from '../../stats/quantile.js';
import { saltelliPlan } from './saltelli.js';
import { jansen } from './jansen.js';

export interface SobolOptions {
  /** rows of A and of B (the model runs n (k + 2) times) */
  n: number;
  seed: number;
  /** bootstrap resamples for the intervals; default 300 */
  bootstrap?: number;
  /** interval level; default 0.95 */
  level?: number;
}

export interface SobolIndex {
  first: number;
  firstCi: [number, number];
  total: number;
  totalCi: [number, number];
}

export interface SobolResult {
  n: number;
  /** model evaluations: n (k + 2) */
  evaluations: number;
  /** mean and variance of the output over A and B (2n independent draws of the inputs) */
  mean: number;
  variance: number;
  level: number;
  indices: SobolIndex[];
  /** the outputs, stacked [f(A); f(B); f(AB_1); ...; f(AB_k)] (f(A) and f(B) are 2n independent draws) */
  outputs: Float64Array;
}

/** The model: outputs for `rows` rows of k uniforms (row-major). */
export type SobolModel = (u: Float64Array, rows: number, k: number) => ArrayLike<number>;

/**
 * Sobol indices of `model` over k independent uniform inputs.
 * @example
 * // y = u0 + 2 u1: S = ST = [0.2, 0.8]
 * sobolIndices((u, rows) => Array.from({ length: rows }, (_, r) => u[2 * r] + 2 * u[2 * r + 1]), 2, { n: 4000, seed: 1 }).indices[1].first // ≈ 0.8
 */
export function sobolIndices(model: SobolModel, k: number, opts: SobolOptions): SobolResult {
  const plan = saltelliPlan(opts.seed, opts.n, k);
  const rows = opts.n * (k + 2);
  const y = Float64Array.from(model(plan, rows, k));
  if (y.length !== rows) throw new RangeError(`sobolIndices: the model returned ${y.length} outputs for ${rows} rows`);
  return sobolFromOutputs(y, k, opts);
}

/**
 * The indices from outputs already computed on Saltelli's plan (saltelliPlan(seed, n, k)), stacked
 * [f(A); f(B); f(AB_1); ...; f(AB_k)]: several outputs of one set of runs each get their indices.
 * @example // sobolFromOutputs(yOfPlan, 3, { n: 512, seed: 1 }).indices[0].total
 */
export function sobolFromOutputs(y: Float64Array, k: number, opts: SobolOptions): SobolResult {
  const { n, seed } = opts;
  const level = opts.level ?? 0.95;
  const B = opts.bootstrap ?? 300;
  const rows = n * (k + 2);
  if (y.length !== rows) throw new RangeError(`sobolFromOutputs: ${y.length} outputs for ${rows} rows`);
  const point = jansen(y, n, k);
  const boots = bootstrap(y, n, k, B, seed);
  const lo = (1 - level) / 2;
  const ci = (xs: Float64Array): [number, number] => {
    const s = xs.slice().sort();
    return [quantileSorted(s, lo), quantileSorted(s, 1 - lo)];
  };
  const indices: SobolIndex[] = [];
  for (let i = 0; i < k; i++) {
    const f = new Float64Array(B);
    const t = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      f[b] = boots[b].first[i];
      t[b] = boots[b].total[i];
    }
    indices.push({ first: point.first[i], firstCi: ci(f), total: point.total[i], totalCi: ci(t) });
  }
  return { n, evaluations: rows, mean: point.mean, variance: point.variance, level, indices, outputs: y };
}

function bootstrap(y: Float64Array, n: number, k: number, B: number, seed: number) {
  const key = new Int32Array(2);
  trialKey(seed, -(2 ** 40), key);
  const S = createStreams(1);
  seedStream(S, 0, key[0], key[1], 0x50b02);
  const rows = new Int32Array(n);
  const out = [];
  for (let b = 0; b < B; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(nextU(S, 0) * n);
    out.push(jansen(y, n, k, rows));
  }
  return out;
}
